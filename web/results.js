// Renders the engine's report (crates/engine/src/report.rs): a card per tracked cancellation
// with its evidence and timeline, the recurring charges, and what the reader inferred about
// each file with the controls that correct it. Text from files goes in through textContent.

import { h, s, icon, time, formatDate, formatMoney, dayNumber } from './dom.js';

export const VERDICTS = {
  still_charging: { words: 'Still charging', icon: 'alert', help: 'Charges came after you cancelled that the billing does not explain.' },
  final_charge: { words: 'Final charge, then stopped', icon: 'diamond', help: 'Only the charge the vendor’s billing expects after a cancellation came.' },
  stopped: { words: 'Stopped', icon: 'check', help: 'Nothing came after you cancelled, and the statements reach past the next due date.' },
  too_early: { words: 'Too early to tell', icon: 'clock', help: 'Nothing so far, but the statements end before the next charge would be due.' },
  not_seen: { words: 'No charges seen', icon: 'minus', help: 'No charge from this service appears in the statements.' },
};

const CADENCES = {
  weekly: 'Weekly',
  biweekly: 'Every 2 weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Every 6 months',
  annual: 'Yearly',
};

const DATE_ORDERS = { ymd: 'year-month-day', dmy: 'day/month/year', mdy: 'month/day/year' };

const SIGNS = {
  outflow_negative: 'money out is negative',
  outflow_positive: 'money out is positive (card style)',
  split_columns: 'separate money-out and money-in columns',
  indicator: 'unsigned amounts with a debit/credit mark',
};

export const COLUMN_ROLES = {
  date: 'Date',
  posted_date: 'Posting date',
  payee: 'Payee',
  description: 'Description',
  reference: 'Reference',
  booking_type: 'Booking type',
  amount: 'Amount',
  debit: 'Money out',
  credit: 'Money in',
  debit_credit_flag: 'Debit/credit mark',
  currency: 'Currency',
  balance: 'Balance',
  id: 'Transaction id',
  ignored: 'Not used',
};

const FORMATS = {
  csv: 'CSV',
  ofx: 'OFX',
  qif: 'QIF',
  camt052: 'CAMT.052',
  camt053: 'CAMT.053',
  camt054: 'CAMT.054',
  mt940: 'MT940',
};

// Large reports are cut for display; the counts say so. The engine's figures stay whole.
const MAX_RECURRING_ROWS = 300;
const MAX_DIAGNOSTICS = 30;
const MAX_EVIDENCE_ROWS = 24;

/** The guide id for a cancellation result, when it has a guide. */
function guideIdOf(result, guideIndex) {
  if (guideIndex.has(result.vendor)) return result.vendor;
  for (const [id, entry] of guideIndex) if (entry.name === result.vendor_name) return id;
  return null;
}

/** The coverage end of the statements: the last day any of them covers. */
function coverageEnd(report) {
  let end = null;
  for (const statement of report.statements) {
    if (statement.period && (!end || statement.period.to > end)) end = statement.period.to;
  }
  return end;
}

const refKey = (ref) => `${ref.statement}:${ref.line}:${ref.date}:${ref.amount}`;

// ---------------------------------------------------------------------------------------------
// Cancellation cards

function verdictBadge(verdict) {
  const info = VERDICTS[verdict] ?? { words: verdict, icon: 'info' };
  return h('p', { class: `verdict verdict-${verdict}` }, icon(info.icon), h('span', { class: 'verdict-words', text: info.words }));
}

// The parts a file kept apart (counterparty, booking type, purpose), under the descriptor.
const PARTS = [
  ['counterparty', 'Counterparty'],
  ['booking_type', 'Booking'],
  ['purpose', 'Purpose'],
];

function descriptorParts(ref) {
  const parts = PARTS.filter(([key]) => ref[key]);
  if (parts.length === 0) return null;
  return h(
    'span',
    { class: 'descriptor-parts' },
    parts.map(([key, label]) => h('span', { class: `part part-${key}` }, h('span', { class: 'part-label', text: `${label}: ` }), ref[key])),
  );
}

