// Offline: after the first load the service worker has the page's own files, and the checker
// and the guides opened before work with the network off. The cache holds only those files.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, screenshot, BASE_URL } from './helpers.mjs';
import { VERDICT_RECORDS, setRecords, pick, verdicts } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the page works offline after the first load, and caches only its own files', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  // The page tells the service worker its language, whose catalogue it keeps (web/sw.js).
  // The listing is read until it holds that catalogue: the page's own fetch of it and the
  // message may both store it, and a listing taken while one replaces the other can miss it.
  const listCaches = () =>
    page.evaluate(async () => {
      const urls = [];
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls.sort();
    });
  let cached = await listCaches();
  for (const deadline = Date.now() + 15000; !cached.includes('/i18n/en.js') && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    cached = await listCaches();
  }
  // The results' code and words load at start (web/app.js); they are cached too when the service
  // worker already controls the page by then, which depends on timing. Nothing else may be.
  const atStart = ['/results.js', '/messages.js', '/i18n/en-results.js'];
  assert.deepEqual(cached.filter((path) => !atStart.includes(path)), [
    '/',
    '/app.js',
    '/bridge.js',
    '/dom.js',
    '/i18n.js',
    '/i18n/en.js',
    '/index.html',
    '/pkg/spendrein_wasm.js',
    '/pkg/spendrein_wasm_bg.wasm',
    '/style.css',
    '/track.js',
    '/worker.js',
  ].sort());

  // Guide bodies load on demand (pkg/guides/<id>.js) and are kept once fetched: open one
  // guide while online.
  await page.goto(BASE_URL + '/#/guides/spotify');
  await page.waitForSelector('.guide[data-guide="spotify"]');
  // Its "Your rights" section loads web/rights.js and its data after the guide shows; leaving
  // before it has rendered aborts those requests, and offline the guide would then miss them.
  await page.waitForSelector('#view-guide .rights[data-region]');
  await page.goto(BASE_URL + '/');
  await setRecords(page, VERDICT_RECORDS.slice(0, 2));
  // A visit the service worker controls fetches the results' and guides' code at idle, and the
  // service worker keeps it (web/app.js); the first visit did not load it.
  // Wait until the page has them (a reload cutting a response short would leave no entry).
  await page.waitForFunction(() => document.body.dataset.results === 'loaded', null, { timeout: 15000 });
  await page.waitForFunction(async () => {
    for (const path of ['results.js', 'guides.js', 'i18n/en-results.js']) {
      const cached = await caches.match(new URL(path, location.href).href);
      if (!cached || !(await cached.text()).length) return false;
    }
    return true;
  }, null, { timeout: 15000 });
  await context.setOffline(true);
  const response = await page.reload();
  assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
  await page.locator('.tracked').first().waitFor();
  await pick(page, 'verdicts.csv');
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging', spotify: 'stopped' }, `offline: ${await page.locator('#status').textContent()}`);
  await page.goto(BASE_URL + '/#/guides/spotify');
  await page.waitForSelector('.guide[data-guide="spotify"]');
  await screenshot(page, 'offline-guide-1280');
  // A guide never opened before has no body offline, and the page says so.
  await page.goto(BASE_URL + '/#/guides/hulu');
  await page.waitForSelector('#view-guide h1:text-is("This guide could not be loaded")');
  assert.match(await page.locator('#view-guide .error').textContent(), /opened before work offline/);

  // Nothing of the statement reached the cache.
  const cachedAfter = await page.evaluate(async () => {
    let text = '';
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) text += `${request.url}\n`;
    }
    return text;
  });
  assert.doesNotMatch(cachedAfter, /verdicts|NETFLIX/);
  await context.setOffline(false);
  assertClean(problems);
  await context.close();
});
