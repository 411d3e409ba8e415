// The widget page's first script: settings, theme, sizing and status messages to the host,
// and the drop zone. It is all a host page pays for while nobody uses the widget; the checker
// itself (checker.js: the worker, the wasm and the rendering) loads on the first focus, press,
// drag or drop. Nothing here or there writes to any storage, and no message listener exists:
// the host cannot send the widget anything.

const params = new URLSearchParams(location.hash.slice(1));
const theme = params.get('theme');
document.documentElement.dataset.theme = ['light', 'dark', 'auto'].includes(theme) ? theme : 'auto';
const widgetId = /^[\w-]{1,40}$/.test(params.get('id') ?? '') ? params.get('id') : '';

// The language: the host's choice (embed.js: `data-lang`, else the host page's own `<html
// lang>`), else the browser's first of the five, else English. Its words for this page are
// one small file (i18n/<lang>-widget.js); the checker loads the results' words when it starts.
// (i18n.js's chooseLanguage is not imported: an untouched widget loads only this file.)
const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl'];
const lang = [params.get('lang'), ...(navigator.languages ?? [])].map((tag) => String(tag ?? '').toLowerCase().split('-')[0]).find((code) => LANGUAGES.includes(code)) ?? 'en';
document.documentElement.lang = lang;
const words = import(`../i18n/${lang}-widget.js`).then((module) => module.default);
words
  .then((table) => {
    for (const element of document.querySelectorAll('[data-i18n]')) {
      const text = table[element.dataset.i18n];
      if (typeof text === 'string') element.textContent = text;
    }
    document.body.dataset.words = lang;
  })
  .catch(() => {});

// The host's origin, to address every message to it and nobody else: the browser's own record
// of the embedding page where there is one (Chromium, WebKit), else what embed.js said.
function hostOrigin() {
  if (window.parent === window) return null;
  const real = location.ancestorOrigins?.[0];
  if (real) return real === 'null' ? null : real;
  try {
    const claimed = params.get('host') ?? '';
    return new URL(claimed).origin === claimed ? claimed : null;
  } catch {
    return null;
  }
}
const host = hostOrigin();

/** Posts `{ type: 'size', height }` or `{ type: 'status', status }` to the host; nothing else. */
function post(message) {
  if (host) parent.postMessage({ spendrein: 1, widget: widgetId, ...message }, host);
}

const $ = (selector) => document.querySelector(selector);
const main = $('#widget');
const vendorInput = $('#w-vendor');
const dateInput = $('#w-date');
const zone = $('#w-drop');
const fileInput = $('#w-file');

const preset = (params.get('vendor') ?? '').trim().slice(0, 200);
vendorInput.value = preset;
const date = params.get('cancelled_on') ?? '';
if (/^\d{4}-\d{2}-\d{2}$/.test(date)) dateInput.value = date;

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(main.getBoundingClientRect().height);
  if (height !== lastHeight) post({ type: 'size', height: (lastHeight = height) });
}).observe(main);

// This document's Trusted Types policy (the CSP allows one named `spendrein`): the only script
// it loads by URL is the page's worker, one folder up.
const policy = globalThis.trustedTypes
  ? trustedTypes.createPolicy('spendrein', {
      createScriptURL(url) {
        if (url === '../worker.js') return url;
        throw new TypeError(`refusing to load script ${url}`);
      },
    })
  : { createScriptURL: (url) => url };
// bridge.js asks for './worker.js', which is the page's worker one folder up from here.
const createScriptURL = (url) => policy.createScriptURL(url === './worker.js' ? '../worker.js' : url);

let checker = null;
let worker = null;
/**
 * Loads the checker once; resolves to its API (`read(files)`, `changed()`). The worker starts
 * here, beside the import of checker.js, so that fetching and compiling the wasm overlaps
 * loading the checker's modules: on a file dropped before any focus, both are on the way to
 * the first result.
 */
function load(forFile = false) {
  if (!checker) {
    post({ type: 'status', status: 'loading' });
    // Started for a file in hand, the worker skips its warm-up (worker.js): the file would
    // otherwise wait for a warm-up round that began before the file's notice arrived.
    worker = new Worker(createScriptURL('./worker.js'), { type: 'module', name: forFile ? 'file-coming' : 'spendrein' });
    checker = import('./checker.js').then(({ start }) => start({ preset, lang, words: words.catch(() => ({})), worker, createScriptURL, status: (status) => post({ type: 'status', status }) }));
    checker.catch(() => {
      worker.terminate();
      checker = null;
      words
        .catch(() => ({}))
        .then((table) => ($('#w-status').textContent = table['widget.load_failed'] ?? 'The checker could not be loaded. Reload the page, or use the full Spendrein checker.'));
      post({ type: 'status', status: 'error' });
    });
  }
  return checker;
}
for (const type of ['focusin', 'pointerdown', 'dragenter']) addEventListener(type, () => load(), { once: true, capture: true });

const read = (files) => {
  if (!files.length) return;
  load(true);
  worker.postMessage({ type: 'file-coming' });
  checker.then((api) => api.read(files));
};
fileInput.addEventListener('change', () => {
  const files = [...fileInput.files];
  fileInput.value = '';
  read(files);
});
zone.addEventListener('dragover', (event) => {
  event.preventDefault();
  zone.classList.add('dragging');
});
zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  zone.classList.remove('dragging');
  read([...event.dataTransfer.files]);
});
// A file dropped beside the zone would otherwise be opened by the browser in the frame.
for (const type of ['dragover', 'drop']) {
  addEventListener(type, (event) => {
    if (!zone.contains(event.target)) event.preventDefault();
  });
}
for (const input of [vendorInput, dateInput]) input.addEventListener('change', () => checker?.then((api) => api.changed()));

post({ type: 'status', status: 'ready' });
