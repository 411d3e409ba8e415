// The page in each of its five languages: chosen from the browser's languages, every verdict
// card, the recurring charges, what the reader inferred and its diagnostics rendered with no
// English left (the DOM's text and aria text walked against the English catalogue), no missing
// key, no sideways scrolling at 320 px; the picker, the kept setting, and the English guides.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, assertClean, ROOT, DATA } from './helpers.mjs';
import { VERDICT_RECORDS, STORAGE_KEY, setRecords, settled, verdicts, storedRecords } from './page-support.mjs';
import { startHost, hostPage, snippet, widgetFrames, pickInWidget, widgetVerdict, watchedContext } from './widget-support.mjs';

const LOCALES = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL' };
const catalogue = async (lang) => {
  const load = async (part) => (await import(pathToFileURL(join(ROOT, 'web', 'i18n', `${lang}${part}.js`)).href)).default;
  return { ...(await load('')), ...(await load('-results')), ...(await load('-widget')) };
};
const texts = (value) => (typeof value === 'string' ? [value] : Object.entries(value).filter(([key]) => key !== 'by').map(([, text]) => text));

// The project's own statements (tests/data, sources in their READMEs): every verdict, and files
// with skipped rows, warnings, notes and a reader error.
const FILES = [
  join(DATA, 'verdicts.csv'),
  join(ROOT, 'tests/data/statement/ok/ofx/problems-skipped.ofx'),
  join(ROOT, 'tests/data/statement/ok/csv/de-ing-umsatzanzeige-prose-preamble.csv'),
  join(ROOT, 'tests/data/statement/ok/csv/number-too-large-skipped.csv'),
  join(ROOT, 'tests/data/statement/ok/csv/unclosed-quote.csv'),
  join(ROOT, 'tests/data/statement/err/csv/pdf-renamed.csv'),
];

/**
 * The pieces of English a translated page must not show: the literal parts of every English
 * message (between placeholders) of two words or more, or one word of six letters or more,
 * leaving out those the language's own catalogue also has (names, "Format", "Status").
 */
async function englishPieces(lang) {
  const english = await catalogue('en');
  const own = Object.values(await catalogue(lang)).flatMap(texts).join('\n');
  const pieces = new Set();
  for (const text of Object.values(english).flatMap(texts)) {
    for (const part of text.split(/\{[^{}]*\}/)) {
      const piece = part.replace(/^[\s,.;:()“”"'—–·-]+|[\s,.;:()“”"'—–·-]+$/g, '');
      const words = piece.split(/\s+/).filter((word) => /\p{L}/u.test(word));
      if ((words.length >= 2 && piece.length >= 8) || (words.length === 1 && /^\p{L}{6,}$/u.test(piece))) pieces.add(piece);
    }
  }
  return [...pieces].filter((piece) => !own.includes(piece));
}

/** The text a person (or a screen reader) gets: text nodes and aria/title attributes. */
async function pageWords(page) {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    // Text of another language on purpose: the English guide text and the language names.
    const foreign = (element) => element.closest('[lang]')?.getAttribute('lang') !== lang;
    const hidden = (element) => Boolean(element.closest('[hidden], script, style, template'));
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || hidden(element) || foreign(element)) continue;
      out.push({ where: element.tagName.toLowerCase() + (element.className?.baseVal ?? element.className ? `.${element.className?.baseVal ?? element.className}` : ''), text: node.textContent });
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (hidden(element) || foreign(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        if (element.hasAttribute(name)) out.push({ where: `${element.tagName.toLowerCase()}[${name}]`, text: element.getAttribute(name) });
      }
    }
    out.push({ where: 'title', text: document.title });
    return out;
  });
}

async function pickAndOpen(page, files, renders) {
  await page.setInputFiles('input[type=file]', files);
  await page.waitForFunction((n) => Number(document.body.dataset.rendered) >= n, renders, { timeout: 30000 });
  await settled(page);
  // The closed parts are built when opened (the full history); open them all.
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  await page.waitForFunction(() => [...document.querySelectorAll('details.history')].every((details) => details.querySelector('table')));
}

