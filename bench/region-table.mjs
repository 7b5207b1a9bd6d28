#!/usr/bin/env node
// Benchmark behind src/recognise/name-table.ts: making the region-name lookup at a process's first need, as a
// Set of the names plus a Map of their two-character starts (the earlier code), as a NameTable built from the names,
// and as the NameTable the build wrote (region-names.idx, read back), each in a fresh process (cold code, as a CLI
// start is: CPU time); then the cost of lookups. Checks the ways give the same answers for every name and for every
// piece of the names run together. Figures for the notes; exits 1 only if the answers differ.
//   npm run build:engine && node bench/region-table.mjs [--rounds 5]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 5);
const dist = process.env.GONGKAI_DIST ?? join(root, 'dist');
const tableModule = join(dist, 'recognise', 'name-table.js');
const { NameTable, REGION_INDEX_FILE } = await import(tableModule);
const file = join(dist, 'recognise', 'region-names.txt');
const indexFile = join(dist, 'recognise', REGION_INDEX_FILE);

function asSet(text) {
  const names = text.split('\n');
  const set = new Set(names);
  const starts = new Map();
  for (const n of names) {
    const start = n.slice(0, 2);
    if ((starts.get(start) ?? 0) < n.length) starts.set(start, n.length);
  }
  return { set, starts };
}

const ms = (f) => {
  const t = process.hrtime.bigint();
  const r = f();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
};
// each way in a process of its own, cold, as at a CLI start: CPU time of reading the files and making the lookup
const child = {
  set: `const names = readFileSync(${JSON.stringify(file)}, 'utf8').split('\\n'); const set = new Set(names);
    const starts = new Map(); for (const n of names) { const s = n.slice(0, 2);
    if ((starts.get(s) ?? 0) < n.length) starts.set(s, n.length); }`,
  build: `NameTable.build(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
  index: `NameTable.fromIndex(readFileSync(${JSON.stringify(file)}, 'utf8'),
    readFileSync(${JSON.stringify(indexFile)}));`,
};
const cpu = {};
for (let r = 0; r < rounds; r++) {
  for (const [way, code] of Object.entries(child)) {
    const src = `import { readFileSync } from 'node:fs'; import { NameTable } from ${JSON.stringify(tableModule)};
      const u = process.cpuUsage(); ${code}
      const d = process.cpuUsage(u); process.stdout.write(String(d.user + d.system));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' });
    (cpu[way] ??= []).push(Number(out) / 1000);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`cold, CPU ms, median of ${rounds} processes: Set+Map ${median(cpu.set).toFixed(1)}, ` +
  `NameTable.build ${median(cpu.build).toFixed(1)}, NameTable.fromIndex ${median(cpu.index).toFixed(1)}`);
const set = asSet(readFileSync(file, 'utf8'));
const table = NameTable.fromIndex(readFileSync(file, 'utf8'), readFileSync(indexFile));
if (!table) throw new Error(`${indexFile} is not the table of ${file}: run scripts/region-names.mjs`);
const built = NameTable.build(readFileSync(file, 'utf8'));

// the same answers: every name, every piece of every name (and of two names run together), every start
const names = [...set.set].filter((n) => n.length >= 2);
let checked = 0;
let wrong = 0;
for (let i = 0; i < names.length; i++) {
  const s = names[i] + names[(i * 7919) % names.length] + '人民政府办公室';
  for (let a = 0; a < s.length; a++) {
    // longestFrom may be larger (a shared bucket), never smaller (so 0 only where no name starts so)
    const longest = set.starts.get(s.slice(a, a + 2)) ?? 0;
    for (const t of [table, built]) if (t.longestFrom(s, a) < longest) wrong++;
    for (let b = a + 2; b <= Math.min(s.length, a + 12); b++) {
      checked++;
      const want = set.set.has(s.slice(a, b));
      if (want !== table.has(s, a, b) || want !== built.has(s, a, b)) wrong++;
    }
  }
}
console.log(`same answers: ${checked} lookups, ${wrong} different`);
if (wrong) process.exitCode = 1;

// lookup speed over the same pieces
const pieces = [];
for (let i = 0; i < 20_000; i++) {
  const s = names[(i * 104729) % names.length] + names[(i * 31) % names.length];
  pieces.push([s, i % 3, (i % 3) + 2 + (i % 5)]);
}
for (const [label, f] of [
  ['Set.has(slice)', () => {
    let n = 0;
    for (const [s, a, b] of pieces) if (set.set.has(s.slice(a, b))) n++;
    return n;
  }],
  ['NameTable.has', () => {
    let n = 0;
    for (const [s, a, b] of pieces) if (table.has(s, a, b)) n++;
    return n;
  }],
]) {
  for (let w = 0; w < 3; w++) f();
  const [t] = ms(() => { for (let k = 0; k < 10; k++) f(); });
  console.log(`${label}: ${(t * 1e6 / (10 * pieces.length)).toFixed(0)} ns per lookup`);
}
