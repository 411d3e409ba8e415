// The engine's messages in the page's language: `{ code, args, text }` from the report (verdict
// explanations, diagnostics, reader errors) rendered from the catalogue's sentence for `code`
// and the typed args (codes.json). Loaded with results.js, not in the first load; it plugs the
// typed args and the inline forms into i18n.js's placeholders. Rules: i18n/README.md.

import { tn, has, word, pluralOf, noteMissing, useTypedArgs, formatDate, formatNumber, formatMoney } from './i18n.js';

const isNode = (arg) => Boolean(globalThis.Node && arg instanceof Node);

/** Integer minor units with their scale (an engine arg), e.g. `-1549`, 2, `EUR`. */
function formatMinor(minor, currency, digits = 2) {
  const whole = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits ? `${whole.slice(0, -digits)}.${whole.slice(-digits)}` : whole;
  return formatMoney(`${minor < 0 ? '-' : ''}${decimal}`, currency);
}

/** The word for an engine term (`term.<value>`). */
export function term(value) {
  const key = `term.${value}`;
  if (has(key)) return word(key);
  noteMissing(key);
  return String(value);
}

/** An arg as text (or its node). Money is unsigned unless the template says `{x|signed}`. */
function render(arg, signed) {
  if (arg === undefined || arg === null) return '';
  if (typeof arg === 'number') return formatNumber(arg);
  if (typeof arg !== 'object' || isNode(arg)) return arg;
  if ('date' in arg) return formatDate(arg.date);
  if ('money' in arg) return formatMinor(signed ? arg.money.minor : Math.abs(arg.money.minor), arg.money.currency, arg.money.scale);
  if ('count' in arg) return formatNumber(arg.count);
  if ('line' in arg) return formatNumber(arg.line);
  if ('text' in arg) return String(arg.text);
  if ('term' in arg) return term(arg.term);
  return String(arg);
}

/** `{name|a|b}`: a count picks `a` for `one`, else `b`; text picks `a` when empty; `#` = value. */
function choose(arg, forms) {
  const node = isNode(arg) ? arg : null;
  const value = node ? node.textContent : arg && typeof arg === 'object' ? (arg.count ?? arg.text) : arg;
  if (typeof value === 'number') {
    const form = pluralOf(value) === 'one' ? forms[0] : forms[1] ?? forms[0];
    return [form.replaceAll('#', formatNumber(value))];
  }
  const text = value === undefined || value === null ? '' : String(value);
  const form = text ? forms[1] ?? '' : forms[0];
  return node ? form.split('#').flatMap((part, at) => (at ? [node.cloneNode(true), part] : [part])) : [form.replaceAll('#', text)];
}

useTypedArgs((arg, forms) => (forms.length === 0 || (forms.length === 1 && forms[0] === 'signed') ? [render(arg, forms[0] === 'signed')] : choose(arg, forms)));

// Text args that are English, not the file's text: third-party libraries' error details
// (calamine's, the PDF reader's, an OFX server's), shown as they are and marked `lang="en"`.
// A reader's reason inside a message is a message arg (`{ message: { code, args } }`), rendered
// in the catalogue's words like any other.
const ENGLISH_TEXT_ARGS = {
  'damaged-spreadsheet': ['detail'],
  'pdf-damaged': ['detail'],
  'pdf-unsupported': ['detail'],
  'pdf-encrypted-unsupported': ['detail'],
  'too-large-pdf': ['detail'],
  'server-error-detail': ['detail'],
};

/** An engine message `{ code, args, text }` in the catalogue's words, else its English `text`. */
export function message(msg, suffix = '') {
  return messageNodes(msg, suffix).map((piece) => (typeof piece === 'string' ? piece : piece.textContent)).join('');
}

/** The same as strings and nodes: the file's own text (`text` args) in `<span lang="">`. */
export function messageNodes(msg, suffix = '') {
  if (!msg) return [''];
  const key = `${msg.code}${suffix}`;
  if (!msg.code || !has(key)) {
    if (msg.code) noteMissing(key);
    return [msg.text ?? ''];
  }
  const args = {};
  const english = ENGLISH_TEXT_ARGS[msg.code] ?? [];
  for (const [name, arg] of Object.entries(msg.args ?? {})) {
    if (arg && 'text' in arg && arg.text && globalThis.document) args[name] = Object.assign(document.createElement('span'), { lang: english.includes(name) ? 'en' : '', textContent: arg.text });
    else if (arg && typeof arg.message === 'object' && globalThis.document) {
      const span = document.createElement('span');
      span.append(...messageNodes({ ...arg.message, text: '' }));
      args[name] = span;
    } else args[name] = arg;
  }
  return tn(key, args);
}
