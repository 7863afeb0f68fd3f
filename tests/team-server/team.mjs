// Setting up a team database on the test peer with `workbook team-server` (the command line a
// CouchDB admin runs, `src/bin/workbook/team_server.rs`): one way of making a team everywhere.
// Used by `make team-server` (the demo team) and the tests. Needs `cargo build --bin workbook`.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKBOOK = `${ROOT}target/debug/workbook`;

// Never synchronously: the server may be in this very process (`--demo`).
async function workbook(args, admin) {
  if (!existsSync(WORKBOOK)) throw new Error(`${WORKBOOK} is missing: run cargo build --bin workbook`);
  const { stdout } = await promisify(execFile)(WORKBOOK, ['team-server', ...args], {
    env: { ...process.env, COUCHDB_USER: admin.admin, COUCHDB_PASSWORD: admin.password },
    encoding: 'utf8',
  });
  return JSON.parse(stdout);
}

/** A team database with its security and validation, and these members (each with a password). */
export async function setUpTeam(base, admin, { team, members }) {
  const { database } = await workbook(['setup', '--server', base, '--team', team], admin);
  const made = [];
  for (const member of members) {
    const added = await workbook(['add-member', '--server', base, '--team', team, '--name', member.name, ...(member.senior ? ['--senior'] : [])], admin);
    made.push({ ...member, password: added.password });
  }
  return { database, members: made };
}

/** The demo team of `make team-server`: an officer and their senior (fictional). */
export function setUpDemoTeam(base, admin) {
  return setUpTeam(base, admin, {
    team: 'demo',
    members: [{ name: 'alex.trainee' }, { name: 'sam.senior', senior: true }],
  });
}

/** Takes `name` out of team `team`: their role goes, so the server refuses them the database. */
export function removeMember(base, admin, { team, name }) {
  return workbook(['remove-member', '--server', base, '--team', team, '--name', name], admin);
}
