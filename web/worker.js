// The module Web Worker that owns the wasm engine. It receives File objects, streams them with
// File.stream() into the wasm reader chunk by chunk, and posts back progress and the report.
// Nothing here sends data anywhere: the CSP for this script allows fetching the .wasm only.

import init, { Workspace } from './pkg/spendrein_wasm.js';

const ready = init();
let workspace = null;

async function readFile(file) {
  workspace.begin(file.name, undefined);
  let bytes = 0;
  let lastPost = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    workspace.push(value);
    bytes += value.byteLength;
    const now = performance.now();
    if (now - lastPost > 100) {
      lastPost = now;
      postMessage({ type: 'progress', name: file.name, bytes, total: file.size });
    }
  }
  return workspace.end();
}

self.addEventListener('message', async ({ data }) => {
  try {
    await ready;
    workspace ??= new Workspace();
    if (data.type === 'read') {
      const failures = [];
      for (const file of data.files) {
        const ended = await readFile(file);
        if (!ended.ok) failures.push({ name: file.name, error: ended.error });
      }
      const report = workspace.analyse(data.cancellations ?? [], data.today);
      postMessage({ type: 'report', report, failures });
    } else if (data.type === 'clear') {
      workspace.clear();
    }
  } catch (error) {
    postMessage({ type: 'error', code: error.code ?? 'internal', message: String(error.message ?? error) });
  }
});
