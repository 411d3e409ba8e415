// The page's main thread: UI only. Statements are read and analysed by WebAssembly inside a
// module Web Worker (worker.js, through bridge.js), so the page never freezes and the main
// thread never holds a statement's bytes. Routes live in the URL fragment, which is never sent
// to a server: `#/` checker, `#/guides`, `#/guides/<id>[/<anchor>]`, `#track=<id>@<date>`,
// `#ref=v1.<…>` a cancellation reference (reference.js, loaded only then).

import { Bridge } from './bridge.js';
import { h, $, time, today, isIsoDate, download } from './dom.js';
import { loadRecords, saveRecords, newId, validateRecord, validateImport, mergeRecords, exportJson } from './track.js';
import { renderResults, warmUpRendering } from './results.js';
import { renderIndex, renderGuide } from './guides.js';

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
    setStatus(`The statement reader stopped (${reason}) and was restarted. Your statements were dropped from memory; drop them again to check them.`);
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
  if (problem) setRecordsStatus(`Note: ${problem}.`);
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
    const details = h('div', { class: 'tracked-details' }, h('strong', { class: 'tracked-vendor', text: name }), ' — cancelled on ', time(record.cancelled_on));
    if (record.confirmation) details.append(h('span', { class: 'tracked-extra', text: ` · confirmation ${record.confirmation}` }));
    if (record.notes) details.append(h('span', { class: 'tracked-notes', text: record.notes }));
    list.append(
      h(
        'li',
        { class: 'tracked', dataset: { id: record.id, record: record.vendor, cancelledOn: record.cancelled_on } },
        details,
        h(
          'div',
          { class: 'tracked-actions' },
          h('button', { type: 'button', class: 'button small', text: 'Edit', attrs: { 'aria-label': `Edit the ${name} cancellation` }, on: { click: () => startEdit(record.id) } }),
          h('button', { type: 'button', class: 'button small danger', text: 'Delete', attrs: { 'aria-label': `Delete the ${name} cancellation` }, on: { click: () => deleteRecord(record.id) } }),
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
  $('#track-save').textContent = 'Save changes';
  $('#track-cancel-edit').hidden = false;
  $('#track-prefill').hidden = true;
  showFormError(null);
  vendorInput.focus();
}

function stopEdit() {
  state.editing = null;
  fillForm({});
  $('#track-save').textContent = 'Track this cancellation';
  $('#track-cancel-edit').hidden = true;
}

function deleteRecord(id) {
  const record = state.records.find((item) => item.id === id);
  state.records = state.records.filter((item) => item.id !== id);
  if (state.editing === id) stopEdit();
  persist();
  setRecordsStatus(`Deleted the ${vendorName(record?.vendor ?? '')} cancellation.`);
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
  });
  if (!result.record) {
    const problems = result.problems.map((problem) => problem.replace(/^vendor/, 'the service').replace(/^cancelled_on/, 'the date'));
    showFormError(`Please check: ${problems.join('; ')}.`);
    (problems[0].startsWith('the service') ? vendorInput : dateInput).focus();
    return;
  }
  showFormError(null);
  $('#track-prefill').hidden = true;
  const name = vendorName(result.record.vendor);
  if (state.editing) {
    state.records = state.records.map((record) => (record.id === state.editing ? result.record : record));
    setRecordsStatus(`Saved the changes to the ${name} cancellation.`);
  } else {
    state.records = [...state.records, result.record];
    setRecordsStatus(`Now tracking the ${name} cancellation of ${result.record.cancelled_on}.`);
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
  setRecordsStatus(`Exported ${state.records.length} cancellation${state.records.length === 1 ? '' : 's'}.`);
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
    if (file.size > 5_000_000) throw new Error('the file is larger than 5 MB; an export of cancellations is far smaller');
    const text = await file.text();
    try {
      parsed = validateImport(JSON.parse(text));
    } catch (error) {
      throw error instanceof SyntaxError ? new Error(`the file is not valid JSON (${error.message})`) : error;
    }
  } catch (error) {
    setRecordsStatus(`Could not import ${file.name}: ${error.message}. Your ${state.records.length} existing record${state.records.length === 1 ? ' is' : 's are'} unchanged.`);
    return;
  }
  const merged = mergeRecords(state.records, parsed.records);
  state.records = merged.records;
  persist();
  const parts = [`Imported ${merged.added} cancellation${merged.added === 1 ? '' : 's'} from ${file.name}`];
  if (merged.skipped) parts.push(`${merged.skipped} already tracked`);
  if (parsed.problems.length) parts.push(`${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} (listed below; those records were not imported)`);
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
  note.textContent = `Filled in from a link: ${vendorName(vendor)}, cancelled on ${dateInput.value}. Check the details, then press “Track this cancellation”.`;
}

