// A static server for the built app on loopback, falling back to index.html for app routes as
// `trunk serve` does. `serve-dist.mjs` runs one for every journey; the offline journeys start their
// own, to stop it (the network gone) or to switch it to a second build.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.png': 'image/png',
  '.tsv': 'text/tab-separated-values; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json',
};

/** Serves `root` on 127.0.0.1:`port` (0: any free port); `setRoot` switches to another directory. */
export async function serveDirectory(root, port = 0) {
  let current = resolve(root);
  const fileFor = async (urlPath) => {
    const path = normalize(join(current, decodeURIComponent(urlPath)));
    if (!path.startsWith(current)) return null;
    try {
      if ((await stat(path)).isFile()) return path;
    } catch { /* not a file: an app route */ }
    return extname(urlPath) ? null : join(current, 'index.html');
  };
  const server = createServer(async (request, response) => {
    const file = await fileFor(new URL(request.url, 'http://localhost').pathname);
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(await readFile(file));
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    setRoot: (directory) => { current = resolve(directory); },
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}
