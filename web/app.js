// The page's main thread: UI only. Statements are read and analysed by WebAssembly inside a
// module Web Worker (worker.js, through bridge.js), so the page never freezes and the main
// thread never holds a statement's bytes. Routes live in the URL fragment, which is never sent
// to a server: `#/` checker, `#/guides`, `#/guides/<id>[/<anchor>]`, `#track=<id>@<date>`,
// `#ref=v1.<…>` a cancellation reference (reference.js, loaded only then).

import { Bridge } from './bridge.js';
import { h, $, time, today, isIsoDate, download, formatName } from './dom.js';
import { loadRecords, saveRecords, loadSettings, saveSettings, validateRecord, validateImport, mergeRecords, exportJson } from './track.js';
import { t, tn, has, formatDate, chooseLanguage, setLanguage, translatePage, language, loadResultsWords, restartReason } from './i18n.js';

// The catalogue first: everything below writes text in the chosen language.
// A reference link may name its maker's language (`#ref=v1.…&lang=de`): the reference page
// opens in it (not stored); else the setting, else the browser's.
const linkLanguage = /^#ref=[^&]*&lang=([a-z]{2})$/.exec(location.hash)?.[1];
await setLanguage(chooseLanguage(linkLanguage ?? loadSettings().language));
translatePage();

const SCRIPT_URLS = new Set(['./worker.js', './sw.js']);
const policy = globalThis.trustedTypes
  ? trustedTypes.createPolicy('spendrein', {
      // The only scripts the page ever loads by URL are its own worker and service worker.
      createScriptURL(url) {
        if (SCRIPT_URLS.has(url)) return url;
        throw new TypeError(`refusing to load script ${url}`);
      },
    })
  : { createScriptURL: (url) => url };

const state = {
  records: loadRecords(),
  editing: null,
  report: null,
  failures: [],
  hints: [],
  busy: 0,
};

const bridge = new Bridge({
  createScriptURL: (url) => policy.createScriptURL(url),
  onProgress: showProgress,
  onRestart(reason) {
    indexPromise = null;
    state.report = null;
    state.failures = [];
    state.hints = [];
    showReport();
    setStatus(t('status.restarted', { reason: restartReason(reason) }));
  },
});

// ---------------------------------------------------------------------------------------------
// Guide index (names for the autocomplete, the index page and links)

let indexPromise = null;
function guideIndex() {
  indexPromise ??= bridge.request('guide-index').then(({ guides, categories }) => {
    const byId = new Map(guides.map((entry) => [entry.id, entry]));
    const labels = new Map(categories.map(({ id, label }) => [id, label]));
    return { guides, categories, byId, categoryLabel: (id) => labels.get(id) ?? id };
  });
  indexPromise.catch(() => {
    indexPromise = null;
  });
  return indexPromise;
}

let knownIndex = null;
const compact = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The guide id a typed vendor names (by id, name or alias), or null for free text. */
function guideIdFor(text) {
  if (!knownIndex) return null;
  const wanted = compact(text);
  if (!wanted) return null;
  for (const entry of knownIndex.guides) {
    if (entry.id === text.trim().toLowerCase() || compact(entry.name) === wanted || entry.aliases.some((alias) => compact(alias) === wanted)) return entry.id;
  }
  return null;
}

const vendorName = (vendor) => knownIndex?.byId.get(vendor)?.name ?? vendor;

// ---------------------------------------------------------------------------------------------
// Tracked cancellations

const form = $('#track-form');
const vendorInput = $('#track-vendor');
const dateInput = $('#track-date');
const confirmationInput = $('#track-confirmation');
const notesInput = $('#track-notes');

function setRecordsStatus(text) {
  $('#records-status').textContent = text;
}

function persist() {
  const problem = saveRecords(state.records);
  if (problem) setRecordsStatus(t('track.note', { problem }));
  renderRecords();
  reanalyse();
}

