// The message catalogues (web/i18n/<lang>.js, <lang>-results.js, <lang>-widget.js) against each other, the
// page's code and the engine's codes (web/i18n/codes.json). No browser: runs with plain node
// (`node --test tests/e2e/i18n-catalogue.test.mjs`) as well as in the e2e layer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const LANGUAGES = ['en', 'de', 'fr', 'es', 'nl'];
const PARTS = ['', '-results', '-widget'];
const codes = JSON.parse(readFileSync(join(WEB, 'i18n', 'codes.json'), 'utf8'));

const catalogues = {};
for (const lang of LANGUAGES) {
  catalogues[lang] = {};
  for (const part of PARTS) catalogues[lang][part] = (await import(pathToFileURL(join(WEB, 'i18n', `${lang}${part}.js`)).href)).default;
}
const whole = (lang) => Object.assign({}, ...PARTS.map((part) => catalogues[lang][part]));

// The placeholder syntax of i18n.js: `{name}`, `{name|signed}`, `{name|form|form}`.
const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)((?:\|[^{}|]*)*)\}/gi;
const forms = (value) => (typeof value === 'string' ? [value] : Object.entries(value).filter(([key]) => key !== 'by').map(([, text]) => text));
const names = (text) => new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]));
const union = (value) => new Set(forms(value).flatMap((text) => [...names(text)]));
const sorted = (set) => [...set].sort();

test('every language has the same keys as English, file by file', () => {
  for (const part of PARTS) {
    const english = Object.keys(catalogues.en[part]).sort();
    assert.ok(english.length > (part === '-widget' ? 30 : 100), `en${part}.js has ${english.length} keys`);
    for (const lang of LANGUAGES) {
      const keys = Object.keys(catalogues[lang][part]).sort();
      assert.deepEqual(keys.filter((key) => !english.includes(key)), [], `${lang}${part}.js has keys English lacks`);
      assert.deepEqual(english.filter((key) => !keys.includes(key)), [], `${lang}${part}.js lacks keys`);
    }
  }
  // A key lives in one of the files, never two.
  for (const lang of LANGUAGES) {
    const keys = PARTS.flatMap((part) => Object.keys(catalogues[lang][part]));
    assert.deepEqual(keys.filter((key, at) => keys.indexOf(key) !== at), [], `${lang}: keys in two files`);
  }
  // The widget's own words are its keys, and only its.
  assert.deepEqual(Object.keys(catalogues.en['-widget']).filter((key) => !key.startsWith('widget.')), [], 'keys in en-widget.js outside widget.*');
  assert.deepEqual(Object.keys(whole('en')).filter((key) => key.startsWith('widget.') && !Object.hasOwn(catalogues.en['-widget'], key)), [], 'widget.* keys outside en-widget.js');
});

test('every translation uses exactly the placeholders of its key, in every form', () => {
  const english = whole('en');
  for (const lang of LANGUAGES) {
    const catalogue = whole(lang);
    for (const [key, value] of Object.entries(catalogue)) {
      const wanted = Object.hasOwn(codes, key) ? new Set(Object.keys(codes[key])) : union(english[key]);
      for (const text of forms(value)) {
        assert.equal(typeof text, 'string', `${lang} ${key}: a form that is not text`);
        assert.ok(text.trim().length > 0 || key === 'part.label', `${lang} ${key}: empty`);
        assert.deepEqual(sorted(names(text)), sorted(wanted), `${lang} ${key}: «${text}» uses other placeholders than ${sorted(wanted).join(', ')}`);
      }
      if (typeof value === 'object') {
        assert.ok(value.other && value.one, `${lang} ${key}: a plural needs 'one' and 'other'`);
        assert.ok(wanted.has(value.by), `${lang} ${key}: plural by '${value.by}', not a placeholder`);
      }
    }
  }
});

test('inline forms are well made: two forms for a count, `signed` only on money', () => {
  for (const lang of LANGUAGES) {
    for (const [key, value] of Object.entries(whole(lang))) {
      for (const text of forms(value)) {
        for (const match of text.matchAll(PLACEHOLDER)) {
          if (!match[2]) continue;
          const options = match[2].slice(1).split('|');
          const type = codes[key]?.[match[1]];
          if (options.length === 1) {
            assert.equal(options[0], 'signed', `${lang} ${key}: {${match[1]}${match[2]}}`);
            assert.equal(type, 'money', `${lang} ${key}: 'signed' on a ${type}`);
          } else {
            assert.equal(options.length, 2, `${lang} ${key}: {${match[1]}${match[2]}} needs two forms`);
            // Page keys have no declared types; their args are the page's own numbers and text.
            assert.ok(type === 'count' || type === 'text' || !Object.hasOwn(codes, key), `${lang} ${key}: forms on a ${type}`);
          }
        }
      }
    }
  }
});

test('every engine code has a message in every catalogue, in the results file, with exactly its args', () => {
  assert.ok(Object.keys(codes).length > 200, 'codes.json lists the engine codes');
  for (const lang of LANGUAGES) {
    const results = catalogues[lang]['-results'];
    for (const [code, args] of Object.entries(codes)) {
      assert.ok(Object.hasOwn(results, code), `${lang}-results.js has no message for ${code}`);
      assert.equal(typeof results[code], 'string', `${lang} ${code}`);
      assert.deepEqual(sorted(names(results[code])), sorted(Object.keys(args)), `${lang} ${code}: args`);
    }
    // A help exists wherever the code has one in English, and nowhere else.
    for (const key of Object.keys(results)) {
      if (key.endsWith('.help') && Object.hasOwn(codes, key.slice(0, -5))) assert.ok(Object.hasOwn(codes, key), `${lang}: ${key} without a help in codes.json`);
    }
  }
});

test('no key is unused: each is named in the page code, or is an engine code', () => {
  const sources = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['i18n', 'pkg', 'bench'].includes(entry.name)) walk(path);
      } else if (/\.(js|html)$/.test(entry.name)) sources.push(readFileSync(path, 'utf8'));
    }
  };
  walk(WEB);
  const text = sources.join('\n');
  const used = (key) => text.includes(`'${key}'`) || text.includes(`"${key}"`) || text.includes(`:${key}"`) || text.includes(`:${key};`);
  const unused = Object.keys(whole('en')).filter((key) => !Object.hasOwn(codes, key) && !used(key));
  assert.deepEqual(unused, [], 'keys no page code names');
  // And every key the page names exists (t('…'), data-i18n="…", the key tables).
  const named = new Set();
  for (const match of text.matchAll(/\bt[n]?\('([a-z_]+\.[a-z0-9_.]+)'/g)) named.add(match[1]);
  for (const match of text.matchAll(/data-i18n="([^"]+)"/g)) named.add(match[1]);
  const english = whole('en');
  assert.deepEqual([...named].filter((key) => !Object.hasOwn(english, key)), [], 'keys the page names that the catalogue lacks');
});

test('the page\'s words are in the first file, the results\' words and the engine\'s in the second', () => {
  const first = readFileSync(join(WEB, 'index.html'), 'utf8') + ['app.js', 'guides.js', 'track.js'].map((file) => readFileSync(join(WEB, file), 'utf8')).join('\n');
  for (const key of Object.keys(catalogues.en['-results'])) {
    if (Object.hasOwn(codes, key)) continue;
    // results.js (loaded with the results file) and the widget may use these; the first load may not.
    assert.ok(!first.includes(`'${key}'`) && !first.includes(`"${key}"`), `${key} is used by the first load but lives in the results file`);
  }
});
