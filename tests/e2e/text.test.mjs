// Plain-text statements: a `.txt` statement (a two-page Kontoauszug with S/H marks and
// carried-forward rows) dropped into the page gives the same verdicts as the CSV of the same
// statement. It is read by the office module, which the worker fetches only then; nothing else
// is requested after the drop. The evidence rows name their page and line; a text without a
// table is refused with its reason.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean } from './helpers.mjs';
import { VERDICT_RECORDS, setRecords, pick, verdicts, settled } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const OFFICE = /\/(office\.js|pkg\/spendrein_wasm_office(_bg\.wasm|\.js))$/;

test('a text statement gives the verdicts of the same CSV, through the office module only', async () => {
  const { context, page, problems } = await openPage(browser);
  const requests = [];
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await setRecords(page, VERDICT_RECORDS);
  await pick(page, 'verdicts.csv');
  const fromCsv = await verdicts(page);
  assert.equal(Object.keys(fromCsv).length, VERDICT_RECORDS.length);
  assert.deepEqual(requests.filter((path) => OFFICE.test(path)), [], 'no office module for a CSV');

  await page.click('#clear');
  await settled(page);
  const before = requests.length;
  await pick(page, 'verdicts.txt');
  assert.deepEqual(await verdicts(page), fromCsv);
  const after = requests.slice(before);
  assert.deepEqual([...new Set(after.filter((path) => OFFICE.test(path)))].sort(), ['/office.js', '/pkg/spendrein_wasm_office.js', '/pkg/spendrein_wasm_office_bg.wasm']);
  assert.deepEqual(after.filter((path) => !OFFICE.test(path)), [], 'nothing else is requested after the drop');
  const results = await page.locator('#results').textContent();
  assert.match(results, /verdicts\.txt/);
  // Rows from the second page are named by page and line.
  assert.match(results, /verdicts\.txt, page 2, line \d+/);
  assertClean(problems);
  await context.close();
});

test('a text file without a statement table is refused with the reason', async () => {
  const { context, page, problems } = await openPage(browser);
  const buffer = Buffer.from('Statement 31.03.2024\n01.03.2024  RENT\n02.03.2024  SHOP\nno amounts here\n');
  // Two dated lines and no amount: the sniffer does not call it a text statement, the CSV
  // reader refuses it; a table-like text with amounts but no year is refused by the layout
  // reader with its own reason.
  const noYear = Buffer.from('Date   Description      Amount\n03 Jan  TESCO   12.50\n04 Jan  SHELL   40.00\n');
  await page.setInputFiles('input[type=file]', [
    { name: 'letter.txt', mimeType: 'text/plain', buffer },
    { name: 'no-year.txt', mimeType: 'text/plain', buffer: noYear },
  ]);
  await page.waitForFunction(() => /Could not read/.test(document.body.textContent), null, { timeout: 15000 });
  const text = await page.locator('body').textContent();
  assert.match(text, /no-year\.txt: the statement's dates have no year/);
  assertClean(problems);
  await context.close();
});
