// The checker: statements dropped or picked, every verdict from the real engine, several files
// at once, corrections that re-read a file, and "Clear". Every test fails on any console
// error or CSP violation (assertClean).

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, assertClean, screenshot } from './helpers.mjs';
import { VERDICT_RECORDS, STORAGE_KEY, data, setRecords, pick, drop, verdicts, settled, assertHeadingsInOrder } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a dropped statement gives every verdict, with evidence, causes and a timeline', async () => {
  for (const width of [1280, 375]) {
    const { context, page, problems } = await openPage(browser, { width });
    await setRecords(page, VERDICT_RECORDS);
    await drop(page, [{ name: 'verdicts.csv', text: readFileSync(data('verdicts.csv'), 'utf8') }]);
    assert.deepEqual(await verdicts(page), {
      netflix: 'still_charging',
      spotify: 'stopped',
      'openai-api': 'final_charge',
      'disney-plus': 'too_early',
      hulu: 'not_seen',
      'Acme Gym': 'still_charging',
    });

    // Still charging: the three charges after the cancellation, the cause linked to its step.
    const netflix = page.locator('[data-vendor="netflix"]');
    assert.match(await netflix.locator('.verdict').textContent(), /Still charging/);
    assert.equal(await netflix.locator('table.evidence').first().locator('tbody tr').count(), 3);
    assert.match(await netflix.locator('table.evidence').first().textContent(), /1 Apr 2026.*NETFLIX\.COM.*−15\.49/s);
    assert.ok((await netflix.locator('.causes a[href^="#/guides/netflix/step-"]').count()) >= 1);
    assert.equal(await netflix.locator('svg.timeline .point-after').count(), 3);
    assert.equal(await netflix.locator('svg.timeline .cancel-line').count(), 1);
    assert.match(await netflix.textContent(), /confirmation NF-1234/);

    // Final charge: the usage invoice after the cancellation is named as expected.
    const openai = page.locator('[data-vendor="openai-api"]');
    assert.match(await openai.locator('.final-charge').textContent(), /2 May 2026.*OPENAI \*API.*−9\.61/s);
    assert.equal(await openai.locator('svg.timeline .point-final').count(), 1);

    // Too early: when to look again.
    assert.match(await page.locator('[data-vendor="disney-plus"] .look-again').textContent(), /Look again after 1 Aug 2026/);
    // Free text is matched to the merchant in the statement.
    assert.match(await page.locator('[data-vendor="Acme Gym"]').textContent(), /Matched to “Acme Gym”/);

    // The recurring charges, with "how to cancel" where a guide exists.
    const rows = page.locator('.recurring-table tbody tr');
    assert.equal(await rows.count(), 5);
    assert.equal(await page.locator('.recurring-table tr[data-guide="netflix"] a[href="#/guides/netflix"]').count(), 1);
    assert.equal(await page.locator('.recurring-table tr[data-merchant="Acme Gym"] a').count(), 0);
    // What the reader inferred.
    assert.match(await page.locator('.inferred').textContent(), /Date order.*year-month-day/s);
    assert.match(await page.locator('#results-summary').textContent(), /38 transactions read from 1 statement/);
    await assertHeadingsInOrder(page);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `nothing scrolls sideways at ${width} px`);
    await screenshot(page, `checker-results-${width}`);
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' });
      await screenshot(page, 'checker-print');
      await page.emulateMedia({ media: 'screen' });
    }
    assertClean(problems);
    await context.close();
  }
});

test('a German export shows counterparty, booking type and purpose under each descriptor', async () => {
  const { context, page, problems } = await openPage(browser, { width: 1280 });
  await setRecords(page, [{ id: 'r-netflix', vendor: 'netflix', cancelled_on: '2026-03-20' }]);
  // Sparkasse CAMT-CSV columns (tests/data/statement/ok/csv/README-issue-17.md): the merchant is
  // in the counterparty, the booking type and a generic purpose in columns of their own.
  let text = '"Buchungstag";"Valutadatum";"Buchungstext";"Verwendungszweck";"Beguenstigter/Zahlungspflichtiger";"Betrag";"Waehrung"\n';
  for (let month = 1; month <= 6; month++) {
    text += `"14.0${month}.26";"14.0${month}.26";"KARTENZAHLUNG";"Zahlung Kartenumsatz";"NETFLIX.COM";"-13,99";"EUR"\n`;
  }
  await drop(page, [{ name: 'umsatz.csv', text }]);
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging' });
  const evidence = page.locator('[data-vendor="netflix"] table.evidence').first();
  assert.equal(await evidence.locator('tbody tr').count(), 3);
  const cell = evidence.locator('tbody tr').first().locator('td.descriptor');
  assert.equal(await cell.locator('.part-counterparty').textContent(), 'Counterparty: NETFLIX.COM');
  assert.equal(await cell.locator('.part-booking_type').textContent(), 'Booking: KARTENZAHLUNG');
  assert.equal(await cell.locator('.part-purpose').textContent(), 'Purpose: Zahlung Kartenumsatz');
  assert.match(await cell.textContent(), /^NETFLIX\.COM \| Zahlung Kartenumsatz/);
  assertClean(problems);
  await context.close();
});

