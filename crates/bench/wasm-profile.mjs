// Where V8 spends its instructions in the wasm module: per function, and per machine instruction
// of one function. A repeatable profile (valgrind counts instructions), for a VM whose speed
// drifts too much for sampling profiles to tell small differences apart.
//
//   node crates/bench/wasm-profile.mjs FILE [--analyse] [--pkg DIR] [--top N] [--annotate NAME]
//
// It reads FILE three times with `wasm-count.mjs` under callgrind (`--dump-instr=yes`) while V8
// prints the code it generates for each wasm function (`--print-wasm-code`), then adds up the
// counts by function. Use a build with names (`wasm-bindgen` without `--remove-name-section`,
// as `cargo xtask build` does not) or the functions show as numbers. `--annotate NAME` lists the
// instructions of the first function whose name contains NAME with how often each ran.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((arg, i) => !arg.startsWith('--') && !['--pkg', '--top', '--annotate'].includes(args[i - 1]));
if (!file) {
  console.error('usage: node crates/bench/wasm-profile.mjs FILE [--analyse] [--pkg DIR] [--top N] [--annotate NAME]');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'wasm-profile-'));
const out = path.join(work, 'callgrind.out');
const childArgs = [file, ...(args.includes('--analyse') ? ['--analyse'] : []), ...(option('--pkg') ? ['--pkg', option('--pkg')] : [])];
const run = spawnSync(
  'valgrind',
  [
    '--tool=callgrind', '--smc-check=all', '--dump-instr=yes', `--callgrind-out-file=${out}`,
    process.execPath, '--no-liftoff', '--single-threaded', '--print-wasm-code',
    path.join(here, 'wasm-count.mjs'), ...childArgs,
  ],
  { env: { ...process.env, SPENDREIN_COUNT_READS: '3' }, encoding: 'utf8', maxBuffer: 1 << 30 },
);
if (run.error || run.status !== 0) {
  console.error(`the profiled run failed: ${run.error?.message ?? run.stderr.slice(-2000)}`);
  process.exit(1);
}
writeFileSync(path.join(work, 'code.txt'), run.stdout);

// The code V8 printed: name, start address, size, and each instruction's text.
const functions = [];
const instructions = new Map();
for (const block of run.stdout.split('--- WebAssembly code ---').slice(1)) {
  const name = /^name: (.*)$/m.exec(block)?.[1] ?? '?';
  const size = Number(/Body \(size = (\d+)/.exec(block)?.[1] ?? 0);
  const lines = [...block.matchAll(/^(0x[0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+(.*)$/gm)];
  if (!lines.length) continue;
  const start = BigInt(lines[0][1]);
  functions.push({ name, start, end: start + BigInt(size) });
  for (const [, address, text] of lines) instructions.set(BigInt(address), text);
}
functions.sort((a, b) => (a.start < b.start ? -1 : 1));
const owner = (address) => {
  let low = 0;
  let high = functions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (functions[middle].start <= address) low = middle + 1;
    else high = middle - 1;
  }
  const found = functions[high];
  return found && address < found.end ? found : undefined;
};

// callgrind's per-address counts (positions may be absolute, relative or repeated); the line
// after `calls=` is a call's inclusive cost and is skipped.
const byFunction = new Map();
const byAddress = new Map();
let address = 0n;
let total = 0n;
let skip = false;
for (const line of readFileSync(out, 'utf8').split('\n')) {
  if (line.startsWith('calls=')) {
    skip = true;
    continue;
  }
  const match = /^(0x[0-9a-f]+|[+-]\d+|\*)\s+\S+\s+(\d+)/.exec(line);
  if (!match) continue;
  const [, position, count] = match;
  if (position.startsWith('0x')) address = BigInt(position);
  else if (position !== '*') address += BigInt(position);
  if (skip) {
    skip = false;
    continue;
  }
  total += BigInt(count);
  const fn = owner(address);
  if (!fn) continue;
  byFunction.set(fn.name, (byFunction.get(fn.name) ?? 0n) + BigInt(count));
  byAddress.set(address, (byAddress.get(address) ?? 0n) + BigInt(count));
}
rmSync(work, { recursive: true, force: true });

const inWasm = [...byFunction.values()].reduce((a, b) => a + b, 0n);
console.log(`${total.toLocaleString('en')} instructions in all, ${inWasm.toLocaleString('en')} in wasm code (3 reads and start-up)`);
for (const [name, count] of [...byFunction].sort((a, b) => (a[1] < b[1] ? 1 : -1)).slice(0, Number(option('--top') ?? 25))) {
  console.log(`${count.toLocaleString('en').padStart(15)}  ${name}`);
}
const wanted = option('--annotate');
if (wanted) {
  const fn = functions.find((f) => f.name.includes(wanted));
  if (!fn) throw new Error(`no compiled function's name contains ${wanted}`);
  console.log(`--- ${fn.name}`);
  for (const [at, text] of [...instructions].filter(([a]) => a >= fn.start && a < fn.end).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    console.log(`${(byAddress.get(at) ?? 0n).toLocaleString('en').padStart(12)} ${(at - fn.start).toString(16).padStart(5)}  ${text}`);
  }
}
