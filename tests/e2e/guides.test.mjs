// The guides in the page: the index with search (prefix and fuzzy, in wasm) and categories,
// a page per guide with every section, deep links to a guide and to a step, and "Track this
// cancellation".

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { launch, openPage, assertClean, SCREENSHOTS } from './helpers.mjs';
import { storedRecords, assertHeadingsInOrder } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The guide pages are long; the first screenful is what the screenshots are for (and a
// full-page capture of every guide would cost seconds of the e2e budget).
async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const names = (page) => page.locator('#guide-index .guide-link a').allTextContents();

async function search(page, query) {
  // Clear the count first: the search answer comes back from the worker later, and the previous
  // query's count ("1 guide match.") would otherwise satisfy the wait before the new one renders.
  await page.evaluate(() => {
    document.querySelector('#guide-count').textContent = '';
  });
  await page.fill('#guide-search', query);
  await page.waitForFunction((q) => (q === '' ? /guides\./ : /match/).test(document.querySelector('#guide-count').textContent), query);
}

test('the guide index lists every guide by category, and searches by prefix and with typos', async () => {
  for (const width of [1280, 375]) {
    const { context, page, problems } = await openPage(browser, { width, path: '/#/guides' });
    await page.locator('.guide-category').first().waitFor();
    const count = await page.locator('#guide-index .guide-link').count();
    assert.ok(count >= 60, `${count} guides listed`);
    assert.match(await page.locator('#guide-count').textContent(), new RegExp(`^${count} guides`));
    const categories = await page.locator('.guide-category h2').allTextContents();
    assert.equal(categories[0], 'AI and developer tools');
    assert.ok(categories.includes('Video'));
    await assertHeadingsInOrder(page);
    await screenshot(page, `guides-index-${width}`);

    if (width === 1280) {
      await search(page, 'netf');
      assert.equal((await names(page))[0], 'Netflix');
      await search(page, 'spotfy');
      assert.equal((await names(page))[0], 'Spotify');
      await search(page, 'disney plus');
      assert.equal((await names(page))[0], 'Disney+');
      await search(page, 'zzqqxx');
      assert.match(await page.locator('#guide-count').textContent(), /No guide matches/);
      await search(page, '');
      await page.selectOption('#guide-category', 'video');
      await page.waitForFunction(() => document.querySelectorAll('.guide-category').length === 1);
      assert.deepEqual(await page.locator('.guide-category h2').allTextContents(), ['Video']);
      assert.ok((await names(page)).includes('Netflix'));
      assert.ok(!(await names(page)).includes('Spotify'));
      // Search within a category.
      await search(page, 'open');
      assert.deepEqual(await names(page), []);
      await page.selectOption('#guide-category', '');
      await search(page, 'openai');
      assert.equal((await names(page))[0], 'OpenAI API');
      // Picking a result opens the guide.
      await page.click('#guide-index a:text-is("OpenAI API")');
      await page.waitForSelector('.guide[data-guide="openai-api"]');
      assert.equal(await page.evaluate(() => location.hash), '#/guides/openai-api');
    }
    assertClean(problems);
    await context.close();
  }
});

test('a guide page deep link shows every section of the guide', async () => {
  for (const width of [1280, 375]) {
    const { context, page, problems } = await openPage(browser, { width, path: '/#/guides/openai-api' });
    await page.waitForSelector('.guide[data-guide="openai-api"]');
    assert.equal(await page.locator('#view-guide h1').textContent(), 'How to cancel OpenAI API');
    const sections = await page.locator('.guide-section > h2').allTextContents();
    assert.deepEqual(sections, ['Before you start', 'Steps', 'Gotchas', 'Your data after cancelling', 'Refunds', 'Alternatives to cancelling', 'Questions', 'Related guides', 'Your rights', 'Sources']);
    assert.ok((await page.locator('.steps > li').count()) >= 5);
    // Every step link is an official https page; severities are words as well as colours.
    for (const href of await page.locator('.steps .official a').evaluateAll((links) => links.map((link) => link.href))) {
      assert.match(href, /^https:\/\//);
    }
    const severities = await page.locator('.gotcha .severity').allTextContents();
    assert.ok(severities.some((text) => text.trim() === 'Critical'));
    assert.ok(severities.some((text) => text.trim() === 'Caution'));
    assert.match(await page.locator('.guide-facts').textContent(), /Last reviewed\d+ \w{3} \d{4}/);
    assert.ok((await page.locator('.sources a').count()) >= 1);
    assert.ok((await page.locator('.guide-section a[href="#/guides/chatgpt"]').count()) >= 1, 'related guides link to ChatGPT');
    assert.match(await page.title(), /How to cancel OpenAI API/);
    await assertHeadingsInOrder(page);
    await screenshot(page, `guide-openai-api-${width}`);
    assertClean(problems);
    await context.close();
  }
});

test('a step anchor focuses the step, and an unknown guide says so', async () => {
  const { context, page, problems } = await openPage(browser, { path: '/#/guides/openai-api/step-4' });
  await page.waitForSelector('.guide[data-guide="openai-api"]');
  await page.waitForFunction(() => document.activeElement?.id === 'step-4');
  assert.match(await page.locator('#step-4').textContent(), /key/i);
  await page.click('.gotcha a[href="#/guides/openai-api/step-2"]');
  await page.waitForFunction(() => document.activeElement?.id === 'step-2');
  await page.goto(new URL('/#/guides/no-such-vendor', page.url()).href);
  await page.waitForSelector('#view-guide h1:text-is("No such guide")');
  await page.goto(new URL('/#/nowhere', page.url()).href);
  await page.waitForSelector('#view-missing:not([hidden])');
  assertClean(problems);
  await context.close();
});

test('"Track this cancellation" on a guide fills the checker form with the vendor and today', async () => {
  const { context, page, problems } = await openPage(browser, { path: '/#/guides/netflix' });
  await page.waitForSelector('.guide[data-guide="netflix"]');
  const href = await page.getAttribute('#track-this-guide', 'href');
  assert.match(href, /^#track=netflix@\d{4}-\d{2}-\d{2}$/);
  await page.click('#track-this-guide');
  await page.waitForSelector('#view-checker:not([hidden])');
  await page.waitForFunction(() => document.querySelector('#track-vendor').value === 'Netflix');
  assert.equal(await page.inputValue('#track-date'), href.split('@')[1]);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'track-date');
  await page.fill('#track-date', '2026-05-01');
  await page.click('#track-save');
  const stored = await storedRecords(page);
  assert.deepEqual(stored.cancellations.map(({ vendor, cancelled_on }) => ({ vendor, cancelled_on })), [{ vendor: 'netflix', cancelled_on: '2026-05-01' }]);
  assertClean(problems);
  await context.close();
});
