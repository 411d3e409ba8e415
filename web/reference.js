// Cancellation references (issue #12): "Create reference" on a cancellation card, and the
// read-only reference page a `#ref=v1.…` link opens. This module and the small wasm module it
// loads (crates/wasm-reference, embedded in pkg/spendrein_reference_bytes.js) are imported only
// when a reference is made or opened, so the checker's first load does not carry them.
//
// The record lives only in the link's fragment, which browsers never send to a server. Nothing
// of it is stored unless the person presses "Save to my tracked cancellations". Text from the
// link is rendered with textContent only (dom.js `h`).
//
// API for other page code (documented in web/README.md):
//   createReferenceLink(record, { base }) → Promise<string>   the full URL of the reference
//   decodeReference(link) → Promise<object>                   the record with `code`, or throws
//     an Error whose `code` is not_a_reference | unknown_version | too_long | bad_character |
//     truncated | tampered | malformed
//   openReferenceBuilder(card, { result, record, statements, guide })   the card's panel
//   showReferencePage(view)                                     renders #ref= into `view`

import { h, time, formatDate, formatMoney, download, today } from './dom.js';
import { t, tn, language } from './i18n.js';
import { loadRecords, saveRecords, validateRecord, mergeRecords } from './track.js';

let modulePromise = null;
let stylesPromise = null;

/** Adds reference.css (the panel, the page and its print styles) once; resolves when loaded. */
function styles() {
  stylesPromise ??= new Promise((resolve) => {
    const link = h('link', { rel: 'stylesheet', href: new URL('./reference.css', import.meta.url).href });
    link.addEventListener('load', resolve);
    // Without its styles the reference is plainer, not broken.
    link.addEventListener('error', resolve);
    document.head.append(link);
  });
  return stylesPromise;
}