/** Fails with every piece of English (or missing key) the page shows in `lang`. */
async function assertAllIn(page, lang, least = 200) {
  assert.equal(await page.evaluate(() => document.documentElement.dataset.i18nMissing ?? null), null, 'no key is missing');
  const words = await pageWords(page);
  assert.ok(words.length > least, `${words.length} pieces of text`);
  assert.deepEqual(words.filter(({ text }) => text.includes('⟦')), [], 'no missing-key fallback shown');
  if (lang === 'en') return;
  const pieces = await englishPieces(lang);
  const left = words.flatMap(({ where, text }) => pieces.filter((piece) => text.includes(piece)).map((piece) => `${where}: «${piece}» in «${text.slice(0, 140)}»`));
  assert.deepEqual(left, [], 'English left on the page');
}

let browser;
let host;
const hostPages = {};
before(async () => {
  browser = await launch();
  host = await startHost(hostPages);
});
after(async () => {
  await browser?.close();
  await host?.close();
});

for (const [lang, locale] of Object.entries(LOCALES)) {
  test(`in ${lang}: every verdict and diagnostic in the language, no missing key, nothing wider than 320 px`, async () => {
    const { context, page, problems } = await openPage(browser, { width: 320, height: 800, locale });
    await setRecords(page, VERDICT_RECORDS);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `chosen from navigator.languages (${locale})`);
    // verdicts.csv alone gives every verdict.
    await pickAndOpen(page, FILES.slice(0, 1), 1);
    assert.deepEqual(await verdicts(page), {
      netflix: 'still_charging',
      spotify: 'stopped',
      'openai-api': 'final_charge',
      'disney-plus': 'too_early',
      hulu: 'not_seen',
      'Acme Gym': 'still_charging',
    });
    await assertAllIn(page, lang);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `nothing scrolls sideways at 320 px (${width} px)`);
    // Dates and money in the language's form, the same on the card, the timeline and the rows.
    const netflix = page.locator('[data-vendor="netflix"]');
    const expected = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 3, 1));
    const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(15.49);
    assert.ok((await netflix.locator('table.evidence').first().textContent()).includes(expected), `evidence rows show ${expected}`);
    assert.ok((await netflix.locator('.explanation').textContent()).includes(expected), `the explanation shows ${expected}`);
    assert.ok((await netflix.locator('svg.timeline').innerHTML()).includes(expected), `the timeline shows ${expected}`);
    assert.ok((await netflix.locator('table.evidence').first().textContent()).includes(`\u2212${amount}`), `money out as −${amount}`);


    // The other files beside it: skipped rows, warnings, notes and a reader error.
    await pickAndOpen(page, FILES.slice(1), 2);
    assert.equal(await page.locator('.statement-error').count(), 1);
    assert.ok((await page.locator('.diagnostic.severity-warning').count()) >= 3, 'warnings');
    assert.ok((await page.locator('.diagnostic.severity-info').count()) >= 2, 'notes');
    await assertAllIn(page, lang);
    const wider = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wider <= 320, `nothing scrolls sideways at 320 px with every file (${wider} px)`);
    assertClean(problems);
    await context.close();
  });
}

test('the language is switchable, kept beside the records, and left out of the records export', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' });
  await setRecords(page, VERDICT_RECORDS.slice(0, 2));
  assert.equal(await page.locator('#track-save').textContent(), 'Track this cancellation');
  await page.selectOption('#language', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.equal(await page.locator('#track-save').textContent(), 'Kündigung verfolgen');
  assert.equal(await page.locator('.tracked').count(), 2);
  const stored = await storedRecords(page);
  assert.deepEqual(stored.settings, { language: 'de' });
  assert.equal(stored.cancellations.length, 2, 'the records stay as they were');

  // The export holds the records only; an import leaves the setting alone.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-records')]);
  const exported = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
  assert.deepEqual(Object.keys(exported).sort(), ['cancellations', 'version']);
  assert.match(await page.locator('#records-status').textContent(), /2 Kündigungen exportiert/);

  // Deleting every record keeps the language; a reload comes back in German.
  for (let n = 0; n < 2; n++) await page.locator('.tracked button.danger').first().click();
  assert.equal(await page.locator('.tracked').count(), 0);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  assert.equal(await page.locator('#language').inputValue(), 'de');
  assert.deepEqual((await storedRecords(page)).settings, { language: 'de' });
  // Only the chosen language's catalogue was loaded (its results' part too, at idle).
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/i18n/')));
  assert.ok(loaded.includes('/i18n/de.js'), loaded.join(', '));
  assert.deepEqual(loaded.filter((path) => !/^\/i18n\/de(-results)?\.js$/.test(path)), [], 'another language was loaded');
  assertClean(problems);
  await context.close();
});

