// Cancellation references (issue #12): made from a dropped statement, opened in a fresh
// browser context with a request log, printed to PDF and read back, exported (CSV, JSON, .ics)
// and re-read, and a damaged link that gets a clear message instead of a broken page.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, assertClean, screenshot, BASE_URL } from './helpers.mjs';
import { VERDICT_RECORDS, STORAGE_KEY, data, setRecords, drop, storedRecords } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const scratch = mkdtempSync(join(tmpdir(), 'spendrein-reference-'));

/** The page's own files: everything a reference page may request. */
const OWN_FILES = /^\/(|index\.html|style\.css|app\.js|bridge\.js|dom\.js|track\.js|results\.js|messages\.js|guides\.js|i18n\.js|i18n\/en(-results)?\.js|worker\.js|sw\.js|reference\.js|reference\.css|pkg\/spendrein_wasm\.js|pkg\/spendrein_wasm_bg\.wasm|pkg\/spendrein_wasm_reference\.js|pkg\/spendrein_reference_bytes\.js)$/;

const RECORDS = VERDICT_RECORDS.map((record) => (record.vendor === 'netflix' ? { ...record, confirmation: 'NF-1234', notes: '=HYPERLINK("http://x","y") said on the phone' } : record));

/** Drops verdicts.csv and opens the reference panel of one card. */
async function cardWithPanel(width = 1280) {
  const opened = await openPage(browser, { width });
  await setRecords(opened.page, RECORDS);
  await drop(opened.page, [{ name: 'verdicts.csv', text: readFileSync(data('verdicts.csv'), 'utf8') }]);
  return opened;
}

async function createReference(page, vendor, tick = () => {}) {
  const card = page.locator(`[data-vendor="${vendor}"][data-verdict]`);
  await card.locator('button[data-action="reference"]').click();
  const panel = card.locator('.reference-builder');
  await panel.waitFor();
  await tick(panel);
  await panel.locator('button[data-action="create-reference"]').click();
  await panel.locator('input.reference-link').waitFor();
  return { card, panel, link: await panel.locator('input.reference-link').inputValue() };
}

async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const path = join(scratch, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** RFC 4180 reader: what a spreadsheet sees in each cell. */
function readCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // CRLF: the \n ends the row.
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

test('a reference made from a dropped statement opens in a fresh browser, with no request beyond the page', async () => {
  const { context, page, problems } = await cardWithPanel();
  const before = await storedRecords(page);
  const { panel, link } = await createReference(page, 'netflix', async (panel) => {
    // Every field that goes in is shown, with a box to take it out.
    assert.equal(await panel.locator('input[data-field="confirmation"]').isChecked(), true);
    assert.equal(await panel.locator('input[data-field="notes"]').isChecked(), true);
    assert.equal(await panel.locator('input[data-field^="charge-"]').count(), 3);
    assert.match(await panel.locator('.reference-fields').textContent(), /1 Apr 2026 · NETFLIX\.COM 866-579-7172 CA · −15\.49/);
    // The person takes the notes out and ticks a guide step they did.
    await panel.locator('input[data-field="notes"]').uncheck();
    await panel.locator('input[data-field="step-1"]').check();
  });
  const code = await panel.locator('.reference-code').textContent();
  assert.match(code, /^SPR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.ok(link.startsWith(`${BASE_URL}/#ref=v1.`), link);
  assert.ok(link.length <= 600, `one vendor, three charges and a step: ${link.length} characters`);
  assert.deepEqual(await storedRecords(page), before, 'making a reference stores nothing');
  await screenshot(page, 'reference-builder');

  // The messages are filled from the record and end with the link.
  const vendorMessage = await panel.locator('textarea.message').first().inputValue();
  assert.match(vendorMessage, /I cancelled my Netflix subscription on 15 March 2026 \(confirmation number NF-1234\)\./);
  assert.match(vendorMessage, /- 15\.49 on 1 April 2026 \(NETFLIX\.COM 866-579-7172 CA\)/);
  assert.ok(vendorMessage.trim().endsWith(link));
  const issuerMessage = await panel.locator('textarea.message').nth(1).inputValue();
  assert.match(issuerMessage, /I dispute the following charges from Netflix/);
  assertClean(problems);
  await context.close();

  // A fresh browser context: no storage, no cache, no service worker; every request logged.
  const fresh = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const requests = [];
  fresh.on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postData() }));
  const viewer = await fresh.newPage();
  const errors = [];
  viewer.on('pageerror', (error) => errors.push(error.message));
  viewer.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await viewer.goto(link);
  await viewer.locator('.reference-sheet').waitFor({ timeout: 15000 });
  const sheet = await viewer.locator('.reference-sheet').textContent();
  assert.ok(sheet.includes(code));
  assert.match(sheet, /Made by the person who cancelled, not by Spendrein/);
  assert.match(sheet, /Spendrein did not verify it/);
  assert.match(sheet, /Netflix/);
  assert.match(sheet, /15 Mar 2026/);
  assert.match(sheet, /NF-1234/);
  assert.doesNotMatch(sheet, /HYPERLINK/, 'the notes were taken out');
  assert.match(sheet, /What they did to cancel/);
  assert.equal(await viewer.locator('.reference-charges tbody tr').count(), 3);
  assert.match(await viewer.title(), new RegExp(code));
  assert.equal(await viewer.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null, 'opening a reference stores nothing');
  await viewer.waitForTimeout(500);
  const origin = new URL(BASE_URL).origin;
  for (const request of requests) {
    const url = new URL(request.url);
    assert.equal(url.origin, origin, `a request left the page's origin: ${request.url}`);
    assert.match(url.pathname, OWN_FILES, `a request for something other than the page's own files: ${request.url}`);
    assert.equal(request.method, 'GET');
    assert.equal(url.search, '', `a request with a query: ${request.url}`);
    assert.ok(!request.url.includes('NF-1234') && !request.url.includes('ref='), `a request carried the reference: ${request.url}`);
  }
  console.log(`reference page requests: ${requests.map((r) => new URL(r.url).pathname).join(' ')}`);
  assert.ok(requests.some((r) => r.url.endsWith('/pkg/spendrein_reference_bytes.js')), 'the reference module was loaded');
  assert.deepEqual(errors, []);
  await screenshot(viewer, 'reference-page');

  // "Save" is the only thing that stores anything.
  await viewer.locator('button[data-action="save-reference"]').click();
  const saved = await viewer.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
  assert.equal(saved.cancellations.length, 1);
  assert.equal(saved.cancellations[0].vendor, 'netflix');
  assert.equal(saved.cancellations[0].confirmation, 'NF-1234');
  await fresh.close();
});

