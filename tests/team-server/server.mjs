// The team sync test peer (issue 21, ../shared/docs/sync.md "Test peer"): express-pouchdb on
// PouchDB 9, in memory, bound to 127.0.0.1 only. It speaks enough of Apache CouchDB 3's HTTP API
// (databases, _changes, _bulk_docs, _bulk_get, _revs_diff, _local, _security, _users, _session,
// validate_doc_update) to test our client against; it is never a production server.
//
//   node tests/team-server/server.mjs [--port 5984] [--demo] [--dist dist] [--cors loopback] [--expose-demo]
//
// --demo creates the demo team (README "Try team sync"); --dist also serves the built app from the
// same origin, as production would behind a TLS proxy. The admin's name and password come from
// TEAM_SERVER_ADMIN and TEAM_SERVER_PASSWORD (default admin / a random one, printed).

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import express from 'express';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { removeMember, setUpDemoTeam, setUpTeam } from './team.mjs';

// pouchdb-validation 4.2 sets every written document's `_revisions` to the stored one's before
// running validate_doc_update, so a replicated revision (`new_edits: false`) of a document that
// exists is silently dropped: CouchDB never does that. The one line is mended here, in memory,
// before express-pouchdb loads it (seen failing: a pushed second revision never reached _changes).
{
  const require = createRequire(createRequire(import.meta.url).resolve('express-pouchdb'));
  const path = require.resolve('pouchdb-validation');
  const wrong = 'newDoc._revisions = (oldDoc || {})._revisions;';
  const source = readFileSync(path, 'utf8');
  if (!source.includes(wrong)) throw new Error(`team server: ${path} changed: check the _revisions mend`);
  const mended = new Module(path, null);
  mended.filename = path;
  mended.paths = Module._nodeModulePaths(path);
  mended._compile(source.replace(wrong, 'newDoc._revisions = newDoc._revisions || (oldDoc || {})._revisions;'), path);
  mended.loaded = true;
  require.cache[path] = mended;
}
const { default: expressPouchDB } = await import('express-pouchdb');

const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const HOST = '127.0.0.1';
const port = Number(argument('port', process.env.TEAM_SERVER_PORT ?? 5984));
const admin = process.env.TEAM_SERVER_ADMIN ?? 'admin';
const password = process.env.TEAM_SERVER_PASSWORD ?? randomBytes(12).toString('hex');

PouchDB.plugin(memory).plugin(http).plugin(mapreduce).plugin(replication);
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

process.on('uncaughtException', (error) => console.error('team server: uncaught', error));
process.on('unhandledRejection', (error) => console.error('team server: unhandled', error));