test('the guides stay English, say so in the chosen language, and are found by their English names', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'fr-FR', path: '/#/guides' });
  await page.waitForSelector('#guide-index .guide-link');
  const note = page.locator('#view-guides .guides-english');
  assert.ok(await note.isVisible());
  assert.equal(await note.textContent(), 'Les guides sont pour l’instant rédigés en anglais.');
  await page.fill('#guide-search', 'netflix');
  await page.waitForSelector('#guide-index [data-guide="netflix"]');
  assert.match(await page.locator('#guide-count').textContent(), /guides? correspond/);
  // An alias and a small typo, as typed by someone whose page is in French.
  await page.fill('#guide-search', 'disney plus');
  await page.waitForSelector('#guide-index [data-guide="disney-plus"]');
  await page.goto(new URL('/#/guides/netflix', page.url()).href);
  await page.waitForSelector('.guide[data-guide="netflix"]');
  assert.equal(await page.locator('.guide h1').textContent(), 'Résilier Netflix');
  assert.equal(await page.locator('.guide .guides-english').textContent(), 'Les guides sont pour l’instant rédigés en anglais.');
  assert.equal(await page.locator('.guide .steps').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#guide-steps').textContent(), 'Étapes');
  assertClean(problems);
  await context.close();
});

test('a stored language wins over the browser\'s, and an unknown one falls back to the browser\'s', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'nl-NL' });
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.equal(await page.locator('#view-checker h1').textContent(), 'Heeft uw opzegging de afschrijvingen echt gestopt?');
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, cancellations: [], settings: { language: 'es' } })), STORAGE_KEY);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
  assert.equal(await page.locator('#view-checker h1').textContent(), '¿Tu cancelación ha detenido de verdad los cargos?');
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 1, cancellations: [], settings: { language: 'xx' } })), STORAGE_KEY);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assertClean(problems);
  await context.close();
});

test('the reference page opens in the language its link names, with no English left, and old links in the page\'s', async () => {
  const { context, page, problems } = await openPage(browser, { locale: 'en-GB' });
  const record = {
    vendor: 'netflix',
    vendor_name: 'Netflix',
    cancelled_on: '2026-03-20',
    confirmation: 'NF-1234',
    notes: 'Cancelled in the app',
    check_after: '2026-05-01',
    steps_done: [{ number: 1, title: 'Open Account' }],
    charges: [{ date: '2026-04-01', amount: '-15.49', currency: 'EUR', description: 'NETFLIX.COM' }],
  };
  const link = await page.evaluate(async (record) => (await import('/reference.js')).createReferenceLink(record), record);
  assert.ok(!link.includes('&lang='), 'an English link names no language');
  await context.close();
  for (const [lang, locale] of Object.entries(LOCALES)) {
    // The link names the language; the browser's is another one.
    const viewer = await openPage(browser, { width: 320, height: 800, locale: lang === 'de' ? 'fr-FR' : 'de-DE', path: `${new URL(link).pathname}${new URL(link).hash}&lang=${lang}` });
    await viewer.page.waitForSelector('.reference-sheet .reference-charges');
    await viewer.page.waitForSelector('.reference-exports');
    assert.equal(await viewer.page.evaluate(() => document.documentElement.lang), lang);
    await assertAllIn(viewer.page, lang, 30);
    const expected = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 3, 1));
    assert.ok((await viewer.page.locator('.reference-charges').textContent()).includes(expected), `the charge's date as ${expected}`);
    // The two ready-to-send messages are in the language too, every placeholder filled, the
    // dates written in full in its form, the amount with its decimal mark.
    const messages = await viewer.page.locator('.reference-exports textarea.message').evaluateAll((areas) => areas.map((area) => area.value));
    assert.equal(messages.length, 2);
    const pieces = await englishPieces(lang);
    const longDate = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 3, 1)).find((part) => part.type === 'month').value;
    for (const text of messages) {
      assert.ok(!/[{}]/.test(text), `no placeholder left: ${text}`);
      assert.ok(text.includes(longDate) && text.includes('2026'), `the date in full (${longDate}): ${text}`);
      assert.ok(text.includes(new Intl.NumberFormat(lang, { minimumFractionDigits: 2 }).format(15.49)), `the amount in the language's form: ${text}`);
      if (lang !== 'en') assert.deepEqual(pieces.filter((piece) => text.includes(piece)), [], `English left in a message: ${text}`);
      else assert.match(text, /^Subject: /);
    }
    const width = await viewer.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `nothing scrolls sideways at 320 px (${width} px)`);
    assertClean(viewer.problems);
    await viewer.context.close();
  }
  // A damaged link gets the decoder's sentence in the page's words, not its English.
  const damaged = link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
  const broken = await openPage(browser, { locale: 'es-ES', path: `${new URL(damaged).pathname}${new URL(damaged).hash}` });
  await broken.page.waitForSelector('.reference-error');
  const error = await broken.page.locator('.reference-error').evaluate((element) => ({ lang: element.getAttribute('lang'), code: element.dataset.code }));
  assert.deepEqual(error, { lang: null, code: 'tampered' });
  await assertAllIn(broken.page, 'es', 3);
  assertClean(broken.problems);
  await broken.context.close();
  // A link without a language (every older link) opens in the browser's.
  const old = await openPage(browser, { locale: 'nl-NL', path: `${new URL(link).pathname}${new URL(link).hash}` });
  await old.page.waitForSelector('.reference-sheet');
  assert.equal(await old.page.evaluate(() => document.documentElement.lang), 'nl');
  await assertAllIn(old.page, 'nl', 30);
  assertClean(old.problems);
  await old.context.close();
  assertClean(problems);
});

