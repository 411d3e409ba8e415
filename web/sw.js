// The service worker: keeps the page's own files so the checker works with the network off.
// It caches ONLY the files listed below (the page, its scripts, styles and the wasm module),
// fetched from this origin. Statements never pass through it: they are read from File
// objects in the page's worker and never requested over the network.

const CACHE = 'spendrein-page-v1';
// The catalogues (i18n/) are kept when used, and the page's language as soon as the page names
// it (a message from the page, below): on a first visit its catalogue loads before the service
// worker controls the page. results.js, guides.js and the results' words are kept when first
// used (app.js loads them before a drop, or at idle on a later visit).
const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl'];
const ASSETS = [
  './',
  './index.html',
  './style.css',
  './app.js',
  './bridge.js',
  './dom.js',
  './track.js',
  './i18n.js',
  './worker.js',
  './pkg/spendrein_wasm.js',
  './pkg/spendrein_wasm_bg.wasm',
];
// Files cached when first used, not at install (a first visit does not fetch them): the
// reference code, loaded when a reference is made or opened, and the office module
// (spreadsheets), loaded by the worker only when a workbook is dropped, and the rights summary
// (web/rights.js), loaded when a guide page or a card's "Your rights" is opened.
const ON_DEMAND = [
  './reference.js', './reference.css', './pkg/spendrein_wasm_reference.js', './pkg/spendrein_reference_bytes.js',
  './office.js', './pkg/spendrein_wasm_office.js', './pkg/spendrein_wasm_office_bg.wasm',
  './guide-page.js',
  './results.js',
  './messages.js',
  './guides.js',
  ...LANGUAGES.flatMap((code) => [`./i18n/${code}.js`, `./i18n/${code}-results.js`]),
  './rights.js', './rights-data.js', './rights.css',
];
const ASSET_URLS = new Set([...ASSETS, ...ON_DEMAND].map((path) => new URL(path, self.registration.scope).href));
// Guide bodies, `pkg/guides/<id>.js` (written by `cargo xtask build`), each cached when its
// guide is first opened, so a guide read once can be read offline.
const GUIDE_BODIES = new URL('./pkg/guides/', self.registration.scope).href;
const cacheable = (href) => ASSET_URLS.has(href) || (href.startsWith(GUIDE_BODIES) && /^[a-z0-9]+(-[a-z0-9]+)*\.js$/.test(href.slice(GUIDE_BODIES.length)));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

// The page says which language it shows; only the five codes are taken, only that file is kept.
self.addEventListener('message', (event) => {
  const language = event.data?.language;
  if (!LANGUAGES.includes(language)) return;
  // Kept once: replacing an entry the fetch handler has just stored leaves a moment where
  // Chromium lists the cache without it.
  const path = `./i18n/${language}.js`;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.match(path).then((hit) => hit ?? cache.add(path)))
      .catch(() => {}),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Network first, so a new version is picked up at once; the cached copy when offline.
self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  if (!cacheable(url.href)) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.href, copy)));
        }
        return response;
      })
      .catch(() => caches.match(url.href).then((cached) => cached ?? Response.error())),
  );
});
