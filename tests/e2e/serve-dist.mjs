// Serves the built app (dist/) on loopback for the browser tests. Usage: node tests/e2e/serve-dist.mjs [port]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './static-server.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'dist');
const port = Number(process.argv[2] ?? process.env.PORT ?? 8081);
const server = await serveDirectory(root, port);
console.log(`serving dist on ${server.url}`);
