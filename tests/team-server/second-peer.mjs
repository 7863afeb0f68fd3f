// A second, independent replication peer (PouchDB 9 in Node): pulls a team database with a member's
// session and prints each document's winning revision and its conflicts, as PouchDB decides them.
//   node tests/team-server/second-peer.mjs URL DATABASE COOKIE
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';

PouchDB.plugin(memory).plugin(http).plugin(replication);
const [base, database, cookie] = process.argv.slice(2);
const remote = new PouchDB(`${base}/${database}`, {
  fetch: (url, options) => {
    options.headers.set('cookie', cookie);
    return PouchDB.fetch(url, options);
  },
});
const local = new PouchDB(`second-peer-${process.pid}`, { adapter: 'memory' });
await local.replicate.from(remote);
const { rows } = await local.allDocs({ include_docs: true, conflicts: true });
const winners = {};
for (const row of rows) {
  if (row.id.startsWith('_design/')) continue;
  winners[row.id] = { rev: row.doc._rev, conflicts: (row.doc._conflicts ?? []).sort() };
}
console.log(JSON.stringify(winners));