const app = express();
// --cors loopback: the in-browser store tests (`make wasm-test`) call this server from the test
// runner's page on another loopback port, with the session cookie, as CouchDB's [cors] section
// with `credentials = true` and an exact origin would let them. Only loopback origins are let in.
if (argument('cors', null) === 'loopback') {
  app.use((request, response, next) => {
    const origin = request.headers.origin ?? '';
    if (/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(origin)) {
      response.set('Access-Control-Allow-Origin', origin);
      response.set('Access-Control-Allow-Credentials', 'true');
      response.set('Vary', 'Origin');
      if (request.method === 'OPTIONS') {
        response.set('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE');
        response.set('Access-Control-Allow-Headers', 'Accept, Content-Type');
        response.status(204).end();
        return;
      }
    }
    next();
  });
}
let demo = null;
// --expose-demo (tests only, with --demo): GET /_demo answers the demo team's database and its
// members' first passwords, so an in-browser test, which cannot read this process's output, can
// sign in as a member.
if (process.argv.includes('--expose-demo')) {
  app.get('/_demo', (_request, response) => (demo ? response.json(demo) : response.status(503).json({ error: 'not_ready' })));
  // POST /_demo/team: a team of one test's own (every test shares the demo team's database), with
  // two officers and a senior; POST /_demo/team/<team>/remove/<name>: that member taken out, as
  // `workbook team-server remove-member` does it.
  let teams = 0;
  const answer = (work) => async (request, response) => {
    try {
      response.json(await work(request));
    } catch (error) {
      response.status(500).json({ error: String(error) });
    }
  };
  app.post('/_demo/team', answer(async () => {
    teams += 1;
    const team = `team${teams}`;
    const members = [{ name: `${team}.officer` }, { name: `${team}.second` }, { name: `${team}.senior`, senior: true }];
    return { team, ...(await setUpTeam(base, { admin, password }, { team, members })) };
  }));
  app.post('/_demo/team/:team/remove/:name', answer((request) => removeMember(base, { admin, password }, request.params)));
}
const couch = expressPouchDB(MemoryPouch, {
  mode: 'fullCouchDB',
  inMemoryConfig: true,
  logPath: '/dev/null',
  overrideMode: { exclude: ['routes/fauxton'] },
});
// CouchDB answers a signed-in user who is not a member of a database 403 ("forbidden": since
// COUCHDB-2534), and 401 only to someone not signed in; express-pouchdb answers 401 to both. The
// app tells the two apart (a 403 means "no longer in this team": its data leaves the browser), so
// this peer says 403 as CouchDB does: a request with a session cookie to a database whose
// `_security` names members, from a user who is neither one of them nor has one of their roles.
let base = null;
const membership = async (request, response, next) => {
  const database = decodeURIComponent(request.path.split('/')[1] ?? '');
  if (!base || !database || database.startsWith('_') || !request.headers.cookie || request.headers.authorization) return next();
  try {
    const session = await (await fetch(`${base}/_session`, { headers: { cookie: request.headers.cookie } })).json();
    const user = session.userCtx ?? {};
    if (!user.name || user.roles?.includes('_admin')) return next();
    const answer = await fetch(`${base}/${encodeURIComponent(database)}/_security`, { headers: { authorization: `Basic ${Buffer.from(`${admin}:${password}`).toString('base64')}` } });
    if (!answer.ok) return next();
    const { members = {} } = await answer.json();
    const [names, roles] = [members.names ?? [], members.roles ?? []];
    if (names.length + roles.length === 0 || names.includes(user.name) || user.roles.some((role) => roles.includes(role))) return next();
    response.status(403).json({ error: 'forbidden', reason: 'You are not allowed to access this db.' });
  } catch (error) {
    next(error);
  }
};
// CouchDB's longpoll (`_changes?feed=longpoll&timeout=…`) answers at the first change after
// `since`, or after `timeout` ms with no results. express-pouchdb ignores `timeout` and holds a
// quiet longpoll open for ever (seen: the replicator's longpoll test hung). This peer answers it as
// CouchDB does, from the normal feed, looked at every 200 ms until a change or the timeout.
const longpoll = async (request, response, next) => {
  const [, database, what] = request.path.split('/');
  if (request.method !== 'GET' || what !== '_changes' || request.query.feed !== 'longpoll' || !base) return next();
  try {
    const query = new URLSearchParams(request.query);
    const timeout = Math.min(Number(query.get('timeout') ?? 60_000), 300_000);
    for (const name of ['feed', 'timeout', 'heartbeat']) query.delete(name);
    const headers = { cookie: request.headers.cookie ?? '', authorization: request.headers.authorization ?? '' };
    const until = Date.now() + timeout;
    let closed = false;
    request.on('close', () => { closed = true; });
    for (;;) {
      const answer = await fetch(`${base}/${database}/_changes?${query}`, { headers });
      const body = await answer.json();
      if (!answer.ok || (body.results ?? []).length > 0 || Date.now() >= until || closed) {
        response.status(answer.status).json(body);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    if (!response.headersSent && !request.destroyed) next(error);
  }
};
const dist = argument('dist', null);
if (dist) {
  // The app at /, CouchDB under /db: one origin, no CORS.
  app.use('/db', membership, longpoll, couch);
  app.use(express.static(dist));
  app.get(/.*/, (_request, response) => response.sendFile('index.html', { root: dist }));
} else {
  app.use(membership, longpoll, couch);
}

const configure = (section, key, value) =>
  new Promise((resolve, reject) => couch.couchConfig.set(section, key, value, (error) => (error ? reject(error) : resolve())));
await configure('admins', admin, password);
await configure('couch_httpd_auth', 'require_valid_user', 'true');
await configure('couchdb', 'admin_only_all_dbs', 'true');

const server = app.listen(port, HOST, async () => {
  base = `http://${HOST}:${server.address().port}${dist ? '/db' : ''}`;
  console.log(`team server: ${base} (admin ${admin}, password ${password})`);
  if (process.argv.includes('--demo')) {
    demo = await setUpDemoTeam(base, { admin, password });
    console.log(`team server: demo team database ${demo.database}; sign in as ${demo.members.map((m) => `${m.name} / ${m.password}`).join(', ')}`);
  }
  console.log('team server: ready');
});
server.on('error', (error) => {
  console.error(`team server: cannot listen on ${HOST}:${port}: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  // Longpolls held open by browsers are cut at once, not waited for.
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
