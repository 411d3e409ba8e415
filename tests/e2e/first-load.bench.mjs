// The first load's size alone, by the method of page-speed.bench.mjs (`firstLoadSize`): every
// JS/wasm/CSS response a fresh visit fetches, gzipped at level 9; plus the office module's
// files, which the first load must not contain. Run with SPENDREIN_URL=<served page>
// node tests/e2e/first-load.bench.mjs.
import { gzipSync } from 'node:zlib';
import { launch, BASE_URL } from './helpers.mjs';

const browser = await launch();
try {
  const context = await browser.newContext();
  const urls = new Set();
  context.on('request', (request) => urls.add(request.url()));
  const page = await context.newPage();
  await page.goto(BASE_URL + '/');
  await page.locator('#vendor-list option').first().waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 }).catch(() => {});
  await context.close();
  const size = async (url) => {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    return { raw: body.length, gzipped: gzipSync(body, { level: 9 }).length };
  };
  let gzipped = 0;
  for (const url of [...urls].sort()) {
    const path = new URL(url).pathname;
    if (!/\.(js|mjs|wasm|css)$/.test(path)) continue;
    const s = await size(url);
    gzipped += s.gzipped;
    console.log(`first load: ${path} ${(s.gzipped / 1024).toFixed(1)} KB gzipped`);
  }
  console.log(`first load: ${(gzipped / 1024).toFixed(1)} KB gzipped in total (limit 400 KB)`);
  for (const path of ['/office.js', '/pkg/spendrein_wasm_office.js', '/pkg/spendrein_wasm_office_bg.wasm']) {
    const s = await size(new URL(path, BASE_URL).href);
    console.log(`office module: ${path} ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzipped / 1024).toFixed(1)} KB gzipped`);
  }
  if (gzipped > 400 * 1024) process.exitCode = 1;
} finally {
  await browser.close();
}
