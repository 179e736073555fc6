// A service worker for YOUR site, so that your page with the calculator works offline too.
// Save it next to that page (its folder is its scope), list the page and the widget's files,
// and register it from the page:
//   <script type="module">navigator.serviceWorker?.register('site-offline-sw.js');</script>
// It answers from the network when it can and from its copy when the network is gone.
const CACHE = 'my-site-offline-v1';
const PAGES = ['./'];
const WIDGET = '/tools/estimate/';
const FILES = [
  'contract-fit.js', 'contract-fit-web.js', 'contract-fit-web_bg.wasm', 'contract-fit.css',
  'contract-fit-frame.js', 'embed.html', 'favicon.svg',
].map((f) => WIDGET + f);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...PAGES, ...FILES])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
