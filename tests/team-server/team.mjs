// Setting up a team database on the test peer as `workbook team-server setup` does on CouchDB:
// the database, its _security (members by role, no database admins), the validation design
// document and member users with roles. Used by `make team-server` (the demo team) and the tests.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const VALIDATE = new URL('../../src/domain/sync/validate_doc_update.js', import.meta.url);

export const basic = ({ admin, password }) => `Basic ${Buffer.from(`${admin}:${password}`).toString('base64')}`;

async function call(base, admin, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: basic(admin), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/** A team database named `t-<random>`, its security and validation, and these members. */
export async function setUpTeam(base, admin, { team, members }) {
  if (!/^[a-z0-9-]{1,40}$/.test(team)) throw new Error(`a team id is lower-case letters, digits and dashes: ${team}`);
  const database = `t-${randomBytes(8).toString('hex')}`;
  await call(base, admin, 'PUT', `/${database}`);
  await call(base, admin, 'PUT', `/${database}/_security`, {
    // No database admins: only the server's admins change _security and the design document.
    admins: { names: [], roles: [] },
    members: { names: [], roles: [`team:${team}`] },
  });
  await call(base, admin, 'PUT', `/${database}/_design/workbook`, {
    validate_doc_update: (await readFile(VALIDATE, 'utf8')).trim().replace('%TEAM_ROLE%', `team:${team}`),
  });
  const made = [];
  for (const member of members) {
    const password = member.password ?? randomBytes(9).toString('hex');
    const roles = member.senior ? [`team:${team}`, `team:${team}:senior`] : [`team:${team}`];
    await call(base, admin, 'PUT', `/_users/org.couchdb.user:${member.name}`, {
      _id: `org.couchdb.user:${member.name}`, name: member.name, password, roles, type: 'user',
    });
    made.push({ ...member, password });
  }
  return { database, members: made };
}

/** The demo team of `make team-server`: an officer and their senior (fictional). */
export function setUpDemoTeam(base, admin) {
  return setUpTeam(base, admin, {
    team: 'demo',
    members: [
      { name: 'alex.trainee', password: 'demo-officer' },
      { name: 'sam.senior', password: 'demo-senior', senior: true },
    ],
  });
}
