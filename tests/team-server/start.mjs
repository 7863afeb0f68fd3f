// Starts the team sync test peer (server.mjs) on a free loopback port for a test or the bench,
// serving the release build from `dist/` and CouchDB under /db on one origin, with the demo team:
// `{ child, origin, demo, adminPassword }`, `demo` being the team's database and its members'
// first passwords (GET /_demo, --expose-demo).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function startPeer() {
  const adminPassword = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, ['tests/team-server/server.mjs', '--port', '0', '--demo', '--expose-demo', '--dist', 'dist'], {
    cwd: ROOT,
    env: { ...process.env, TEAM_SERVER_ADMIN: 'admin', TEAM_SERVER_PASSWORD: adminPassword },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const base = seen.match(/team server: (http:\/\/127\.0\.0\.1:\d+)\/db/);
      if (base && seen.includes('team server: ready')) resolve(base[1]);
    });
    child.on('exit', (code) => reject(new Error(`the test peer stopped (${code}): ${seen}`)));
  });
  const demo = await (await fetch(`${origin}/_demo`)).json();
  return {
    child,
    origin,
    demo,
    adminPassword,
    officer: demo.members.find((m) => !m.senior),
    senior: demo.members.find((m) => m.senior),
  };
}
