// Small helpers shared by the page's browser tests (the harness itself is helpers.mjs).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DATA } from './helpers.mjs';

export const STORAGE_KEY = 'spendrein.cancellations';

/** The cancellations the verdicts.csv statement is written for: one per verdict. */
export const VERDICT_RECORDS = [
  { id: 'r-netflix', vendor: 'netflix', cancelled_on: '2026-03-15', confirmation: 'NF-1234' },
  { id: 'r-spotify', vendor: 'spotify', cancelled_on: '2026-03-10' },
  { id: 'r-openai', vendor: 'openai-api', cancelled_on: '2026-04-10' },
  { id: 'r-disney', vendor: 'disney-plus', cancelled_on: '2026-06-27' },
  { id: 'r-hulu', vendor: 'hulu', cancelled_on: '2026-02-01' },
  { id: 'r-gym', vendor: 'Acme Gym', cancelled_on: '2026-04-15', notes: 'cancelled at the front desk' },
];

export const data = (name) => join(DATA, name);

/** Stores records the way the page does, then reloads so the page reads them. */
export async function setRecords(page, records) {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, JSON.stringify({ version: 1, cancellations: value })),
    [STORAGE_KEY, records],
  );
  await page.reload();
  await page.locator('.tracked').first().waitFor({ state: records.length ? 'visible' : 'detached', timeout: 10000 }).catch(() => {});
}

export async function storedRecords(page) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), STORAGE_KEY);
}

/** Waits until the page is idle (no read or analysis running). */
export async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
}

/** Picks files with the statement input and waits for the report. */
export async function pick(page, ...names) {
  await page.setInputFiles('input[type=file]', names.map(data));
  await page.waitForFunction(() => document.body.dataset.state === 'busy' || !document.querySelector('#results').hidden, null, { timeout: 5000 }).catch(() => {});
  await settled(page);
}

/** Drops files on the drop zone with a real drop event carrying a DataTransfer. */
export async function drop(page, files) {
  const handle = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const { name, text } of list) transfer.items.add(new File([text], name, { type: 'text/plain' }));
    return transfer;
  }, files);
  await page.dispatchEvent('#drop-zone', 'dragover', { dataTransfer: handle });
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: handle });
  await settled(page);
}

/** `{ vendor: verdict }` of every cancellation card. */
export async function verdicts(page) {
  return Object.fromEntries(await page.$$eval('[data-vendor][data-verdict]', (cards) => cards.map((card) => [card.dataset.vendor, card.dataset.verdict])));
}

/** Fails when a visible heading skips a level (h2 → h4) or the first is not an h1. */
export async function assertHeadingsInOrder(page) {
  const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (headings) => headings.filter((h) => h.offsetParent !== null || h.getClientRects().length).map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 1, `the first heading is h${levels[0]}`);
  levels.reduce((previous, level, at) => {
    assert.ok(level <= previous + 1, `heading ${at} jumps from h${previous} to h${level}`);
    return level;
  });
}