/** Fills the form for a recurring charge's "Track this" and takes the person there. */
function trackFromResults(vendorText) {
  stopEdit();
  fillForm({ vendor: vendorText, cancelled_on: today() });
  const note = $('#track-prefill');
  note.hidden = false;
  note.textContent = `Filled in for ${vendorText} with today’s date. Set the day you cancelled, then press “Track this cancellation”.`;
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
    label.textContent = 'Analysing…';
    return;
  }
  const percent = Math.min(100, Math.round((100 * event.bytes) / Math.max(event.total, 1)));
  bar.value = percent;
  const which = event.count > 1 ? ` (file ${event.position + 1} of ${event.count})` : '';
  label.textContent = `Reading ${event.name}${which}: ${percent}%`;
}

/**
 * Sends a workspace request, takes its report, lets `adjust` update page state, and renders
 * the results; the page counts as busy until they are on screen.
 */
async function run(type, payload, busyText, adjust) {
  beginBusy(busyText);
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
    if (error.code !== 'restarted') setStatus(`Could not read the statement: ${error.message}.`);
    return false;
  } finally {
    endBusy();
  }
}

async function readFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  const name = files.length === 1 ? files[0].name : `${files.length} files`;
  await run('read', { files }, `Reading ${name}…`, () => {
    while (state.hints.length < (state.report?.statements.length ?? 0)) state.hints.push({});
  });
}

async function reread(index, hints, focusId) {
  state.hints[index] = hints;
  const file = state.report?.statements[index]?.file ?? 'the file';
  if (await run('reread', { index, hints }, `Reading ${file} again with your correction…`)) {
    document.getElementById(focusId)?.focus();
  }
}

