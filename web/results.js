// Renders the engine's report (crates/engine/src/report.rs): a card per tracked cancellation
// with its evidence and timeline, the recurring charges, and what the reader inferred about
// each file with the controls that correct it. Text from files goes in through textContent.

import { h, s, icon, time, formatDate, formatMoney, dayNumber, formatName } from './dom.js';
import { t, tn, formatMonth, formatNumber, language } from './i18n.js';
import { messageNodes } from './messages.js';

// The engine's messages as text, for app.js (reader errors).
export { message } from './messages.js';

// Words come from the chosen catalogue (i18n.js); these tables hold catalogue keys, so the
// catalogue test finds every key written out here.
export const VERDICTS = {
  still_charging: { words: 'term.still_charging', icon: 'alert', help: 'verdict.still_charging.help' },
  final_charge: { words: 'term.final_charge', icon: 'diamond', help: 'verdict.final_charge.help' },
  stopped: { words: 'term.stopped', icon: 'check', help: 'verdict.stopped.help' },
  too_early: { words: 'term.too_early', icon: 'clock', help: 'verdict.too_early.help' },
  not_seen: { words: 'term.not_seen', icon: 'minus', help: 'verdict.not_seen.help' },
};

/** A verdict's name in the chosen language. */
export const verdictWords = (verdict) => (VERDICTS[verdict] ? t(VERDICTS[verdict].words) : verdict);

const CADENCES = {
  weekly: 'term.weekly',
  biweekly: 'term.biweekly',
  monthly: 'term.monthly',
  quarterly: 'term.quarterly',
  semiannual: 'term.semiannual',
  annual: 'term.annual',
};

const DATE_ORDERS = { ymd: 'order.ymd', dmy: 'order.dmy', mdy: 'order.mdy' };

const SIGNS = {
  outflow_negative: 'term.outflow_negative',
  outflow_positive: 'term.outflow_positive',
  split_columns: 'term.split_columns',
  indicator: 'term.indicator',
};

export const COLUMN_ROLES = {
  date: 'role.date',
  posted_date: 'role.posted_date',
  payee: 'role.payee',
  description: 'role.description',
  reference: 'role.reference',
  booking_type: 'role.booking_type',
  amount: 'role.amount',
  debit: 'role.debit',
  credit: 'role.credit',
  debit_credit_flag: 'role.debit_credit_flag',
  currency: 'role.currency',
  balance: 'role.balance',
  id: 'role.id',
  ignored: 'role.ignored',
};

const SEVERITIES = { error: 'severity.error', warning: 'severity.warning', info: 'severity.info' };

/** The card's explanation: the engine's sentence and notes in the chosen language. */
export function explanation(result) {
  if (!result.explanation_message) return [result.explanation];
  return [result.explanation_message, ...(result.explanation_notes ?? [])].flatMap((msg, at) => [at ? ' ' : '', ...messageNodes({ ...msg, text: at ? '' : result.explanation })]);
}

// Mid-sentence a verdict name is lower case, except in German, whose nouns keep their capital.
export const lowerVerdict = (words) => (language() === 'de' ? words : words.toLocaleLowerCase(language()));

/** The word for `value` from one of the tables above, or the value as the engine wrote it. */
const word = (table, value) => (table[value] ? t(table[value]) : value);

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
  const info = VERDICTS[verdict] ?? { icon: 'info' };
  return h('p', { class: `verdict verdict-${verdict}`, title: info.help ? t(info.help) : undefined }, icon(info.icon), h('span', { class: 'verdict-words', text: verdictWords(verdict) }));
}

// The parts a file kept apart (counterparty, booking type, purpose), under the descriptor.
const PARTS = [
  ['counterparty', 'part.counterparty'],
  ['booking_type', 'part.booking_type'],
  ['purpose', 'part.purpose'],
];

function descriptorParts(ref) {
  const parts = PARTS.filter(([key]) => ref[key]);
  if (parts.length === 0) return null;
  return h(
    'span',
    { class: 'descriptor-parts' },
    parts.map(([key, label]) => h('span', { class: `part part-${key}` }, h('span', { class: 'part-label', text: t('part.label', { part: t(label) }) }), ref[key])),
  );
}

