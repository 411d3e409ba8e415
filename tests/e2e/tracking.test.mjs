// Tracked cancellations: add, edit, delete, export, import (with errors), persistence across
// reloads, the `#track=` pre-fill link, and the whole form from the keyboard alone.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, assertClean, screenshot, BASE_URL } from './helpers.mjs';
import { storedRecords, pick, verdicts, settled, STORAGE_KEY } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const scratch = mkdtempSync(join(tmpdir(), 'spendrein-e2e-'));

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function add(page, { vendor, date, confirmation = '', notes = '' }) {
  await page.fill('#track-vendor', vendor);
  await page.fill('#track-date', date);
  await page.fill('#track-confirmation', confirmation);
  await page.fill('#track-notes', notes);
  await page.click('#track-save');
}

async function importFile(page, name, text) {
  const path = join(scratch, name);
  writeFileSync(path, text);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-records')]);
  await chooser.setFiles(path);
  // The status names the file, so an earlier import's status is never mistaken for this one's.
  await page.waitForFunction((file) => {
    const status = document.querySelector('#records-status').textContent;
    return /Imported|Could not import/.test(status) && status.includes(file);
  }, name);
  return page.locator('#records-status').textContent();
}

test('a cancellation is added, edited, deleted, exported and imported, and survives a reload', async () => {
  const { context, page, problems } = await openPage(browser);
  // A person types once the page is ready: the guide index is there (a save before it is
  // covered by the next test).
  await page.locator('#vendor-list option').first().waitFor({ state: 'attached' });
  // Nothing typed: a clear error, nothing stored.
  await page.click('#track-save');
  assert.match(await page.locator('#track-error').textContent(), /the service is missing.*the date is missing/);
  assert.equal(await storedRecords(page), null);

  // A guide name is stored as the guide id; free text as typed.
  await add(page, { vendor: 'Netflix', date: '2026-03-15', confirmation: 'NF-1234' });
  await add(page, { vendor: 'Acme Gym', date: '2026-04-15', notes: 'cancelled at the front desk' });
  let stored = await storedRecords(page);
  assert.equal(stored.version, 1);
  assert.deepEqual(
    stored.cancellations.map(({ vendor, cancelled_on, confirmation, notes }) => ({ vendor, cancelled_on, confirmation, notes })),
    [
      { vendor: 'netflix', cancelled_on: '2026-03-15', confirmation: 'NF-1234', notes: undefined },
      { vendor: 'Acme Gym', cancelled_on: '2026-04-15', confirmation: undefined, notes: 'cancelled at the front desk' },
    ],
  );
  assert.equal(await page.locator('.tracked').count(), 2);
  assert.match(await page.locator('.tracked').first().textContent(), /Netflix — cancelled on 15 Mar 2026 · confirmation NF-1234/);

  // The results follow the records: a statement in memory is checked again on every change.
  await pick(page, 'verdicts.csv');
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging', 'Acme Gym': 'still_charging' });

  // Edit: the Netflix date moves past the statement's end.
  await page.click('button[aria-label="Edit the Netflix cancellation"]');
  assert.equal(await page.inputValue('#track-vendor'), 'Netflix');
  assert.equal(await page.locator('#track-save').textContent(), 'Save changes');
  await page.fill('#track-date', '2026-06-20');
  await page.click('#track-save');
  await settled(page);
  stored = await storedRecords(page);
  assert.equal(stored.cancellations.length, 2);
  assert.equal(stored.cancellations[0].cancelled_on, '2026-06-20');
  assert.equal(stored.cancellations[0].confirmation, 'NF-1234');
  assert.deepEqual(await verdicts(page), { netflix: 'too_early', 'Acme Gym': 'still_charging' });

  // Delete.
  await page.click('button[aria-label="Delete the Acme Gym cancellation"]');
  await settled(page);
  assert.equal((await storedRecords(page)).cancellations.length, 1);
  assert.deepEqual(await verdicts(page), { netflix: 'too_early' });

  // Export: the download is the stored records.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-records')]);
  assert.match(download.suggestedFilename(), /^spendrein-cancellations-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported, JSON.parse(JSON.stringify(await storedRecords(page))));

  // Import: one new record, one already tracked, two broken ones reported by number.
  const status = await importFile(
    page,
    'mixed.json',
    JSON.stringify({
      version: 1,
      cancellations: [
        { vendor: 'spotify', cancelled_on: '2026-03-10' },
        exported.cancellations[0],
        { vendor: 'hulu', cancelled_on: '2026-02-30' },
        { cancelled_on: '2026-01-01' },
      ],
    }),
  );
  assert.match(status, /Imported 1 cancellation from mixed\.json; 1 already tracked; 2 problems/);
  const listed = await page.locator('#import-problems li').allTextContents();
  assert.deepEqual(listed, ['record 3: cancelled_on "2026-02-30" is not a date written YYYY-MM-DD', 'record 4: vendor is missing']);
  assert.deepEqual((await storedRecords(page)).cancellations.map((record) => record.vendor), ['netflix', 'spotify']);

  // A file that is not an export changes nothing.
  assert.match(await importFile(page, 'notes.json', '{"hello": '), /Could not import notes\.json: the file is not valid JSON.*2 existing records are unchanged/);
  assert.match(await importFile(page, 'list.json', '{"items": []}'), /the file is not a Spendrein export/);
  assert.match(await importFile(page, 'future.json', '{"version": 7, "cancellations": []}'), /version 7/);
  assert.equal((await storedRecords(page)).cancellations.length, 2);

  // Everything is still there after a reload.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('.tracked-vendor')?.textContent === 'Netflix');
  assert.deepEqual(await page.locator('.tracked-vendor').allTextContents(), ['Netflix', 'Spotify']);
  await screenshot(page, 'tracking-1280');
  assertClean(problems);
  await context.close();
});

