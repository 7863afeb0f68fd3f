// Serves the built app (dist/) on loopback for the browser tests, falling back to index.html for
// app routes as `trunk serve` does. Usage: node tests/e2e/serve-dist.mjs [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist');
const port = Number(process.argv[2] ?? process.env.PORT ?? 8081);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.png': 'image/png',
  '.tsv': 'text/tab-separated-values; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json',
};

async function fileFor(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root)) return null;
  try {
    if ((await stat(path)).isFile()) return path;
  } catch { /* not a file: an app route */ }
  return extname(urlPath) ? null : join(root, 'index.html');
}

createServer(async (request, response) => {
  const file = await fileFor(new URL(request.url, 'http://localhost').pathname);
  if (!file) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  response.end(await readFile(file));
}).listen(port, '127.0.0.1', () => console.log(`serving dist on http://127.0.0.1:${port}`));