function evidenceTable(caption, refs, statements) {
  const labels = { date: t('evidence.date'), descriptor: t('evidence.descriptor'), amount: t('evidence.amount'), where: t('evidence.where') };
  return h(
    'table',
    { class: 'evidence' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: labels.date }), h('th', { scope: 'col', text: labels.descriptor }), h('th', { scope: 'col', class: 'num', text: labels.amount }), h('th', { scope: 'col', text: labels.where }))),
    h(
      'tbody',
      {},
      refs.map((ref) =>
        h(
          'tr',
          {},
          h('td', { dataset: { label: labels.date } }, time(ref.date)),
          h('td', { dataset: { label: labels.descriptor }, class: 'descriptor' }, ref.description, descriptorParts(ref)),
          h('td', { dataset: { label: labels.amount }, class: 'num', text: formatMoney(ref.amount, ref.currency) }),
          h('td', { dataset: { label: labels.where }, class: 'muted', text: ref.page ? t('evidence.where_page_line', { file: statements[ref.statement]?.file ?? '', page: ref.page, line: ref.line }) : t('evidence.where_line', { file: statements[ref.statement]?.file ?? '', line: ref.line }) }),
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
    h('p', { class: 'card-meta' }, tn('card.cancelled_on', { date: time(result.cancelled_on) }), record?.confirmation ? t('track.confirmation_item', { confirmation: record.confirmation }) : ''),
  );
  if (result.matched_merchant) {
    card.append(h('p', { class: 'muted', text: t('card.matched', { merchant: result.matched_merchant }) }));
  }
  card.append(h('p', { class: 'explanation' }, explanation(result)));
  if (result.verdict === 'too_early' && result.check_after) {
    card.append(h('p', { class: 'look-again' }, icon('clock'), h('strong', {}, tn('card.look_again', { date: time(result.check_after) })), t('card.look_again_with')));
  }
  if (result.final_charge) {
    const charge = result.final_charge;
    card.append(
      h('p', { class: 'final-charge' }, h('strong', { text: t('card.final_charge') }), time(charge.date), ' · ', h('span', { class: 'descriptor', text: charge.description }), ` · ${formatMoney(charge.amount, charge.currency)}`),
    );
  }
  if (result.charges_after.length) {
    const shown = result.charges_after.slice(0, MAX_EVIDENCE_ROWS);
    card.append(evidenceTable(t('card.charges_after'), shown, report.statements));
    if (shown.length < result.charges_after.length) {
      card.append(h('p', { class: 'muted', text: t('card.first_of', { shown: shown.length, count: result.charges_after.length }) }));
    }
  }
  if (result.history.length) {
    card.append(timeline(result, coverageEnd(report), ctx.timelineWidth));
    const lastBefore = result.history.findLast((ref) => ref.date <= result.cancelled_on && ref.amount.startsWith('-'));
    if (lastBefore && !result.charges_after.length) {
      card.append(h('p', { class: 'muted' }, t('card.last_before'), time(lastBefore.date), ` · ${formatMoney(lastBefore.amount, lastBefore.currency)}`));
    }
    // The full list is built when opened: most people never open it, and it can be long.
    const details = h('details', { class: 'history' }, h('summary', { text: t('card.all_history', { count: result.history.length }) }));
    details.addEventListener('toggle', () => {
      if (details.open && details.children.length === 1) details.append(evidenceTable(t('card.history_caption'), result.history, report.statements));
    });
    card.append(details);
  }
  if (result.likely_causes.length) {
    const list = h('ul', { class: 'causes' });
    for (const cause of result.likely_causes) {
      const target = cause.step ? `step-${cause.step}` : `gotcha-${cause.gotcha}`;
      // The causes are the guide's gotchas, whose titles are English guide text for now.
      const item = h('li', {}, h('span', { class: 'guide-text', lang: 'en', text: cause.title }));
      if (guideId) {
        item.append(' — ', h('a', { href: `#/guides/${guideId}/${target}`, text: cause.step ? t('card.fix_step', { step: cause.step }) : t('card.read_more') }));
      }
      list.append(item);
    }
    card.append(h('h5', { text: result.verdict === 'still_charging' ? t('card.likely_causes') : t('card.worth_checking') }), list);
  }
  if (guideId) {
    card.append(h('p', {}, h('a', { href: `#/guides/${guideId}`, text: t('card.how_to_cancel', { name: ctx.guideIndex.get(guideId).name }) })));
  }
  if (result.verdict === 'still_charging' || result.verdict === 'final_charge') card.append(rightsDetails(result));
  if (ctx.onReference) {
    const name = result.vendor_name || result.vendor;
    card.append(h('div', { class: 'actions card-actions' }, h('button', { type: 'button', class: 'button small', text: t('card.create_reference'), attrs: { 'aria-label': t('card.create_reference_label', { name }) }, dataset: { action: 'reference' }, on: { click: () => ctx.onReference(card, result, record) } })));
  }
  return card;
}

/**
 * "Your rights", collapsed: web/rights.js (and its data) is imported when it is first opened,
 * for the region of the charges' currency unless the person chose one.
 */
function rightsDetails(result) {
  const currency = (result.charges_after[0] ?? result.final_charge ?? result.history.at(-1))?.currency ?? null;
  const details = h('details', { class: 'rights', dataset: { currency: currency ?? '' } }, h('summary', { text: t('card.rights') }));
  details.addEventListener('toggle', () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'loading';
    import('./rights.js')
      .then((module) => module.renderRights(details, { currency, keepFirst: true, level: 5 }))
      .then(() => (details.dataset.loaded = 'yes'))
      .catch(() => {
        delete details.dataset.loaded;
        details.append(h('p', { class: 'muted', text: t('card.rights_failed') }));
      });
  });
  return details;
}

