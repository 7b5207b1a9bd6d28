#!/usr/bin/env node
// Benchmark: parse+check throughput on generated text reports vs a baseline pass over the same files that only
// reads, decodes and splits lines. Prints reports/s, MB/s, peak RSS, the ratio to the baseline and RSS samples
// through the batch (memory should stay flat). No assertions: figures for the notes.
//   node bench/parse-throughput.mjs [--count 10000] [--layouts tab,markdown,...]
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, parseBytes, checkReport, decodeBytes } from '../dist/index.js';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const count = Number(opt('count', '10000'));
const layouts = opt('layouts', 'tab,markdown,pipe,cell-per-line,layout,pdf-default,text-gbk,traditional,prose').split(',');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.bench-data', `text-${count}-${layouts.join('+')}`);

if (!existsSync(dir) || readdirSync(dir).filter((f) => f.endsWith('.txt')).length < count) {
  mkdirSync(dir, { recursive: true });
  const t = Date.now();
  writeCorpus(dir, { count, seed: 2026, layouts, damage: ['short-rows', 'truncated', 'inconsistent'], damageRate: 0.2 });
  console.log(`generated ${count} reports in ${((Date.now() - t) / 1000).toFixed(1)} s → ${dir}`);
}
const files = readdirSync(dir).filter((f) => !f.endsWith('.truth.json')).sort().slice(0, count).map((f) => join(dir, f));
const inputs = files.map((f) => readFileSync(f));
const bytes = inputs.reduce((a, b) => a + b.length, 0);

function baseline() {
  let lines = 0;
  for (let i = 0; i < inputs.length; i++) lines += decodeBytes(inputs[i], files[i]).text.split('\n').length;
  return lines;
}

async function full(samples) {
  let findings = 0;
  for (let i = 0; i < inputs.length; i++) {
    const report = await parseBytes(inputs[i], files[i]);
    findings += checkReport(report).length; // (no extra work per report here: listing a report's cells costs ~10 µs)
    if (samples && i % Math.ceil(inputs.length / 10) === 0) samples.push(Math.round(process.memoryUsage().rss / 2 ** 20));
  }
  return findings;
}

// warm up both paths on a slice, then measure
baseline();
await full(null);
const t0 = process.hrtime.bigint();
baseline();
const t1 = process.hrtime.bigint();
const rss = [];
await full(rss);
const t2 = process.hrtime.bigint();
const base = Number(t1 - t0) / 1e9;
const work = Number(t2 - t1) / 1e9;
const mb = bytes / 2 ** 20;
console.log(`reports: ${files.length} (${mb.toFixed(1)} MB, layouts ${layouts.join(',')})`);
console.log(`baseline (read+decode+split): ${base.toFixed(3)} s · ${(files.length / base).toFixed(0)} reports/s · ${(mb / base).toFixed(1)} MB/s`);
console.log(`parse+check:                  ${work.toFixed(3)} s · ${(files.length / work).toFixed(0)} reports/s · ${(mb / work).toFixed(2)} MB/s`);
console.log(`ratio parse+check / baseline: ${(work / base).toFixed(1)}×`);
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB · RSS through the batch (MB): ${rss.join(' → ')}`);
