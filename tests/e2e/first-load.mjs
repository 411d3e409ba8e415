// The checker's first load, measured as tests/e2e/page-speed.bench.mjs measures it
// (firstLoadSize): every JS, wasm and CSS file the page requests until it is ready, gzipped at
// level 9. `SPENDREIN_URL=http://127.0.0.1:PORT node tests/e2e/first-load.mjs`.
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
  let gzipped = 0;
  for (const url of [...urls].sort()) {
    const path = new URL(url).pathname;
    if (!/\.(js|mjs|wasm|css)$/.test(path)) continue;
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    const zipped = gzipSync(body, { level: 9 }).length;
    gzipped += zipped;
    console.log(`${path} ${body.length} raw, ${zipped} gzipped`);
  }
  console.log(`first load: ${(gzipped / 1024).toFixed(1)} KB gzipped (${gzipped} bytes)`);
} finally {
  await browser.close();
}
