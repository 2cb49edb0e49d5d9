// The offline copy of one language's programme. sitebuild writes NAME, CACHE and PRECACHE above
// this text: the addresses relative to the worker, and a cache named by their content.

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

// A new version takes over at once and drops the copies of the old one.
self.addEventListener("activate", (event) => {
  const old = (name) => name.startsWith(`${NAME}-`) && name !== CACHE;
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter(old).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// Network first: a programme changes (a room, an hour), so online visitors always get the
// published version, which also refreshes the copy; the copy serves only when the network fails.
// "no-cache" asks the server every time (a 304 costs little): a page the browser's HTTP cache
// still deems fresh would otherwise hide a newly published programme. By URL, because a
// navigation's own Request cannot take options.
const kept = new Set(PRECACHE.map((url) => new URL(url, self.location).href));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !kept.has(request.url)) return;
  event.respondWith(
    fetch(request.url, { cache: "no-cache", credentials: "same-origin" }).then(
      (response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      },
      () => caches.open(CACHE).then((cache) => cache.match(request)).then((copy) => copy || Response.error()),
    ),
  );
});