test('the evidence sheet prints to one PDF page with the record on it', async () => {
  const { context, page, problems } = await cardWithPanel();
  const { link } = await createReference(page, 'netflix');
  await context.close();
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await viewer.locator('.reference-sheet').waitFor({ timeout: 15000 });
  await viewer.emulateMedia({ media: 'print' });
  await screenshot(viewer, 'reference-print');
  const pdf = join(scratch, 'evidence.pdf');
  writeFileSync(pdf, await viewer.pdf({ format: 'A4', printBackground: false }));
  const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)[1];
  assert.equal(Number(pages), 1, 'one page for one vendor with three charges');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const code = await viewer.locator('.reference-sheet').getAttribute('data-code');
  for (const expected of [code, 'Made by the person who cancelled, not by Spendrein', 'did not verify', 'Netflix', '15 Mar 2026', 'NF-1234', '1 Apr 2026', '1 May 2026', '1 Jun 2026', 'NETFLIX.COM 866-579-7172 CA', '15.49']) {
    assert.ok(text.includes(expected), `the PDF has ${JSON.stringify(expected)}:\n${text}`);
  }
  for (const hidden of ['Print the evidence sheet', 'Save to my tracked', 'Ready-to-send']) {
    assert.ok(!text.includes(hidden), `the printed sheet has no ${hidden}`);
  }
  // The link is printed whole (possibly broken across lines).
  assert.ok(text.replace(/\s+/g, '').includes(link.split('#ref=')[1]), 'the link is on the sheet');
  assertClean(problems);
  await viewerContext.close();
});

