// Drives web/bench/ in headless Chromium: picks the generated statement and prints the page's
// measurements as one JSON line. Run through `cargo xtask bench`, which serves the page and
// passes the file in SPENDREIN_BENCH_FILE.

import { launch, BASE_URL } from '../e2e/helpers.mjs';

const file = process.env.SPENDREIN_BENCH_FILE;
const runs = process.env.SPENDREIN_BENCH_RUNS ?? '5';
const browser = await launch();
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${BASE_URL}/bench/?runs=${runs}`);
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => document.body.dataset.results || document.body.dataset.error, null, {
    timeout: 30 * 60 * 1000,
  });
  const error = await page.evaluate(() => document.body.dataset.error);
  if (error || problems.length) throw new Error(error ?? problems.join('\n'));
  console.log(await page.evaluate(() => document.body.dataset.results));
} finally {
  await browser.close();
}
