// Issue 16's figures for guide bodies loaded on demand, measured in headless Chromium against
// the served page:
//   1. the checker's first load: every JS, wasm and CSS file a first visit requests, each
//      gzipped at level 9 and summed (the method of page-speed.bench.mjs; target ≤ 400 KB),
//      and that no guide body (`pkg/guides/*.js`) is among them;
//   2. the time to open a guide page from the guide index, from the click to the page on
//      screen (`.guide[data-guide]` with its sources list): the first guide (guide-page.js and
//      the body both fetched) and others after it (only the body), median of several runs;
//   3. the gzipped size of the guide bodies.
// Not a test file (*.bench.mjs, so `node --test` skips it); run it with
// SPENDREIN_URL=<served page> node tests/e2e/guide-pages.bench.mjs [--runs N].

import { gzipSync } from 'node:zlib';
import { launch, BASE_URL } from './helpers.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args[at + 1]) : 7;
const GUIDES = ['netflix', 'openai-api', 'spotify', 'dropbox', 'disney-plus', 'chatgpt', 'hulu', 'youtube-premium'];

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);

async function gzippedSize(url) {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gzipped: gzipSync(body, { level: 9 }).length };
}

async function firstLoad(browser) {
  const context = await browser.newContext();
  const urls = new Set();
  context.on('request', (request) => urls.add(request.url()));
  const page = await context.newPage();
  await page.goto(BASE_URL + '/');
  await page.locator('#vendor-list option').first().waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 }).catch(() => {});
  await context.close();
  let raw = 0;
  let gzipped = 0;
  const files = [...urls].map((url) => new URL(url)).filter((url) => /\.(js|mjs|wasm|css)$/.test(url.pathname));
  for (const url of files) {
    const size = await gzippedSize(url.href);
    raw += size.raw;
    gzipped += size.gzipped;
    console.log(`guide-pages:   ${url.pathname} ${kb(size.raw)} KB raw, ${kb(size.gzipped)} KB gzipped`);
  }
  console.log(`guide-pages: first load: ${files.length} JS/wasm/CSS files, ${(raw / 1024).toFixed(0)} KB raw, ${kb(gzipped)} KB gzipped (target ≤ 400 KB)`);
  check(gzipped <= 400 * 1024, `the first load is ${kb(gzipped)} KB gzipped, over 400 KB`);
  const bodies = files.filter((url) => url.pathname.includes('/pkg/guides/') || url.pathname.endsWith('/guide-page.js'));
  check(!bodies.length, `the first load fetched guide code or bodies: ${bodies.map((url) => url.pathname).join(', ')}`);
}

/** Opens `id` from the guide index by clicking its link; milliseconds to the page on screen. */
async function openFromIndex(page, id) {
  await page.goto(new URL('/#/guides', BASE_URL).href);
  await page.locator(`#guide-index .guide-link[data-guide="${id}"] a`).waitFor();
  const start = Date.now();
  await page.click(`#guide-index .guide-link[data-guide="${id}"] a`);
  await page.locator(`.guide[data-guide="${id}"] .sources li`).first().waitFor({ timeout: 15000 });
  return Date.now() - start;
}

async function openTimes(browser) {
  const first = [];
  const later = [];
  for (let run = 0; run < RUNS; run++) {
    // A new context each run: an empty HTTP cache and no service worker yet.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(BASE_URL + '/');
    await page.locator('#vendor-list option').first().waitFor({ state: 'attached', timeout: 30000 });
    first.push(await openFromIndex(page, GUIDES[run % GUIDES.length]));
    later.push(await openFromIndex(page, GUIDES[(run + 1) % GUIDES.length]));
    await context.close();
  }
  console.log(`guide-pages: opening a guide from the index, click to page on screen: first guide of a visit ${median(first)} ms (median of ${RUNS}; worst ${Math.max(...first)}), a later guide ${median(later)} ms (worst ${Math.max(...later)})`);
}

async function bodySizes() {
  const sizes = [];
  for (const id of GUIDES) sizes.push({ id, ...(await gzippedSize(new URL(`/pkg/guides/${id}.js`, BASE_URL).href)) });
  const gz = sizes.map((size) => size.gzipped);
  console.log(`guide-pages: guide bodies of ${GUIDES.length} guides: ${kb(Math.min(...gz))}–${kb(Math.max(...gz))} KB gzipped each (median ${kb(median(gz))}); guide-page.js ${kb((await gzippedSize(new URL('/guide-page.js', BASE_URL).href)).gzipped)} KB gzipped`);
}

const browser = await launch();
try {
  await firstLoad(browser);
  await openTimes(browser);
  await bodySizes();
} finally {
  await browser.close();
}
if (failures.length) {
  console.error(`guide-pages: ${failures.length} failed:\n${failures.join('\n')}`);
  process.exit(1);
}
