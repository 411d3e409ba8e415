// DOM and formatting helpers. Every piece of text goes into the page through `textContent`
// (via `h`), never through HTML parsing, so descriptors, file names and guide text cannot
// inject markup or script.

import { formatDate } from './i18n.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element. `props`: `class`, `text`, `dataset` (object), `attrs` (object of
 * attributes), `on` (object of event listeners), and any other key is set as a property.
 * Children are nodes or strings (strings become text nodes).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

/** The same for SVG elements (attributes only; SVG has no useful properties to set). */
export function s(tag, attrs = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function applyProps(element, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'attrs') {
      for (const [name, attr] of Object.entries(value)) {
        if (attr !== undefined && attr !== null && attr !== false) element.setAttribute(name, String(attr));
      }
    } else if (key === 'on') {
      for (const [type, listener] of Object.entries(value)) element.addEventListener(type, listener);
    } else element[key] = value;
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export const $ = (selector, root = document) => root.querySelector(selector);

// Dates and money take the chosen language's form (i18n.js), the same on every card, timeline
// and evidence row.
export { formatDate, formatMoney } from './i18n.js';

/** A `<time>` element showing `formatDate(iso)`. */
export function time(iso) {
  return h('time', { attrs: { datetime: iso }, text: formatDate(iso) });
}

// Names of statement formats, the same in every language.
const FORMATS = {
  csv: 'CSV',
  ofx: 'OFX',
  qif: 'QIF',
  camt052: 'CAMT.052',
  camt053: 'CAMT.053',
  camt054: 'CAMT.054',
  mt940: 'MT940',
};

export const formatName = (format) => FORMATS[format] ?? format;

/** Days since 1970-01-01 for an ISO date, for placing dates on a scale. */
export function dayNumber(iso) {
  const [year, month, day] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86400000;
}

/** Today in the person's time zone, as `YYYY-MM-DD`. */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Small icons, drawn as SVG shapes so a verdict or severity is told by shape and word as well
// as colour. `aria-hidden`: the word next to the icon says the same.
const ICONS = {
  // A circle with a tick.
  check: [['circle', { cx: 8, cy: 8, r: 7, fill: 'currentColor' }], ['path', { d: 'M4.5 8.2l2.3 2.3 4.7-4.9', fill: 'none', stroke: '#fff', 'stroke-width': 1.8 }]],
  // A triangle with an exclamation mark.
  alert: [['path', { d: 'M8 1.2L15.2 14.5H0.8Z', fill: 'currentColor' }], ['path', { d: 'M8 5.8v4.2M8 11.6v1.2', fill: 'none', stroke: '#fff', 'stroke-width': 1.8 }]],
  // A clock face.
  clock: [['circle', { cx: 8, cy: 8, r: 7, fill: 'currentColor' }], ['path', { d: 'M8 4v4.3l2.8 1.8', fill: 'none', stroke: '#fff', 'stroke-width': 1.6 }]],
  // A diamond with a dot: one expected final charge.
  diamond: [['path', { d: 'M8 0.8L15.2 8 8 15.2 0.8 8Z', fill: 'currentColor' }], ['circle', { cx: 8, cy: 8, r: 1.8, fill: '#fff' }]],
  // A circle with a bar: nothing seen.
  minus: [['circle', { cx: 8, cy: 8, r: 7, fill: 'currentColor' }], ['path', { d: 'M4.5 8h7', fill: 'none', stroke: '#fff', 'stroke-width': 1.8 }]],
  // A circle with an "i".
  info: [['circle', { cx: 8, cy: 8, r: 7, fill: 'currentColor' }], ['path', { d: 'M8 7v4.5M8 4.4v1.2', fill: 'none', stroke: '#fff', 'stroke-width': 1.8 }]],
};

export function icon(name, className = '') {
  const svg = s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, class: `icon icon-${name} ${className}`.trim(), 'aria-hidden': 'true', focusable: 'false' });
  for (const [tag, attrs] of ICONS[name] ?? []) svg.append(s(tag, attrs));
  return svg;
}

/** Saves `text` as a download named `name`; the object URL is revoked straight after. */
export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