test('the exports re-read: CSV cells escaped and amounts numbers, JSON, the .ics reminder', async () => {
  const { context, page, problems } = await cardWithPanel();
  const { panel, link } = await createReference(page, 'netflix');
  const csv = await download(page, panel.locator('button[data-export="csv"]'));
  assert.match(csv.name, /^spendrein-reference-netflix-SPR-.*\.csv$/);
  const rows = readCsv(csv.text);
  assert.deepEqual(rows[0], ['reference', 'vendor', 'cancelled_on', 'confirmation', 'notes', 'steps_done', 'charge_date', 'descriptor', 'amount', 'currency']);
  assert.equal(rows.length, 4);
  assert.equal(rows[1][4], `'=HYPERLINK("http://x","y") said on the phone`, 'the formula cell is escaped');
  assert.deepEqual(rows.slice(1).map((row) => row[8]), ['-15.49', '-15.49', '-15.49']);
  assert.ok(csv.text.includes(',-15.49,'), 'amounts are bare numbers');
  for (const row of rows.slice(1)) {
    row.forEach((cell, index) => index === 8 || assert.ok(!/^[=+\-@\t\r]/.test(cell), `cell ${JSON.stringify(cell)}`));
  }

  const transactions = await download(page, panel.locator('button[data-export="transactions-csv"]'));
  const table = readCsv(transactions.text);
  assert.deepEqual(table[0], ['date', 'descriptor', 'amount', 'currency', 'file', 'line', 'kind']);
  assert.ok(table.length > 4);
  assert.deepEqual(table.filter((row) => row[6] === 'after').map((row) => row[0]), ['2026-04-01', '2026-05-01', '2026-06-01']);
  assert.ok(table.slice(1).every((row) => /^-?\d+(\.\d+)?$/.test(row[2]) && row[4] === 'verdicts.csv'));

  const rowsJson = JSON.parse((await download(page, panel.locator('button[data-export="transactions-json"]'))).text);
  assert.equal(rowsJson.length, table.length - 1, 'the same transactions as the CSV');
  assert.deepEqual(rowsJson.filter((row) => row.kind === 'after').map((row) => [row.date, row.amount, row.description, row.file]), ['2026-04-01', '2026-05-01', '2026-06-01'].map((date) => [date, '-15.49', 'NETFLIX.COM 866-579-7172 CA', 'verdicts.csv']));

  const json = JSON.parse((await download(page, panel.locator('button[data-export="json"]'))).text);
  assert.equal(json.vendor, 'netflix');
  assert.equal(json.link, link);
  assert.equal(json.charges.length, 3);
  assert.equal(await panel.locator('button[data-export="ics"]').count(), 0, 'still charging: no look-again date, no reminder');

  // Too early: a reminder for the look-again date.
  const disney = await createReference(page, 'disney-plus');
  const ics = (await download(page, disney.panel.locator('button[data-export="ics"]'))).text;
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
  assert.ok(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines fold at 75 octets');
  assert.ok(!/[^\r]\n/.test(ics), 'CRLF only');
  assert.equal(ics.match(/^BEGIN:VEVENT$/gm).length, 1);
  assert.equal(ics.match(/^BEGIN:VALARM$/gm).length, 1);
  assert.match(ics, /^DTSTART;VALUE=DATE:20260801$/m);
  assert.match(ics, /^DTSTAMP:\d{8}T\d{6}Z$/m);
  assertClean(problems);
  await context.close();
});

test('a damaged or tampered link gets a clear message, never a broken page', async () => {
  const { context, page, problems } = await cardWithPanel();
  const { link } = await createReference(page, 'netflix');
  await context.close();
  const [base, encoded] = link.split('#ref=v1.');
  const flip = (text, at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  const cases = [
    [`${base}#ref=v1.${flip(encoded, 10)}`, 'tampered', /changed or damaged/],
    [`${base}#ref=v1.${flip(encoded, encoded.length - 1)}`, 'tampered', /changed or damaged/],
    [`${base}#ref=v1.${encoded.slice(0, -7)}`, /tampered|truncated/, /changed|incomplete/],
    [`${base}#ref=v1.${encoded.slice(0, 20)}*${encoded.slice(21)}`, 'bad_character', /does not belong/],
    [`${base}#ref=v2.${encoded}`, 'unknown_version', /does not read/],
    [`${base}#ref=hello`, 'not_a_reference', /not a Spendrein reference/],
  ];
  for (const [url, code, message] of cases) {
    const viewer = await openPage(browser, { path: '/' });
    await viewer.page.goto(url);
    const error = viewer.page.locator('.reference-error');
    await error.waitFor({ timeout: 15000 });
    assert.match(await error.getAttribute('data-code'), code instanceof RegExp ? code : new RegExp(`^${code}$`));
    assert.match(await error.textContent(), message);
    assert.equal(await viewer.page.locator('h1:visible').textContent(), 'This reference link cannot be opened');
    assert.equal(await viewer.page.locator('.reference-sheet').count(), 0);
    assertClean(viewer.problems);
    await viewer.context.close();
  }
  assertClean(problems);
});

test('once opened, a reference opens offline too (the service worker caches its files on use)', async () => {
  const { context, page, problems } = await cardWithPanel();
  const { link } = await createReference(page, 'netflix');
  await context.close();
  const viewer = await openPage(browser, { path: '/' });
  await viewer.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  // The first visit loaded the results' code before the service worker controlled it; a visit
  // it controls keeps that code (web/app.js loads it at start), as a person's second visit does.
  await viewer.page.reload();
  await viewer.page.waitForFunction(async () => {
    for (const path of ['results.js', 'i18n/en-results.js']) if (!(await caches.match(new URL(path, location.href).href))) return false;
    return true;
  }, null, { timeout: 15000 });
  await viewer.page.goto(link);
  await viewer.page.locator('.reference-sheet').waitFor({ timeout: 15000 });
  const cached = await viewer.page.evaluate(async () => {
    const urls = [];
    for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  for (const path of ['/reference.js', '/reference.css', '/pkg/spendrein_wasm_reference.js', '/pkg/spendrein_reference_bytes.js']) {
    assert.ok(cached.includes(path), `${path} is cached after use`);
  }
  await viewer.context.setOffline(true);
  await viewer.page.reload();
  await viewer.page.locator('.reference-sheet').waitFor({ timeout: 15000 });
  assert.match(await viewer.page.locator('.reference-sheet').textContent(), /Netflix/);
  assertClean(viewer.problems);
  assertClean(problems);
  await viewer.context.close();
});
