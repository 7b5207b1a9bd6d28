// The analysis functions on 10,000 in-memory reports: roll-up (with one drill-down cell, as the API asks, and with
// every cell), indicators, filing status and 通报 scoring; p50/p95 over several runs. The store's query time is not
// in these figures (bench/ of the store measures it); this is the pure computation the server adds on top.
//
//   npm run build && node bench/analysis.mjs [--count 10000] [--runs 11]
//
// Reports: complete, consistent reports (src/rules/testing makeReport) from 200 different value pickers, cycled
// over the bodies (so the cell objects are shared between reports: less memory than 10k distinct reports, same
// work per report). Findings are computed once per distinct report, as the store keeps them. Wall-clock and
// process CPU time (user + system, which includes the garbage collector's threads) are both printed: on a shared,
// busy machine the CPU time is the steadier of the two. Rough figures either way.
import { performance } from 'node:perf_hooks';
import { filingStatus } from '../dist/analysis/filing.js';
import { indicatorTable } from '../dist/analysis/indicators.js';
import { rollup } from '../dist/analysis/rollup.js';
import { scoreBodies } from '../dist/analysis/scoring.js';
import { checkReport } from '../dist/rules/index.js';
import { makeReport } from '../dist/rules/testing.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const COUNT = arg('count', 10_000);
const RUNS = arg('runs', 11);
const DISTINCT = 200;

const LEVELS = ['department', 'department', 'department', 'town', 'street', 'county'];
const STATUSES = ['published', 'published', 'published', 'accepted', 'submitted', 'returned', 'draft'];
const distinct = Array.from({ length: DISTINCT }, (_, s) => {
  const report = makeReport({ pick: (_k, i) => ((i * (s + 3)) % 13) + (s % 5), year: 2022 });
  return { report, findings: checkReport(report) };
});

const bodies = [];
const reports = [];
for (let b = 0; b < COUNT; b++) {
  const level = LEVELS[b % LEVELS.length];
  bodies.push({ id: b + 1, name: `单位${b + 1}`, level, regionCode: '990100', parentId: null, scope: 'own' });
  if (b % 17 === 0) continue; // missing
  const d = distinct[b % DISTINCT];
  const status = STATUSES[b % STATUSES.length];
  const day = 1 + (b % 28);
  reports.push({
    reportId: b + 1, bodyId: b + 1, bodyName: `单位${b + 1}`, level, regionCode: '990100', year: 2022, status,
    submittedAt: status === 'draft' ? null : `2023-0${1 + (b % 3)}-${String(day).padStart(2, '0')}`,
    publishedAt: status === 'published' ? `2023-0${2 + (b % 2)}-${String(day).padStart(2, '0')}` : null,
    returnedAt: status === 'returned' ? '2023-02-01' : null, resubmittedAt: null,
    report: d.report, findings: d.findings,
  });
}

function measure(name, fn) {
  fn(); // warm-up
  const times = [];
  const cpu = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const q = (list, p) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))];
  const f = (x) => x.toFixed(1).padStart(8);
  console.log(`${name.padEnd(32)} wall p50 ${f(q(times, 0.5))} ms  p95 ${f(q(times, 0.95))} ms   ` +
    `CPU p50 ${f(q(cpu, 0.5))} ms  p95 ${f(q(cpu, 0.95))} ms`);
  return out;
}

console.log(`analysis bench: ${COUNT} bodies, ${reports.length} reports, ${RUNS} runs each`);
const r1 = measure('rollup (one drill-down cell)', () =>
  rollup(reports, bodies, { year: 2022, drillKeys: ['applications/newReceived/total'] }));
measure('rollup (every drill-down cell)', () => rollup(reports, bodies, { year: 2022 }));
const it = measure('indicators', () => indicatorTable(reports, { minCases: 10 }));
const fs = measure('filing status', () => filingStatus(bodies, reports, { year: 2022, asOf: '2023-04-15' }));
measure('filing status (working days)', () =>
  filingStatus(bodies, reports, { year: 2022, asOf: '2023-04-15', workingDays: true }));
const rk = measure('scoring (stored findings)', () => scoreBodies(fs, reports, [], { year: 2022, asOf: '2023-04-15' }));
console.log(`checks: rollup findings ${r1.findings.length}, indicator rows ${it.rows.length}, ` +
  `overdue ${fs.summary.overdue}, missing ${fs.summary.missing}, ranked ${rk.rows.length}`);