async function removeStatement(index) {
  const file = state.report?.statements[index]?.file;
  if (await run('remove', { index }, `Removing ${file}…`, () => state.hints.splice(index, 1))) {
    setStatus(`Removed ${file} from memory.`);
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
  await run('analyse', {}, 'Checking your cancellations again…');
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
  setStatus('All statements were cleared from memory. Nothing of them was ever stored.');
  $('#file-input').focus();
}

function renderFiles() {
  const list = $('#file-list');
  list.replaceChildren();
  const statements = state.report?.statements ?? [];
  statements.forEach((statement, index) => {
    const period = statement.period ? [time(statement.period.from), ' to ', time(statement.period.to)] : ['no dates'];
    list.append(
      h(
        'li',
        { class: 'statement-summary', dataset: { format: statement.format, transactions: String(statement.n_transactions), file: statement.file } },
        h('span', { class: 'file-name', text: statement.file }),
        h('span', {}, `: ${statement.n_transactions} transactions, `, ...period, ` (format: ${statement.format})`),
        ' ',
        h('button', { type: 'button', class: 'button small', text: 'Remove', attrs: { 'aria-label': `Remove ${statement.file} from memory` }, on: { click: () => removeStatement(index) } }),
      ),
    );
  });
  for (const failure of state.failures) {
    list.append(h('li', { class: 'statement-error' }, h('span', { class: 'file-name', text: failure.name }), `: ${failure.error.message}. ${failure.error.help}`));
  }
  $('#files-box').hidden = !statements.length && !state.failures.length;
  $('#clear').hidden = !statements.length;
}

let renderSeq = 0;
async function showReport() {
  const seq = ++renderSeq;
  renderFiles();
  const results = $('#results');
  const report = state.report;
  if (!report || !report.statements.length) {
    results.hidden = true;
    for (const id of ['#cancellation-results', '#recurring-results', '#inferred-results']) $(id).replaceChildren();
    $('#results-summary').textContent = '';
    if (state.failures.length) setStatus(`Could not read ${state.failures.map((failure) => failure.name).join(', ')}; see below.`);
    return;
  }
  results.hidden = false;
  const targets = {
    cancellations: $('#cancellation-results'),
    recurring: $('#recurring-results'),
    inferred: $('#inferred-results'),
    summary: $('#results-summary'),
  };
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
  const failed = state.failures.length ? ` Could not read ${state.failures.map((failure) => failure.name).join(', ')}.` : '';
  // The summary itself is announced by the results' own live region; this only says it is done.
  setStatus(`Done: the results are below.${failed}`);
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
}

// ---------------------------------------------------------------------------------------------
// Cancellation references: reference.js and its small wasm load on first use only.

async function openReference(card, result, record) {
  try {
    const guide = knownIndex?.byId.has(result.vendor) ? await bridge.request('guide', { guideId: result.vendor }).catch(() => null) : null;
    const { openReferenceBuilder } = await import('./reference.js');
    openReferenceBuilder(card, { result, record, statements: state.report?.statements ?? [], guide });
  } catch (error) {
    setStatus(`Could not open the reference maker: ${error.message}.`);
  }
}

async function showReference(moveFocus) {
  const view = $('#view-reference');
  try {
    const { showReferencePage } = await import('./reference.js');
    await showReferencePage(view);
  } catch (error) {
    view.replaceChildren(h('h1', { tabIndex: -1, text: 'This reference could not be shown' }), h('p', { class: 'error', text: `Its code did not load (${error.message}). Reload to try again.` }));
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
  if (seq !== searchSeq) return;
  renderIndex($('#guide-index'), $('#guide-count'), index, { ids, category });
}

async function showGuidesIndex() {
  const index = await guideIndex();
  const select = $('#guide-category');
  if (select.options.length === 1) {
    select.append(...index.categories.filter(({ id }) => index.guides.some((entry) => entry.category === id)).map(({ id, label }) => h('option', { value: id, text: label })));
  }
  await updateGuideIndex();
}

// The guide's body and the code that shows its sources load on demand (guide-page.js).
async function openGuidePage(id, index) {
  const sourcing = await import('./guide-page.js');
  return { sourcing, guide: await sourcing.loadGuide(id, (known) => index.byId.has(known)) };
}

async function showGuide(id, anchor, moveFocus) {
  const view = $('#view-guide');
  const index = await guideIndex();
  let opened;
  try {
    opened = await openGuidePage(id, index);
  } catch (error) {
    view.replaceChildren(h('h1', { tabIndex: -1, text: 'This guide could not be loaded' }), h('p', { class: 'error', text: `Its text did not load (${error.message}). Guides you have opened before work offline; reload to try again.` }));
    if (moveFocus) $('h1', view)?.focus();
    return;
  }
  const { guide, sourcing } = opened;
  if (!guide) {
    view.replaceChildren(
      h('h1', { tabIndex: -1, text: 'No such guide' }),
      h('p', {}, `There is no guide called “${id}”. `, h('a', { href: '#/guides', text: 'Browse all guides' }), ', or ', h('a', { href: `#track=${encodeURIComponent(id)}@${today()}`, text: 'track the cancellation anyway' }), '.'),
    );
  } else {
    renderGuide(view, guide, index, sourcing);
    document.title = `How to cancel ${guide.name} — Spendrein`;
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
      document.title = 'Spendrein — did your cancellation really stop the charges?';
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
      document.title = 'Spendrein — did your cancellation really stop the charges?';
      if (moveFocus) $('#view-checker h1').focus();
    } else if (path === '/guides') {
      showView('guides');
      document.title = 'Cancellation guides — Spendrein';
      await showGuidesIndex();
      if (moveFocus) $('#view-guides h1').focus();
    } else if (guideMatch) {
      showView('guide');
      await showGuide(guideMatch[1], guideMatch[2], moveFocus);
    } else {
      showView('missing');
      document.title = 'Page not found — Spendrein';
      if (moveFocus) $('#view-missing h1').focus();
    }
  } catch (error) {
    if (error.code !== 'restarted') setStatus(`Something went wrong: ${error.message}.`);
  }
}

$('#guide-search').addEventListener('input', updateGuideIndex);
$('#guide-category').addEventListener('change', updateGuideIndex);
window.addEventListener('hashchange', route);

wireDropZone();
renderRecords();
fillVendorList()
  .then(() => (globalThis.requestIdleCallback ?? setTimeout)(() => warmUpRendering().catch(() => {})))
  .catch(() => {});
route();
document.body.dataset.state = 'ready';

// Offline use: the service worker caches the page's own files, never a statement.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(policy.createScriptURL('./sw.js')).catch(() => {});
}