// ---------------------------------------------------------------------------------------------
// Timeline: an inline SVG of one vendor's charges with the cancellation marked

const MARKS = {
  before: { label: 'timeline.before', shape: 'circle' },
  final: { label: 'timeline.final', shape: 'diamond' },
  after: { label: 'timeline.after', shape: 'square' },
  refund: { label: 'timeline.refund', shape: 'ring' },
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

function monthTicks(startDay, endDay, most = 6) {
  const start = new Date(startDay * 86400000);
  const end = new Date(endDay * 86400000);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = [1, 2, 3, 6, 12, 24, 60].find((n) => months / n <= most) ?? 120;
  const ticks = [];
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  while (cursor.getUTCMonth() % step !== 0 && step <= 12) cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  for (; cursor <= end && ticks.length < 12; cursor.setUTCMonth(cursor.getUTCMonth() + step)) {
    const iso = cursor.toISOString().slice(0, 10);
    // Years on yearly ticks; months otherwise, with the year on the first tick and in January.
    const label = step >= 12 ? iso.slice(0, 4) : formatMonth(iso, !ticks.length || cursor.getUTCMonth() === 0);
    ticks.push({ day: dayNumber(iso), label });
  }
  return ticks;
}

// A tick label near either edge is anchored there, so a long month ("Jan. 2026") is not cut.
function edgeAnchor(x, label, width) {
  const half = label.length * 3.4;
  return x - half < 2 ? 'start' : x + half > width - 2 ? 'end' : 'middle';
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
  const description = t('timeline.description', { count: points.length, from: formatDate(result.history[0].date), to: formatDate(result.history.at(-1).date), cancelled: formatDate(result.cancelled_on), after: n('after'), final: n('final') });
  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-labelledby': titleId });
  svg.append(s('title', { id: titleId }, t('timeline.title', { name: result.vendor_name || result.vendor, description })));

  // The days the statements do not cover, shaded: silence there proves nothing.
  if (coverageDay !== null && coverageDay < hi) {
    svg.append(s('rect', { class: 'uncovered', x: x(coverageDay), y: margin.top - 6, width: W - margin.right - x(coverageDay), height: baseline - margin.top + 6 }, s('title', {}, t('timeline.uncovered_after', { date: formatDate(statementsEnd) }))));
  }
  svg.append(s('line', { class: 'axis', x1: margin.left, x2: W - margin.right, y1: baseline, y2: baseline }));
  // About one label per 80 px, so longer month names ("janv. 2026", "Jan. 2026") never meet.
  for (const tick of monthTicks(lo, hi, Math.max(2, Math.min(6, Math.floor(W / 80))))) {
    const tx = x(tick.day);
    svg.append(s('line', { class: 'tick', x1: tx, x2: tx, y1: baseline, y2: baseline + 4 }), s('text', { class: 'tick-label', x: tx, y: baseline + 17, 'text-anchor': edgeAnchor(tx, tick.label, W) }, tick.label));
  }
  const label = (text, at, row, cls) => {
    const anchor = at > W * 0.7 ? 'end' : at < W * 0.3 ? 'start' : 'middle';
    const offset = anchor === 'end' ? -4 : anchor === 'start' ? 4 : 0;
    return s('text', { class: cls, x: at + offset, y: row, 'text-anchor': anchor }, text);
  };
  const cx = x(cancelDay);
  svg.append(s('line', { class: 'cancel-line', x1: cx, x2: cx, y1: margin.top - 22, y2: baseline }), label(t('timeline.cancelled', { date: formatDate(result.cancelled_on) }), cx, 13, 'cancel-label'));
  if (checkDay !== null && result.verdict === 'too_early') {
    const kx = x(checkDay);
    svg.append(s('line', { class: 'check-line', x1: kx, x2: kx, y1: margin.top - 8, y2: baseline }), label(t('timeline.look_again', { date: formatDate(result.check_after) }), kx, 28, 'check-label'));
  }
  for (const point of points) {
    const px = x(point.day);
    const py = y(point.size);
    const group = s('g', { class: `point point-${point.kind}` });
    group.append(
      s('line', { class: 'stem', x1: px, x2: px, y1: baseline, y2: py }),
      mark(point.kind, px, py),
      s('title', {}, `${formatDate(point.ref.date)} · ${point.ref.description} · ${formatMoney(point.ref.amount, point.ref.currency)} (${t(MARKS[point.kind].label)})`),
    );
    svg.append(group);
  }

  const legend = h('ul', { class: 'timeline-legend' });
  for (const kind of Object.keys(MARKS)) {
    if (!n(kind)) continue;
    const swatch = s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, mark(kind, 8, 8, 5));
    legend.append(h('li', {}, swatch, ` ${t(MARKS[kind].label)}`));
  }
  legend.append(h('li', {}, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('line', { class: 'cancel-line', x1: 8, x2: 8, y1: 0, y2: 16 })), ` ${t('timeline.cancellation')}`));
  if (coverageDay !== null && coverageDay < hi) {
    legend.append(h('li', {}, s('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' }, s('rect', { class: 'uncovered', x: 1, y: 1, width: 14, height: 14 })), ` ${t('timeline.uncovered')}`));
  }
  return h('figure', { class: 'timeline-figure' }, svg, h('figcaption', {}, legend));
}

