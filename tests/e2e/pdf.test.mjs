// Text PDFs: a PDF statement dropped into the page gives the same verdicts as the CSV of the
// same statement, read by the office module (fetched only then); a scanned PDF gets its own
// refusal. Also the figures for issue #15: a 20-page PDF read in the page against the CSV of
// the same rows, and the office module's load time for a PDF.
//
// The PDFs are the ones tests/pdf/generate.mjs printed with Chromium (tests/pdf/out); the
// 20-page one is generated here when missing (it is not committed).

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, openPage, assertClean, ROOT } from './helpers.mjs';
import { setRecords, settled, verdicts } from './page-support.mjs';

const PDFS = join(ROOT, 'tests', 'pdf', 'out');
const LAYOUTS = join(ROOT, 'tests', 'pdf', 'layouts');
const OFFICE = /\/(office\.js|pkg\/spendrein_wasm_office(_bg\.wasm|\.js))$/;

// barclays-uk-current: Netflix on the 3rd, Spotify on the 9th, PureGym on the 1st, Nov → Jan.
const RECORDS = [
  { id: 'p-netflix', vendor: 'netflix', cancelled_on: '2025-11-20' },
  { id: 'p-spotify', vendor: 'spotify', cancelled_on: '2026-01-20' },
];

let browser;
before(async () => {
  if (!existsSync(join(PDFS, 'bench-20-pages.pdf'))) {
    execFileSync('node', [join(ROOT, 'tests', 'pdf', 'generate.mjs')], { stdio: 'inherit' });
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function pickPath(page, path) {
  await page.setInputFiles('input[type=file]', path);
  await page.waitForFunction(() => document.body.dataset.state === 'busy' || !document.querySelector('#results').hidden, null, { timeout: 5000 }).catch(() => {});
  await settled(page);
}

test('a text PDF gives the verdicts of the same CSV; only the office module is fetched for it', async () => {
  const { context, page, problems } = await openPage(browser);
  const requests = [];
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await setRecords(page, RECORDS);
  await pickPath(page, join(LAYOUTS, 'barclays-uk-current.csv'));
  const fromCsv = await verdicts(page);
  assert.deepEqual(Object.keys(fromCsv).sort(), ['netflix', 'spotify'], JSON.stringify(fromCsv));
  assert.equal(fromCsv.netflix, 'still_charging');
  assert.deepEqual(requests.filter((path) => OFFICE.test(path)), [], 'no office module for a CSV');
  const csvCount = await page.locator('.statement-summary').getAttribute('data-transactions');

  await page.click('#clear');
  await settled(page);
  const before = requests.length;
  await pickPath(page, join(PDFS, 'barclays-uk-current.pdf'));
  assert.deepEqual(await verdicts(page), fromCsv);
  assert.equal(await page.locator('.statement-summary').getAttribute('data-transactions'), csvCount);
  const after = requests.slice(before);
  assert.deepEqual([...new Set(after.filter((path) => OFFICE.test(path)))].sort(), ['/office.js', '/pkg/spendrein_wasm_office.js', '/pkg/spendrein_wasm_office_bg.wasm']);
  assert.deepEqual(after.filter((path) => !OFFICE.test(path)), [], 'nothing else is requested after the drop');
  // The evidence names pages and lines of the PDF.
  const text = await page.locator('#results').textContent();
  assert.match(text, /barclays-uk-current\.pdf, page \d, line \d+/);
  assertClean(problems);
  await context.close();
});

test('a scanned PDF is refused with its own message', async () => {
  const { context, page, problems } = await openPage(browser);
  await pickPath(page, join(PDFS, 'scan.pdf'));
  const files = await page.locator('#files-box').textContent();
  assert.match(files, /scan\.pdf: this PDF is a scan, not text\. download the statement as CSV or as a text PDF from online banking/);
  await pickPath(page, join(PDFS, 'password.pdf'));
  assert.match(await page.locator('#files-box').textContent(), /password\.pdf: this PDF is protected by a password/);
  assertClean(problems);
  await context.close();
});

test('a 20-page PDF reads in the page within a second, against the CSV of the same rows', async () => {
  const { context, page, problems } = await openPage(browser);
  const time = async (path) => {
    const started = Date.now();
    await pickPath(page, path);
    const ms = Date.now() - started;
    const count = await page.locator('.statement-summary').getAttribute('data-transactions');
    await page.click('#clear');
    await settled(page);
    return { ms, count: Number(count) };
  };
  const pdf = join(PDFS, 'bench-20-pages.pdf');
  const csv = join(LAYOUTS, 'bench-20-pages.csv');
  const first = await time(pdf); // loads and compiles the office module
  await time(csv);
  const pdfMs = [];
  const csvMs = [];
  for (let i = 0; i < 5; i++) {
    const p = await time(pdf);
    const c = await time(csv);
    assert.equal(p.count, c.count, 'the PDF and its CSV hold the same rows');
    pdfMs.push(p.ms);
    csvMs.push(c.ms);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[2];
  const rows = readFileSync(csv, 'utf8').trim().split('\n').length - 1;
  console.log(`20-page PDF (${rows} rows, ${readFileSync(pdf).length} bytes), pick to results: PDF ${median(pdfMs)} ms, CSV ${median(csvMs)} ms (ratio ${(median(pdfMs) / median(csvMs)).toFixed(2)}); first PDF pick with the office module's load ${first.ms} ms (load + compile ~${first.ms - median(pdfMs)} ms)`);
  assert.equal(first.count, rows);
  assert.ok(median(pdfMs) <= 1000, `the 20-page PDF took ${median(pdfMs)} ms`);
  assertClean(problems);
  await context.close();
});
