// Contract Fit offline cache: after the first visit the widget's own files come from this cache,
// so the calculator keeps working offline. The build stamps its version below; a new version
// installs a new cache and removes the old ones.
const VERSION = '__CONTRACT_FIT_BUILD__';
const CACHE = `contract-fit-${VERSION}`;
const FILES = [
  './', 'index.html', 'embed.html', 'contract-fit.js', 'contract-fit-frame.js', 'contract-fit-web.js',
  'contract-fit-web_bg.wasm', 'contract-fit.css', 'favicon.svg',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.registration.scope))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('contract-fit-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Our own files: the cache first. Anything else under our scope (configs): the network first,
  // falling back to the last copy, so a config edit shows up as soon as the site is online.
  const path = new URL(request.url).pathname.split('/').pop();
  const own = FILES.includes(path) || path === '';
  event.respondWith(own ? cacheFirst(request) : networkFirst(request));
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw e;
  }
}