function renderRecords() {
  const list = $('#tracked-list');
  list.replaceChildren();
  $('#tracked-empty').hidden = state.records.length > 0;
  $('#export-records').disabled = state.records.length === 0;
  for (const record of state.records) {
    const name = vendorName(record.vendor);
    const details = h('div', { class: 'tracked-details' }, h('strong', { class: 'tracked-vendor', text: name }), tn('track.cancelled_on', { date: time(record.cancelled_on) }));
    if (record.confirmation) details.append(h('span', { class: 'tracked-extra', text: t('track.confirmation_item', { confirmation: record.confirmation }) }));
    if (record.notes) details.append(h('span', { class: 'tracked-notes', text: record.notes }));
    list.append(
      h(
        'li',
        { class: 'tracked', dataset: { id: record.id, record: record.vendor, cancelledOn: record.cancelled_on } },
        details,
        h(
          'div',
          { class: 'tracked-actions' },
          h('button', { type: 'button', class: 'button small', text: t('track.edit'), attrs: { 'aria-label': t('track.edit_label', { name }) }, on: { click: () => startEdit(record.id) } }),
          h('button', { type: 'button', class: 'button small danger', text: t('track.delete'), attrs: { 'aria-label': t('track.delete_label', { name }) }, on: { click: () => deleteRecord(record.id) } }),
        ),
      ),
    );
  }
}

function fillForm({ vendor = '', cancelled_on = '', confirmation = '', notes = '' }) {
  vendorInput.value = vendor;
  dateInput.value = cancelled_on;
  confirmationInput.value = confirmation;
  notesInput.value = notes;
}

function showFormError(text) {
  const error = $('#track-error');
  error.hidden = !text;
  error.textContent = text ?? '';
}

function startEdit(id) {
  const record = state.records.find((item) => item.id === id);
  if (!record) return;
  state.editing = id;
  fillForm({ ...record, vendor: vendorName(record.vendor) });
  $('#track-save').textContent = t('track.save_changes');
  $('#track-cancel-edit').hidden = false;
  $('#track-prefill').hidden = true;
  showFormError(null);
  vendorInput.focus();
}

function stopEdit() {
  state.editing = null;
  fillForm({});
  $('#track-save').textContent = t('track.save');
  $('#track-cancel-edit').hidden = true;
}

function deleteRecord(id) {
  const record = state.records.find((item) => item.id === id);
  state.records = state.records.filter((item) => item.id !== id);
  if (state.editing === id) stopEdit();
  persist();
  setRecordsStatus(t('track.deleted', { name: vendorName(record?.vendor ?? '') }));
  $('#track-vendor').focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Before the guide index has arrived a guide name is kept as typed; `fillVendorList` turns
  // it into the guide id once the index is there.
  const typed = vendorInput.value.trim();
  const result = validateRecord({
    id: state.editing ?? undefined,
    vendor: guideIdFor(typed) ?? typed,
    cancelled_on: dateInput.value,
    confirmation: confirmationInput.value,
    notes: notesInput.value,
  }, '', { vendor: t('track.field_vendor'), cancelled_on: t('track.field_date') });
  if (!result.record) {
    showFormError(t('track.check', { problems: result.problems.join('; ') }));
    ({ vendor: vendorInput, cancelled_on: dateInput, confirmation: confirmationInput, notes: notesInput })[result.fields[0]]?.focus();
    return;
  }
  showFormError(null);
  $('#track-prefill').hidden = true;
  const name = vendorName(result.record.vendor);
  if (state.editing) {
    state.records = state.records.map((record) => (record.id === state.editing ? result.record : record));
    setRecordsStatus(t('track.saved_changes', { name }));
  } else {
    state.records = [...state.records, result.record];
    setRecordsStatus(t('track.now_tracking', { name, date: formatDate(result.record.cancelled_on) }));
  }
  stopEdit();
  persist();
});

$('#track-cancel-edit').addEventListener('click', () => {
  stopEdit();
  showFormError(null);
  vendorInput.focus();
});

$('#export-records').addEventListener('click', () => {
  download(`spendrein-cancellations-${today()}.json`, exportJson(state.records));
  setRecordsStatus(t('track.exported', { count: state.records.length }));
});

