#!/usr/bin/env node
// Benchmark: the province filing page (催报, 50 rows, as GET /api/analysis/filing?limit=50 asks) of two builds, A/B
// interleaved on one seeded database (seed one with `node bench/queries.mjs --pg URL --keep`), in wall-clock time and
// in CPU time — the process's own (process.cpuUsage) and the database server's (the on-CPU time of the backends
// serving this database, /proc/<pid>/schedstat: the server must run on this machine). CPU time is what to compare
// on a loaded machine, where wall-clock time mostly measures the wait for a core. A build before the page was read
// in SQL (store/filing-outline.ts) reads every body and report of the province and computes every row.
//   node bench/filing-page.mjs --reuse postgres://… [--runs 20] [--dist DIR (default ./dist)] [--base DIR]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const here = dirname(fileURLToPath(import.meta.url));
const url = opt('reuse', process.env.GONGKAI_BENCH_PG_URL ?? '');
if (!url) throw new Error('--reuse URL (a database seeded by bench/queries.mjs --keep) is required');
const runs = Number(opt('runs', '20'));
const builds = [['this', opt('dist', join(here, '..', 'dist'))]];
if (opt('base', '')) builds.push(['base', opt('base', '')]);

const loaded = [];
for (const [name, dir] of builds) {
  const dist = pathToFileURL(`${resolve(dir)}/`);
  const { openStore } = await import(new URL('store/open.js', dist).href);
  const routes = await import(new URL('server/analysis-queries.js', dist).href);
  loaded.push({ name, store: await openStore({ url }), routes });
}
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const db = new URL(url).pathname.slice(1);
/** On-CPU milliseconds of every backend serving the database but this one. */
async function serverCpu() {
  const { rows } = await admin.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
  let ns = 0;
  for (const { pid } of rows) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    } catch { /* a backend gone since */ }
  }
  return ns / 1e6;
}

const PROVINCES = ['320000', '330000'];
const YEARS = [2021, 2022, 2023, 2024];
const times = new Map();
const note = (label, v) => (times.get(label) ?? times.set(label, []).get(label)).push(v);
try {
  for (let i = 0; i < runs + 2; i++) {
    const region = PROVINCES[i % 2];
    const year = YEARS[i % YEARS.length];
    for (const b of i % 2 ? loaded : [...loaded].reverse()) { // interleaved, each first in turn
      const s0 = await serverCpu();
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await b.routes.filing(b.store, region, year, `${year + 1}-06-30`, { limit: 50, offset: 0 });
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      const server = (await serverCpu()) - s0;
      if (i < 2) continue; // warm-up
      note(`${b.name}: wall ms`, wall);
      note(`${b.name}: process CPU ms`, (c.user + c.system) / 1000);
      note(`${b.name}: server CPU ms`, server);
      note(`${b.name}: process + server CPU ms`, (c.user + c.system) / 1000 + server);
    }
  }
} finally {
  await admin.end();
  for (const b of loaded) await b.store.close();
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
console.log(`${runs} runs each, interleaved; load average ${(await import('node:os')).loadavg()
  .map((x) => x.toFixed(1)).join(' ')}`);
for (const [label, xs] of times)
  const ms = (p) => q(xs, p).toFixed(1).padStart(7);
  console.log(`${label.padEnd(36)} p50 ${ms(0.5)}   p95 ${ms(0.95)}`);