function evidenceTable(caption, refs, statements) {
  return h(
    'table',
    { class: 'evidence' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Date' }), h('th', { scope: 'col', text: 'Descriptor' }), h('th', { scope: 'col', class: 'num', text: 'Amount' }), h('th', { scope: 'col', text: 'Where' }))),
    h(
      'tbody',
      {},
      refs.map((ref) =>
        h(
          'tr',
          {},
          h('td', { dataset: { label: 'Date' } }, time(ref.date)),
          h('td', { dataset: { label: 'Descriptor' }, class: 'descriptor' }, ref.description, descriptorParts(ref)),
          h('td', { dataset: { label: 'Amount' }, class: 'num', text: formatMoney(ref.amount, ref.currency) }),
          h('td', { dataset: { label: 'Where' }, class: 'muted', text: `${statements[ref.statement]?.file ?? 'file'}, ${ref.page ? `page ${ref.page}, ` : ''}line ${ref.line}` }),
        ),
      ),
    ),
  );
}

function cancellationCard(result, record, report, ctx) {
  const guideId = guideIdOf(result, ctx.guideIndex);
  const headingId = `result-${result.vendor.replace(/[^a-z0-9-]/gi, '-')}-${result.cancelled_on}`;
  const card = h('article', {
    class: `cancellation-card verdict-card-${result.verdict}`,
    dataset: { vendor: result.vendor, verdict: result.verdict },
    attrs: { 'aria-labelledby': headingId },
  });
  card.append(
    h('h4', { id: headingId, text: result.vendor_name || result.vendor }),
    verdictBadge(result.verdict),
    h('p', { class: 'card-meta' }, 'Cancelled on ', time(result.cancelled_on), record?.confirmation ? ` · confirmation ${record.confirmation}` : ''),
  );
  if (result.matched_merchant) {
    card.append(h('p', { class: 'muted', text: `Matched to “${result.matched_merchant}” in your statement.` }));
  }
  card.append(h('p', { class: 'explanation', text: result.explanation }));
  if (result.verdict === 'too_early' && result.check_after) {
    card.append(h('p', { class: 'look-again' }, icon('clock'), h('strong', {}, 'Look again after ', time(result.check_after)), ' with a newer statement.'));
  }
  if (result.final_charge) {
    const charge = result.final_charge;
    card.append(
      h('p', { class: 'final-charge' }, h('strong', { text: 'Expected final charge: ' }), time(charge.date), ` · ${charge.description} · ${formatMoney(charge.amount, charge.currency)}`),
    );
  }
  if (result.charges_after.length) {
    const shown = result.charges_after.slice(0, MAX_EVIDENCE_ROWS);
    card.append(evidenceTable('Charges after you cancelled', shown, report.statements));
    if (shown.length < result.charges_after.length) {
      card.append(h('p', { class: 'muted', text: `The first ${shown.length} of ${result.charges_after.length} charges after you cancelled; all are in the full list below.` }));
    }
  }
  if (result.history.length) {
    card.append(timeline(result, coverageEnd(report), ctx.timelineWidth));
    const lastBefore = result.history.findLast((ref) => ref.date <= result.cancelled_on && ref.amount.startsWith('-'));
    if (lastBefore && !result.charges_after.length) {
      card.append(h('p', { class: 'muted' }, 'Last charge before you cancelled: ', time(lastBefore.date), ` · ${formatMoney(lastBefore.amount, lastBefore.currency)}`));
    }
    // The full list is built when opened: most people never open it, and it can be long.
    const details = h('details', { class: 'history' }, h('summary', { text: `All ${result.history.length} transactions from this service` }));
    details.addEventListener('toggle', () => {
      if (details.open && details.children.length === 1) details.append(evidenceTable('Every transaction matched to this service', result.history, report.statements));
    });
    card.append(details);
  }
  if (result.likely_causes.length) {
    const list = h('ul', { class: 'causes' });
    for (const cause of result.likely_causes) {
      const target = cause.step ? `step-${cause.step}` : `gotcha-${cause.gotcha}`;
      const item = h('li', {}, cause.title);
      if (guideId) {
        item.append(' — ', h('a', { href: `#/guides/${guideId}/${target}`, text: cause.step ? `how to fix it (step ${cause.step})` : 'read more' }));
      }
      list.append(item);
    }
    card.append(h('h5', { text: result.verdict === 'still_charging' ? 'Likely causes' : 'Worth checking' }), list);
  }
  if (guideId) {
    card.append(h('p', {}, h('a', { href: `#/guides/${guideId}`, text: `How to cancel ${ctx.guideIndex.get(guideId).name}, step by step` })));
  }
  if (ctx.onReference) {
    const name = result.vendor_name || result.vendor;
    card.append(h('div', { class: 'actions card-actions' }, h('button', { type: 'button', class: 'button small', text: 'Create reference', attrs: { 'aria-label': `Create a reference for the ${name} cancellation` }, dataset: { action: 'reference' }, on: { click: () => ctx.onReference(card, result, record) } })));
  }
  return card;
}

// ---------------------------------------------------------------------------------------------
// Timeline: an inline SVG of one vendor's charges with the cancellation marked

const MARKS = {
  before: { label: 'charge before cancelling', shape: 'circle' },
  final: { label: 'expected final charge', shape: 'diamond' },
  after: { label: 'charge after cancelling', shape: 'square' },
  refund: { label: 'refund', shape: 'ring' },
};

function mark(kind, x, y, size = 6) {
  const cls = `mark mark-${kind}`;
  switch (MARKS[kind].shape) {
    case 'diamond':
      return s('path', { class: cls, d: `M${x} ${y - size - 1}L${x + size + 1} ${y}L${x} ${y + size + 1}L${x - size - 1} ${y}Z` });
    case 'square':
      return s('rect', { class: cls, x: x - size, y: y - size, width: size * 2, height: size * 2 });
    case 'ring':
      return s('circle', { class: cls, cx: x, cy: y, r: size - 1 });
    default:
      return s('circle', { class: cls, cx: x, cy: y, r: size });
  }
}

function monthTicks(startDay, endDay) {
  const start = new Date(startDay * 86400000);
  const end = new Date(endDay * 86400000);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = [1, 2, 3, 6, 12, 24, 60].find((n) => months / n <= 6) ?? 120;
  const ticks = [];
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  while (cursor.getUTCMonth() % step !== 0 && step <= 12) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  for (; cursor <= end && ticks.length < 12; cursor.setUTCMonth(cursor.getUTCMonth() + step)) {
    const iso = cursor.toISOString().slice(0, 10);
    const month = formatDate(iso).split(' ')[1];
    // Years on yearly ticks; months otherwise, with the year on the first tick and in January.
    const label = step >= 12 ? iso.slice(0, 4) : !ticks.length || cursor.getUTCMonth() === 0 ? `${month} ${iso.slice(0, 4)}` : month;
    ticks.push({ day: dayNumber(iso), label });
  }
  return ticks;
}

export function timeline(result, statementsEnd, width = 640) {
  const W = Math.max(280, Math.min(900, Math.round(width)));
  const H = 168;
  const margin = { left: 14, right: 14, top: 40, bottom: 30 };
  const baseline = H - margin.bottom;
  const afterKeys = new Set(result.charges_after.map(refKey));
  const finalKey = result.final_charge ? refKey(result.final_charge) : null;
  const points = result.history.map((ref) => {
    let kind = 'before';
    if (!ref.amount.startsWith('-')) kind = 'refund';
    else if (afterKeys.has(refKey(ref))) kind = 'after';
    else if (refKey(ref) === finalKey || ref.date > result.cancelled_on) kind = 'final';
    return { ref, kind, day: dayNumber(ref.date), size: Math.abs(Number(ref.amount)) || 0 };
  });
  const cancelDay = dayNumber(result.cancelled_on);
  const checkDay = result.check_after ? dayNumber(result.check_after) : null;
  const coverageDay = statementsEnd ? dayNumber(statementsEnd) : null;
  const days = [cancelDay, ...points.map((p) => p.day)];
  if (coverageDay !== null) days.push(coverageDay);
  if (checkDay !== null && result.verdict === 'too_early') days.push(checkDay);
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  const pad = Math.max(4, (hi - lo) * 0.05);
  lo -= pad;
  hi += pad;
  const x = (day) => margin.left + ((day - lo) / (hi - lo)) * (W - margin.left - margin.right);
  const maxSize = Math.max(...points.map((p) => p.size), 1);
  const y = (size) => baseline - 8 - (size / maxSize) * (baseline - margin.top - 16);

  const titleId = `tl-title-${Math.random().toString(36).slice(2, 9)}`;
  const n = (kind) => points.filter((p) => p.kind === kind).length;
  const description = `${points.length} transactions from ${formatDate(result.history[0].date)} to ${formatDate(result.history.at(-1).date)}; cancelled on ${formatDate(result.cancelled_on)}; ${n('after')} charges after cancelling, ${n('final')} expected final charges.`;
  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-labelledby': titleId });
  svg.append(s('title', { id: titleId }, `Timeline of charges from ${result.vendor_name}. ${description}`));

  // The days the statements do not cover, shaded: silence there proves nothing.
  if (coverageDay !== null && coverageDay < hi) {
    svg.append(s('rect', { class: 'uncovered', x: x(coverageDay), y: margin.top - 6, width: W - margin.right - x(coverageDay), height: baseline - margin.top + 6 }, s('title', {}, `After ${formatDate(statementsEnd)}: not covered by the statements`)));
  }
  svg.append(s('line', { class: 'axis', x1: margin.left, x2: W - margin.right, y1: baseline, y2: baseline }));
  for (const tick of monthTicks(lo, hi)) {
    const tx = x(tick.day);
    svg.append(s('line', { class: 'tick', x1: tx, x2: tx, y1: baseline, y2: baseline + 4 }), s('text', { class: 'tick-label', x: tx, y: baseline + 17, 'text-anchor': 'middle' }, tick.label));
  }
  const label = (text, at, row, cls) => {
    const anchor = at > W * 0.7 ? 'end' : at < W * 0.3 ? 'start' : 'middle';
    const offset = anchor === 'end' ? -4 : anchor === 'start' ? 4 : 0;
    return s('text', { class: cls, x: at + offset, y: row, 'text-anchor': anchor }, text);
  };
  const cx = x(cancelDay);
  svg.append(s('line', { class: 'cancel-line', x1: cx, x2: cx, y1: margin.top - 22, y2: baseline }), label(`Cancelled ${formatDate(result.cancelled_on)}`, cx, 13, 'cancel-label'));
  if (checkDay !== null && result.verdict === 'too_early') {
    const kx = x(checkDay);
    svg.append(s('line', { class: 'check-line', x1: kx, x2: kx, y1: margin.top - 8, y2: baseline }), label(`Look again after ${formatDate(result.check_after)}`, kx, 28, 'check-label'));
  }
  for (const point of points) {
    const px = x(point.day);
    const py = y(point.size);
    const group = s('g', { class: `point point-${point.kind}` });
    group.append(
      s('line', { class: 'stem', x1: px, x2: px, y1: baseline, y2: py }),
      mark(point.kind, px, py),
      s('title', {}, `${formatDate(point.ref.date)} · ${point.ref.description} · ${formatMoney(point.ref.amount, point.ref.currency)} (${MARKS[point.kind].label})`),
    );
    svg.append(group);
  }

  const legend = h('ul', { class: 'timeline-legend' });
  for (const kind of Object.keys(MARKS)) {
    if (!n(kind)) continue;
    const swatch = s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, mark(kind, 8, 8, 5));
    legend.append(h('li', {}, swatch, ` ${MARKS[kind].label}`));
  }
  legend.append(h('li', {}, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('line', { class: 'cancel-line', x1: 8, x2: 8, y1: 0, y2: 16 })), ' your cancellation'));
  if (coverageDay !== null && coverageDay < hi) {
    legend.append(h('li', {}, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('rect', { class: 'uncovered', x: 1, y: 1, width: 14, height: 14 })), ' not covered by the statements'));
  }
  return h('figure', { class: 'timeline-figure' }, svg, h('figcaption', {}, legend));
}

