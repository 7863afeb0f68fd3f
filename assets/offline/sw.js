// Probation Workbook's service worker. `scripts/precache.mjs` writes the build's copy of this file
// (dist/sw.js) after every release build, filling in BUILD and FILES from the files that build made:
// the list is never kept by hand.
//
// - install: fetch every file of the build into a cache of its own, checking each against the
//   SHA-256 the build recorded (a server half-way through a deploy fails the install, and the old
//   build stays in charge); nothing is taken over until the officer asks (no skipWaiting here).
// - activate: delete earlier builds' caches, and control open pages (the first visit works offline
//   from then on).
// - fetch: the build's files from its cache; every navigation gets the cached index.html (the app
//   routes in the browser).
// - message "skip-waiting": the page asks the waiting build to take over, after saving its work.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `workbook-${BUILD}`;
const INDEX = '/index.html';

const hex = (buffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    for (const file of FILES) {
      const response = await fetch(file.url, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
      const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
      if (digest !== file.sha256) throw new Error(`${file.url} is not the file this build made`);
      await cache.put(file.url, response);
    }
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener('install', (event) => event.waitUntil(precache()));

self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) {
    if (key.startsWith('workbook-') && key !== CACHE) await caches.delete(key);
  }
  await self.clients.claim();
})()));

async function cached(key, request) {
  const hit = await caches.match(key, { cacheName: CACHE });
  return hit ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(cached(request.mode === 'navigate' ? INDEX : url.pathname, request));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});