// The import picker is created on demand and never added to the document, so the page keeps
// exactly one file input in it: the statement input.
$('#import-records').addEventListener('click', () => {
  const picker = h('input', { type: 'file', accept: '.json,application/json' });
  picker.addEventListener('change', () => importRecords(picker.files[0]));
  picker.click();
});

async function importRecords(file) {
  const problemsList = $('#import-problems');
  problemsList.replaceChildren();
  problemsList.hidden = true;
  if (!file) return;
  let parsed;
  try {
    if (file.size > 5_000_000) throw new Error(t('track.import_too_large'));
    const text = await file.text();
    try {
      parsed = validateImport(JSON.parse(text));
    } catch (error) {
      throw error instanceof SyntaxError ? new Error(t('track.import_not_json', { error: error.message })) : error;
    }
  } catch (error) {
    setRecordsStatus(t('track.import_failed', { file: file.name, error: error.message, count: state.records.length }));
    return;
  }
  const merged = mergeRecords(state.records, parsed.records);
  state.records = merged.records;
  persist();
  const parts = [t('track.imported', { count: merged.added, file: file.name })];
  if (merged.skipped) parts.push(t('track.already_tracked', { count: merged.skipped }));
  if (parsed.problems.length) parts.push(t('track.import_problems', { count: parsed.problems.length }));
  setRecordsStatus(`${parts.join('; ')}.`);
  if (parsed.problems.length) {
    problemsList.append(...parsed.problems.slice(0, 50).map((problem) => h('li', { text: problem })));
    problemsList.hidden = false;
  }
}

function engineCancellations() {
  return state.records.map(({ vendor, cancelled_on }) => ({ vendor, cancelled_on }));
}

/** Loads the guide index once into `knownIndex`; without it (worker failure) names stay free text. */
async function loadKnownIndex() {
  try {
    knownIndex = await guideIndex();
  } catch {
    // The records keep what was typed; the engine still matches free text against merchants.
  }
  return knownIndex;
}

async function fillVendorList() {
  if (!(await loadKnownIndex())) return;
  const list = $('#vendor-list');
  list.replaceChildren(...knownIndex.guides.map((entry) => h('option', { value: entry.name })));
  // Records saved while the guides could not be read keep the typed name; one that names a
  // guide exactly (by id, name or alias) becomes that guide's id now.
  let upgraded = false;
  state.records = state.records.map((record) => {
    const id = knownIndex.byId.has(record.vendor) ? null : guideIdFor(record.vendor);
    if (!id) return record;
    upgraded = true;
    return { ...record, vendor: id };
  });
  if (upgraded) persist();
  else renderRecords();
}

function prefill(spec) {
  const at = spec.lastIndexOf('@');
  const vendorPart = at >= 0 ? spec.slice(0, at) : spec;
  const datePart = at >= 0 ? spec.slice(at + 1) : '';
  let vendor;
  try {
    vendor = decodeURIComponent(vendorPart).slice(0, 200);
  } catch {
    vendor = vendorPart.slice(0, 200);
  }
  stopEdit();
  fillForm({ vendor: vendorName(vendor), cancelled_on: isIsoDate(datePart) ? datePart : today() });
  const note = $('#track-prefill');
  note.hidden = false;
  note.textContent = t('track.prefill_link', { name: vendorName(vendor), date: formatDate(dateInput.value), button: t('track.save') });
}

/** Fills the form for a recurring charge's "Track this" and takes the person there. */
function trackFromResults(vendorText) {
  stopEdit();
  fillForm({ vendor: vendorText, cancelled_on: today() });
  const note = $('#track-prefill');
  note.hidden = false;
  note.textContent = t('track.prefill_results', { name: vendorText, button: t('track.save') });
  form.scrollIntoView({ block: 'start' });
  dateInput.focus();
}

// ---------------------------------------------------------------------------------------------
// Statements

const status = $('#status');
function setStatus(text) {
  status.textContent = text;
}

let progressTimer = null;
function beginBusy(text) {
  state.busy++;
  document.body.dataset.state = 'busy';
  $('#results').setAttribute('aria-busy', 'true');
  setStatus(text);
  // Small files finish before a progress bar would be worth showing.
  clearTimeout(progressTimer);
  progressTimer = setTimeout(() => {
    if (state.busy) $('#progress-box').hidden = false;
  }, 150);
}

