// The page's language: which of the five catalogues (web/i18n/<lang>.js) is loaded, message
// look-up with placeholders and plurals, and the one form of dates, money and numbers used on
// every card, timeline and evidence row (Intl, in the chosen language). Only the chosen
// catalogue is ever imported (dynamic import: the CSP forbids fetch). Rules: i18n/README.md.

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

/**
 * The language to use: `stored` when it is one of the five, else the first of the browser's
 * languages that is, else English.
 */
export function chooseLanguage(stored, wanted = globalThis.navigator?.languages ?? []) {
  if (stored && Object.hasOwn(LANGUAGES, stored)) return stored;
  for (const tag of wanted) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (Object.hasOwn(LANGUAGES, primary)) return primary;
  }
  return 'en';
}

/**
 * The locale for Intl: the browser's own tag when it is of the chosen language (de-AT, fr-CH,
 * en-US), else the language's main country (British English: day month year).
 */
function localeFor(code, wanted = globalThis.navigator?.languages ?? []) {
  const own = wanted.find((tag) => String(tag).toLowerCase().split('-')[0] === code && String(tag).includes('-'));
  if (own) {
    try {
      return Intl.getCanonicalLocales(own)[0];
    } catch {
      // An odd tag from the browser: the default below.
    }
  }
  return { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', nl: 'nl-NL' }[code];
}

// The catalogue comes in two files per language: `<lang>.js`, the page's own words, loaded
// first; `<lang>-results.js`, the results' words and the engine's messages, loaded with
// results.js when the first report is on its way (`loadResultsWords`).
let withResults = false;
const importWords = (code) => Promise.all([import(`./i18n/${code}.js`), withResults ? import(`./i18n/${code}-results.js`) : null]);

/** Loads `code`'s catalogue and makes it current; `<html lang>` follows. */
export async function setLanguage(code, wanted) {
  const chosen = chooseLanguage(code, []);
  const [page, results] = await importWords(chosen);
  lang = chosen;
  locale = localeFor(chosen, wanted);
  catalogue = { ...page.default, ...results?.default };
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

/** Adds the results' words and the engine's messages to the current catalogue. */
export async function loadResultsWords() {
  if (withResults) return;
  const module = await import(`./i18n/${lang}-results.js`);
  withResults = true;
  catalogue = { ...catalogue, ...module.default };
}

function noteMissing(key) {
  missing.add(key);
  if (globalThis.document) document.documentElement.dataset.i18nMissing = [...missing].join(' ');
}

/** Whether the current catalogue has `key`. */
export const has = (key) => Object.hasOwn(catalogue, key);

function template(key, args) {
  let value = catalogue[key];
  if (value === undefined) {
    noteMissing(key);
    return null;
  }
  if (typeof value === 'object') {
    const n = Number(unwrap(args?.[value.by]) ?? 0);
    value = value[plural.select(n)] ?? value.other;
  }
  return value;
}

// An engine arg is an object with one key (`{ date: '2026-04-01' }`, `{ count: 3 }`, …); page
// args are plain strings, numbers or nodes.
const unwrap = (arg) => (arg && typeof arg === 'object' && !(globalThis.Node && arg instanceof Node) ? (arg.count ?? arg.line ?? arg.date ?? arg.text ?? arg.term) : arg);

/** One argument as text (or a node, when given one). Engine money is shown without its sign
 * unless the template says `{amount|signed}` (the sentences say "charged you 15.49"). */
function render(arg, signed) {
  if (arg === undefined || arg === null) return '';
  if (typeof arg === 'number') return formatNumber(arg);
  if (typeof arg !== 'object' || (globalThis.Node && arg instanceof Node)) return arg;
  if ('date' in arg) return formatDate(arg.date);
  if ('money' in arg) {
    const { minor, scale, currency } = arg.money;
    return formatMinor(signed ? minor : Math.abs(minor), currency, scale);
  }
  if ('count' in arg) return formatNumber(arg.count);
  if ('line' in arg) return formatNumber(arg.line);
  if ('text' in arg) return String(arg.text);
  if ('term' in arg) return term(arg.term);
  return String(arg);
}

/**
 * `{name|a|b}`: for a number (a count), `a` when the language calls it singular (`one`) and
 * `b` otherwise; for text, `a` when it is empty and `b` otherwise. `#` in the chosen form is
 * the value itself.
 */
function choose(arg, forms) {
  const value = unwrap(arg);
  if (typeof value === 'number') {
    const form = plural.select(value) === 'one' ? forms[0] : forms[1] ?? forms[0];
    return form.replaceAll('#', formatNumber(value));
  }
  const text = value === undefined || value === null ? '' : String(value);
  return (text ? forms[1] ?? '' : forms[0]).replaceAll('#', text);
}

/** A term the engine names (`term.<value>`), or the value itself when the page has no word. */
export function term(value) {
  const key = `term.${value}`;
  if (Object.hasOwn(catalogue, key)) return catalogue[key];
  noteMissing(key);
  return String(value);
}

// `{name}`, `{name|signed}` or `{name|form|form}`.
const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)((?:\|[^{}|]*)*)\}/gi;

