// Renders the statement layouts (tests/pdf/layouts.mjs) to HTML and prints each with Chromium's
// print-to-PDF, as a person saving their online statement would. Writes, per layout:
//   tests/pdf/layouts/<name>.html          the statement page (committed, to look at)
//   tests/pdf/layouts/<name>.expected.csv  the rows: ISO date, signed minor units (the truth)
//   tests/pdf/layouts/<name>.csv           the same statement as a bank CSV (for the e2e test)
//   tests/pdf/out/<name>.pdf               the text PDF
// plus tests/pdf/out/bench-20-pages.pdf (the benchmark's statement, also scored) and
// tests/pdf/out/scan.pdf: a page that is only a picture of a statement (a "scan").
//
// Run: node tests/pdf/generate.mjs [outDir]   (CHROMIUM overrides /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH, LAYOUTS, expectedCsv } from './layouts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] ?? join(here, 'out');
mkdirSync(outDir, { recursive: true });
mkdirSync(join(here, 'layouts'), { recursive: true });

function bankCsv(rows) {
  const lines = ['Date,Description,Amount'];
  for (const r of rows) {
    const sign = r.amount < 0 ? '-' : '';
    const abs = Math.abs(r.amount);
    lines.push(`${r.date},"${r.text.replace(/"/g, '""')}",${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage();
  for (const [name, layout] of [...Object.entries(LAYOUTS), [BENCH.name, BENCH]]) {
    const { rows, html } = layout.build();
    writeFileSync(join(here, 'layouts', `${name}.html`), html);
    writeFileSync(join(here, 'layouts', `${name}.expected.csv`), expectedCsv(rows));
    writeFileSync(join(here, 'layouts', `${name}.csv`), bankCsv(rows));
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: join(outDir, `${name}.pdf`), format: 'A4', printBackground: false, preferCSSPageSize: true });
    console.log(`${name}: ${rows.length} rows`);
  }
  // The scan: a screenshot of the first statement, printed as an image-only page.
  const first = Object.values(LAYOUTS)[0].build().html;
  await page.setViewportSize({ width: 700, height: 990 });
  await page.setContent(first, { waitUntil: 'load' });
  const png = await page.screenshot({ type: 'jpeg', quality: 30 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0"><img style="width:100%" src="data:image/jpeg;base64,${png.toString('base64')}"></body></html>`,
    { waitUntil: 'load' },
  );
  await page.pdf({ path: join(outDir, 'scan.pdf'), format: 'A4' });
  console.log('scan: image only');
} finally {
  await browser.close();
}