// ---------------------------------------------------------------------------------------------
// Recurring charges

// Who charged the card (the engine's processor ids), and the resellers that bill for many
// vendors in their own name (guides/billing/entities.toml): behind one of those, a merchant
// without a guide is a vendor we do not know, named by the descriptor's tail.
const BILLERS = {
  apple: 'Apple', 'google-play': 'Google Play', amazon: 'Amazon', paypal: 'PayPal', klarna: 'Klarna', stripe: 'Stripe', square: 'Square', toast: 'Toast', doordash: 'DoorDash', shopify: 'Shopify', checkout: 'Checkout.com',
  paddle: 'Paddle', fastspring: 'FastSpring', 'digital-river': 'Digital River', '2checkout': '2Checkout (Verifone)', 'nord-security': 'Nord Security',
};
const RESELLERS = new Set(['paddle', 'fastspring', 'digital-river', '2checkout', 'nord-security']);

function billedVia(id, hasGuide) {
  const name = BILLERS[id] ?? id;
  return t(RESELLERS.has(id) && !hasGuide ? 'recurring.billed_via_unknown' : 'recurring.billed_via', { channel: name });
}

function recurringTable(report, ctx) {
  const rows = report.recurring;
  const wrap = h('section', { class: 'recurring', attrs: { 'aria-labelledby': 'recurring-heading' } });
  wrap.append(h('h3', { id: 'recurring-heading', text: t('recurring.heading', { count: rows.length }) }));
  if (!rows.length) {
    wrap.append(h('p', { class: 'muted', text: t('recurring.none') }));
    return wrap;
  }
  const shown = rows.slice(0, MAX_RECURRING_ROWS);
  const columns = [t('recurring.service'), t('recurring.cadence'), t('recurring.amount'), t('recurring.last'), t('recurring.next'), t('recurring.status'), t('recurring.actions')];
  const [service, cadence, typical, last, next, status, actionsLabel] = columns;
  const words = { howTo: t('recurring.how_to_cancel'), track: t('recurring.track'), active: t('recurring.active'), ended: t('recurring.ended') };
  const table = h(
    'table',
    { class: 'recurring-table' },
    h('caption', { class: 'visually-hidden', text: t('recurring.caption') }),
    h(
      'thead',
      {},
      h('tr', {}, columns.map((title) => h('th', { scope: 'col', text: title, class: title === columns[2] ? 'num' : '' }))),
    ),
  );
  const body = h('tbody');
  for (const stream of shown) {
    const guide = stream.vendor ? ctx.guideIndex.get(stream.vendor) : null;
    const name = h('td', { dataset: { label: service } }, h('span', { class: 'merchant', text: stream.merchant }));
    if (stream.billed_via && stream.billed_via !== 'direct') name.append(h('span', { class: 'muted', text: billedVia(stream.billed_via, Boolean(guide)) }));
    const money = formatMoney(stream.amount.typical, stream.amount.currency);
    const amount = stream.variable ? t('recurring.varies', { amount: money }) : money;
    const actions = h('div', { class: 'row-actions' });
    if (guide) actions.append(h('a', { href: `#/guides/${stream.vendor}`, text: words.howTo }, h('span', { class: 'visually-hidden', text: ` ${guide.name}` })));
    actions.append(
      h('button', {
        type: 'button',
        class: 'button small',
        text: words.track,
        attrs: { 'aria-label': t('recurring.track_label', { name: guide?.name ?? stream.merchant }) },
        on: { click: () => ctx.onTrack(guide ? guide.name : stream.merchant) },
      }),
    );
    body.append(
      h(
        'tr',
        { dataset: { guide: stream.vendor ?? '', merchant: stream.merchant } },
        name,
        h('td', { dataset: { label: cadence }, text: word(CADENCES, stream.cadence) }),
        h('td', { dataset: { label: typical }, class: 'num', text: amount }),
        h('td', { dataset: { label: last } }, time(stream.last)),
        h('td', { dataset: { label: next } }, stream.active ? time(stream.next_expected) : h('span', { class: 'muted', text: '—' })),
        h('td', { dataset: { label: status } }, h('span', { class: `status status-${stream.active ? 'active' : 'ended'}` }, icon(stream.active ? 'clock' : 'check'), ` ${stream.active ? words.active : words.ended}`)),
        h('td', { dataset: { label: actionsLabel } }, actions),
      ),
    );
  }
  table.append(body);
  wrap.append(table);
  if (rows.length > shown.length) wrap.append(h('p', { class: 'muted', text: t('recurring.showing', { shown: shown.length, count: rows.length }) }));
  return wrap;
}

