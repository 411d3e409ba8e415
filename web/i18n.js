// The page's language: the chosen catalogue (dynamic import; the CSP forbids fetch), message
// look-up with placeholders and plurals, and the one form of dates, money and numbers (Intl)
// used on every card, timeline and evidence row. The rules are in i18n/README.md.

export const LANGUAGES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', nl: 'Nederlands' };

let lang = 'en';
let locale = 'en-GB';
let catalogue = {};
let plural = null;
let dateFormat = null;
let monthFormat = null;
let monthYearFormat = null;
let numberFormat = null;
const moneyFormats = new Map();
const missing = new Set();

export const language = () => lang;

/** `stored` when it is one of the five, else the browser's first that is, else English. */
export function chooseLanguage(stored, wanted = globalThis.navigator?.languages ?? []) {
  if (stored && Object.hasOwn(LANGUAGES, stored)) return stored;
  for (const tag of wanted) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (Object.hasOwn(LANGUAGES, primary)) return primary;
  }
  return 'en';
}

/**
 * For Intl: English in the British day-month-year order everywhere (as the page always read);
 * the other languages in the browser's own regional form (de-AT, fr-CH), else the main one's.
 */
function localeFor(code, wanted = globalThis.navigator?.languages ?? []) {
  const own = code === 'en' ? null : wanted.find((tag) => String(tag).toLowerCase().split('-')[0] === code && String(tag).includes('-'));
  try {
    if (own) return Intl.getCanonicalLocales(own)[0];
  } catch {
    // An odd tag: the default below.
  }
  return { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL' }[code];
}

// Two files per language: `<lang>.js`, the page's words, first; `<lang>-results.js`, the
// results' words and the engine's messages, with results.js (`loadResultsWords`).
let withResults = false;
const importWords = (code, results) => Promise.all([import(`./i18n/${code}.js`), results ? import(`./i18n/${code}-results.js`) : null]);

/**
 * Loads `code`'s catalogue and makes it current; `<html lang>` follows. With `{ results: true }`
 * the results' words load too, beside the page's (the widget needs both at once); `extra` (a
 * table, or a promise of one: the widget's own words) joins them.
 */
export async function setLanguage(code, wanted, { results = false, extra = null } = {}) {
  const chosen = chooseLanguage(code, []);
  const [[page, resultWords], own] = await Promise.all([importWords(chosen, withResults || results), extra]);
  if (results) withResults = true;
  lang = chosen;
  locale = localeFor(chosen, wanted);
  catalogue = { ...page.default, ...resultWords?.default, ...own };
  plural = new Intl.PluralRules(locale);
  dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  monthFormat = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  monthYearFormat = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  numberFormat = new Intl.NumberFormat(locale);
  moneyFormats.clear();
  missing.clear();
  delete globalThis.document?.documentElement.dataset.i18nMissing;
  if (globalThis.document) document.documentElement.lang = chosen;
  return chosen;
}

/** Adds the results' words and the engine's messages. */
export async function loadResultsWords() {
  if (withResults) return;
  const module = await import(`./i18n/${lang}-results.js`);
  withResults = true;
  catalogue = { ...catalogue, ...module.default };
}

export function noteMissing(key) {
  missing.add(key);
  if (globalThis.document) document.documentElement.dataset.i18nMissing = [...missing].join(' ');
}

/** Whether the current catalogue has `key`; its value. */
export const has = (key) => Object.hasOwn(catalogue, key);
export const word = (key) => catalogue[key];
export const pluralOf = (n) => plural.select(n);

function template(key, args) {
  let value = catalogue[key];
  if (value === undefined) {
    noteMissing(key);
    return null;
  }
  if (typeof value === 'object') {
    const by = args?.[value.by];
    const n = Number(by && typeof by === 'object' ? by.count : by ?? 0);
    value = value[plural.select(n)] ?? value.other;
  }
  return value;
}

// Engine args (typed objects) and inline forms are rendered by messages.js, loaded with the
// results (`useTypedArgs`); page args are strings, numbers or nodes.
let typed = null;
export const useTypedArgs = (render) => {
  typed = render;
};
const isNode = (arg) => Boolean(globalThis.Node && arg instanceof Node);
const simple = (arg) => (arg === undefined || arg === null ? '' : typeof arg === 'number' ? formatNumber(arg) : arg);

// `{name}`, `{name|signed}` or `{name|form|form}`.
const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)((?:\|[^{}|]*)*)\}/gi;

function pieces(text, args) {
  const out = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    const arg = args?.[match[1]];
    const forms = match[2] ? match[2].slice(1).split('|') : [];
    if (typed && (forms.length || (arg && typeof arg === 'object' && !isNode(arg)))) out.push(...typed(arg, forms));
    else out.push(simple(arg));
    at = match.index + match[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** The message `key` as text, its `{placeholders}` filled from `args`. */
export function t(key, args) {
  const text = template(key, args);
  if (text === null) return `⟦${key}⟧`;
  return pieces(text, args).join('');
}

/** The same as strings and nodes, for messages with a `<time>` or a link inside. */
export function tn(key, args) {
  const text = template(key, args);
  if (text === null) return [`⟦${key}⟧`];
  return pieces(text, args);
}

/** A worker restart's reason (bridge.js: `{ kind, detail, seconds, repeated }`) in the page's words. */
export function restartReason({ kind, detail, seconds, repeated, text } = {}) {
  const key = { failed: 'restart.failed', unreadable: 'restart.unreadable', internal: 'restart.internal', stalled: 'restart.stalled' }[kind];
  if (!key) return text ?? '';
  return t(key, { detail, seconds }) + (repeated ? t('restart.repeated') : '');
}

/** `2026-06-02` → `2 Jun 2026`, `2. Juni 2026`, … */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match || !dateFormat) return String(iso ?? '');
  return dateFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A timeline tick: the month, or the month and year. */
export function formatMonth(iso, withYear) {
  const [year, month] = iso.split('-').map(Number);
  return (withYear ? monthYearFormat : monthFormat).format(Date.UTC(year, month - 1, 1));
}

export function formatNumber(n) {
  return numberFormat ? numberFormat.format(n) : String(n);
}

function moneyFormat(currency, digits) {
  const key = `${currency}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    try {
      format = new Intl.NumberFormat(locale, currency ? { ...options, style: 'currency', currency } : options);
    } catch {
      // A code Intl does not know: the number, the code after it.
      format = new Intl.NumberFormat(locale, options);
      format.suffix = currency;
    }
    moneyFormats.set(key, format);
  }
  return format;
}

// Money out keeps a true minus sign (U+2212), in every language.
const minus = (parts) => parts.map((part) => (part.type === 'minusSign' ? '\u2212' : part.value)).join('');

/** A report amount (`-15.49`) and currency → `−15,49 €`, `−€15.49`, `−15.49`; never rounded. */
export function formatMoney(amount, currency) {
  const text = String(amount ?? '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const digits = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const format = moneyFormat(currency || null, digits);
  // Intl formats a decimal string exactly.
  const shown = minus(format.formatToParts(text));
  return format.suffix ? `${shown} ${format.suffix}` : shown;
}

/** The static page: `data-i18n` names the text's key, `data-i18n-attrs` `name:key;…` pairs. */
export function translatePage(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attrs]')) {
    for (const pair of element.dataset.i18nAttrs.split(';')) {
      const [name, key] = pair.split(':');
      element.setAttribute(name, t(key));
    }
  }
}