/** Loads the reference wasm once, from the bytes in a same-origin script (no fetch). */
function wasm() {
  modulePromise ??= (async () => {
    const [glue, { WASM_BASE64 }] = await Promise.all([import('./pkg/spendrein_wasm_reference.js'), import('./pkg/spendrein_reference_bytes.js')]);
    const text = atob(WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    await glue.default({ module_or_path: bytes });
    return glue;
  })();
  modulePromise.catch(() => {
    modulePromise = null;
  });
  return modulePromise;
}

function unwrap(json) {
  const result = JSON.parse(json);
  if (result.error) {
    const error = new Error(result.error.message);
    error.code = result.error.code;
    error.args = result.error.args ?? {};
    throw error;
  }
  return result.ok;
}

const FIELDS = ['vendor', 'vendor_name', 'cancelled_on', 'confirmation', 'notes', 'steps_done', 'check_after', 'charges'];

/** Only the allow-listed fields, without empty ones (the wasm refuses any other field). */
function allowListed(record) {
  const out = {};
  for (const field of FIELDS) {
    const value = record[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
    out[field] = value;
  }
  out.steps_done = (out.steps_done ?? []).map(({ number, title }) => ({ number, title }));
  out.charges = (out.charges ?? []).map(({ date, amount, currency, description }) => ({ date, amount, ...(currency ? { currency } : {}), description: description ?? '' }));
  return out;
}

/** The record as the wasm reads it: flat strings, '' for absent (crates/wasm-reference/src/fields.rs). */
function recordFields(record) {
  const r = allowListed(record);
  const text = (value) => (value === undefined || value === null ? '' : String(value));
  const out = [r.vendor, r.vendor_name, r.cancelled_on, r.confirmation, r.notes, r.check_after, r.steps_done.length].map(text);
  for (const step of r.steps_done) out.push(text(step.number), text(step.title));
  for (const charge of r.charges) out.push(text(charge.date), text(charge.amount), text(charge.currency), text(charge.description));
  return out;
}

/** Where links point by default: the checker page this module belongs to. */
const defaultBase = () => new URL('./', import.meta.url).href;

/**
 * The full URL of a reference for `record` (shape in web/README.md): `<base>#ref=v1.<…>`.
 * Rejects with an Error (`code` 'invalid_record', the message naming the field).
 */
export async function createReferenceLink(record, { base } = {}) {
  const glue = await wasm();
  const { text } = unwrap(glue.encode(recordFields(record)));
  // The maker's language, after the record (`&lang=de`): the reference page opens in it. Not
  // part of the record or its check; links without it (and every older link) still open.
  const lang = language() === 'en' ? '' : `&lang=${language()}`;
  return `${(base ?? defaultBase()).split('#')[0]}#ref=${text}${lang}`;
}

/** The link without its `&lang=` part, as the reference decoder reads it. */
const withoutLanguage = (link) => String(link).replace(/&lang=[a-z]{2}$/, '');

/** Reads a link (whole URL or `#ref=…`): `{ version, code, vendor, cancelled_on, …, charges }`. */
export async function decodeReference(link) {
  const glue = await wasm();
  return unwrap(glue.decode(withoutLanguage(link)));
}

// The ready-to-send messages and the reminder in the page's language: each template of
// `reference::Wording` from the catalogue (`ref.msg.*`, placeholders kept as written), the
// month names and the decimal mark from Intl, in every language (the crate's own English is
// the command line's).
const WORDING = {
  vendor_subject: ['ref.msg.vendor_subject', 'code'],
  issuer_subject: ['ref.msg.issuer_subject', 'name', 'code'],
  hello: ['ref.msg.hello'],
  vendor_what: ['ref.msg.vendor_what', 'name'],
  issuer_what: ['ref.msg.issuer_what', 'name'],
  cancelled: ['ref.msg.cancelled', 'what', 'date', 'confirmation'],
  confirmation: ['ref.msg.confirmation', 'confirmation'],
  charge: ['ref.msg.charge', 'amount', 'date'],
  vendor_confirm: ['ref.msg.vendor_confirm'],
  vendor_refund: ['ref.msg.vendor_refund', 'charges', 'total'],
  issuer_refuse: ['ref.msg.issuer_refuse', 'cancelled', 'name'],
  issuer_dispute: ['ref.msg.issuer_dispute', 'name', 'charges', 'total'],
  issuer_unauthorised: ['ref.msg.issuer_unauthorised', 'cancelled', 'name'],
  steps: ['ref.msg.steps', 'steps'],
  thanks: ['ref.msg.thanks'],
  footer: ['ref.msg.footer', 'code', 'link'],
  ics_summary: ['ref.msg.ics_summary', 'name'],
  ics_cancelled: ['ref.msg.ics_cancelled', 'name', 'date', 'confirmation'],
  ics_confirmation: ['ref.msg.ics_confirmation', 'confirmation'],
  ics_advice: ['ref.msg.ics_advice', 'date', 'code', 'link'],
  date: ['ref.msg.date', 'day', 'month', 'year'],
  and: ['ref.msg.and'],
};

function wording() {
  const words = {};
  for (const [field, [key, ...names]] of Object.entries(WORDING)) words[field] = t(key, Object.fromEntries(names.map((name) => [name, `{${name}}`])));
  const months = new Intl.DateTimeFormat(language(), { day: 'numeric', month: 'long', timeZone: 'UTC' });
  words.months = Array.from({ length: 12 }, (_, month) => months.formatToParts(Date.UTC(2026, month, 1)).find((part) => part.type === 'month').value);
  words.decimal = new Intl.NumberFormat(language()).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return JSON.stringify(words);
}

async function exportsOf(url) {
  const glue = await wasm();
  return unwrap(glue.exports(withoutLanguage(url), Math.floor(Date.now() / 1000), wording()));
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'reference';

function copyButton(label, getText, status) {
  return h('button', {
    type: 'button',
    class: 'button small',
    text: label,
    on: {
      async click() {
        const text = getText();
        try {
          await navigator.clipboard.writeText(text);
          status.textContent = t('ref.copied', { label });
        } catch {
          status.textContent = t('ref.copy_refused');
        }
      },
    },
  });
}

/** Buttons for the downloads and the two messages of a reference; `extra` adds downloads. */
async function exportsBlock(url, reference, { transactions, heading = 'h6' } = {}) {
  const exported = await exportsOf(url);
  const name = `spendrein-reference-${slug(reference.vendor)}-${reference.code}`;
  const status = h('p', { class: 'help', attrs: { role: 'status', 'aria-live': 'polite' } });
  const downloads = h(
    'div',
    { class: 'actions reference-downloads' },
    h('button', { type: 'button', class: 'button small', text: t('ref.record_json'), dataset: { export: 'json' }, on: { click: () => download(`${name}.json`, `${JSON.stringify({ ...reference, link: url }, null, 2)}\n`) } }),
    h('button', { type: 'button', class: 'button small', text: t('ref.record_csv'), dataset: { export: 'csv' }, on: { click: () => download(`${name}.csv`, exported.record_csv, 'text/csv') } }),
  );
  if (transactions) {
    const file = `spendrein-transactions-${slug(reference.vendor)}-${today()}`;
    downloads.append(
      h('button', { type: 'button', class: 'button small', text: t('ref.transactions_csv'), dataset: { export: 'transactions-csv' }, on: { click: async () => download(`${file}.csv`, unwrap((await wasm()).transactions_csv(transactions.flat())), 'text/csv') } }),
      h('button', { type: 'button', class: 'button small', text: t('ref.transactions_json'), dataset: { export: 'transactions-json' }, on: { click: () => download(`${file}.json`, `${JSON.stringify(transactions.map(([date, description, amount, currency, file, line, kind]) => ({ date, description, amount, currency: currency || null, file, line: Number(line), kind })), null, 2)}\n`) } }),
    );
  }
  if (exported.ics) {
    downloads.append(h('button', { type: 'button', class: 'button small', text: t('ref.reminder', { date: formatDate(reference.check_after) }), dataset: { export: 'ics' }, on: { click: () => download(`${name}.ics`, exported.ics, 'text/calendar') } }));
  }
  const message = (id, title, copy, text) => {
    const area = h('textarea', { id, class: 'message', readOnly: true, rows: 9, value: text });
    return h('div', { class: 'message-block' }, h('label', { for: id, text: title }), area, h('div', { class: 'actions' }, copyButton(copy, () => area.value, status)));
  };
  const suffix = Math.random().toString(36).slice(2, 8);
  return h(
    'div',
    { class: 'reference-exports' },
    h(heading, { text: t('ref.download') }),
    downloads,
    h(heading, { text: t('ref.messages') }),
    h('p', { class: 'help', text: t('ref.messages_help') }),
    message(`message-vendor-${suffix}`, t('ref.message_vendor'), t('ref.copy_message_vendor'), exported.vendor_message),
    message(`message-issuer-${suffix}`, t('ref.message_issuer'), t('ref.copy_message_issuer'), exported.issuer_message),
    status,
  );
}

// ---------------------------------------------------------------------------------------------
// "Create reference" on a cancellation card

const refKey = (ref) => `${ref.statement}:${ref.line}:${ref.date}:${ref.amount}`;

/** The card's history, each with what it is relative to the cancellation. */
function historyRows(result, statements) {
  const after = new Set(result.charges_after.map(refKey));
  const finalKey = result.final_charge ? refKey(result.final_charge) : null;
  return result.history.map((ref) => {
    let kind = 'before';
    if (!ref.amount.startsWith('-')) kind = 'refund';
    else if (after.has(refKey(ref))) kind = 'after';
    else if (refKey(ref) === finalKey || ref.date > result.cancelled_on) kind = 'final';
    // The flat row crates/wasm-reference reads: date, description, amount, currency, file, line, kind.
    return [ref.date, ref.description, ref.amount, ref.currency ?? '', statements[ref.statement]?.file ?? '', String(ref.line ?? ''), kind];
  });
}

function checkbox(id, label, checked, detail) {
  const input = h('input', { type: 'checkbox', id, checked });
  return { input, row: h('div', { class: 'check' }, input, h('label', { for: id }, label, detail ? h('span', { class: 'muted', text: ` ${detail}` }) : null)) };
}

/**
 * Opens (or closes) the reference panel inside a cancellation card. `result` is the report's
 * cancellation, `record` the tracked record (confirmation, notes), `statements` the report's
 * statements (file names for the transactions CSV), `guide` the vendor's guide or null.
 */
export function openReferenceBuilder(card, { result, record, statements, guide }) {
  const existing = card.querySelector('.reference-builder');
  if (existing) {
    existing.remove();
    return null;
  }
  styles();
  const id = `ref-${Math.random().toString(36).slice(2, 8)}`;
  const name = result.vendor_name || result.vendor;
  const panel = h('section', { class: 'reference-builder', attrs: { 'aria-labelledby': `${id}-heading` } });
  panel.append(
    h('h5', { id: `${id}-heading`, tabIndex: -1, text: t('ref.create_heading') }),
    h('p', { class: 'help', text: t('ref.create_help') }),
  );
  const fields = h('fieldset', { class: 'reference-fields' }, h('legend', { text: t('ref.what_goes_in') }));
  fields.append(h('p', {}, h('strong', { text: t('ref.always') }), ' ', ...tn('ref.always_what', { name, date: time(result.cancelled_on) })));
  const choices = [];
  const add = (key, label, value, checked = true, detail = '') => {
    const box = checkbox(`${id}-${key}`, label, checked, detail);
    box.input.dataset.field = key;
    choices.push({ key, value, input: box.input });
    fields.append(box.row);
  };
  if (record?.confirmation) add('confirmation', t('ref.pick_confirmation', { value: record.confirmation }), record.confirmation);
  if (record?.notes) add('notes', t('ref.pick_notes', { value: record.notes }), record.notes);
  const lookAgain = (result.verdict === 'too_early' || result.verdict === 'final_charge') && result.check_after;
  if (lookAgain) add('check_after', t('ref.pick_look_again', { date: formatDate(result.check_after) }), result.check_after);
  if (result.charges_after.length) {
    fields.append(h('p', { class: 'field-group', text: t('ref.pick_charges') }));
    result.charges_after.forEach((charge, index) => add(`charge-${index}`, `${formatDate(charge.date)} · ${charge.description} · ${formatMoney(charge.amount, charge.currency)}`, charge));
  }
  if (guide?.steps?.length) {
    fields.append(h('p', { class: 'field-group', text: t('ref.pick_steps', { guide: guide.name }) }));
    guide.steps.forEach((step, index) => add(`step-${index + 1}`, `${index + 1}. ${step.title}`, { number: index + 1, title: step.title }, false));
  }
  panel.append(fields);
  const output = h('div', { class: 'reference-output', attrs: { 'aria-live': 'polite' } });
  const error = h('p', { class: 'error', attrs: { role: 'alert' }, hidden: true });
  const create = h('button', { type: 'button', class: 'button primary small', text: t('ref.create'), dataset: { action: 'create-reference' } });
  panel.append(h('div', { class: 'actions' }, create), error, output);

  const chosen = () => {
    const picked = choices.filter((choice) => choice.input.checked);
    const single = (key) => picked.find((choice) => choice.key === key)?.value;
    return {
      vendor: result.vendor,
      vendor_name: result.vendor_name && result.vendor_name !== result.vendor ? result.vendor_name : undefined,
      cancelled_on: result.cancelled_on,
      confirmation: single('confirmation'),
      notes: single('notes'),
      check_after: single('check_after'),
      steps_done: picked.filter((choice) => choice.key.startsWith('step-')).map((choice) => choice.value),
      charges: picked.filter((choice) => choice.key.startsWith('charge-')).map((choice) => choice.value),
    };
  };
  let seq = 0;
  const build = async () => {
    const mine = ++seq;
    error.hidden = true;
    try {
      const url = await createReferenceLink(chosen(), { base: location.href });
      const reference = await decodeReference(url);
      const block = await exportsBlock(url, reference, { transactions: historyRows(result, statements) });
      if (mine !== seq) return;
      const status = h('p', { class: 'help', attrs: { role: 'status' } });
      const linkInput = h('input', { id: `${id}-link`, class: 'reference-link', readOnly: true, value: url });
      output.replaceChildren(
        h('p', { class: 'reference-code-line' }, ...tn('ref.code_line', { code: h('strong', { class: 'reference-code', text: reference.code }), characters: url.length })),
        h('label', { for: linkInput.id, text: t('ref.link') }),
        linkInput,
        h('div', { class: 'actions' }, copyButton(t('ref.copy_link'), () => url, status), h('a', { class: 'button small', href: url, text: t('ref.open_page'), dataset: { action: 'open-reference' } })),
        status,
        block,
      );
      create.textContent = t('ref.update');
    } catch (problem) {
      if (mine !== seq) return;
      error.hidden = false;
      error.textContent = t('ref.create_failed', { problem: problem.message });
    }
  };
  create.addEventListener('click', build);
  // Once made, the reference follows every change of what goes in.
  fields.addEventListener('change', () => {
    if (output.childElementCount) build();
  });
  card.append(panel);
  panel.querySelector('h5').focus();
  return panel;
}

// ---------------------------------------------------------------------------------------------
// The read-only reference page (`#ref=v1.…`), also the printable evidence sheet

function failure(view, problem) {
  if (!problem.code) {
    // Not the link: the reference code itself did not load (offline on a first visit, say).
    view.replaceChildren(h('h1', { tabIndex: -1, text: t('ref.not_shown') }), h('p', { class: 'error reference-error', dataset: { code: 'not_loaded' }, text: t('ref.not_loaded', { problem: problem.message }) }));
    return;
  }
  const message = String(problem.message || problem.code);
  const advice = {
    tampered: 'ref.ask_again',
    truncated: 'ref.ask_again',
    bad_character: 'ref.ask_again',
    unknown_version: 'ref.newer_version',
  }[problem.code];
  // The decoder's sentence (crates/reference) in the page's words, from its code and values;
  // an unknown code keeps the decoder's English. `detail` is the record check's English.
  const KNOWN = {
    not_a_reference: 'ref.error.not_a_reference',
    unknown_version: 'ref.error.unknown_version',
    too_long: 'ref.error.too_long',
    bad_character: 'ref.error.bad_character',
    truncated: 'ref.error.truncated',
    tampered: 'ref.error.tampered',
    malformed: 'ref.error.malformed',
  };
  const args = { ...problem.args };
  if (args.detail) args.detail = h('span', { lang: 'en', text: args.detail });
  for (const name of ['length', 'max', 'position']) if (args[name]) args[name] = Number(args[name]);
  const sentence = KNOWN[problem.code] ? h('p', { class: 'error reference-error', dataset: { code: problem.code } }, ...tn(KNOWN[problem.code], args)) : h('p', { class: 'error reference-error', lang: 'en', dataset: { code: problem.code ?? 'error' }, text: `${message[0].toUpperCase()}${message.slice(1)}.` });
  view.replaceChildren(
    h('h1', { tabIndex: -1, text: t('ref.cannot_open') }),
    sentence,
    advice ? h('p', { text: t(advice) }) : null,
    h('p', {}, ...tn('ref.go_to_checker', { link: h('a', { href: '#/', text: t('ref.checker_link') }) })),
  );
  document.title = t('ref.cannot_open_title');
}

function definition(list, term, ...value) {
  list.append(h('dt', { text: term }), h('dd', {}, ...value));
}

/** Renders the reference in the page's URL into `view`; a bad link gets a clear message. */
export async function showReferencePage(view) {
  const url = location.href;
  let reference;
  try {
    [reference] = await Promise.all([decodeReference(url), styles()]);
  } catch (problem) {
    failure(view, problem);
    return;
  }
  const name = reference.vendor_name ?? reference.vendor;
  document.title = t('ref.document_title', { code: reference.code, name });
  const facts = h('dl', { class: 'facts reference-facts' });
  definition(facts, t('ref.service'), name);
  definition(facts, t('ref.cancelled_on'), time(reference.cancelled_on));
  if (reference.confirmation) definition(facts, t('ref.confirmation'), reference.confirmation);
  if (reference.check_after) definition(facts, t('ref.look_again'), time(reference.check_after));
  if (reference.notes) definition(facts, t('ref.notes'), h('span', { class: 'reference-notes', lang: '', text: reference.notes }));
  const sheet = h('article', { class: 'reference-sheet', dataset: { code: reference.code } });
  sheet.append(
    h('h1', { tabIndex: -1 }, ...tn('ref.heading', { code: h('span', { class: 'reference-code', text: reference.code }) })),
    h('p', { class: 'reference-disclaimer' }, h('strong', { text: t('ref.made_by') }), ' ', t('ref.disclaimer')),
    facts,
  );
  if (reference.steps_done?.length) {
    sheet.append(h('h2', { text: t('ref.steps') }), h('ol', { class: 'reference-steps', lang: 'en' }, reference.steps_done.map((step) => h('li', { value: step.number, text: step.title }))));
  }
  sheet.append(h('h2', { text: t('ref.charges') }));
  if (reference.charges.length) {
    const table = h(
      'table',
      { class: 'evidence reference-charges' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('ref.date') }), h('th', { scope: 'col', text: t('ref.descriptor_column') }), h('th', { scope: 'col', class: 'num', text: t('ref.amount') }))),
      h(
        'tbody',
        {},
        reference.charges.map((charge) =>
          h('tr', {}, h('td', { dataset: { label: t('ref.date') } }, time(charge.date)), h('td', { class: 'descriptor', dataset: { label: t('ref.descriptor') }, text: charge.description }), h('td', { class: 'num', dataset: { label: t('ref.amount') }, text: formatMoney(charge.amount, charge.currency) })),
        ),
      ),
    );
    sheet.append(table);
  } else {
    sheet.append(h('p', { text: t('ref.no_charges') }));
  }
  sheet.append(h('p', { class: 'reference-link-print' }, h('span', { class: 'muted', text: t('ref.link_print') }), ' ', h('span', { class: 'reference-url', text: url })));

  const status = h('p', { class: 'help', attrs: { role: 'status', 'aria-live': 'polite' } });
  const save = h('button', {
    type: 'button',
    class: 'button',
    text: t('ref.save'),
    dataset: { action: 'save-reference' },
    on: {
      click: () => {
        const checked = validateRecord({ vendor: reference.vendor, cancelled_on: reference.cancelled_on, confirmation: reference.confirmation ?? '', notes: reference.notes ?? '' });
        if (!checked.record) {
          status.textContent = t('ref.save_failed', { problem: checked.problems.join('; ') });
          return;
        }
        const merged = mergeRecords(loadRecords(), [checked.record]);
        const problem = saveRecords(merged.records);
        status.textContent = problem ? t('ref.save_failed', { problem }) : merged.added ? t('ref.saved', { name, date: formatDate(reference.cancelled_on) }) : t('ref.already_saved');
      },
    },
  });
  const tools = h(
    'section',
    { class: 'reference-tools', attrs: { 'aria-label': t('ref.tools') } },
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'button primary', text: t('ref.print'), on: { click: () => window.print() } }), save, copyButton(t('ref.copy_link'), () => url, status)),
    status,
    h('p', { class: 'help', text: t('ref.nothing_stored') }),
    await exportsBlock(url, reference, { heading: 'h2' }),
  );
  view.replaceChildren(sheet, tools);
}
