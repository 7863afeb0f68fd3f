// Runs a command beside a test peer with the demo team (issue 21): `make wasm-test` uses it so the
// in-browser store tests replicate with a real server over loopback. The peer listens on
// 127.0.0.1:5985 (tests/store.rs's PEER), lets loopback pages call it with cookies (--cors
// loopback) and answers the demo team's passwords at /_demo; it is stopped when the command ends.
//
//   node tests/team-server/with-peer.mjs <command> [arguments…]

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PORT = 5985;
const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('with-peer: give the command to run');
  process.exit(2);
}
const server = fileURLToPath(new URL('./server.mjs', import.meta.url));
const peer = spawn(process.execPath, [server, '--port', String(PORT), '--demo', '--cors', 'loopback', '--expose-demo'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  if (peer.exitCode === null) peer.kill('SIGTERM');
};
process.on('exit', stop);
await new Promise((resolve, reject) => {
  let seen = '';
  peer.stdout.on('data', (chunk) => {
    seen += chunk;
    if (seen.includes('team server: ready')) resolve();
  });
  peer.on('exit', (code) => reject(new Error(`with-peer: the test peer stopped (exit ${code}) before it was ready:\n${seen}`)));
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
peer.stdout.resume();
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
