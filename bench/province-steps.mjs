#!/usr/bin/env node
// Benchmark: where a province-level analysis spends its time, step by step, on an already seeded database (seed one
// with `node bench/queries.mjs --pg URL --keep`): each store read (SQL, transfer and the driver's parsing, as the
// route runs it), the server's own execution time of the main SQL (EXPLAIN ANALYZE), the pure function after, and
// the JSON answer. p50 over --runs on the two seeded provinces and random years.
//   node bench/province-steps.mjs --reuse postgres://… [--runs 10] [--dist DIR (default ./dist)]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const dist = pathToFileURL(`${resolve(opt('dist', join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')))}/`);
const load = (path) => import(new URL(path, dist).href);
const { openStore } = await load('store/open.js');
const { filingStatus, filingPage } = await load('analysis/filing.js');
const { planRollup, contributorOrder } = await load('analysis/rollup.js');
const routes = await load('server/analysis-queries.js');
const url = opt('reuse', process.env.GONGKAI_BENCH_PG_URL ?? '');
if (!url) throw new Error('--reuse URL (a database seeded by bench/queries.mjs --keep) is required');
const runs = Number(opt('runs', '10'));
const store = await openStore({ url });
const client = new pg.Client({ connectionString: url });
await client.connect();
const PROVINCES = ['320000', '330000'];
const YEARS = [2021, 2022, 2023, 2024];
const all = { publishedOnly: false };
const times = new Map();
const note = (label, ms) => (times.get(label) ?? times.set(label, []).get(label)).push(ms);
async function step(label, fn) {
  const t = process.hrtime.bigint();
  const out = await fn();
  note(label, Number(process.hrtime.bigint() - t) / 1e6);
  return out;
}
async function server(label, text, params) {
  const res = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
  note(`${label} (server execution)`, res.rows[0]['QUERY PLAN'][0]['Execution Time']);
}
const like = (code) => `${code.replace(/0+$/, '').padEnd(2, '0')}%`;

try {
  for (let i = 0; i < runs + 1; i++) {
    const region = PROVINCES[i % 2];
    const year = YEARS[i % YEARS.length];
    const asOf = `${year + 1}-06-30`;
    // roll-up
    const bodies = await step('roll-up: bodies (analysisBodies)', () => store.analysisBodies(region));
    await server('roll-up: bodies', `SELECT id, name, level, region_code, parent_id, due_date, scope FROM bodies
      WHERE region_code LIKE $1 ORDER BY region_code, id`, [like(region)]);
    const metas = await step('roll-up: report metadata (rollupMetas)', () =>
      store.rollupMetas({ region, year, limit: 1_000_000 }));
    const plan = await step('roll-up: planRollup (JS)', () =>
      planRollup(metas, bodies, { year, regionCode: region, parentBodyId: null }));
    const out = await step('roll-up: whole route, every contributor (rollupOf)', () =>
      routes.rollupOf(store, { ...all, region }, year));
    const json = await step('roll-up: JSON.stringify of the answer', () => JSON.stringify(out));
    note('roll-up: answer KB', json.length / 1024);
    note('roll-up: contributors KB', JSON.stringify(out.contributors).length / 1024);
    void plan;
    if (store.rollupOutline) { // the route's answer (a page of contributors) planned in SQL (migration 0008)
      const q = { region, year, publishedOnly: false };
      const o = await step('roll-up page: outline (rollupOutline)', () => store.rollupOutline(q));
      const ids = await step('roll-up page: contributor order (JS)', () =>
        contributorOrder(o.ids.map((id, k) => ({ id, name: o.names[k] }))));
      await step('roll-up page: 50 contributor lines (contributorRows)', () =>
        store.contributorRows(q, ids.slice(0, 50)));
      await step('roll-up page: kept sums (regionTotals)', () => store.regionTotals({ ...q, version: '2021',
        expected: o.reports['2021'], leaveOut: [] }));
      await step('roll-up page: an empty snapshot (BEGIN … COMMIT)', () => store.snapshot(async () => 0));
      const paged = await step('roll-up page: whole route, a page of 50 (rollupOf)', () =>
        routes.rollupOf(store, { ...all, region }, year, undefined, [], { limit: 50, offset: 0 }));
      note('roll-up page: answer KB', JSON.stringify(paged).length / 1024);
    }
    // filing
    const fb = await step('filing: bodies (analysisBodies)', () => store.analysisBodies(region));
    const fr = await step('filing: reports (filingReports)', () => store.filingReports(region, year));
    await server('filing: reports', `SELECT r.id, r.body_id, r.status, to_char(r.submitted_at, 'YYYY-MM-DD'),
      to_char(r.accepted_at, 'YYYY-MM-DD'), to_char(r.published_at, 'YYYY-MM-DD') FROM reports r
      JOIN bodies b ON b.id = r.body_id WHERE r.year = $1 AND b.region_code LIKE $2 ORDER BY r.id`,
    [year, like(region)]);
    const st = await step('filing: filingStatus (JS)', () =>
      filingStatus(fb, fr, { year, asOf, dueDates: {} }, region));
    await step('filing: filingPage 50 (JS)', () => filingPage(st, { limit: 50, offset: 0 }));
    await step('filing: whole route, a page of 50', () => routes.filing(store, region, year, asOf,
      { limit: 50, offset: 0 }));
    // indicators
    const f = { region, limit: 1_000_000 };
    await step('indicators: five-year trend sums over the reports (indicatorYearSums)', () =>
      store.indicatorYearSums(f, { from: 2020, to: 2024 }));
    if (store.regionIndicatorSums) { // the kept sums (migration 0007)
      await step('indicators: five-year trend sums, kept (regionIndicatorSums)', () =>
        store.regionIndicatorSums(f, { from: 2020, to: 2024 }));
    }
    await step('indicators: five-year trend, whole route', () =>
      routes.indicators(store, { ...all, region }, { from: 2020, to: 2024, view: 'trend' }));
    await step('indicators: one year, whole route', () => routes.indicators(store, { ...all, region }, { year }));
    if (i === 0) times.clear(); // the first round warms up
  }
} finally {
  await client.end();
  await store.close();
}
const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, xs] of times) console.log(`${label.padEnd(60)} p50 ${p50(xs).toFixed(1).padStart(8)}`);