function pieces(text, args) {
  const out = [];
  let at = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > at) out.push(text.slice(at, match.index));
    const arg = args?.[match[1]];
    const forms = match[2] ? match[2].slice(1).split('|') : [];
    out.push(forms.length === 0 || (forms.length === 1 && forms[0] === 'signed') ? render(arg, forms[0] === 'signed') : choose(arg, forms));
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

/** The same as a list of strings and nodes, for messages with a `<time>` or a link inside. */
export function tn(key, args) {
  const text = template(key, args);
  if (text === null) return [`⟦${key}⟧`];
  return pieces(text, args);
}

/**
 * An engine or reader message `{ code, args, text }`: the catalogue's sentence for `code`,
 * or the English `text` it carries when this catalogue lacks the code (counted as missing).
 */
export function message(msg, suffix = '') {
  if (!msg) return '';
  const key = `${msg.code}${suffix}`;
  if (!msg.code || !Object.hasOwn(catalogue, key)) {
    if (msg.code) noteMissing(key);
    return msg.text ?? '';
  }
  return t(key, msg.args);
}

/** `2026-06-02` → the chosen language's short date (`2 Jun 2026`, `2. Juni 2026`, …). */
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
  const key = `${currency ?? ''}:${digits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    let options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    if (currency) options = { ...options, style: 'currency', currency, currencyDisplay: 'symbol' };
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      // Not an ISO 4217 code Intl knows: the number, with the code after it.
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      format.suffix = currency;
    }
    moneyFormats.set(key, format);
  }
  return format;
}

// Money out keeps a true minus sign (U+2212), in every language.
const minus = (parts) => parts.map((part) => (part.type === 'minusSign' ? '\u2212' : part.value)).join('');

/**
 * A signed decimal string from the report (`-15.49`) in the statement's currency (or none):
 * `−15,49 €`, `−€15.49`, `−15.49`. The digits are the string's own, never rounded.
 */
export function formatMoney(amount, currency) {
  const text = String(amount ?? '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const digits = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  const format = moneyFormat(currency || null, digits);
  // A decimal string is formatted exactly (Intl.NumberFormat takes strings as decimals).
  const shown = minus(format.formatToParts(text));
  return format.suffix ? `${shown} ${format.suffix}` : shown;
}

/** Money as integer minor units (an engine arg): `{ minor: -1549, currency: 'EUR' }`. */
export function formatMinor(minor, currency, scale) {
  let digits = scale;
  if (digits === undefined) {
    try {
      digits = currency ? new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits : 2;
    } catch {
      digits = 2;
    }
  }
  const negative = minor < 0;
  const whole = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits ? `${whole.slice(0, -digits)}.${whole.slice(-digits)}` : whole;
  return formatMoney(`${negative ? '-' : ''}${decimal}`, currency);
}

/** Translates the static page: `data-i18n` (text) and `data-i18n-<attribute>` (attributes). */
export function translatePage(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-attrs]')) {
    for (const pair of element.dataset.i18nAttrs.split(';')) {
      const [name, key] = pair.split(':');
      element.setAttribute(name, t(key));
    }
  }
}
