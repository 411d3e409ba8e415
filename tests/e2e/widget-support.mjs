// Helpers for the widget's browser tests: a host site on a second origin (this process serves
// it on 127.0.0.1 and the browser visits it as http://localhost:PORT, a different origin and
// site from the Spendrein page at http://127.0.0.1:PORT), and ways to reach into the widget.

import { createServer } from 'node:http';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, ROOT } from './helpers.mjs';

export const SPENDREIN_ORIGIN = new URL(BASE_URL).origin;

/**
 * Serves `pages` (path → HTML) on a free loopback port; resolves to `{ origin, url(path),
 * close() }`. Host pages get no CSP: a hostile host may do anything a page can.
 */
export async function startHost(pages) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://host').pathname;
    const body = pages[path];
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://localhost:${server.address().port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A host page: `head` is put before the widget markup, `body` is the markup itself. */
export function hostPage({ head = '', body }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host site</title><link rel="icon" href="data:,">${head}</head><body><h1>A blog post about subscriptions</h1>${body}</body></html>`;
}

/** The snippet from the README for one widget. */
export function snippet({ vendor, cancelledOn, theme } = {}) {
  const attrs = [vendor && `data-vendor="${vendor}"`, cancelledOn && `data-cancelled-on="${cancelledOn}"`, theme && `data-theme="${theme}"`].filter(Boolean).join(' ');
  return `<script src="${SPENDREIN_ORIGIN}/embed.js" ${attrs} async></script>`;
}

/** The widget frames of a page, in document order, once each has loaded its page. */
export async function widgetFrames(page, count = 1) {
  await page.waitForFunction((n) => document.querySelectorAll('iframe.spendrein-widget').length >= n, count, { timeout: 10000 });
  const handles = await page.$$('iframe.spendrein-widget');
  const frames = [];
  for (const handle of handles) {
    const frame = await handle.contentFrame();
    await frame.waitForSelector('#w-file', { state: 'attached', timeout: 10000 });
    frames.push(frame);
  }
  return frames;
}

/** Picks files with the widget's input and waits for its verdict card (or its status text). */
export async function pickInWidget(frame, files) {
  const before = await frame.evaluate(() => Number(document.body.dataset.answered ?? 0));
  await frame.setInputFiles('#w-file', files);
  await frame.waitForFunction((n) => Number(document.body.dataset.answered ?? 0) > n && document.body.dataset.state === 'ready', before, { timeout: 30000 });
}

/** `{ vendor, verdict }` of the widget's card, or null. */
export async function widgetVerdict(frame) {
  return frame.evaluate(() => {
    const card = document.querySelector('[data-vendor][data-verdict]');
    return card ? { vendor: card.dataset.vendor, verdict: card.dataset.verdict } : null;
  });
}

/**
 * A fresh context whose pages and frames report console errors, uncaught exceptions and CSP
 * violations into `problems`. While web/reference.js does not exist (issue #12 builds it), the
 * widget's probe for it is a 404 the browser logs; that one line is expected and skipped.
 */
export async function watchedContext(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 640, height: 1400 }, ...options });
  const problems = [];
  const referenceAbsent = !existsSync(join(ROOT, 'web', 'reference.js'));
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (referenceAbsent && message.location().url?.endsWith('/reference.js')) return;
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  });
  await context.exposeBinding('__reportViolation', (_source, text) => problems.push(`CSP violation: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      globalThis.__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI} in ${location.href}`);
    });
  });
  return { context, problems };
}

/**
 * A CSV of `rows` transactions over about `rows / 3` days: Netflix monthly all through, Spotify
 * monthly until half-way, and everyday purchases among them (deterministic).
 */
export function generatedStatement(rows) {
  let state = rows >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const days = Math.max(365, Math.ceil(rows / 3));
  const start = Date.UTC(2024, 0, 1);
  const lines = ['Date,Description,Amount'];
  for (let day = 0; day < days && lines.length <= rows; day++) {
    const date = new Date(start + day * 86400000);
    const iso = date.toISOString().slice(0, 10);
    if (date.getUTCDate() === 1) lines.push(`${iso},NETFLIX.COM 866-579-7172 CA,-15.49`);
    if (date.getUTCDate() === 5 && day < days / 2) lines.push(`${iso},Spotify USA,-11.99`);
    for (let i = 0; i < 3 && lines.length <= rows; i++) {
      lines.push(`${iso},SHOP ${['MARKET', 'CAFE', 'FUEL', 'BOOKS'][i]} ${1000 + Math.floor(next() * 800)},-${(1 + next() * 120).toFixed(2)}`);
    }
  }
  const last = lines.at(-1).slice(0, 10);
  return { text: `${lines.slice(0, rows + 1).join('\n')}\n`, first: '2024-01-01', last };
}
