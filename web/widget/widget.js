// The widget page's first script: settings, theme, sizing and status messages to the host,
// and the drop zone. It is all a host page pays for while nobody uses the widget; the checker
// itself (checker.js: the worker, the wasm and the rendering) loads on the first focus, press,
// drag or drop. Nothing here or there writes to any storage, and no message listener exists:
// the host cannot send the widget anything.

const params = new URLSearchParams(location.hash.slice(1));
const theme = params.get('theme');
document.documentElement.dataset.theme = ['light', 'dark', 'auto'].includes(theme) ? theme : 'auto';
const widgetId = /^[\w-]{1,40}$/.test(params.get('id') ?? '') ? params.get('id') : '';

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

let checker = null;
/** Loads the checker once; resolves to its API (`read(files)`, `changed()`). */
function load() {
  if (!checker) {
    post({ type: 'status', status: 'loading' });
    checker = import('./checker.js').then(({ start }) => start({ preset, status: (status) => post({ type: 'status', status }) }));
    checker.catch(() => {
      checker = null;
      $('#w-status').textContent = 'The checker could not be loaded. Reload the page, or use the full Spendrein checker.';
      post({ type: 'status', status: 'error' });
    });
  }
  return checker;
}
for (const type of ['focusin', 'pointerdown', 'dragenter']) addEventListener(type, load, { once: true, capture: true });

const read = (files) => files.length && load().then((api) => api.read(files));
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
