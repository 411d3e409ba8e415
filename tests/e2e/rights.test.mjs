// "Your rights" (web/rights.js): on a guide page and, collapsed, on a still-charging or
// final-charge card; the region from the statement's currency, the browser's language or the
// person's choice (remembered with the records); sources and "not confirmed" marks as the
// generated data says; never part of the first load.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, BASE_URL, assertClean, screenshot } from './helpers.mjs';
import { VERDICT_RECORDS, STORAGE_KEY, data, setRecords, drop, verdicts } from './page-support.mjs';
import rightsData from '../../web/rights-data.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The guide page's section (its h2 has the id).
const G = '[aria-labelledby="guide-rights"]';
const RIGHTS_FILES = /\/rights(-data)?\.(js|css)$/;

/** openPage with a browser language, recording problems and the rights files requested. */
async function openWith(locale, { width = 1280, path = '/' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
  const page = await context.newPage();
  const problems = [];
  const rightsRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (RIGHTS_FILES.test(new URL(request.url()).pathname)) rightsRequests.push(new URL(request.url()).pathname);
  });
  await page.exposeBinding('__reportViolation', (_source, text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => globalThis.__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  await page.goto(new URL(path, BASE_URL).href);
  return { context, page, problems, rightsRequests };
}

const region = (id) => rightsData.regions.find((entry) => entry.id === id);
const unconfirmedPoints = (id) => region(id).topics.reduce((sum, topic) => sum + topic.points.filter((point) => !point.confirmed).length, 0);

/** What a rendered rights block shows: region, topic ids, marks, links. */
async function shown(page, selector) {
  return page.locator(selector).evaluate((root) => ({
    region: root.dataset.region,
    disclaimer: root.querySelector('.rights-disclaimer')?.textContent ?? '',
    topics: [...root.querySelectorAll('.rights-topic')].map((topic) => topic.dataset.topic),
    unconfirmed: root.querySelectorAll('.rights-points .unconfirmed-note').length,
    links: [...root.querySelectorAll('.rights-sources a')].map((a) => ({ href: a.href, target: a.target, rel: a.rel, text: a.textContent })),
    overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  }));
}

test('a guide page shows the rights of the browser language’s region, and the choice is remembered', async () => {
  for (const width of [1280, 320]) {
    const { context, page, problems } = await openWith('en-GB', { width, path: '/#/guides/netflix' });
    await page.locator(`${G} .rights-topic`).first().waitFor();
    let seen = await shown(page, `${G} .rights`);
    assert.equal(seen.region, 'uk');
    assert.match(seen.disclaimer, /^This is not legal advice\./);
    assert.deepEqual(seen.topics, region('uk').topics.map((topic) => topic.id));
    assert.equal(seen.unconfirmed, unconfirmedPoints('uk'));
    assert.ok(seen.links.length >= region('uk').sources.length, 'every source is linked from a claim');
    for (const link of seen.links) {
      assert.equal(link.target, '_blank', link.href);
      assert.equal(link.rel, 'noopener noreferrer', link.href);
      assert.match(link.href, /^https:\/\//);
      assert.ok(region('uk').sources.some((source) => source.url === link.href || new URL(source.url).href === link.href), link.href);
    }
    assert.equal(seen.overflow, false, `horizontal overflow at ${width} px`);
    assert.match(await page.locator(`${G} .rights-why`).textContent(), /browser’s language/);
    await screenshot(page, `rights-guide-uk-${width}`);

    if (width === 1280) {
      // Choosing a region re-renders and is stored beside the records, which stay as they were.
      await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, cancellations: [{ id: 'keep', vendor: 'netflix', cancelled_on: '2026-03-15' }] })), STORAGE_KEY);
      await page.selectOption(`${G} select`, 'us');
      seen = await shown(page, `${G} .rights`);
      assert.equal(seen.region, 'us');
      assert.deepEqual(seen.topics, region('us').topics.map((topic) => topic.id));
      assert.equal(seen.unconfirmed, unconfirmedPoints('us'));
      const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
      assert.deepEqual(stored.settings, { region: 'us' });
      assert.equal(stored.cancellations[0].id, 'keep');
      await page.reload();
      await page.locator(`${G} .rights-topic`).first().waitFor();
      assert.equal((await shown(page, `${G} .rights`)).region, 'us');
      assert.match(await page.locator(`${G} .rights-why`).textContent(), /your choice/);
    }
    assertClean(problems);
    await context.close();
  }
});

test('with no region to guess, the section asks and shows nothing until chosen', async () => {
  const { context, page, problems } = await openWith('en', { path: '/#/guides/spotify' });
  await page.locator(`${G} select`).waitFor();
  assert.equal((await shown(page, `${G} .rights`)).topics.length, 0);
  assert.match(await page.locator(`${G} .rights-body`).textContent(), /Choose where you live/);
  await page.selectOption(`${G} select`, 'eu');
  assert.deepEqual((await shown(page, `${G} .rights`)).topics, region('eu').topics.map((topic) => topic.id));
  assertClean(problems);
  await context.close();
});

test('a still-charging card has a collapsed “Your rights” for the statement’s currency, loaded only when opened', async () => {
  // The project's verdicts statement with a currency column, so its charges are in euros.
  const lines = readFileSync(data('verdicts.csv'), 'utf8').trimEnd().split('\n');
  const euros = [`${lines[0]},Currency`, ...lines.slice(1).map((line) => `${line},EUR`)].join('\n');
  for (const width of [1280, 320]) {
    const { context, page, problems, rightsRequests } = await openWith('en-US', { width });
    await setRecords(page, VERDICT_RECORDS);
    await drop(page, [{ name: 'verdicts-eur.csv', text: euros }]);
    const found = await verdicts(page);
    assert.equal(found.netflix, 'still_charging');
    assert.equal(rightsRequests.length, 0, `requested before any rights section was opened: ${rightsRequests.join(', ')}`);
    // Only still-charging and final-charge cards carry it.
    for (const [vendor, verdict] of Object.entries(found)) {
      const count = await page.locator(`[data-vendor="${vendor}"] details.rights`).count();
      assert.equal(count, verdict === 'still_charging' || verdict === 'final_charge' ? 1 : 0, `${vendor} (${verdict})`);
    }
    const details = page.locator('[data-vendor="netflix"] details.rights');
    assert.equal(await details.evaluate((element) => element.open), false);
    await details.locator('summary').click();
    await details.locator('.rights-topic').first().waitFor();
    const seen = await shown(page, '[data-vendor="netflix"] details.rights');
    // The browser says US, the statement says euros: the currency wins over the language.
    assert.equal(seen.region, 'eu');
    assert.deepEqual(seen.topics, region('eu').topics.map((topic) => topic.id));
    assert.equal(seen.unconfirmed, unconfirmedPoints('eu'));
    assert.match(await details.locator('.rights-why').textContent(), /statement’s currency \(EUR\)/);
    assert.equal(seen.overflow, false, `horizontal overflow at ${width} px`);
    assert.ok(rightsRequests.includes('/rights.js') && rightsRequests.includes('/rights-data.js'), rightsRequests.join(', '));
    // Topic headings sit under the card's h4.
    assert.deepEqual(await details.locator('h5').count(), region('eu').topics.length);
    await screenshot(page, `rights-card-eu-${width}`);
    assertClean(problems);
    await context.close();
  }
});

test('the checker’s first load requests no rights file', async () => {
  const { context, page, problems, rightsRequests } = await openWith('en-GB');
  await page.locator('#vendor-list option').first().waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 }).catch(() => {});
  assert.deepEqual(rightsRequests, []);
  assertClean(problems);
  await context.close();
});
