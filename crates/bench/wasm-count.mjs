// Counts the machine instructions V8 spends reading (and optionally analysing) a statement with
// the wasm module: a repeatable figure, unlike wall-clock time on a shared VM, for comparing two
// builds of the reader one change at a time.
//
//   cargo xtask build
//   target/release/spendrein-bench generate --rows 100000 --out /tmp/s100k.csv
//   node crates/bench/wasm-count.mjs /tmp/s100k.csv [--analyse] [--pkg DIR]
//
// It runs itself under valgrind (callgrind) twice, reading the file once and three times in one
// process, with TurboFan only (`--no-liftoff`) and no background threads (`--single-threaded`),
// and prints the difference over two: the instructions of one read once compiled, without
// start-up and compilation. Runs of one build agree within about 2%. The counts are for the
// x86-64 code V8 generates, so they also show what the wasm build's own choices cost (a call
// left out of line, a `memcmp`); time still decides, this only points at where to look.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const file = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--pkg');
const analyse = args.includes('--analyse');
const pkg = args.includes('--pkg')
  ? path.resolve(args[args.indexOf('--pkg') + 1])
  : path.join(here, '../../web/pkg');

if (process.env.SPENDREIN_COUNT_READS) {
  // The child: read the file this many times.
  const { initSync, Workspace } = await import(path.join(pkg, 'spendrein_wasm.js'));
  initSync({ module: readFileSync(path.join(pkg, 'spendrein_wasm_bg.wasm')) });
  const bytes = new Uint8Array(readFileSync(file));
  for (let run = 0; run < Number(process.env.SPENDREIN_COUNT_READS); run++) {
    const workspace = new Workspace();
    workspace.begin(path.basename(file), undefined);
    workspace.expect_bytes(bytes.length);
    for (let at = 0; at < bytes.length; at += 1 << 20) {
      workspace.push(bytes.subarray(at, at + (1 << 20)));
    }
    const ended = workspace.end();
    if (!ended.ok) throw new Error(`the reader refused ${file}: ${ended.error.message}`);
    if (analyse) workspace.analyse([], '2026-01-15');
    workspace.free();
  }
} else {
  if (!file) {
    console.error('usage: node crates/bench/wasm-count.mjs FILE [--analyse] [--pkg DIR]');
    process.exit(2);
  }
  const count = (reads) => {
    const run = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--smc-check=all',
        '--callgrind-out-file=/dev/null',
        process.execPath,
        '--no-liftoff',
        '--single-threaded',
        fileURLToPath(import.meta.url),
        ...args,
      ],
      { env: { ...process.env, SPENDREIN_COUNT_READS: String(reads) }, encoding: 'utf8' },
    );
    if (run.error) throw new Error(`valgrind could not be started (apt-get install valgrind): ${run.error.message}`);
    const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
    if (run.status !== 0 || !refs) throw new Error(`the counted run failed:\n${run.stderr.slice(-2000)}`);
    return Number(refs[1].replaceAll(',', ''));
  };
  const once = count(1);
  const thrice = count(3);
  const perRead = (thrice - once) / 2;
  const rows = readFileSync(file).reduce((lines, byte) => lines + (byte === 10 ? 1 : 0), 0);
  console.log(
    `${analyse ? 'read + analyse' : 'read'}: ${Math.round(perRead).toLocaleString('en')} instructions` +
      ` (${Math.round(perRead / Math.max(rows, 1))} a line, ${rows.toLocaleString('en')} lines)`,
  );
}
