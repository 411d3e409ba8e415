// Helpers for the widget's browser tests: a host site on a second origin (this process serves
// it on 127.0.0.1 and the browser visits it as http://localhost:PORT, a different origin and
// site from the Spendrein page at http://127.0.0.1:PORT), and ways to reach into the widget.

import { createServer } from 'node:http';
import { once } from 'node:events';
import { BASE_URL } from './helpers.mjs';

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
  await frame.setInputFiles('#w-file', files);
  await frame.waitForFunction(() => document.body.dataset.state === 'busy' || document.querySelector('#w-result').childElementCount > 0, null, { timeout: 20000 });
  await frame.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30000 });
}

/** `{ vendor, verdict }` of the widget's card, or null. */
export async function widgetVerdict(frame) {
  return frame.evaluate(() => {
    const card = document.querySelector('[data-vendor][data-verdict]');
    return card ? { vendor: card.dataset.vendor, verdict: card.dataset.verdict } : null;
  });
}