// ---------------------------------------------------------------------------------------------
// Recurring charges

function recurringTable(report, ctx) {
  const rows = report.recurring;
  const wrap = h('section', { class: 'recurring', attrs: { 'aria-labelledby': 'recurring-heading' } });
  wrap.append(h('h3', { id: 'recurring-heading', text: `Recurring charges found (${rows.length})` }));
  if (!rows.length) {
    wrap.append(h('p', { class: 'muted', text: 'No recurring charges were found in these statements.' }));
    return wrap;
  }
  const shown = rows.slice(0, MAX_RECURRING_ROWS);
  const table = h(
    'table',
    { class: 'recurring-table' },
    h('caption', { class: 'visually-hidden', text: 'Recurring charges: service, how often, typical amount, last and next charge, status' }),
    h(
      'thead',
      {},
      h('tr', {}, ['Service', 'How often', 'Typical amount', 'Last charge', 'Next expected', 'Status', 'Actions'].map((title) => h('th', { scope: 'col', text: title, class: title === 'Typical amount' ? 'num' : '' }))),
    ),
  );
  const body = h('tbody');
  for (const stream of shown) {
    const guide = stream.vendor ? ctx.guideIndex.get(stream.vendor) : null;
    const name = h('td', { dataset: { label: 'Service' } }, h('span', { class: 'merchant', text: stream.merchant }));
    if (stream.billed_via && stream.billed_via !== 'direct') name.append(h('span', { class: 'muted', text: ` (billed via ${stream.billed_via})` }));
    const amount = stream.variable ? `about ${formatMoney(stream.amount.typical, stream.amount.currency)} (varies)` : formatMoney(stream.amount.typical, stream.amount.currency);
    const actions = h('div', { class: 'row-actions' });
    if (guide) actions.append(h('a', { href: `#/guides/${stream.vendor}`, text: 'How to cancel' }, h('span', { class: 'visually-hidden', text: ` ${guide.name}` })));
    actions.append(
      h('button', {
        type: 'button',
        class: 'button small',
        text: 'Track this',
        attrs: { 'aria-label': `Track a cancellation of ${guide?.name ?? stream.merchant}` },
        on: { click: () => ctx.onTrack(guide ? guide.name : stream.merchant) },
      }),
    );
    body.append(
      h(
        'tr',
        { dataset: { guide: stream.vendor ?? '', merchant: stream.merchant } },
        name,
        h('td', { dataset: { label: 'How often' }, text: CADENCES[stream.cadence] ?? stream.cadence }),
        h('td', { dataset: { label: 'Typical amount' }, class: 'num', text: amount }),
        h('td', { dataset: { label: 'Last charge' } }, time(stream.last)),
        h('td', { dataset: { label: 'Next expected' } }, stream.active ? time(stream.next_expected) : h('span', { class: 'muted', text: '—' })),
        h('td', { dataset: { label: 'Status' } }, h('span', { class: `status status-${stream.active ? 'active' : 'ended'}` }, icon(stream.active ? 'clock' : 'check'), stream.active ? ' Active' : ' Ended')),
        h('td', { dataset: { label: 'Actions' } }, actions),
      ),
    );
  }
  table.append(body);
  wrap.append(table);
  if (rows.length > shown.length) wrap.append(h('p', { class: 'muted', text: `Showing the first ${shown.length} of ${rows.length}.` }));
  return wrap;
}

