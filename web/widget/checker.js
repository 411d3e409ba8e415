// The widget's checker, loaded on first use (widget.js): the same worker and wasm as the full
// page (../worker.js through ../bridge.js), one cancellation, one compact verdict card. The
// statement stays in the worker's memory until the next file or "Forget"; nothing is stored.
// Text from files goes in through textContent (dom.js). Links open the full page in a new tab.

import { Bridge } from '../bridge.js';
import { h, time, formatMoney, formatDate, icon, today, isIsoDate } from '../dom.js';
import { VERDICTS, verdictWords, lowerVerdict, explanation } from '../results.js';
import { message } from '../messages.js';
import { setLanguage, t, tn, restartReason } from '../i18n.js';
import GUIDE_NAMES from '../pkg/guide-names.js';

const SITE = new URL('../', location.href);
// Compact: the full checker shows everything.
const MAX_ROWS = 4;

const $ = (selector) => document.querySelector(selector);
const compact = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Starts the checker on `worker` (widget.js started it, with `createScriptURL` from this
 * document's Trusted Types policy, which also starts replacements); `preset` is the host's
 * vendor text, `status(s)` tells the host.
 */
export function start({ preset, lang, words, status, worker, createScriptURL }) {
  // The widget's language (widget.js chose it): its own words, the page's and the results'
  // words, and the engine's messages, in one table; dates and money in that language's form.
  const language = setLanguage(lang, navigator.languages, { results: true, extra: words });
  let worded = false;
  language.then(() => (worded = true)).catch(() => {});
  const vendorInput = $('#w-vendor');
  const dateInput = $('#w-date');
  const result = $('#w-result');
  const say = (text, quiet = false) => {
    const line = $('#w-status');
    line.textContent = text;
    line.classList.toggle('visually-hidden', quiet);
  };
  const index = GUIDE_NAMES;
  let report = null;
  let busy = 0;
  let seq = 0;

  const bridge = new Bridge({
    worker,
    createScriptURL,
    onProgress(event) {
      const bar = $('#w-progress');
      if (!worded) return;
      if (event.phase === 'analysing') {
        bar.removeAttribute('value');
        $('#w-progress-label').textContent = t('drop.analysing');
        return;
      }
      bar.value = Math.min(100, Math.round((100 * event.bytes) / Math.max(event.total, 1)));
      $('#w-progress-label').textContent = t('drop.progress', { file: event.name, percent: bar.value });
    },
    onRestart(reason) {
      report = null;
      result.replaceChildren();
      language.then(() => say(t('widget.restarted', { reason: restartReason(reason) })));
      status('error');
    },
  });

  // The guide names (pkg/guide-names.js, built with the guides), for the vendor list and for
  // turning a typed name into a guide id. They come with this module, not from the worker, so a
  // file dropped on a cold widget is posted the moment the checker starts and is the worker's
  // first task. The list fills after that post (a task later).
  const guide = guideFor(vendorInput.value);
  if (guide && vendorInput.value === preset) vendorInput.value = guide.name;
  // `data-engine="ready"` once the worker has compiled the wasm (what a test waits for before
  // timing a pick made after a focus).
  bridge
    .request('ready')
    .then(() => (document.body.dataset.engine = 'ready'))
    .catch(() => {});
  setTimeout(() => $('#w-vendors').replaceChildren(...index.map((entry) => h('option', { value: entry.name }))));

  function guideFor(text) {
    const wanted = compact(text ?? '');
    if (!wanted) return null;
    const id = text.trim().toLowerCase();
    return index.find((entry) => entry.id === id || compact(entry.name) === wanted || entry.aliases.some((alias) => compact(alias) === wanted)) ?? null;
  }

  /** The cancellation to check, or null while the service or the date is missing. */
  function cancellation() {
    const text = vendorInput.value.trim();
    if (!text || !isIsoDate(dateInput.value)) return null;
    return { vendor: guideFor(text)?.id ?? text, cancelled_on: dateInput.value };
  }

  async function run(type, payload, busyText) {
    const mine = ++seq;
    busy++;
    document.body.dataset.state = 'busy';
    status('working');
    // The words may still be on their way on a cold drop: the line says it once they are here.
    language.then(() => {
      if (mine === seq && busy) say(busyText());
    });
    const progress = setTimeout(() => {
      $('#w-progress-box').hidden = !busy;
    }, 150);
    try {
      const wanted = cancellation();
      const answer = await bridge.request(type, { ...payload, cancellations: wanted ? [wanted] : [], today: today() });
      // The words are needed only to show the answer: they load while the worker reads.
      await language;
      if (mine !== seq) return;
      report = answer.report;
      status(show(answer.failures ?? [], wanted) ? 'done' : 'error');
    } catch (error) {
      if (mine !== seq) return;
      if (error.code !== 'restarted') {
        await language.catch(() => {});
        say(t('status.read_failed', { error: error.message }));
        status('error');
      }
    } finally {
      clearTimeout(progress);
      busy--;
      if (!busy) {
        $('#w-progress-box').hidden = true;
        document.body.dataset.state = 'ready';
      }
      // Counts finished requests, so a test can tell a new answer from an old one.
      document.body.dataset.answered = String(Number(document.body.dataset.answered ?? 0) + 1);
    }
  }

  /** Shows the report; false when no file could be read. */
  function show(failures, wanted) {
    const statement = report?.statements[0];
    const failed = failures.map(({ name, error }) => t('widget.file_failed', { name, message: message({ ...error, text: error.message }), help: message({ ...error, text: error.help }, '.help') })).join(' ');
    if (!statement) {
      report = null;
      result.replaceChildren();
      say(failed || t('widget.no_statement'));
      return false;
    }
    const transactions = report.statements.reduce((sum, item) => sum + item.n_transactions, 0);
    const files = report.statements.length === 1 ? statement.file : t('widget.files', { count: report.statements.length });
    const skipped = report.statements.reduce((sum, item) => sum + item.diagnostics.filter((d) => d.severity !== 'info').length, 0);
    const summary = h(
      'p',
      { class: 'summary' },
      tn('widget.summary', { files, count: transactions }),
      statement.period && report.statements.length === 1 ? tn('widget.summary_period', { from: time(statement.period.from), to: time(statement.period.to) }) : '',
      '.',
      skipped ? ` ${t('widget.skipped', { count: skipped })}` : '',
      ' ',
      h('button', { type: 'button', class: 'button small', text: t('widget.forget'), on: { click: forget } }),
    );
    const verdict = report.cancellations[0];
    const parts = [verdict ? card(verdict) : h('p', { class: 'note', text: wanted ? t('widget.no_verdict') : t('widget.enter') }), summary];
    if (failed) parts.push(h('p', { class: 'error', text: failed }));
    result.replaceChildren(...parts);
    // Announced to screen readers; on screen the card says it.
    say(verdict ? t('widget.done', { name: verdict.vendor_name || verdict.vendor, verdict: lowerVerdict(verdictWords(verdict.verdict)) }) : t('widget.done_read'), true);
    performance.mark('spendrein:results');
    return true;
  }

  const newTab = (href, text, extra = {}) => h('a', { href, target: '_blank', rel: 'noopener', ...extra }, text, h('span', { class: 'visually-hidden', text: t('widget.new_tab') }));

  function evidence(caption, refs) {
    const list = h('ul', { class: 'evidence' });
    for (const ref of refs) {
      list.append(
        h(
          'li',
          {},
          h('span', { class: 'row-head' }, time(ref.date), ' ', h('span', { class: 'amount', text: formatMoney(ref.amount, ref.currency) })),
          h('span', { class: 'descriptor', text: ref.description }),
          h('span', { class: 'where', text: t('evidence.where_line', { file: report.statements[ref.statement]?.file ?? '', line: ref.line }) }),
        ),
      );
    }
    return [h('h3', { text: caption }), list];
  }

  function card(verdict) {
    const info = { icon: VERDICTS[verdict.verdict]?.icon ?? 'info', words: verdictWords(verdict.verdict) };
    const guide = index.find((entry) => entry.id === verdict.vendor) ?? null;
    const name = verdict.vendor_name || verdict.vendor;
    const body = h('article', {
      class: `card verdict-card-${verdict.verdict}`,
      dataset: { vendor: verdict.vendor, verdict: verdict.verdict },
      attrs: { 'aria-labelledby': 'w-card-title' },
    });
    body.append(
      h('h2', { id: 'w-card-title', text: name }),
      h('p', { class: `verdict verdict-${verdict.verdict}` }, icon(info.icon), h('span', { text: info.words })),
      h('p', { class: 'muted' }, tn('card.cancelled_on', { date: time(verdict.cancelled_on) }), verdict.matched_merchant ? tn('widget.matched', { merchant: h('span', { lang: '', text: verdict.matched_merchant }) }) : ''),
      h('p', {}, ...explanation(verdict)),
    );
    if (verdict.verdict === 'too_early' && verdict.check_after) {
      body.append(h('p', { class: 'look-again' }, icon('clock'), h('strong', {}, tn('card.look_again', { date: time(verdict.check_after) }))));
    }
    if (verdict.final_charge) body.append(...evidence(t('widget.final_charge'), [verdict.final_charge]));
    if (verdict.charges_after.length) {
      const shown = verdict.charges_after.slice(0, MAX_ROWS);
      body.append(...evidence(t('card.charges_after'), shown));
      if (shown.length < verdict.charges_after.length) {
        body.append(h('p', { class: 'muted', text: t('widget.more_charges', { count: verdict.charges_after.length - shown.length }) }));
      }
    } else if (!verdict.final_charge) {
      const last = verdict.history.findLast((ref) => ref.date <= verdict.cancelled_on && ref.amount.startsWith('-'));
      if (last) body.append(...evidence(t('widget.last_before'), [last]));
    }
    if (verdict.likely_causes.length) {
      const causes = h('ul', { class: 'causes' });
      for (const cause of verdict.likely_causes.slice(0, MAX_ROWS)) {
        // A likely cause is a guide's gotcha or step: guide text, in English.
        const item = h('li', {}, h('span', { lang: 'en', text: cause.title }));
        if (guide) {
          const anchor = cause.step ? `step-${cause.step}` : `gotcha-${cause.gotcha}`;
          item.append(' — ', newTab(new URL(`#/guides/${guide.id}/${anchor}`, SITE).href, cause.step ? t('card.fix_step', { step: cause.step }) : t('card.read_more')));
        }
        causes.append(item);
      }
      const more = verdict.likely_causes.length - MAX_ROWS;
      if (more > 0) causes.append(h('li', { class: 'muted', text: t('widget.more_causes', { count: more }) }));
      body.append(h('h3', { text: verdict.verdict === 'still_charging' ? t('card.likely_causes') : t('card.worth_checking') }), causes);
    }
    const actions = h('p', { class: 'actions' });
    if (guide) actions.append(newTab(new URL(`#/guides/${guide.id}`, SITE).href, t('widget.how_to_cancel', { name: guide.name }), { class: 'button small' }));
    const track = `#track=${encodeURIComponent(verdict.vendor)}@${verdict.cancelled_on}`;
    actions.append(newTab(new URL(track, SITE).href, t('widget.track'), { class: 'button small', id: 'w-track' }));
    body.append(actions);
    offerReference(body, verdict);
    return body;
  }

  // A reference link (web/reference.js, issue #12, loaded only once a verdict is shown): the
  // person sees which fields go into the link and can take out any but the vendor and date.
  // Without that module the action is not offered.
  let reference;
  function offerReference(body, verdict) {
    reference ??= import('../reference.js').catch(() => null);
    reference.then((module) => {
      if (typeof module?.createReferenceLink !== 'function' || !body.isConnected) return;
      body.append(referenceForm(module.createReferenceLink, verdict));
    });
  }

  function referenceForm(createReferenceLink, verdict) {
    const optional = [];
    const box = (label, value) => {
      const id = `w-ref-${optional.length}`;
      const input = h('input', { type: 'checkbox', id, checked: true });
      optional.push({ input, value });
      return h('li', {}, input, ' ', h('label', { for: id, text: label }));
    };
    const fields = h('ul', { class: 'ref-fields' }, h('li', { text: t('widget.ref_service', { name: verdict.vendor_name || verdict.vendor, date: formatDate(verdict.cancelled_on) }) }));
    const withCheck = verdict.verdict === 'too_early' || verdict.verdict === 'final_charge';
    if (withCheck && verdict.check_after) fields.append(box(t('widget.ref_check', { date: formatDate(verdict.check_after) }), { check_after: verdict.check_after }));
    for (const charge of verdict.charges_after.slice(0, 100)) {
      fields.append(box(t('widget.ref_charge', { date: formatDate(charge.date), amount: formatMoney(charge.amount, charge.currency), description: charge.description }), { charge }));
    }
    const out = h('p', { class: 'ref-out', attrs: { 'aria-live': 'polite' } });
    const create = h('button', { type: 'button', class: 'button small', text: t('widget.ref_create') });
    create.addEventListener('click', async () => {
      // Only the fields that have a value go in (absent and null are the same to the reader).
      const record = { vendor: verdict.vendor, cancelled_on: verdict.cancelled_on };
      if (verdict.vendor_name) record.vendor_name = verdict.vendor_name;
      const charges = [];
      for (const { input, value } of optional) {
        if (!input.checked) continue;
        if (value.check_after) record.check_after = value.check_after;
        if (value.charge) {
          const { date, amount, currency, description } = value.charge;
          charges.push(currency ? { date, amount, currency, description } : { date, amount, description });
        }
      }
      if (charges.length) record.charges = charges;
      try {
        const url = await createReferenceLink(record, { base: SITE.href });
        out.replaceChildren(...tn('widget.ref_made', { link: newTab(url, t('widget.open_it'), { id: 'w-reference-link' }) }));
      } catch (error) {
        out.textContent = t('widget.ref_failed', { message: error.message });
      }
    });
    return h(
      'details',
      { class: 'reference' },
      h('summary', { text: t('widget.ref_title') }),
      h('p', { class: 'muted', text: t('widget.ref_help') }),
      fields,
      create,
      out,
    );
  }

  async function forget() {
    seq++;
    report = null;
    result.replaceChildren();
    try {
      await bridge.request('clear');
    } catch {
      // A restarted worker holds nothing either.
    }
    say(t('widget.forgotten'));
    status('ready');
    $('#w-file').focus();
  }

  return {
    read(files) {
      const name = files.length === 1 ? files[0].name : null;
      // Each drop replaces the statement before: the widget checks one at a time. The worker
      // answers requests in order, so the read comes after the clear.
      bridge.request('clear').catch(() => {});
      return run('read', { files }, () => (name ? t('status.reading_file', { file: name }) : t('status.reading_files', { count: files.length })));
    },
    changed() {
      if (report) return run('analyse', {}, () => t('widget.checking_again'));
      return null;
    },
  };
}
