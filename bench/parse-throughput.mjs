#!/usr/bin/env node
// Benchmark: parse+check throughput on generated text reports vs a baseline pass over the same files that only
// reads, decodes and splits lines. Prints reports/s, MB/s, peak RSS, the ratio to the baseline and RSS samples
// through the batch (memory should stay flat). No assertions: figures for the notes.
//   node bench/parse-throughput.mjs [--count 10000] [--rounds 3] [--layouts tab,markdown,...]
// With --corpus [DIR] it measures real-shaped reports instead (bench/corpus-throughput.mjs).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.includes('--corpus')) {
  await import('./corpus-throughput.mjs');
  process.exit(0);
}
const { writeCorpus, parseBytes, checkReport, decodeBytes } = await import('../dist/index.js');

const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const count = Number(opt('count', '10000'));
const layouts = opt('layouts', 'tab,markdown,pipe,cell-per-line,layout,pdf-default,text-gbk,traditional,prose')
  .split(',');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.bench-data', `text-${count}-${layouts.join('+')}`);

if (!existsSync(dir) || readdirSync(dir).filter((f) => f.endsWith('.txt')).length < count) {
  mkdirSync(dir, { recursive: true });
  const t = Date.now();
  writeCorpus(dir, { count, seed: 2026, layouts, damage: ['short-rows', 'truncated', 'inconsistent'],
    damageRate: 0.2 });
  console.log(`generated ${count} reports in ${((Date.now() - t) / 1000).toFixed(1)} s → ${dir}`);
}
const files = readdirSync(dir).filter((f) => !f.endsWith('.truth.json')).sort().slice(0, count)
  .map((f) => join(dir, f));
const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
const rounds = Number(opt('rounds', '3'));

// Both passes read every file from disk (the page cache, after the first round), as the issue defines the baseline:
// read, decode, split lines. The in-memory variant (bytes already read) is printed too.
function baseline(read) {
  let lines = 0;
  for (let i = 0; i < files.length; i++) lines += decodeBytes(read(i), files[i]).text.split('\n').length;
  return lines;
}

async function full(read, samples) {
  let findings = 0;
  for (let i = 0; i < files.length; i++) {
    const report = await parseBytes(read(i), files[i]);
    findings += checkReport(report).length; // (no extra work per report here: listing a report's cells costs ~10 µs)
    if (samples && i % Math.ceil(files.length / 10) === 0)
      samples.push(Math.round(process.memoryUsage().rss / 2 ** 20));
  }
  return findings;
}

const seconds = async (fn) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fromDisk = (i) => readFileSync(files[i]);

// warm up both paths, then alternate the passes for several rounds (this machine's speed drifts) and take medians
baseline(fromDisk);
await full(fromDisk, null);
const base = [];
const work = [];
let rss = [];
for (let r = 0; r < rounds; r++) {
  base.push(await seconds(() => baseline(fromDisk)));
  const samples = [];
  work.push(await seconds(() => full(fromDisk, samples)));
  rss = samples;
}
const inputs = files.map((f) => readFileSync(f));
const inMemory = (i) => inputs[i];
const baseMem = median([await seconds(() => baseline(inMemory)), await seconds(() => baseline(inMemory)),
  await seconds(() => baseline(inMemory))]);
const workMem = await seconds(() => full(inMemory, null));

const mb = bytes / 2 ** 20;
const b = median(base);
const w = median(work);
console.log(`reports: ${files.length} (${mb.toFixed(1)} MB, layouts ${layouts.join(',')}) · ${rounds} rounds, medians`);
console.log(`baseline (read+decode+split): ${b.toFixed(3)} s · ${(files.length / b).toFixed(0)} reports/s · ` +
  `${(mb / b).toFixed(1)} MB/s`);
console.log(`parse+check (read+parse+check): ${w.toFixed(3)} s · ${(files.length / w).toFixed(0)} reports/s · ` +
  `${(mb / w).toFixed(2)} MB/s`);
console.log(`ratio parse+check / baseline: ${(w / b).toFixed(1)}×   ` +
  `(rounds: ${work.map((x, i) => (x / base[i]).toFixed(1)).join(', ')})`);
console.log(`bytes in memory: decode+split ${(files.length / baseMem).toFixed(0)} reports/s · ` +
  `parse+check ${(files.length / workMem).toFixed(0)} reports/s · ratio ${(workMem / baseMem).toFixed(1)}×`);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB · ` +
  `RSS through the last batch (MB): ${rss.join(' → ')}`);