function endBusy() {
  state.busy = Math.max(0, state.busy - 1);
  if (state.busy) return;
  clearTimeout(progressTimer);
  $('#progress-box').hidden = true;
  $('#results').removeAttribute('aria-busy');
  document.body.dataset.state = 'ready';
}

function showProgress(event) {
  const bar = $('#progress');
  const label = $('#progress-label');
  if (event.phase === 'analysing') {
    bar.removeAttribute('value');
    label.textContent = t('drop.analysing');
    return;
  }
  const percent = Math.min(100, Math.round((100 * event.bytes) / Math.max(event.total, 1)));
  bar.value = percent;
  label.textContent = event.count > 1 ? t('drop.progress_of', { file: event.name, n: event.position + 1, count: event.count, percent }) : t('drop.progress', { file: event.name, percent });
}

/**
 * Sends a workspace request, takes its report, lets `adjust` update page state, and renders
 * the results; the page counts as busy until they are on screen.
 */
async function run(type, payload, busyText, adjust) {
  beginBusy(busyText);
  // The results' code and words load while the worker reads (the first time only).
  loadResults().catch(() => {});
  try {
    const { report, failures, timings } = await bridge.request(type, { ...payload, cancellations: engineCancellations(), today: today() });
    if (timings) performance.mark('spendrein:worker', { detail: timings });
    performance.mark('spendrein:report');
    state.report = report;
    state.failures = failures ?? [];
    adjust?.();
    await showReport();
    return true;
  } catch (error) {
    if (error.code !== 'restarted') setStatus(t('status.read_failed', { error: has(error.code) ? engineText({ code: error.code, args: error.args, text: error.message }) : error.message }));
    return false;
  } finally {
    endBusy();
  }
}

async function readFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  const busyText = files.length === 1 ? t('status.reading_file', { file: files[0].name }) : t('status.reading_files', { count: files.length });
  await run('read', { files }, busyText, () => {
    while (state.hints.length < (state.report?.statements.length ?? 0)) state.hints.push({});
  });
}

async function reread(index, hints, focusId) {
  state.hints[index] = hints;
  const file = state.report?.statements[index]?.file ?? '';
  if (await run('reread', { index, hints }, t('status.rereading', { file }))) {
    document.getElementById(focusId)?.focus();
  }
}

async function removeStatement(index) {
  const file = state.report?.statements[index]?.file;
  if (await run('remove', { index }, t('status.removing', { file }), () => state.hints.splice(index, 1))) {
    setStatus(t('status.removed', { file }));
    $('#file-input').focus();
  }
}

let reanalyseQueued = false;
async function reanalyse() {
  if (!state.report || reanalyseQueued) return;
  // Several edits in a row need only one analysis, of the latest records.
  reanalyseQueued = true;
  await Promise.resolve();
  reanalyseQueued = false;
  await run('analyse', {}, t('status.reanalysing'));
}

async function clearAll() {
  try {
    await bridge.request('clear');
  } catch {
    // A restarted worker holds nothing either.
  }
  state.report = null;
  state.failures = [];
  state.hints = [];
  showReport();
  setStatus(t('status.cleared'));
  $('#file-input').focus();
}

function renderFiles() {
  const list = $('#file-list');
  list.replaceChildren();
  const statements = state.report?.statements ?? [];
  statements.forEach((statement, index) => {
    const period = statement.period ? tn('files.period', { from: time(statement.period.from), to: time(statement.period.to) }) : [t('files.no_dates')];
    list.append(
      h(
        'li',
        { class: 'statement-summary', dataset: { format: statement.format, transactions: String(statement.n_transactions), file: statement.file } },
        h('span', { class: 'file-name', text: statement.file }),
        h('span', {}, t('files.transactions', { count: statement.n_transactions }), ...period, t('files.format', { format: formatName(statement.format) })),
        ' ',
        h('button', { type: 'button', class: 'button small', text: t('files.remove'), attrs: { 'aria-label': t('files.remove_label', { file: statement.file }) }, on: { click: () => removeStatement(index) } }),
      ),
    );
  });
  for (const failure of state.failures) {
    list.append(h('li', { class: 'statement-error' }, h('span', { class: 'file-name', text: failure.name }), t('files.failure', { error: engineText({ ...failure.error, text: failure.error.message }), help: failure.error.help ? engineText({ ...failure.error, text: failure.error.help }, '.help') : '' })));
  }
  $('#files-box').hidden = !statements.length && !state.failures.length;
  $('#clear').hidden = !statements.length;
}