// ---------------------------------------------------------------------------------------------
// What the reader inferred, with the controls that correct it

/** A reader's reason for a decision (`reason-…` code and args) in the page's words; a reason
 * with no code (a spreadsheet's, whose lines became cells) is shown as the reader wrote it. */
const reasonWords = (message, english) => (message ? messageNodes({ ...message, text: english }) : [h('span', { lang: 'en', text: english })]);

function definition(list, term, ...value) {
  list.append(h('dt', { text: term }), h('dd', {}, ...value));
}

function inferredSection(statement, index, ctx) {
  const hints = ctx.hints[index] ?? {};
  const dialect = statement.dialect ?? {};
  const section = h('section', { class: 'inferred', dataset: { file: statement.file, index: String(index) }, attrs: { 'aria-labelledby': `inferred-${index}` } });
  section.append(h('h4', { id: `inferred-${index}`, text: statement.file }));
  const facts = h('dl', { class: 'facts' });
  const quoted = (mark) => t('inferred.quoted', { mark });
  const because = (text, why, message) => {
    if (!why && !message) return text;
    const words = document.createDocumentFragment();
    words.append(...reasonWords(message, why));
    return tn('inferred.because', { value: text, reason: words });
  };
  definition(facts, t('inferred.format'), `${formatName(statement.format)}${dialect.version ? ` (${dialect.version})` : ''}`);
  definition(facts, t('inferred.transactions'), formatNumber(statement.n_transactions));
  definition(facts, t('inferred.period'), statement.period ? h('span', {}, tn('files.period', { from: time(statement.period.from), to: time(statement.period.to) })) : t('files.no_dates'));
  if (statement.currency) definition(facts, t('inferred.currency'), statement.currency);
  definition(facts, t('inferred.encoding'), dialect.replaced_bytes ? t('inferred.encoding_replaced', { encoding: dialect.encoding || t('inferred.unknown'), count: dialect.replaced_bytes }) : dialect.encoding || t('inferred.unknown'));
  if (dialect.delimiter) definition(facts, t('inferred.separator'), dialect.delimiter === '\t' ? t('inferred.tab') : quoted(dialect.delimiter));
  if (statement.format === 'csv') definition(facts, t('inferred.header'), dialect.header_line ? t('inferred.line', { line: dialect.header_line }) : t('inferred.none'));
  definition(facts, t('inferred.date_order'), dialect.date_order ? because(word(DATE_ORDERS, dialect.date_order), dialect.date_order_reason, dialect.date_order_reason_message) : t('inferred.not_needed'));
  definition(facts, t('inferred.decimal_mark'), dialect.decimal_mark ? quoted(dialect.decimal_mark) : t('inferred.not_needed'));
  definition(facts, t('inferred.money_out'), dialect.sign_convention ? because(word(SIGNS, dialect.sign_convention), dialect.sign_reason, dialect.sign_reason_message) : t('inferred.as_written'));
  if (hints.flip_sign) definition(facts, t('inferred.correction'), t('inferred.flipped'));
  section.append(facts);

  const controls = h('fieldset', { class: 'corrections' }, h('legend', { text: t('inferred.correct') }));
  const flip = h('input', { type: 'checkbox', id: `flip-${index}`, checked: Boolean(hints.flip_sign) });
  flip.addEventListener('change', () => ctx.onReread(index, { ...hints, flip_sign: flip.checked }, flip.id));
  controls.append(h('div', { class: 'check' }, flip, h('label', { for: flip.id, text: t('inferred.flip') })));
  const order = dialect.date_order;
  if (order === 'dmy' || order === 'mdy') {
    const other = order === 'dmy' ? 'mdy' : 'dmy';
    controls.append(
      h('button', {
        type: 'button',
        id: `swap-${index}`,
        class: 'button small',
        text: t('inferred.swap', { order: word(DATE_ORDERS, other) }),
        on: { click: (event) => ctx.onReread(index, { ...hints, date_order: other }, event.currentTarget.id) },
      }),
    );
  }
  if (statement.format === 'csv' && dialect.columns?.length) {
    const table = h('table', { class: 'columns' }, h('caption', { text: t('inferred.columns') }), h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('inferred.column') }), h('th', { scope: 'col', text: t('inferred.read_as') }))));
    const roles = Object.entries(COLUMN_ROLES).map(([role, key]) => [role, t(key)]);
    const body = h('tbody');
    for (const column of dialect.columns) {
      const id = `col-${index}-${column.index}`;
      const select = h('select', { id });
      for (const [role, label] of roles) select.append(h('option', { value: role, text: label, selected: role === column.role }));
      select.addEventListener('change', () => {
        const columns = (hints.columns ?? []).filter(([at]) => at !== column.index);
        columns.push([column.index, select.value]);
        ctx.onReread(index, { ...hints, columns }, id);
      });
      // A header is the file's own text, in the file's language (lang="": unknown).
      const name = column.name ? [`${column.index + 1}: `, h('span', { lang: '', text: column.name })] : t('inferred.column_n', { n: column.index + 1 });
      body.append(h('tr', {}, h('th', { scope: 'row' }, h('label', { for: id }, name)), h('td', {}, select)));
    }
    table.append(body);
    controls.append(table);
  }
  const buttons = h('div', { class: 'actions' });
  if (Object.keys(hints).length) {
    buttons.append(h('button', { type: 'button', id: `reset-${index}`, class: 'button small', text: t('inferred.undo'), on: { click: (event) => ctx.onReread(index, {}, event.currentTarget.id) } }));
  }
  buttons.append(h('button', { type: 'button', id: `remove-${index}`, class: 'button small', text: t('inferred.remove'), on: { click: () => ctx.onRemove(index) } }));
  controls.append(buttons);
  section.append(controls);

  const problems = statement.diagnostics.filter((d) => d.severity !== 'info');
  const notes = statement.diagnostics.filter((d) => d.severity === 'info');
  if (problems.length) {
    section.append(h('h5', { text: t('inferred.problems', { count: problems.length }) }), diagnosticList(problems));
  }
  if (notes.length) {
    section.append(h('details', { class: 'notes' }, h('summary', { text: t('inferred.notes', { count: notes.length }) }), diagnosticList(notes)));
  }
  return section;
}

