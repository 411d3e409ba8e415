// Spreadsheets: an XLSX dropped into the page gives the same verdicts as the CSV of the same
// statement, read by the office module, which the worker fetches only then (never at start).
// Also the figures for issue #15: the office module's load time and a 10,000-row XLSX read
// against the CSV of the same rows.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, assertClean, ROOT } from './helpers.mjs';
import { VERDICT_RECORDS, setRecords, pick, verdicts, settled } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const OFFICE = /\/(office\.js|pkg\/spendrein_wasm_office(_bg\.wasm|\.js))$/;

test('an XLSX gives the verdicts of the same CSV; the office module is fetched only for it', async () => {
  const { context, page, problems } = await openPage(browser);
  // The service worker controls the page before the reload that sets the records: a reload
  // started while it installs is a navigation it can neither serve nor claim (`clients.claim`
  // passes over a page still loading), which left the page uncontrolled now and then.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  const requests = [];
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await setRecords(page, VERDICT_RECORDS);
  await pick(page, 'verdicts.csv');
  const fromCsv = await verdicts(page);
  assert.equal(Object.keys(fromCsv).length, VERDICT_RECORDS.length);
  assert.deepEqual(requests.filter((path) => OFFICE.test(path)), [], 'no office module for a CSV');
  const cachedPaths = () =>
    page.evaluate(async () => {
      const paths = [];
      for (const key of await caches.keys()) {
        for (const request of await (await caches.open(key)).keys()) paths.push(new URL(request.url).pathname);
      }
      return paths;
    });
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reloaded page is controlled');
  // Not fetched by the first load (nor by the service worker's install) either.
  assert.deepEqual((await cachedPaths()).filter((path) => OFFICE.test(path)), []);

  await page.click('#clear');
  await settled(page);
  const before = requests.length;
  const started = Date.now();
  await pick(page, 'verdicts.xlsx');
  const firstDrop = Date.now() - started;
  assert.deepEqual(await verdicts(page), fromCsv);
  const after = requests.slice(before);
  // (Each request is seen twice, the worker's and the service worker's on its behalf.)
  assert.deepEqual([...new Set(after.filter((path) => OFFICE.test(path)))].sort(), ['/office.js', '/pkg/spendrein_wasm_office.js', '/pkg/spendrein_wasm_office_bg.wasm']);
  assert.deepEqual(after.filter((path) => !OFFICE.test(path)), [], 'nothing else is requested after the drop');
  // The service worker kept the office files it fetched, for offline use.
  await page.waitForFunction(async () => (await caches.match('/pkg/spendrein_wasm_office_bg.wasm')) !== undefined, null, { timeout: 5000 });
  assert.equal((await cachedPaths()).filter((path) => OFFICE.test(path)).length, 3);
  // What the reader inferred names the workbook and its sheet.
  const facts = await page.locator('#results').textContent();
  assert.match(facts, /verdicts\.xlsx/);

  // The second workbook finds the module loaded: the difference is about its load time.
  await page.click('#clear');
  await settled(page);
  const again = Date.now();
  await pick(page, 'verdicts.xlsx');
  const secondDrop = Date.now() - again;
  console.log(`office module: first XLSX drop ${firstDrop} ms, second ${secondDrop} ms (load + compile ~${firstDrop - secondDrop} ms)`);
  assertClean(problems);
  await context.close();
});

test('a 10,000-row XLSX reads in the page within a second, against the CSV of the same rows', async () => {
  const { context, page, problems } = await openPage(browser);
  const dir = join(ROOT, 'crates', 'statement-office', 'tests', 'data');
  const time = async (name) => {
    const started = Date.now();
    await page.setInputFiles('input[type=file]', join(dir, name));
    await page.waitForFunction(() => document.body.dataset.state === 'busy' || !document.querySelector('#results').hidden, null, { timeout: 5000 }).catch(() => {});
    await settled(page);
    const ms = Date.now() - started;
    await page.click('#clear');
    await settled(page);
    return ms;
  };
  // Once each to load and warm up, then the median of three.
  await time('n26_10000.xlsx');
  await time('n26_10000.csv');
  const xlsx = [];
  const csv = [];
  for (let i = 0; i < 3; i++) {
    xlsx.push(await time('n26_10000.xlsx'));
    csv.push(await time('n26_10000.csv'));
  }
  const median = (values) => values.sort((a, b) => a - b)[1];
  console.log(`10,000 rows, drop to results: XLSX ${median(xlsx)} ms, CSV ${median(csv)} ms (ratio ${(median(xlsx) / median(csv)).toFixed(2)}); sizes ${readFileSync(join(dir, 'n26_10000.xlsx')).length} / ${readFileSync(join(dir, 'n26_10000.csv')).length} bytes`);
  assert.ok(median(xlsx) < 1000 + median(csv), 'the workbook costs less than a second more than its CSV');
  assertClean(problems);
  await context.close();
});