// The widget speaks the host's language (its `<html lang>`, or `data-lang` on the script), in
// its own words, the results' and the engine's: a still-charging card with its evidence,
// causes, actions and reference form, walked for English like the page, at 320 px.
for (const [lang, locale] of Object.entries(LOCALES)) {
  if (lang === 'en') continue;
  test(`the widget in ${lang}: the host's language, no English left, nothing wider than 320 px`, async () => {
    // The host's page is German; a French widget is asked for by `data-lang`.
    const hostLang = lang === 'fr' ? 'de' : lang;
    const markup = snippet({ vendor: 'netflix', cancelledOn: '2026-03-15' }).replace(' async>', lang === 'fr' ? ' data-lang="fr" async>' : ' async>');
    hostPages[`/${lang}`] = hostPage({ body: markup }).replace('<html lang="en">', `<html lang="${hostLang}">`);
    const { context, problems } = await watchedContext(browser, { locale: 'en-GB', viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url(`/${lang}`));
    const [frame] = await widgetFrames(page);
    assert.equal(new URLSearchParams(new URL(frame.url()).hash.slice(1)).get('lang'), lang);
    await frame.waitForFunction((code) => document.body.dataset.words === code, lang);
    assert.equal(await frame.evaluate(() => document.documentElement.lang), lang);
    assert.notEqual(await page.$eval('iframe.spendrein-widget', (element) => element.title), 'Spendrein: did your cancellation stop the charges?');
    // Untouched: its own words only.
    await assertAllIn(frame, lang, 8);
    await pickInWidget(frame, join(DATA, 'verdicts.csv'));
    assert.deepEqual(await widgetVerdict(frame), { vendor: 'netflix', verdict: 'still_charging' });
    await frame.waitForSelector('details.reference');
    await frame.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    await assertAllIn(frame, lang, 30);
    const expected = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 3, 1));
    assert.ok((await frame.locator('.evidence').first().textContent()).includes(expected), `evidence rows show ${expected}`);
    const width = await frame.evaluate(() => document.documentElement.scrollWidth);
    const frameWidth = await frame.evaluate(() => document.documentElement.clientWidth);
    assert.ok(width <= frameWidth, `nothing in the widget scrolls sideways (${width} px in ${frameWidth} px)`);
    assertClean(problems);
    await context.close();
  });
}
