// The service worker of a development build (`make serve`): it removes itself. A browser that kept
// a release build's worker for this address fetches this file on its next update check; it then
// takes over at once, deletes every cached build, unregisters and reloads the open pages from the
// development server, so a stale worker never hides the code being worked on.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) {
    if (key.startsWith('workbook-')) await caches.delete(key);
  }
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
})()));
