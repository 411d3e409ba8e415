// The module Web Worker that owns the wasm engine. It receives File objects, streams them with
// File.stream() into the wasm reader chunk by chunk, and posts back progress and the report.
// Nothing here sends data anywhere: the CSP for this script allows fetching the .wasm only.
//
// Protocol: every request is `{ id, type, ... }` and gets exactly one `{ id, ok, result }` or
// `{ id, ok: false, error: { code, message } }`; reading also posts `{ id, type: 'progress' }`.
// One notice has no id and no answer: `{ type: 'file-coming' }`, sent by a page that has a file
// in hand but not yet its request, so the warm-up below stops before the file waits for it.
// A wasm trap (a `WebAssembly.RuntimeError`) leaves the module in an unknown state, so the
// worker answers `{ type: 'crashed' }` and the page replaces it with a fresh one.

import init, { Workspace, guide, guide_index, guide_categories, search_guides } from './pkg/spendrein_wasm.js';

// Runs a made-up statement (a few thousand rows, made here) through the engine, so the first
// real file does not pay for compiling and tiering up the reader and the analysis. V8 moves hot
// wasm functions to its optimising compiler after some use: nine small rounds, each its own task
// (so a request waits at most one round), and none after the page has asked for real work or
// said a file is coming (a file dropped right away is read at once, on the baseline code,
// instead of waiting for the rounds).
// A worker started for a file already in hand (the widget's cold drop names it 'file-coming')
// skips the warm-up altogether.
let realWorkAsked = self.name === 'file-coming';