test('a guide name saved before the guides have loaded becomes the guide id once they arrive', async () => {
  // Regression: a save before the worker had sent the guide index kept "Netflix" as free text.
  const context = await browser.newContext();
  const page = await context.newPage();
  let releaseWasm;
  const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
  await context.route('**/*.wasm', async (route) => {
    await wasmHeld;
    await route.continue();
  });
  await page.goto(new URL('/', BASE_URL).href);
  await add(page, { vendor: 'Netflix', date: '2026-03-15' });
  assert.deepEqual((await storedRecords(page)).cancellations.map(({ vendor }) => vendor), ['Netflix']);
  releaseWasm();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).cancellations[0].vendor === 'netflix', STORAGE_KEY);

  // The same for a record an older page stored as free text: it is upgraded on load.
  await page.evaluate((key) => {
    const stored = JSON.parse(localStorage.getItem(key));
    stored.cancellations.push({ id: 'r-old', vendor: 'Spotify', cancelled_on: '2026-03-10' });
    localStorage.setItem(key, JSON.stringify(stored));
  }, STORAGE_KEY);
  await page.reload();
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key)).cancellations[1]?.vendor === 'spotify', STORAGE_KEY);
  assert.deepEqual(await page.locator('.tracked-vendor').allTextContents(), ['Netflix', 'Spotify']);
  await context.close();
});

test('a #track= link fills the form in, and the person saves it', async () => {
  const { context, page, problems } = await openPage(browser, { path: '/#track=openai-api@2026-06-02' });
  await page.waitForFunction(() => document.querySelector('#track-vendor').value !== '');
  assert.equal(await page.inputValue('#track-vendor'), 'OpenAI API');
  assert.equal(await page.inputValue('#track-date'), '2026-06-02');
  assert.match(await page.locator('#track-prefill').textContent(), /Filled in from a link/);
  assert.equal(await page.evaluate(() => location.hash), '#/');
  await page.click('#track-save');
  assert.deepEqual(
    (await storedRecords(page)).cancellations.map(({ vendor, cancelled_on }) => ({ vendor, cancelled_on })),
    [{ vendor: 'openai-api', cancelled_on: '2026-06-02' }],
  );
  // A malformed date falls back to today; an unknown vendor is kept as text.
  await page.goto(new URL('/#track=Acme%20Gym@2026-13-45', page.url()).href);
  await page.waitForFunction(() => document.querySelector('#track-vendor').value === 'Acme Gym');
  assert.equal(await page.inputValue('#track-date'), localToday());
  assertClean(problems);
  await context.close();
});

test('the form and the statement input work from the keyboard alone', async () => {
  const { context, page, problems } = await openPage(browser, { width: 375 });
  await page.locator('#vendor-list option').first().waitFor({ state: 'attached' });
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent.trim());
  // Skip link, site name, two navigation links, then the first field.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Skip to content');
  for (let presses = 0; presses < 6 && (await focused()) !== 'track-vendor'; presses++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'track-vendor');
  await page.keyboard.type('Spotify');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'track-date');
  // Chromium's date field takes the digits in the locale's order (en-US: month, day, year).
  await page.keyboard.type('03102026');
  // The date field's calendar button takes one Tab of its own.
  for (let presses = 0; presses < 3 && (await focused()) !== 'track-confirmation'; presses++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'track-confirmation');
  await page.keyboard.type('SP-77');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('.tracked').length === 1);
  const stored = await storedRecords(page);
  assert.deepEqual(
    stored.cancellations.map(({ vendor, cancelled_on, confirmation }) => ({ vendor, cancelled_on, confirmation })),
    [{ vendor: 'spotify', cancelled_on: '2026-03-10', confirmation: 'SP-77' }],
  );
  // Onwards to the statement input: it takes focus and shows it.
  for (let presses = 0; presses < 12 && (await focused()) !== 'file-input'; presses++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'file-input');
  const outline = await page.evaluate(() => getComputedStyle(document.querySelector('label[for=file-input]')).outlineStyle);
  assert.equal(outline, 'solid', 'the focused file input shows a focus ring on its button');
  await screenshot(page, 'tracking-keyboard-375');
  assertClean(problems);
  await context.close();
});
