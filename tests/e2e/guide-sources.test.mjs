// Issue 16 on the guide page: every claim names its sources (links in a new tab, no referrer),
// a claim resting only on third parties' pages is marked "not confirmed on the vendor's own
// help pages", the sources list says whose page each is and when it was read; legacy guides
// keep their plain list. Guide bodies are not in the first load: they are imported when a
// guide is opened.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, BASE_URL } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('each claim of a converted guide shows its sources and marks third-party-only claims', async () => {
  const { context, page, problems } = await openPage(browser, { path: '/#/guides/netflix' });
  await page.waitForSelector('.guide[data-guide="netflix"] .sources li');
  // One line per claim: 5 steps, 4 gotchas, data, refunds, 3 answers.
  const steps = await page.locator('.steps > li').count();
  const gotchas = await page.locator('.gotchas > li').count();
  const answers = await page.locator('.faq dd').count();
  assert.equal(await page.locator('.claim-sources').count(), steps + gotchas + answers + 2);
  for (const item of await page.locator('.steps > li, .gotchas > li, .faq dd').all()) {
    assert.equal(await item.locator('.claim-sources').count(), 1);
  }
  // Links open in a new tab without opener or referrer, to https pages only.
  const links = await page.locator('.claim-sources a, .sources a').evaluateAll((anchors) => anchors.map((a) => ({ href: a.href, target: a.target, rel: a.rel, children: a.children.length })));
  assert.ok(links.length >= 14);
  for (const link of links) {
    assert.match(link.href, /^https:\/\//);
    assert.equal(link.target, '_blank');
    assert.equal(link.rel, 'noopener noreferrer');
    assert.equal(link.children, 0, 'link text is plain text');
  }
  // Computed marks: the data text rests on Netflix's own restart page; the first step only on
  // a third party's walkthrough.
  assert.doesNotMatch(await page.locator('#guide-data + p + .claim-sources, section[aria-labelledby="guide-data"] .claim-sources').first().textContent(), /Not confirmed/);
  assert.match(await page.locator('#step-1 .claim-sources').textContent(), /^Not confirmed on the vendor’s own help pages\. Source: /);
  const marked = await page.locator('.claim-sources.unconfirmed').count();
  assert.ok(marked > 0 && marked < steps + gotchas + answers + 2, `${marked} claims marked`);
  // The sources list: title, whose page, the day read.
  const sources = await page.locator('.sources li').allTextContents();
  assert.ok(sources.length >= 3);
  for (const text of sources) assert.match(text, / — (the vendor’s own page|third party), read \d+ \w{3} \d{4}$/);
  assert.ok(sources.some((text) => text.startsWith('How to restart your Netflix account — the vendor’s own page')));
  assertClean(problems);
  await context.close();
});

test('guide bodies are not in the first load; opening a guide imports only its own body', async () => {
  const context = await browser.newContext();
  // The page's request and the service worker's for it count once.
  const seen = new Set();
  const requested = [];
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!seen.has(path)) requested.push(path);
    seen.add(path);
  });
  const page = await context.newPage();
  await page.goto(BASE_URL + '/');
  await page.locator('#vendor-list option').first().waitFor({ state: 'attached', timeout: 30000 });
  assert.deepEqual(requested.filter((path) => path.includes('/pkg/guides/') || path.endsWith('guide-page.js')), []);
  await page.goto(BASE_URL + '/#/guides/spotify');
  await page.waitForSelector('.guide[data-guide="spotify"] .steps li');
  assert.deepEqual(requested.filter((path) => path.includes('/pkg/guides/')), ['/pkg/guides/spotify.js']);
  // An id that is not a guide is never imported.
  await page.goto(BASE_URL + '/#/guides/no-such-vendor');
  await page.waitForSelector('#view-guide h1:text-is("No such guide")');
  assert.deepEqual(requested.filter((path) => path.includes('/pkg/guides/')), ['/pkg/guides/spotify.js']);
  await context.close();
});

test('the guide index fetches a guide body when its link is hovered or focused', async () => {
  const { context, page, problems } = await openPage(browser, { path: '/#/guides' });
  await page.locator('#guide-index .guide-link[data-guide="netflix"] a').waitFor();
  const hovered = page.waitForRequest((request) => request.url().endsWith('/pkg/guides/netflix.js'), { timeout: 10000 });
  await page.hover('#guide-index .guide-link[data-guide="netflix"] a');
  await hovered;
  const focused = page.waitForRequest((request) => request.url().endsWith('/pkg/guides/spotify.js'), { timeout: 10000 });
  await page.focus('#guide-index .guide-link[data-guide="spotify"] a');
  await focused;
  await page.click('#guide-index .guide-link[data-guide="netflix"] a');
  await page.waitForSelector('.guide[data-guide="netflix"] .sources li');
  assertClean(problems);
  await context.close();
});