test('a cause link opens the guide at the step that fixes it, and "Track this" tracks a recurring charge', async () => {
  const { context, page, problems } = await openPage(browser);
  await setRecords(page, VERDICT_RECORDS.slice(0, 1));
  await pick(page, 'verdicts.csv');
  const link = page.locator('[data-vendor="netflix"] .causes a').first();
  const href = await link.getAttribute('href');
  const step = href.split('/').at(-1);
  await link.click();
  await page.waitForSelector('.guide[data-guide="netflix"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), step);
  // Back to the checker: the results are still there.
  await page.goBack();
  await page.waitForSelector('#view-checker:not([hidden])');
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging' });
  // "Track this" on a recurring charge fills the form in for it, with today's date.
  await page.click('button[aria-label="Track a cancellation of Acme Gym"]');
  assert.equal(await page.inputValue('#track-vendor'), 'Acme Gym');
  assert.match(await page.inputValue('#track-date'), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'track-date');
  await page.fill('#track-date', '2026-04-15');
  await page.click('#track-save');
  await settled(page);
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging', 'Acme Gym': 'still_charging' });
  assertClean(problems);
  await context.close();
});

test('several files of different formats are read together, and each can be removed', async () => {
  const { context, page, problems } = await openPage(browser);
  await setRecords(page, [{ id: 'n', vendor: 'netflix', cancelled_on: '2026-03-15' }]);
  await pick(page, 'part-1.csv');
  // The first file ends on 20 March: too early to tell.
  assert.deepEqual(await verdicts(page), { netflix: 'too_early' });
  await pick(page, 'part-2.ofx');
  // The second file (OFX) carries the charges of April to June: they are still coming.
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging' });
  const summaries = page.locator('.statement-summary');
  assert.equal(await summaries.count(), 2);
  assert.deepEqual(await summaries.evaluateAll((items) => items.map((item) => item.dataset.format)), ['csv', 'ofx']);
  await page.click('button[aria-label="Remove part-2.ofx from memory"]');
  await settled(page);
  assert.equal(await summaries.count(), 1);
  assert.deepEqual(await verdicts(page), { netflix: 'too_early' });
  // Both at once from one pick.
  await pick(page, 'part-2.ofx', 'verdicts.csv');
  assert.equal(await summaries.count(), 3);
  assert.equal((await verdicts(page)).netflix, 'still_charging');
  assertClean(problems);
  await context.close();
});

test('flipping the sign, swapping the date order and choosing a column re-read the file', async () => {
  const { context, page, problems } = await openPage(browser);
  await pick(page, 'card-positive.csv');
  const hulu = page.locator('.recurring-table tr[data-guide="hulu"]');
  assert.equal(await hulu.count(), 1, 'card purchases are read as money out');
  assert.match(await page.locator('.inferred').textContent(), /money out is positive/);
  await page.check('#flip-0');
  await settled(page);
  assert.equal(await hulu.count(), 0, 'flipped, the purchases are money in and no subscription');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'flip-0', 'focus stays on the control');
  assert.ok(await page.isChecked('#flip-0'));
  await page.uncheck('#flip-0');
  await settled(page);
  assert.equal(await hulu.count(), 1);

  // The description column set aside: no descriptor names Hulu any more.
  await page.selectOption('#col-0-1', 'ignored');
  await settled(page);
  assert.equal(await hulu.count(), 0);
  assert.equal(await page.inputValue('#col-0-1'), 'ignored');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'col-0-1');
  await page.click('#reset-0');
  await settled(page);
  assert.equal(await hulu.count(), 1);

  await pick(page, 'ambiguous-dates.csv');
  const period = () => page.locator('.statement-summary[data-file="ambiguous-dates.csv"]').textContent();
  assert.match(await period(), /1 Feb 2026 to 3 Jun 2026/);
  assert.match(await page.locator('.inferred[data-file="ambiguous-dates.csv"]').textContent(), /ambiguous: assumed day first/);
  await page.click('#swap-1');
  await settled(page);
  assert.match(await period(), /2 Jan 2026 to 6 Mar 2026/);
  assert.match(await page.locator('.inferred[data-file="ambiguous-dates.csv"]').textContent(), /month\/day\/year/);
  // The other file kept its own reading.
  assert.equal(await hulu.count(), 1);
  await screenshot(page, 'checker-corrections-1280');
  assertClean(problems);
  await context.close();
});

