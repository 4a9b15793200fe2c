// Canbo's service worker: the app opens with no network once it has been opened online.
// sw/make-sw.sh (a Trunk post_build hook) writes dist/sw.js from this file, filling in the
// cache name (a hash of every file of the build) and the list of those files: a new build is
// a new sw.js, a new cache, and the old caches go once it takes over. Do not edit dist/sw.js.
const CACHE = 'canbo-__HASH__';
const FILES = [__FILES__];

// Trunk puts a content hash in these names (`canbo-app-1a2b…_bg.wasm`, and the page's
// chunks in `canbo-app-1a2b…-chunks/`): the same name is always the same bytes, so the cache
// answers first. The hash is written without leading zeros: 16 hex digits, or a few fewer.
// Names without one (worker.js, boot.js, the sample, the icons) ask the network first, so a
// page of a new build never runs with an old import worker; with no network the cache
// answers.
const HASHED = /-[0-9a-f]{12,16}((_bg)?\.[a-z]+$|-chunks\/)/;

self.addEventListener('install', (event) => {
  // `reload`: skip the HTTP cache, so the files are those of this build.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
  // No skipWaiting here: the page says «Có phiên bản mới — Tải lại» and the user chooses when.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('canbo-') && key !== CACHE) {
          await caches.delete(key);
        }
      }
      await self.clients.claim();
    })(),
  );
});

// The page sends this when the user clicks «Tải lại»; it reloads once this worker controls it.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') {
    self.skipWaiting();
  }
});

async function networkFirst(request, fallback) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(fallback || request);
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    // Any page of the app (a share link is `/#r1.…`: the fragment never reaches here).
    event.respondWith(networkFirst(request, 'index.html'));
  } else if (HASHED.test(new URL(request.url).pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
