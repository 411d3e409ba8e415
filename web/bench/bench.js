// Times the wasm reader (bytes → typed transactions), the analysis, and PapaParse on the same
// bytes in the same page. `cargo xtask bench` drives it and reads `document.body.dataset.results`.

import init, { Workspace } from '../pkg/spendrein_wasm.js';

const CHUNK = 1 << 20;
const out = document.getElementById('out');
const log = (line) => { out.textContent += line + '\n'; };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function readWasm(bytes) {
  const workspace = new Workspace();
  const started = performance.now();
  workspace.begin('bench.csv', undefined);
  workspace.expect_bytes(bytes.length);
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    workspace.push(bytes.subarray(offset, offset + CHUNK));
  }
  const ended = workspace.end();
  const readMs = performance.now() - started;
  if (!ended.ok) throw new Error(`the wasm reader rejected the file: ${ended.error.message}`);
  return { workspace, readMs };
}

function parsePapa(bytes) {
  const started = performance.now();
  const text = new TextDecoder().decode(bytes);
  const result = Papa.parse(text);
  return { ms: performance.now() - started, rows: result.data.length };
}

async function run(file, runs) {
  const wasm = await init();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mb = bytes.length / 1e6;
  const readMs = [];
  const analyseMs = [];
  let transactions = 0;
  for (let i = 0; i < runs; i++) {
    const { workspace, readMs: ms } = readWasm(bytes);
    readMs.push(ms);
    const started = performance.now();
    const report = workspace.analyse([], '2026-01-15');
    analyseMs.push(performance.now() - started);
    transactions = report.statements[0].n_transactions;
    workspace.free();
    log(`wasm run ${i + 1}: read ${ms.toFixed(0)} ms, analyse ${analyseMs[i].toFixed(0)} ms`);
  }
  const papaMs = [];
  let papaRows = 0;
  for (let i = 0; i < runs; i++) {
    const { ms, rows } = parsePapa(bytes);
    papaMs.push(ms);
    papaRows = rows;
    log(`papaparse run ${i + 1}: ${ms.toFixed(0)} ms`);
  }
  const results = {
    where: 'wasm',
    bytes: bytes.length,
    transactions,
    runs,
    read_ms: median(readMs),
    read_mb_s: mb / (median(readMs) / 1000),
    analyse_ms: median(analyseMs),
    papaparse_ms: median(papaMs),
    papaparse_mb_s: mb / (median(papaMs) / 1000),
    papaparse_rows: papaRows,
    wasm_memory_bytes: wasm.memory.buffer.byteLength,
  };
  log(JSON.stringify(results));
  document.body.dataset.results = JSON.stringify(results);
}

document.getElementById('file').addEventListener('change', (event) => {
  const runs = Number(new URLSearchParams(location.search).get('runs') ?? 5);
  run(event.target.files[0], runs).catch((error) => {
    log(`error: ${error.message}`);
    document.body.dataset.error = error.message;
  });
});