// results.js and the results' words are not part of the first load: they load when the person
// comes to the drop zone (pointer, touch, focus, or a drag entering the page), so that nothing
// is requested once a statement is dropped, or at idle on a later visit (when the service
// worker keeps them for offline use).
let resultsPromise = null;
let resultsModule = null;
// An engine message (a reader error) in the page's language once the results' words are here.
const engineText = (msg, suffix = '') => (resultsModule ? resultsModule.message(msg, suffix) : msg.text);
function loadResults() {
  resultsPromise ??= Promise.all([import('./results.js'), loadResultsWords()]).then(([module]) => {
    resultsModule = module;
    document.body.dataset.results = 'loaded';
    return module;
  });
  resultsPromise.catch(() => {
    resultsPromise = null;
  });
  return resultsPromise;
}

// guides.js, the same way: loaded for the guide views, or at idle on a later visit.
let guidesPromise = null;
function loadGuides() {
  guidesPromise ??= import('./guides.js');
  guidesPromise.catch(() => {
    guidesPromise = null;
  });
  return guidesPromise;
}

let renderSeq = 0;
async function showReport() {
  const seq = ++renderSeq;
  // Reader errors and the results speak with the results' words.
  if (state.report || state.failures.length) await loadResults();
  if (seq !== renderSeq) return;
  renderFiles();
  const results = $('#results');
  const report = state.report;
  if (!report || !report.statements.length) {
    results.hidden = true;
    for (const id of ['#cancellation-results', '#recurring-results', '#inferred-results']) $(id).replaceChildren();
    $('#results-summary').textContent = '';
    if (state.failures.length) setStatus(t('status.could_not_read', { files: state.failures.map((failure) => failure.name).join(', ') }));
    return;
  }
  results.hidden = false;
  const targets = {
    cancellations: $('#cancellation-results'),
    recurring: $('#recurring-results'),
    inferred: $('#inferred-results'),
    summary: $('#results-summary'),
  };
  const { renderResults } = await loadResults();
  const done = await renderResults(
    report,
    {
      records: state.records,
      guideIndex: knownIndex?.byId ?? new Map(),
      hints: state.hints,
      onReread: reread,
      onRemove: removeStatement,
      onTrack: trackFromResults,
      onReference: openReference,
      timelineWidth: targets.cancellations.clientWidth - 34,
      current: () => seq === renderSeq,
    },
    targets,
  );
  if (!done) return;
  // The summary itself is announced by the results' own live region; this only says it is done.
  setStatus(state.failures.length ? t('status.done_failed', { files: state.failures.map((failure) => failure.name).join(', ') }) : t('status.done'));
  document.body.dataset.rendered = String(seq);
  performance.mark('spendrein:results');
}

function wireDropZone() {
  const zone = $('#drop-zone');
  const input = $('#file-input');
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';
    readFiles(files);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dragging');
    readFiles(event.dataTransfer.files);
  });
  // A file dropped beside the zone would otherwise be opened by the browser, leaving the page.
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (event) => {
      if (!zone.contains(event.target)) event.preventDefault();
    });
  }
  $('#clear').addEventListener('click', clearAll);
  const preload = () => loadResults().catch(() => {});
  for (const type of ['pointerover', 'touchstart', 'focusin', 'dragenter']) zone.addEventListener(type, preload, { once: true, passive: true });
  window.addEventListener('dragenter', preload, { once: true, passive: true });
}

// ---------------------------------------------------------------------------------------------
// Cancellation references: reference.js and its small wasm load on first use only.

