// Writes the service worker of a build: Trunk runs this after every build (Trunk.toml, post_build).
// A release build gets assets/offline/sw.js with the list of every file the build made (by the names
// it gave them, each with its SHA-256) and a build id from that list; a development build gets
// assets/offline/sw-development.js, which removes any worker a release build left for this address.
//
// Usage: node scripts/precache.mjs [directory] — the directory defaults to Trunk's staging directory
// ($TRUNK_STAGING_DIR); the profile is $TRUNK_PROFILE ("release" for `trunk build --release`).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const directory = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!directory) {
  console.error('precache: give the build directory, or run from Trunk (TRUNK_STAGING_DIR)');
  process.exit(2);
}
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const WORKER = 'sw.js';

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

if (!release) {
  await writeFile(join(directory, WORKER), await readFile(join(here, '..', 'assets', 'offline', 'sw-development.js')));
  console.log('precache: development build, the worker removes itself');
  process.exit(0);
}

const files = [];
for await (const path of filesUnder(directory)) {
  const url = '/' + relative(directory, path).split(sep).join('/');
  if (url === `/${WORKER}`) continue;
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  files.push({ url, sha256 });
}
files.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
if (!files.some((file) => file.url === '/index.html')) {
  console.error(`precache: no index.html in ${directory}`);
  process.exit(1);
}
const build = createHash('sha256').update(files.map((file) => `${file.sha256}  ${file.url}\n`).join('')).digest('hex').slice(0, 16);
const template = await readFile(join(here, '..', 'assets', 'offline', 'sw.js'), 'utf8');
const worker = template.replace("'__BUILD__'", () => JSON.stringify(build)).replace('__FILES__', () => JSON.stringify(files, null, 1));
if (worker.includes('__BUILD__') || worker.includes('__FILES__')) {
  console.error('precache: the worker template lost its placeholders');
  process.exit(1);
}
await writeFile(join(directory, WORKER), worker);
console.log(`precache: build ${build}, ${files.length} files`);
