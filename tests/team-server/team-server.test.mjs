// The test peer as a team database server (issue 21): started and stopped by this test, on
// loopback only. What it must refuse is what CouchDB with our _security and validation design
// document refuses; a PouchDB client in Node replicates from it as a second, independent peer.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { setUpTeam } from './team.mjs';

PouchDB.plugin(memory).plugin(http).plugin(replication);

const ADMIN = { admin: 'admin', password: 'test-admin-password' };
const ENVELOPE = { v: 1, schema: 10, epoch: 1, by: '3545 CE2B 9053 ED4A B29D 1AC1 8CEE 1033', iv: 'CQkJCQkJCQkJCQkJ', ct: 'J4WE', sig: '7WQq' };
const ID = '0123456789abcdef0123456789abcdef';
let server;
let base;
let team;
let otherTeam;

before(async () => {
  server = spawn(process.execPath, ['tests/team-server/server.mjs', '--port', '0'], {
    env: { ...process.env, TEAM_SERVER_ADMIN: ADMIN.admin, TEAM_SERVER_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  server.stdout.setEncoding('utf8');
  while (!output.includes('team server: ready')) {
    const [chunk] = await once(server.stdout, 'data');
    output += chunk;
  }
  base = output.match(/team server: (http:\/\/[^ ]+)/)[1];
  team = await setUpTeam(base, ADMIN, {
    team: 'north',
    members: [{ name: 'alex.trainee' }, { name: 'sam.senior', senior: true }],
  });
  // Someone in another team's database.
  otherTeam = await setUpTeam(base, ADMIN, { team: 'south', members: [{ name: 'kim.elsewhere' }] });
});

after(() => server?.kill());

async function signIn(name) {
  const member = [...team.members, ...otherTeam.members].find((m) => m.name === name) ?? { name, password: 'wrong' };
  const response = await fetch(`${base}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: member.name, password: member.password }),
  });
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

async function as(cookie, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

test('it listens on loopback only', () => {
  assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('the team database is closed to anyone not signed in, and to other teams', async () => {
  assert.equal((await as(null, 'GET', `/${team.database}`)).status, 401);
  assert.equal((await signIn('alex.trainee-typo')).status, 401);
  // A member of another team signs in, and still cannot read or write this team's database:
  // forbidden (403), as CouchDB answers a signed-in user who is not a member.
  const other = await signIn('kim.elsewhere');
  assert.equal(other.status, 200);
  assert.equal((await as(other.cookie, 'GET', `/${team.database}`)).status, 403);
  assert.equal((await as(other.cookie, 'PUT', `/${team.database}/${ID}`, { envelope: ENVELOPE })).status, 403);
  assert.equal((await as(other.cookie, 'GET', `/${otherTeam.database}`)).status, 200);
});

test('a member reads and writes envelopes only; only a senior writes the keyring', async () => {
  const officer = await signIn('alex.trainee');
  assert.equal(officer.status, 200);
  assert.ok(officer.cookie, 'a session cookie, not a stored password');
  const info = await as(officer.cookie, 'GET', `/${team.database}`);
  assert.equal(info.status, 200);
  assert.ok('update_seq' in info.body);

  const plain = await as(officer.cookie, 'PUT', `/${team.database}/${ID}`, { name: 'Jordan Fictional', crn: 'X123456' });
  assert.equal(plain.status, 403);
  assert.match(plain.body.reason, /holds only an envelope: "name" is not allowed/);
  const extra = await as(officer.cookie, 'PUT', `/${team.database}/${ID}`, { envelope: { ...ENVELOPE, name: 'Jordan' } });
  assert.equal(extra.status, 403);
  const badId = await as(officer.cookie, 'PUT', `/${team.database}/case-jordan`, { envelope: ENVELOPE });
  assert.equal(badId.status, 403);
  assert.match(badId.body.reason, /32 hexadecimal digits/);
  const written = await as(officer.cookie, 'PUT', `/${team.database}/${ID}`, { envelope: ENVELOPE });
  assert.equal(written.status, 201);

  const keyring = await as(officer.cookie, 'PUT', `/${team.database}/keyring-1-3545ce2b`, { envelope: ENVELOPE });
  assert.equal(keyring.status, 403);
  assert.match(keyring.body.reason, /Only a senior/);
  const design = await as(officer.cookie, 'PUT', `/${team.database}/_design/workbook`, { validate_doc_update: 'function () {}' });
  assert.ok([401, 403].includes(design.status), `design document change refused (${design.status})`);

  const senior = await signIn('sam.senior');
  const seniorKeyring = await as(senior.cookie, 'PUT', `/${team.database}/keyring-1-3545ce2b`, { envelope: ENVELOPE });
  assert.equal(seniorKeyring.status, 201);
  const seniorDesign = await as(senior.cookie, 'PUT', `/${team.database}/_design/other`, { validate_doc_update: 'function () {}' });
  assert.ok([401, 403].includes(seniorDesign.status), `a senior cannot change the validation either (${seniorDesign.status})`);
});

test('a PouchDB client in Node replicates the team database as a second peer', async () => {
  const senior = await signIn('sam.senior');
  const remote = new PouchDB(`${base}/${team.database}`, {
    fetch: (url, options) => {
      options.headers.set('cookie', senior.cookie);
      return PouchDB.fetch(url, options);
    },
  });
  const local = new PouchDB('second-peer', { adapter: 'memory' });
  const pulled = await local.replicate.from(remote);
  assert.equal(pulled.ok, true);
  const doc = await local.get(ID, { revs: true });
  assert.deepEqual(doc.envelope, ENVELOPE);
  assert.equal(doc._revisions.start, 1);
  await local.destroy();
});

test('make team-server: the demo team, the app and the database on one origin', async () => {
  // A stand-in for the built app (this runs before `make build`): the page is what is served.
  const dist = await mkdtemp(join(tmpdir(), 'team-server-dist-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Probation Workbook</title>');
  const demo = spawn(process.execPath, ['tests/team-server/server.mjs', '--port', '0', '--demo', '--dist', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    demo.stdout.setEncoding('utf8');
    while (!output.includes('team server: ready')) {
      const [chunk] = await once(demo.stdout, 'data');
      output += chunk;
    }
    const at = output.match(/team server: (http:\/\/[^ ]+)/)[1];
    assert.match(at, /^http:\/\/127\.0\.0\.1:\d+\/db$/);
    const [, database, officer, password] = output.match(/demo team database (t-[0-9a-f]+); sign in as (alex\.trainee) \/ ([0-9a-f]+)/);
    const signedIn = await fetch(`${at}/_session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: officer, password }),
    });
    assert.equal(signedIn.status, 200);
    const cookie = signedIn.headers.get('set-cookie').split(';')[0];
    assert.equal((await fetch(`${at}/${database}`, { headers: { cookie } })).status, 200);
    // The app itself at the root of the same origin, deep links included.
    const app = await fetch(at.replace(/\/db$/, '/cases/any'));
    assert.equal(app.status, 200);
    assert.match(await app.text(), /Probation Workbook/);
  } finally {
    demo.kill();
  }
});
