// The first slice through every layer: a statement picked in the page is read by Rust compiled
// to wasm in a Web Worker, and the page shows what it found.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openPage, assertClean, screenshot, DATA, BASE_URL } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the page is served with the production security headers', async () => {
  const response = await fetch(BASE_URL + '/');
  const csp = response.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  const wasm = await fetch(BASE_URL + '/pkg/spendrein_wasm_bg.wasm', { method: 'HEAD' });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('a picked CSV shows its transaction count, period and format', async () => {
  const { context, page, problems } = await openPage(browser);
  await page.setInputFiles('input[type=file]', join(DATA, 'slice.csv'));
  const summary = page.locator('.statement-summary');
  await summary.waitFor({ timeout: 15000 });
  assert.equal(await summary.getAttribute('data-transactions'), '4');
  assert.equal(await summary.getAttribute('data-format'), 'csv');
  assert.match(await summary.textContent(), /slice\.csv: 4 transactions, 1 Mar 2026 to 1 Jun 2026/);
  await screenshot(page, 'slice-1280');
  assertClean(problems);
  await context.close();
});