async function openReference(card, result, record) {
  try {
    const guide = knownIndex?.byId.has(result.vendor) ? await bridge.request('guide', { guideId: result.vendor }).catch(() => null) : null;
    const { openReferenceBuilder } = await import('./reference.js');
    openReferenceBuilder(card, { result, record, statements: state.report?.statements ?? [], guide });
  } catch (error) {
    setStatus(t('status.reference_failed', { error: error.message }));
  }
}

async function showReference(moveFocus) {
  const view = $('#view-reference');
  try {
    const { showReferencePage } = await import('./reference.js');
    await showReferencePage(view);
  } catch (error) {
    view.replaceChildren(h('h1', { tabIndex: -1, text: t('reference.not_shown') }), h('p', { class: 'error', text: t('reference.not_loaded', { error: error.message }) }));
  }
  if (moveFocus) $('h1', view)?.focus();
}

// ---------------------------------------------------------------------------------------------
// Guides views

let searchSeq = 0;
async function updateGuideIndex() {
  const index = await guideIndex();
  const query = $('#guide-search').value.trim();
  const category = $('#guide-category').value;
  const seq = ++searchSeq;
  const ids = query ? await bridge.request('search', { query }) : null;
  const { renderIndex } = await loadGuides();
  if (seq !== searchSeq) return;
  renderIndex($('#guide-index'), $('#guide-count'), index, { ids, category });
}

let guidesPrefetched = false;
async function showGuidesIndex() {
  const index = await guideIndex();
  const select = $('#guide-category');
  if (select.options.length === 1) {
    select.append(...index.categories.filter(({ id }) => index.guides.some((entry) => entry.category === id)).map(({ id, label }) => h('option', { value: id, text: label })));
  }
  await updateGuideIndex();
  if (!guidesPrefetched) {
    guidesPrefetched = true;
    prefetchGuides(index);
  }
}

// The guide's body and the code that shows its sources load on demand (guide-page.js).
async function openGuidePage(id, index) {
  const sourcing = await import('./guide-page.js');
  return { sourcing, guide: await sourcing.loadGuide(id, (known) => index.byId.has(known)) };
}

// Once the guide index is on screen, fetch guide-page.js, and a guide's body as soon as a
// pointer or the focus reaches its link, so the click finds both loaded. Online only; a
// failed prefetch is ignored (opening the guide tries again and says what went wrong).
function prefetchGuides(index) {
  if (!navigator.onLine) return;
  const page = import('./guide-page.js');
  page.catch(() => {});
  const warm = (event) => {
    const id = event.target.closest?.('#guide-index .guide-link')?.dataset.guide;
    if (id && navigator.onLine) page.then((module) => module.prefetchGuide(id, (known) => index.byId.has(known))).catch(() => {});
  };
  $('#guide-index').addEventListener('pointerover', warm);
  $('#guide-index').addEventListener('focusin', warm);
}

async function showGuide(id, anchor, moveFocus) {
  const view = $('#view-guide');
  const index = await guideIndex();
  let opened;
  try {
    opened = await openGuidePage(id, index);
  } catch (error) {
    view.replaceChildren(h('h1', { tabIndex: -1, text: t('guide.load_failed') }), h('p', { class: 'error', text: t('guide.load_failed_text', { reason: error.message }) }));
    if (moveFocus) $('h1', view)?.focus();
    return;
  }
  const { guide, sourcing } = opened;
  if (!guide) {
    view.replaceChildren(
      h('h1', { tabIndex: -1, text: t('guide.none') }),
      h('p', {}, tn('guide.none_text', { id, browse: h('a', { href: '#/guides', text: t('guide.browse_all') }), track: h('a', { href: `#track=${encodeURIComponent(id)}@${today()}`, text: t('guide.track_anyway') }) })),
    );
  } else {
    const { renderGuide } = await loadGuides();
    renderGuide(view, guide, index, sourcing);
    document.title = t('page.guide_title', { name: guide.name });
  }
  const target = anchor ? document.getElementById(anchor) : null;
  if (target && view.contains(target)) {
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  } else if (moveFocus) {
    $('h1', view)?.focus();
  }
}

