#!/usr/bin/env node
// Benchmark: memory of `gongkai check --json` over a growing batch. Generates 10,000 reports (text and HTML,
// cached in .bench-data/, in ten directories of 1,000), then runs the built CLI over the first 1,000 and over all
// 10,000, printing the child's RSS through each batch (from /proc every 5 s: Linux only) and its peak RSS
// (getrusage, any OS). The issue's bound: the peak at 10,000 within 1.5x the peak at 1,000 — check streams,
// keeping for cross-year pairing only a few numbers per report.
//   npm run build && node bench/check-memory.mjs [--count 10000]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from '../dist/index.js';
import { RSS_PRELOAD, peakRssMb } from './hostile-cases.mjs';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] || 10_000);
const per = 1000;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(root, 'dist', 'cli', 'main.js');
const dir = join(root, '.bench-data', `check-${count}`);
const parts = Math.ceil(count / per);
for (let i = 0; i < parts; i++) {
  const sub = join(dir, String(i).padStart(2, '0'));
  if (existsSync(sub) && readdirSync(sub).filter((f) => !f.endsWith('.truth.json')).length >= per) continue;
  // text and HTML layouts, some damage (findings to print)
  const layouts = ['tab', 'markdown', 'pipe', 'cell-per-line', 'layout', 'text-gbk', 'html', 'prose'];
  writeCorpus(sub, { count: per, seed: 9000 + i, layouts, damage: ['short-rows', 'inconsistent'], damageRate: 0.2 });
  process.stderr.write(`generated ${sub}\n`);
}

const vmRss = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return NaN;
  }
};

/** Run check --json over `inputs`; resolve with the RSS samples (MB, per 1,000 records) and the peak. */
function measure(inputs) {
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn(process.execPath, ['--import', RSS_PRELOAD, MAIN, 'check', '--json', ...inputs],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    const samples = [];
    let records = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (b) => {
      const text = tail + b.toString('utf8');
      const lines = text.split('\n');
      tail = lines.pop();
      records += lines.length;
    });
    // by time, not by records written: output waiting for a previous year is written late, reading goes on
    const timer = setInterval(() => samples.push([Math.round((Date.now() - t) / 1000), vmRss(child.pid)]), 5000);
    child.stderr.on('data', (b) => (stderr += b.toString('utf8')));
    child.on('close', (status) => clearInterval(timer) ?? resolve({ records, samples, peak: peakRssMb(stderr), status,
      seconds: (Date.now() - t) / 1000 }));
  });
}

const small = await measure([join(dir, '00')]);
const all = await measure([dir]);
for (const [label, r] of [[`${per}`, small], [`${count}`, all]]) {
  console.log(`check --json over ${label} reports: ${r.records} records, ${r.seconds.toFixed(1)} s, ` +
    `exit ${r.status}, peak RSS ${r.peak?.toFixed(0)} MB`);
  console.log('  RSS through the batch (s:MB, every 5 s): ' +
    `${r.samples.map(([n, mb]) => `${n}:${mb.toFixed(0)}`).join('  ')}`);
}
const ratio = all.peak / small.peak;
console.log(`peak RSS ratio ${count} / ${per}: ${ratio.toFixed(2)} (bound 1.5) ${ratio <= 1.5 ? 'ok' : 'OVER'}`);