function diagnosticList(diagnostics) {
  const list = h('ul', { class: 'diagnostics' });
  for (const diagnostic of diagnostics.slice(0, MAX_DIAGNOSTICS)) {
    // The line goes in front unless the sentence names it itself.
    const names = Object.values(diagnostic.args ?? {}).some((arg) => arg && 'line' in arg);
    // A document's page (PDF, text statement) goes in front even when the sentence names the line.
    // A workbook's cell (office.js) goes in front too: the sentence's line is the sheet's row.
    const where = diagnostic.cell ? t('inferred.diagnostic_cell', { cell: diagnostic.cell }) : diagnostic.page && diagnostic.line ? t('inferred.diagnostic_page_line', { page: diagnostic.page, line: diagnostic.line }) : diagnostic.line && !names ? t('inferred.diagnostic_line', { line: diagnostic.line }) : '';
    const help = diagnostic.help ? messageNodes({ code: diagnostic.code, args: diagnostic.args, text: diagnostic.help }, '.help') : null;
    list.append(
      h(
        'li',
        { class: `diagnostic severity-${diagnostic.severity}`, dataset: { code: diagnostic.code } },
        h('span', { class: 'severity-word', text: t(SEVERITIES[diagnostic.severity] ?? 'severity.info') }),
        ` ${where}`,
        messageNodes({ code: diagnostic.code, args: diagnostic.args, text: diagnostic.message }),
        help ? h('span', { class: 'help' }, ' — ', help) : null,
      ),
    );
  }
  if (diagnostics.length > MAX_DIAGNOSTICS) list.append(h('li', { class: 'muted', text: t('inferred.more', { count: diagnostics.length - MAX_DIAGNOSTICS }) }));
  return list;
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
  const parts = report.cancellations.map((result) => t('results.summary_verdict', { name: result.vendor_name || result.vendor, verdict: lowerVerdict(verdictWords(result.verdict)) }));
  const transactions = report.statements.reduce((sum, statement) => sum + statement.n_transactions, 0);
  const read = t('results.summary_read', { count: transactions, statements: t('results.summary_statements', { count: report.statements.length }) });
  const found = t('results.summary_recurring', { count: report.recurring.length });
  // The list separator is the language's (French sets a space before the semicolon).
  const list = (items) => items.join(t('results.list_separator'));
  summary.textContent = `${list([read, found])}.${parts.length ? ` ${list(parts)}.` : ''}`;

  await nextTask();
  if (!ctx.current()) return false;
  const grid = h('div', { class: 'cards' });
  cancellations.replaceChildren(h('h3', { text: t('results.cancellations') }), grid);
  if (!report.cancellations.length) {
    grid.append(h('p', { class: 'muted', text: t('results.no_cancellations', { button: t('recurring.track') }) }));
  }
  for (const [index, result] of report.cancellations.entries()) {
    grid.append(cancellationCard(result, ctx.records[index], report, ctx));
    await nextTask();
    if (!ctx.current()) return false;
  }
  recurring.replaceChildren(recurringTable(report, ctx));
  await nextTask();
  if (!ctx.current()) return false;
  inferred.replaceChildren(h('h3', { text: t('results.inferred') }), ...report.statements.map((statement, index) => inferredSection(statement, index, ctx)));
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
    statements: [{ file: 'warm-up.csv', format: 'csv', dialect: { encoding: 'utf-8', delimiter: ',', header_line: 1, date_order: 'dmy', decimal_mark: '.', sign_convention: 'outflow_negative', columns: [{ index: 0, name: 'Date', role: 'date' }] }, currency: 'USD', period: { from: '2026-01-01', to: '2026-03-05' }, n_transactions: 4, diagnostics: [{ severity: 'warning', message: 'warm up', line: 2 }] }],
    recurring: [{ merchant: 'Warm Up', vendor: null, cadence: 'monthly', amount: { typical: '-9.99', currency: 'USD' }, variable: false, last: '2026-03-01', next_expected: '2026-04-01', active: true, billed_via: null }],
    cancellations: [{ vendor: 'warm-up', vendor_name: 'Warm Up', cancelled_on: '2026-02-15', verdict: 'still_charging', charges_after: [history[2]], final_charge: history[1], check_after: '2026-04-05', likely_causes: [{ gotcha: 'x', title: 'x', step: 1 }], explanation: 'warm up', history }],
  };
  const ctx = { records: [], guideIndex: new Map([['warm-up', { name: 'Warm Up' }]]), hints: [], onReread() {}, onRemove() {}, onTrack() {}, timelineWidth: 600, current: () => true };
  const targets = { cancellations: h('div'), recurring: h('div'), inferred: h('div'), summary: h('p') };
  return renderResults(report, ctx, targets);
}
