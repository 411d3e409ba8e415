// The privacy promises of ../shared/SECURITY.md, each with a test that fails if it breaks:
// the statement is never uploaded, nothing of it is stored, and text from a file cannot run code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { randomUUID } from 'node:crypto';
import { launch, assertClean, BASE_URL, ROOT } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A monthly statement whose every descriptor carries `marker`, long enough to form streams. */
function markedStatement(marker) {
  const lines = ['Date,Description,Amount'];
  for (let month = 1; month <= 9; month++) {
    const mm = String(month).padStart(2, '0');
    lines.push(`2026-${mm}-03,NETFLIX.COM ${marker},-15.49`);
    lines.push(`2026-${mm}-11,SPOTIFY ${marker},-10.99`);
    lines.push(`2026-${mm}-20,GROCER ${marker} ${month},-${40 + month}.10`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** Opens the page in a fresh context that records every request, from the page and its workers. */
async function recordingPage({ serviceWorkers }) {
  const context = await browser.newContext({ serviceWorkers });
  const requests = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    requests.push({ url: request.url(), body: request.postData() ?? '', method: request.method() });
    await route.continue();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    requests.push({ url: request.url(), body: request.postData() ?? '', method: request.method() });
  });
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.exposeBinding('__reportViolation', (_source, text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      globalThis.__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  await page.goto(BASE_URL + '/');
  return { context, page, requests, problems };
}

/** Drops a file through the page's file input and waits until the page shows its name. */
async function dropAndWait(page, name, buffer) {
  await page.setInputFiles('input[type=file]', { name, mimeType: 'text/csv', buffer });
  await page.waitForFunction((fileName) => document.body.innerText.includes(fileName), name, {
    timeout: 20000,
  });
  // Give any deferred work (timers, idle callbacks, the service worker) time to misbehave.
  await page.waitForTimeout(1500);
}

for (const serviceWorkers of ['block', 'allow']) {
  test(`no request leaves the page after a drop (service workers: ${serviceWorkers})`, async () => {
    const marker = `SPENDREINMARKER${randomUUID().replaceAll('-', '')}`;
    const { context, page, requests, problems } = await recordingPage({ serviceWorkers });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    // The results' code and words are the page's own files, loaded at start, before any drop.
    await page.waitForFunction(() => document.body.dataset.results === 'loaded', null, { timeout: 10000 });
    const before = requests.length;
    await dropAndWait(page, `statement-${marker}.csv`, markedStatement(marker));
    const after = requests.slice(before);
    assert.deepEqual(after, [], `requests after the drop: ${JSON.stringify(after, null, 1)}`);
    for (const request of requests) {
      assert.ok(!request.url.includes(marker) && !request.body.includes(marker), `marker in ${request.url}`);
      assert.ok(request.url.startsWith(BASE_URL + '/'), `request to another origin: ${request.url}`);
    }
    assertClean(problems);
    await context.close();
  });
}

test('nothing of the statement is stored, before or after "clear"', async () => {
  const marker = `SPENDREINMARKER${randomUUID().replaceAll('-', '')}`;
  const { context, page, problems } = await recordingPage({ serviceWorkers: 'allow' });
  await dropAndWait(page, 'stored-check.csv', markedStatement(marker));
  const inspect = () =>
    page.evaluate(async (needle) => {
      const found = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        const value = localStorage.getItem(key);
        if (key.includes(needle) || value.includes(needle)) found.push(`localStorage ${key}`);
        if (/NETFLIX|SPOTIFY|GROCER|stored-check/.test(value)) found.push(`localStorage ${key} holds statement text`);
      }
      for (let i = 0; i < sessionStorage.length; i++) found.push(`sessionStorage ${sessionStorage.key(i)}`);
      if (indexedDB.databases) {
        for (const db of await indexedDB.databases()) found.push(`IndexedDB ${db.name}`);
      }
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (new URL(request.url).origin !== location.origin) found.push(`cached foreign ${request.url}`);
          const body = await (await cache.match(request)).text();
          if (body.includes(needle)) found.push(`Cache Storage ${request.url}`);
        }
      }
      const root = await navigator.storage.getDirectory();
      for await (const [name] of root.entries()) found.push(`OPFS ${name}`);
      return found;
    }, marker);
  assert.deepEqual(await inspect(), [], 'statement data found in storage after analysis');
  const clear = page.getByRole('button', { name: /clear/i });
  if (await clear.count()) {
    await clear.first().click();
    assert.deepEqual(await inspect(), [], 'statement data found in storage after clear');
  }
  assertClean(problems);
  await context.close();
});