test('a file that is not a statement is reported, and Clear forgets every statement', async () => {
  const { context, page, problems } = await openPage(browser);
  await setRecords(page, VERDICT_RECORDS.slice(0, 2));
  await drop(page, [{ name: 'holiday.pdf', text: '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n' }]);
  assert.match(await page.locator('.statement-error').textContent(), /holiday\.pdf: /);
  assert.ok(await page.locator('#results').isHidden());
  await pick(page, 'verdicts.csv');
  assert.equal(Object.keys(await verdicts(page)).length, 2);
  await page.click('#clear');
  await page.waitForFunction(() => document.querySelector('#results').hidden);
  assert.match(await page.locator('#status').textContent(), /cleared from memory/);
  assert.equal(await page.locator('[data-verdict]').count(), 0);
  assert.equal(await page.locator('.statement-summary').count(), 0);
  // Changing a record now analyses nothing: the worker holds no statement.
  await page.click('.tracked button:has-text("Delete")');
  await page.waitForTimeout(300);
  assert.ok(await page.locator('#results').isHidden());
  // Storage holds the cancellation records and nothing else.
  const storage = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(storage, [STORAGE_KEY]);
  assert.doesNotMatch(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), /NETFLIX\.COM|WHOLEFDS/);
  assertClean(problems);
  await context.close();
});

test('a worker that fails or traps is replaced by a fresh one, and the page says so', async () => {
  const { context, page, problems } = await openPage(browser);
  await setRecords(page, VERDICT_RECORDS.slice(0, 1));
  await pick(page, 'verdicts.csv');
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging' });

  // What the worker posts when the wasm traps (a WebAssembly.RuntimeError).
  const [worker] = page.workers();
  await worker.evaluate(() => postMessage({ id: 0, type: 'crashed', message: 'unreachable executed' }));
  await page.waitForFunction(() => /stopped .*unreachable executed.*restarted/.test(document.querySelector('#status').textContent));
  assert.ok(await page.locator('#results').isHidden(), 'the old results are gone with the old worker');
  assert.equal(await page.locator('.statement-summary').count(), 0);
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('drop them again'));
  // The fresh worker reads the next file.
  await pick(page, 'verdicts.csv');
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging' });

  // An uncaught error inside the worker: the same recovery.
  const fresh = page.workers().at(-1);
  await fresh.evaluate(() => setTimeout(() => {
    throw new Error('simulated failure');
  }));
  await page.waitForFunction(() => /stopped .*simulated failure.*restarted/.test(document.querySelector('#status').textContent));
  await pick(page, 'verdicts.csv');
  assert.deepEqual(await verdicts(page), { netflix: 'still_charging' });
  // The worker's own console reports its uncaught error; that one was made on purpose.
  assertClean(problems.filter((problem) => !problem.includes('simulated failure')));
  await context.close();

  // In another language the reason is in its words too; only the engine's detail is English.
  const german = await openPage(browser, { locale: 'de-DE' });
  await setRecords(german.page, VERDICT_RECORDS.slice(0, 1));
  await pick(german.page, 'verdicts.csv');
  await german.page.workers()[0].evaluate(() => postMessage({ id: 0, type: 'crashed', message: 'unreachable executed' }));
  await german.page.waitForFunction(() => document.querySelector('#status').textContent.includes('neu gestartet'));
  assert.match(await german.page.locator('#status').textContent(), /\(die Auswertung brach mit einem internen Fehler ab: unreachable executed\)/);
  assertClean(german.problems);
  await german.context.close();
});
