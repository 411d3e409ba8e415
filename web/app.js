// The page's main thread: UI only. Statements are read and analysed by WebAssembly inside a
// module Web Worker (worker.js), so the page never freezes and never holds the statement.

const policy = globalThis.trustedTypes
  ? trustedTypes.createPolicy('spendrein', {
      // The only scripts the page ever loads by URL are its own worker and service worker.
      createScriptURL(url) {
        if (url === './worker.js') return url;
        throw new TypeError(`refusing to load script ${url}`);
      },
    })
  : { createScriptURL: (url) => url };

const $ = (selector) => document.querySelector(selector);
const status = $('#status');

let worker = null;
function startWorker() {
  worker = new Worker(policy.createScriptURL('./worker.js'), { type: 'module' });
  worker.addEventListener('message', onWorkerMessage);
  worker.addEventListener('error', (event) => {
    status.textContent = `The statement reader stopped unexpectedly (${event.message || 'worker error'}). Reloading it.`;
    worker.terminate();
    startWorker();
  });
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function readFiles(files) {
  if (!files.length) return;
  status.textContent = `Reading ${files.length === 1 ? files[0].name : `${files.length} files`}…`;
  worker.postMessage({ type: 'read', files: [...files], today: today() });
}

function onWorkerMessage({ data }) {
  switch (data.type) {
    case 'progress':
      status.textContent = `Reading ${data.name}: ${Math.round((100 * data.bytes) / Math.max(data.total, 1))}%`;
      break;
    case 'report':
      showReport(data.report, data.failures);
      break;
    case 'error':
      status.textContent = `Could not read the statement: ${data.message}`;
      break;
  }
}

function showReport(report, failures) {
  const list = $('#statement-list');
  list.replaceChildren();
  for (const summary of report.statements) {
    const item = document.createElement('li');
    item.className = 'statement-summary';
    item.dataset.format = summary.format;
    item.dataset.transactions = String(summary.n_transactions);
    const period = summary.period ? `${summary.period.from} to ${summary.period.to}` : 'no dates';
    item.textContent = `${summary.file}: ${summary.n_transactions} transactions, ${period} (format: ${summary.format})`;
    list.append(item);
  }
  for (const failure of failures) {
    const item = document.createElement('li');
    item.className = 'statement-error';
    item.textContent = `${failure.name}: ${failure.error.message}. ${failure.error.help}`;
    list.append(item);
  }
  $('#results').hidden = false;
  const n = report.statements.reduce((sum, s) => sum + s.n_transactions, 0);
  status.textContent = `Read ${n} transactions from ${report.statements.length} statement(s).`;
}

function wireDropZone() {
  const zone = $('#drop-zone');
  const input = $('#file-input');
  input.addEventListener('change', () => {
    readFiles(input.files);
    input.value = '';
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
}

startWorker();
wireDropZone();