async function warmUp() {
  const lines = ['Date,Description,Amount'];
  for (let day = 0; day < 1000; day++) {
    const date = new Date(Date.UTC(2024, 0, 1 + Math.floor(day / 4))).toISOString().slice(0, 10);
    lines.push(day % 120 === 0 ? `${date},NETFLIX.COM,-15.49` : `${date},WARM UP SHOP ${day % 97},-${(day % 50) + 1}.${day % 10}0`);
  }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  for (let round = 0; round < 9 && !realWorkAsked; round++) {
    const warm = new Workspace();
    warm.begin('warm-up.csv', undefined);
    warm.push(bytes);
    warm.end();
    warm.analyse([{ vendor: 'netflix', cancelled_on: '2024-03-15' }], '2026-07-01');
    warm.free();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const ready = init();
// A trap while warming up leaves the module unusable: the page replaces the worker as after any
// other crash. (A module that fails to load fails every request through `ready` instead.)
ready.then(warmUp).catch((error) => {
  if (error instanceof WebAssembly.RuntimeError) fail(undefined, error);
});
let workspace = null;
// The File objects behind the statements in the workspace, index for index, so a statement
// can be read again with new hints. The bytes stay in the browser's file handle, not here.
let held = [];
// Workspace requests run one at a time, in order; guide look-ups do not touch the workspace
// and are answered at once, even while a large file is being read.
let queue = Promise.resolve();

const PROGRESS_INTERVAL_MS = 100;

// Spreadsheets (XLSX, XLS, ODS), refused by the sniffer with code `spreadsheet`, plain-text
// statements (`text-statement`) and text PDFs (`pdf`) are read by office.js and the office module, imported only then. `sheets[index]`: the sheet behind a
// statement, so reports name cells instead of lines.
let office = null;
let sheets = [];
const loadOffice = async () => (office ??= await import('./office.js'));

async function stream(id, file, position, count) {
  let bytes = 0;
  let lastPost = 0;
  workspace.expect_bytes(file.size);
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    workspace.push(value);
    bytes += value.byteLength;
    const now = performance.now();
    if (now - lastPost > PROGRESS_INTERVAL_MS) {
      lastPost = now;
      postMessage({ id, type: 'progress', name: file.name, bytes, total: file.size, position, count });
    }
  }
  postMessage({ id, type: 'progress', name: file.name, bytes, total: file.size, position, count });
  return workspace.end();
}

// A file the browser cannot read to the end (moved, changed, unreadable) is a failure of that
// file only; a wasm trap is passed on, as the module cannot be trusted after it.
async function streamOrAbort(id, file, position, count) {
  try {
    return await stream(id, file, position, count);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw error;
    workspace.abort();
    return {
      ok: false,
      error: {
        code: 'unreadable',
        message: `the browser could not read the file (${error?.name ?? 'error'})`,
        help: 'choose the file again; if it was moved or changed since you picked it, pick the new copy',
      },
    };
  }
}

function analyse(id, cancellations, today) {
  postMessage({ id, type: 'progress', phase: 'analysing' });
  const report = workspace.analyse(cancellations ?? [], today);
  return office ? office.relabel(report, sheets) : report;
}

const workspaceHandlers = {
  async read({ id, files, cancellations, today }) {
    const started = performance.now();
    const failures = [];
    for (const [position, file] of files.entries()) {
      workspace.begin(file.name, undefined);
      let ended = await streamOrAbort(id, file, position, files.length);
      if (!ended.ok && ended.error?.code === 'spreadsheet') {
        ended = await (await loadOffice()).readWorkbook(workspace, sheets, file, () => workspace.begin(file.name, undefined));
      } else if (!ended.ok && ended.error?.code === 'text-statement') {
        ended = await (await loadOffice()).readText(workspace, sheets, file, undefined, (hints) => workspace.begin(file.name, hints));
      } else if (!ended.ok && ended.error?.code === 'pdf') {
        ended = await (await loadOffice()).readPdf(workspace, sheets, file, undefined, (hints) => workspace.begin(file.name, hints));
      } else if (ended.ok) {
        sheets[ended.index] = undefined;
      }
      if (ended.ok) held[ended.index] = file;
      else failures.push({ name: file.name, error: ended.error });
    }
    const read = performance.now();
    const report = analyse(id, cancellations, today);
    // Reported so the benchmark can tell reading from analysing; nothing else uses them.
    return { report, failures, timings: { read_ms: read - started, analyse_ms: performance.now() - read } };
  },
  async reread({ id, index, hints, cancellations, today }) {
    const file = held[index];
    if (!file) throw Object.assign(new Error(`no statement at index ${index}`), { code: 'bad-index' });
    workspace.begin_reread(index, file.name, hints ?? undefined);
    let ended = await streamOrAbort(id, file, 0, 1);
    if (!ended.ok && ended.error?.code === 'spreadsheet') {
      ended = await (await loadOffice()).readWorkbook(workspace, sheets, file, () => workspace.begin_reread(index, file.name, hints ?? undefined));
    } else if (!ended.ok && ended.error?.code === 'text-statement') {
      ended = await (await loadOffice()).readText(workspace, sheets, file, hints, (tableHints) => workspace.begin_reread(index, file.name, tableHints));
    } else if (!ended.ok && ended.error?.code === 'pdf') {
      ended = await (await loadOffice()).readPdf(workspace, sheets, file, hints, (tableHints) => workspace.begin_reread(index, file.name, tableHints));
    } else if (ended.ok) {
      sheets[index] = undefined;
    }
    const failures = ended.ok ? [] : [{ name: file.name, error: ended.error }];
    return { report: analyse(id, cancellations, today), failures };
  },
  async remove({ id, index, cancellations, today }) {
    workspace.remove(index);
    held.splice(index, 1);
    sheets.splice(index, 1);
    return { report: workspace.is_empty() ? null : analyse(id, cancellations, today), failures: [] };
  },
  async analyse({ id, cancellations, today }) {
    return { report: workspace.is_empty() ? null : analyse(id, cancellations, today), failures: [] };
  },
  async clear() {
    workspace.clear();
    held = [];
    sheets = [];
    return null;
  },
};

const guideHandlers = {
  // Answered once the wasm is compiled: lets a page know the engine is ready (tests wait on it).
  ready: () => true,
  'guide-index': () => ({ guides: guide_index(), categories: guide_categories() }),
  guide: ({ guideId }) => guide(guideId),
  search: ({ query }) => search_guides(query),
};

function fail(id, error) {
  if (error instanceof WebAssembly.RuntimeError) {
    postMessage({ id, type: 'crashed', message: String(error.message ?? error) });
    close();
    return;
  }
  postMessage({ id, ok: false, error: { code: error?.code ?? 'internal', message: String(error?.message ?? error) } });
}

self.addEventListener('message', ({ data }) => {
  const { id, type } = data;
  if (type === 'file-coming') {
    realWorkAsked = true;
  } else if (guideHandlers[type]) {
    ready
      .then(() => postMessage({ id, ok: true, result: guideHandlers[type](data) }))
      .catch((error) => fail(id, error));
  } else if (workspaceHandlers[type]) {
    realWorkAsked = true;
    queue = queue
      .then(() => ready)
      .then(async () => {
        workspace ??= new Workspace();
        postMessage({ id, ok: true, result: await workspaceHandlers[type](data) });
      })
      .catch((error) => fail(id, error));
  } else {
    fail(id, Object.assign(new Error(`unknown request ${type}`), { code: 'bad-request' }));
  }
});