// ---------------------------------------------------------------------------------------------
// Router

const VIEWS = ['checker', 'guides', 'guide', 'reference', 'missing'];
function showView(name) {
  for (const view of VIEWS) $(`#view-${view}`).hidden = view !== name;
  for (const link of document.querySelectorAll('[data-nav]')) {
    const current = link.dataset.nav === name || (name === 'guide' && link.dataset.nav === 'guides');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

let firstRoute = true;
async function route() {
  const moveFocus = !firstRoute;
  firstRoute = false;
  const hash = location.hash;
  try {
    if (hash.startsWith('#track=')) {
      await loadKnownIndex();
      showView('checker');
      prefill(hash.slice('#track='.length));
      // The link did its job; a reload should not fill the form again.
      history.replaceState(null, '', '#/');
      document.title = t('page.title');
      form.scrollIntoView({ block: 'start' });
      dateInput.focus();
      return;
    }
    if (hash.startsWith('#ref=')) {
      showView('reference');
      await showReference(moveFocus);
      return;
    }
    const path = hash.replace(/^#/, '') || '/';
    const guideMatch = /^\/guides\/([a-z0-9][a-z0-9-]*)(?:\/([a-z0-9-]+))?$/.exec(path);
    if (path === '/') {
      showView('checker');
      document.title = t('page.title');
      if (moveFocus) $('#view-checker h1').focus();
    } else if (path === '/guides') {
      showView('guides');
      document.title = t('page.guides_title');
      await showGuidesIndex();
      if (moveFocus) $('#view-guides h1').focus();
    } else if (guideMatch) {
      showView('guide');
      await showGuide(guideMatch[1], guideMatch[2], moveFocus);
    } else {
      showView('missing');
      document.title = t('page.missing_title');
      if (moveFocus) $('#view-missing h1').focus();
    }
  } catch (error) {
    if (error.code !== 'restarted') setStatus(t('status.failed', { error: error.message }));
  }
}

// The language picker: the choice is kept beside the records (track.js) and applied at once.
const languagePicker = $('#language');
languagePicker.value = language();
languagePicker.addEventListener('change', async () => {
  const chosen = await setLanguage(languagePicker.value);
  saveSettings({ ...loadSettings(), language: chosen });
  translatePage();
  renderRecords();
  $('#track-save').textContent = t(state.editing ? 'track.save_changes' : 'track.save');
  for (const id of ['#status', '#records-status']) $(id).textContent = '';
  $('#track-prefill').hidden = true;
  showGuidesNote();
  keepLanguageOffline();
  // The guide views and the results are drawn again in the new language.
  $('#guide-category').options.length = 1;
  if (state.report) await showReport();
  await route();
  languagePicker.focus();
});

/** Tells the service worker the page's language, whose catalogue it then keeps for offline use. */
function keepLanguageOffline() {
  navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({ language: language() })).catch(() => {});
}

/** Guides are English for now; a page in another language says so on the guide views. */
function showGuidesNote() {
  const note = $('.guides-english');
  note.hidden = language() === 'en';
}
showGuidesNote();

$('#guide-search').addEventListener('input', updateGuideIndex);
$('#guide-category').addEventListener('change', updateGuideIndex);
window.addEventListener('hashchange', route);

wireDropZone();
renderRecords();
// The results' code and words load right after the vendor list, on every visit, so nothing is
// requested once a statement is dropped (the approach to the drop zone only starts it sooner).
// On a visit the service worker already controls, the guides' code is fetched at idle too (and
// kept for offline use), and rendering is warmed up so the first drop is as quick as later ones.
const warm = globalThis.navigator?.serviceWorker?.controller && navigator.onLine;
fillVendorList()
  .then(() => loadResults())
  .then((module) => warm && (globalThis.requestIdleCallback ?? setTimeout)(() => Promise.all([module.warmUpRendering(), loadGuides()]).catch(() => {})))
  .catch(() => {});
route();
document.body.dataset.state = 'ready';

// Offline use: the service worker caches the page's own files, never a statement.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(policy.createScriptURL('./sw.js')).catch(() => {});
  keepLanguageOffline();
}