// ---------------------------------------------------------------------------------------------
// What the reader inferred, with the controls that correct it

/** The reader's reason for a decision; `hint` means the person's own correction. */
const reason = (text) => (text === 'hint' ? 'as you chose' : text);

function definition(list, term, ...value) {
  list.append(h('dt', { text: term }), h('dd', {}, ...value));
}

function inferredSection(statement, index, ctx) {
  const hints = ctx.hints[index] ?? {};
  const dialect = statement.dialect ?? {};
  const section = h('section', { class: 'inferred', dataset: { file: statement.file, index: String(index) }, attrs: { 'aria-labelledby': `inferred-${index}` } });
  section.append(h('h4', { id: `inferred-${index}`, text: statement.file }));
  const facts = h('dl', { class: 'facts' });
  definition(facts, 'Format', `${FORMATS[statement.format] ?? statement.format}${dialect.version ? ` (${dialect.version})` : ''}`);
  definition(facts, 'Transactions', String(statement.n_transactions));
  definition(facts, 'Period', statement.period ? h('span', {}, time(statement.period.from), ' to ', time(statement.period.to)) : 'no dates');
  if (statement.currency) definition(facts, 'Currency', statement.currency);
  definition(facts, 'Text encoding', `${dialect.encoding || 'unknown'}${dialect.replaced_bytes ? ` (${dialect.replaced_bytes} unreadable bytes replaced)` : ''}`);
  if (dialect.delimiter) definition(facts, 'Separator', dialect.delimiter === '\t' ? 'tab' : `“${dialect.delimiter}”`);
  if (statement.format === 'csv') definition(facts, 'Header', dialect.header_line ? `line ${dialect.header_line}` : 'none');
  definition(facts, 'Date order', dialect.date_order ? `${DATE_ORDERS[dialect.date_order] ?? dialect.date_order}${dialect.date_order_reason ? ` — ${reason(dialect.date_order_reason)}` : ''}` : 'not needed');
  definition(facts, 'Decimal mark', dialect.decimal_mark ? `“${dialect.decimal_mark}”` : 'not needed');
  definition(facts, 'Money out', dialect.sign_convention ? `${SIGNS[dialect.sign_convention] ?? dialect.sign_convention}${dialect.sign_reason ? ` — ${reason(dialect.sign_reason)}` : ''}` : 'as written');
  if (hints.flip_sign) definition(facts, 'Correction', 'every amount’s sign flipped');
  section.append(facts);

  const controls = h('fieldset', { class: 'corrections' }, h('legend', { text: 'Correct what was read' }));
  const flip = h('input', { type: 'checkbox', id: `flip-${index}`, checked: Boolean(hints.flip_sign) });
  flip.addEventListener('change', () => ctx.onReread(index, { ...hints, flip_sign: flip.checked }, flip.id));
  controls.append(h('div', { class: 'check' }, flip, h('label', { for: flip.id, text: 'Flip the sign of every amount (money in becomes money out and back)' })));
  const order = dialect.date_order;
  if (order === 'dmy' || order === 'mdy') {
    const other = order === 'dmy' ? 'mdy' : 'dmy';
    controls.append(
      h('button', {
        type: 'button',
        id: `swap-${index}`,
        class: 'button small',
        text: `Swap day and month (read as ${DATE_ORDERS[other]})`,
        on: { click: (event) => ctx.onReread(index, { ...hints, date_order: other }, event.currentTarget.id) },
      }),
    );
  }
  if (statement.format === 'csv' && dialect.columns?.length) {
    const table = h('table', { class: 'columns' }, h('caption', { text: 'Columns' }), h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Column' }), h('th', { scope: 'col', text: 'Read as' }))));
    const body = h('tbody');
    for (const column of dialect.columns) {
      const id = `col-${index}-${column.index}`;
      const select = h('select', { id });
      for (const [role, label] of Object.entries(COLUMN_ROLES)) select.append(h('option', { value: role, text: label, selected: role === column.role }));
      select.addEventListener('change', () => {
        const columns = (hints.columns ?? []).filter(([at]) => at !== column.index);
        columns.push([column.index, select.value]);
        ctx.onReread(index, { ...hints, columns }, id);
      });
      const name = column.name ? `${column.index + 1}: ${column.name}` : `Column ${column.index + 1}`;
      body.append(h('tr', {}, h('th', { scope: 'row' }, h('label', { for: id, text: name })), h('td', {}, select)));
    }
    table.append(body);
    controls.append(table);
  }
  const buttons = h('div', { class: 'actions' });
  if (Object.keys(hints).length) {
    buttons.append(h('button', { type: 'button', id: `reset-${index}`, class: 'button small', text: 'Undo corrections', on: { click: (event) => ctx.onReread(index, {}, event.currentTarget.id) } }));
  }
  buttons.append(h('button', { type: 'button', id: `remove-${index}`, class: 'button small', text: 'Remove this file', on: { click: () => ctx.onRemove(index) } }));
  controls.append(buttons);
  section.append(controls);

  const problems = statement.diagnostics.filter((d) => d.severity !== 'info');
  const notes = statement.diagnostics.filter((d) => d.severity === 'info');
  if (problems.length) {
    section.append(h('h5', { text: `Skipped rows and warnings (${problems.length})` }), diagnosticList(problems));
  }
  if (notes.length) {
    section.append(h('details', { class: 'notes' }, h('summary', { text: `Decisions the reader made (${notes.length})` }), diagnosticList(notes)));
  }
  return section;
}

function diagnosticList(diagnostics) {
  const list = h('ul', { class: 'diagnostics' });
  for (const diagnostic of diagnostics.slice(0, MAX_DIAGNOSTICS)) {
    const where = diagnostic.place ? `${diagnostic.place}: ` : diagnostic.line ? `line ${diagnostic.line}: ` : '';
    list.append(
      h(
        'li',
        { class: `diagnostic severity-${diagnostic.severity}`, dataset: { code: diagnostic.code } },
        h('span', { class: 'severity-word', text: diagnostic.severity === 'error' ? 'Error' : diagnostic.severity === 'warning' ? 'Warning' : 'Note' }),
        ` ${where}${diagnostic.message}`,
        diagnostic.help ? h('span', { class: 'help', text: ` — ${diagnostic.help}` }) : null,
      ),
    );
  }
  if (diagnostics.length > MAX_DIAGNOSTICS) list.append(h('li', { class: 'muted', text: `and ${diagnostics.length - MAX_DIAGNOSTICS} more` }));
  return list;
}

/** `1234567` → `1,234,567`, without Intl (its first use costs tens of milliseconds). */
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// Each part is rendered in its own task, so a large report never holds the main thread for long.
// scheduler.yield() resumes ahead of other queued work; setTimeout is the fallback.
const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

/**
 * Renders `report` into the results section. `ctx`: `records` (sent to the engine, index for
 * index with `report.cancellations`), `guideIndex` (Map id → entry), `hints` (per statement),
 * `onReread(index, hints, focusId)`, `onRemove(index)`, `onTrack(vendorText)`,
 * `onReference(card, result, record)` (the card's "Create reference"), `timelineWidth`,
 * and `current()`, false once a newer render has started (this one then stops).
 * Resolves to true when everything was rendered.
 */
export async function renderResults(report, ctx, targets) {
  const { cancellations, recurring, inferred, summary } = targets;
  const parts = report.cancellations.map((result) => `${result.vendor_name || result.vendor}: ${(VERDICTS[result.verdict]?.words ?? result.verdict).toLowerCase()}`);
  const transactions = report.statements.reduce((sum, statement) => sum + statement.n_transactions, 0);
  summary.textContent = `${thousands(transactions)} transactions read from ${report.statements.length} statement${report.statements.length === 1 ? '' : 's'}; ${report.recurring.length} recurring charge${report.recurring.length === 1 ? '' : 's'} found.${parts.length ? ` ${parts.join('; ')}.` : ''}`;

  await nextTask();
  if (!ctx.current()) return false;
  const grid = h('div', { class: 'cards' });
  cancellations.replaceChildren(h('h3', { text: 'Your cancellations' }), grid);
  if (!report.cancellations.length) {
    grid.append(h('p', { class: 'muted', text: 'You have not tracked a cancellation yet. Add one above (or press “Track this” on a recurring charge below) to check it against these statements.' }));
  }
  for (const [index, result] of report.cancellations.entries()) {
    grid.append(cancellationCard(result, ctx.records[index], report, ctx));
    await nextTask();
    if (!ctx.current()) return false;
  }
  recurring.replaceChildren(recurringTable(report, ctx));
  await nextTask();
  if (!ctx.current()) return false;
  inferred.replaceChildren(h('h3', { text: 'What the reader inferred' }), ...report.statements.map((statement, index) => inferredSection(statement, index, ctx)));
  return true;
}

/**
 * Renders a small made-up report into detached elements, so the browser has compiled the
 * rendering code before the person's first statement arrives (the first drop then shows its
 * results as quickly as later ones). Nothing is added to the page.
 */
export function warmUpRendering() {
  const ref = (date, amount) => ({ statement: 0, line: 2, date, description: 'WARM UP', amount, currency: 'USD' });
  const history = [ref('2026-01-01', '-9.99'), ref('2026-02-01', '-9.99'), ref('2026-03-01', '-9.99'), ref('2026-03-05', '9.99')];
  const report = {
    statements: [{ file: 'warm-up.csv', format: 'csv', dialect: { encoding: 'utf-8', delimiter: ',', header_line: 1, date_order: 'dmy', decimal_mark: '.', sign_convention: 'outflow_negative', columns: [{ index: 0, name: 'Date', role: 'date' }] }, currency: 'USD', period: { from: '2026-01-01', to: '2026-03-05' }, n_transactions: 4, diagnostics: [{ severity: 'warning', code: 'x', message: 'warm up', line: 2 }] }],
    recurring: [{ merchant: 'Warm Up', vendor: null, cadence: 'monthly', amount: { typical: '-9.99', currency: 'USD' }, variable: false, last: '2026-03-01', next_expected: '2026-04-01', active: true, billed_via: null }],
    cancellations: [{ vendor: 'warm-up', vendor_name: 'Warm Up', cancelled_on: '2026-02-15', verdict: 'still_charging', charges_after: [history[2]], final_charge: history[1], check_after: '2026-04-05', likely_causes: [{ gotcha: 'x', title: 'x', step: 1 }], explanation: 'warm up', history }],
  };
  const ctx = { records: [], guideIndex: new Map([['warm-up', { name: 'Warm Up' }]]), hints: [], onReread() {}, onRemove() {}, onTrack() {}, timelineWidth: 600, current: () => true };
  const targets = { cancellations: h('div'), recurring: h('div'), inferred: h('div'), summary: h('p') };
  return renderResults(report, ctx, targets);
}