const XSS = [
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(2)>',
  '<script>alert(3)</script>',
  'javascript:alert(4)',
  '<a href="javascript:alert(5)">x</a>',
  '\u202Eevil\u202C',
  'ZERO\u200BWIDTH\u200D',
  'NUL\u0000BYTE',
  'X'.repeat(10000),
];

test('descriptors and file names from a statement render inert', async () => {
  const lines = ['Date,Description,Amount'];
  for (let month = 1; month <= 6; month++) {
    const mm = String(month).padStart(2, '0');
    XSS.forEach((payload, i) => {
      lines.push(`2026-${mm}-${String(i + 1).padStart(2, '0')},"${payload.replaceAll('"', '""')}",-${i + 5}.00`);
    });
  }
  const { context, page, problems } = await recordingPage({ serviceWorkers: 'block' });
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const name = '<img src=x onerror=alert(9)>.csv';
  await dropAndWait(page, name, Buffer.from(lines.join('\n') + '\n'));
  const injected = await page.evaluate(() => {
    const found = [];
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*javascript:/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=javascript:`);
      }
      if (element.tagName === 'IMG' && element.getAttribute('src') === 'x') found.push('IMG src=x');
    }
    for (const script of document.scripts) {
      if (!script.src) found.push('inline script');
    }
    return found;
  });
  assert.deepEqual(injected, []);
  assert.deepEqual(dialogs, []);
  assert.ok((await page.evaluate(() => document.body.innerText)).includes(name), 'the file name is shown as text');
  assertClean(problems);
  await context.close();
});

/** Every JS file the page can load, with what it may use to talk to the network. */
function jsFiles(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'bench') jsFiles(path, found);
    } else if (/\.(m?js)$/.test(entry)) {
      found.push(path);
    }
  }
  return found;
}

test('the built JS and the wasm imports use no network API beyond loading the page', async () => {
  const web = join(ROOT, 'web');
  const apis = ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'RTCPeerConnection', 'EventSource', 'fetch('];
  // The only network use allowed: wasm-bindgen's loader fetching the .wasm, and the service
  // worker fetching the page's own files to cache them. The reference module's loader has the
  // same code, but reference.js hands it the module's bytes, so its fetch is never called (and
  // documents have connect-src 'none'; the reference tests log every request).
  const allowed = { 'pkg/spendrein_wasm.js': ['fetch('], 'pkg/spendrein_wasm_office.js': ['fetch('], 'pkg/spendrein_wasm_reference.js': ['fetch('], 'sw.js': ['fetch('] };
  const violations = [];
  for (const file of jsFiles(web)) {
    const name = relative(web, file);
    const source = readFileSync(file, 'utf8');
    for (const api of apis) {
      if (source.includes(api) && !(allowed[name] ?? []).includes(api)) violations.push(`${name} uses ${api}`);
    }
  }
  const glue = readFileSync(join(web, 'pkg/spendrein_wasm.js'), 'utf8');
  assert.equal(glue.match(/fetch\(/g)?.length ?? 0, 1, 'the wasm loader fetches exactly once');
  const referenceBytes = Buffer.from(/WASM_BASE64 = '([^']+)'/.exec(readFileSync(join(web, 'pkg/spendrein_reference_bytes.js'), 'utf8'))[1], 'base64');
  const modules = [
    ['pkg/spendrein_wasm_bg.wasm', readFileSync(join(web, 'pkg/spendrein_wasm_bg.wasm'))],
    ['pkg/spendrein_wasm_office_bg.wasm', readFileSync(join(web, 'pkg/spendrein_wasm_office_bg.wasm'))],
    ['pkg/spendrein_reference_bytes.js', referenceBytes],
  ];
  for (const [wasm, bytes] of modules) {
    for (const { module: from, name } of WebAssembly.Module.imports(new WebAssembly.Module(bytes))) {
      if (/fetch|xmlhttp|websocket|beacon|rtcpeer|eventsource|request|navigator/i.test(name)) {
        violations.push(`${wasm} imports ${from}.${name}`);
      }
    }
  }
  assert.deepEqual(violations, []);
});
