#!/usr/bin/env node
// Benchmark: the store queries that feed roll-up, indicators, filing status and 雷同 screening, at N stored reports
// (10k on PGlite, 100k on PostgreSQL by default), p50/p95 over repeated runs on random regions and years. Where the
// analysis functions exist (dist/analysis) they are run on the query results too, timed with them.
//   node bench/queries.mjs [--count 10000] [--pg postgres://…] [--runs 40] [--keep]
// Without --pg (or GONGKAI_BENCH_PG_URL) it seeds PGlite; with it, a fresh database on that server (dropped after).
// Seeding: bodies over the real GB/T 2260 counties of two provinces, five years each, reports cloned (in bulk
// INSERTs, not the import pipeline — that is bench/import.mjs) from a few hundred parsed generated reports: their
// cell values (reports.vals) and section texts (the version model keeps the sections, which 雷同 screening reads;
// the queries timed here never read cells from models), statuses and dates of a filing season.
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const { generateReport, parseBytes, checkReport } = await import('../dist/index.js');
const { openStore } = await import('../dist/store/open.js');
const { reports: reportsT, reportVersions } = await import('../dist/store/schema.js');
const analysisPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'analysis', 'index.js');
const analysis = existsSync(analysisPath) ? await import(analysisPath) : null;

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const pgUrl = opt('pg', process.env.GONGKAI_BENCH_PG_URL ?? '');
const count = Number(opt('count', pgUrl ? '100000' : '10000'));
const runs = Number(opt('runs', '40'));
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SYS = { userId: null, username: null };
const YEARS = [2020, 2021, 2022, 2023, 2024];

let open;
let drop = async () => {};
if (pgUrl) {
  const name = `gongkai_qbench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  open = { url: url.href };
  drop = async () => {
    if (args.includes('--keep')) return console.log(`kept ${url.href}`);
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  const dataDir = join(root, '.bench-data', `queries-pglite-${process.pid}`);
  open = { dataDir };
  drop = async () => rmSync(dataDir, { recursive: true, force: true });
}

const store = await openStore(open);
try {
  // ---------------------------------------------------------------- seed
  const t0 = Date.now();
  const counties = [];
  for (const p of ['320000', '330000']) for (const c of await store.listRegions(p)) counties.push(...(await store.listRegions(c.code)));
  const nBodies = Math.ceil(count / YEARS.length);
  const bodies = await store.upsertBodies(Array.from({ length: nBodies }, (_, i) => {
    const county = counties[i % counties.length];
    const govt = i < counties.length;
    return { name: govt ? `${county.name}人民政府` : `${county.name}第${i}局`, aliases: [], level: govt ? 'county' : 'department',
      regionCode: county.code, parentId: null, dueDate: govt ? '03-31' : '01-31', scope: 'own' };
  }), SYS);
  const samples = [];
  for (let i = 0; i < 200; i++) {
    const year = YEARS[i % YEARS.length];
    const g = generateReport({ seed: 9000 + i, year, layout: 'tab', damage: i % 8 === 0 ? ['inconsistent'] : [] });
    const report = await parseBytes(g.bytes, `s${i}.txt`);
    samples.push({ report, findings: checkReport(report) });
  }
  // number every cell key once (as imports do), then clone the samples in multi-row INSERTs
  const ctxKeys = new Set(samples.flatMap((s) => Object.keys(s.report.cells)));
  const allCells = Object.assign({}, ...samples.map((x) => x.report.cells));
  await store.saveImported({ report: { ...samples[0].report, cells: allCells }, findings: [], source: null, bodyId: null,
    year: null, status: 'pending', reason: 'seed' }, SYS);
  const idx = new Map((await store.db.execute('SELECT idx, key FROM cell_keys')).rows.map((r) => [r.key, r.idx]));
  for (const k of ctxKeys) if (!idx.has(k)) throw new Error(`key ${k} not numbered`);
  const vec = (cells) => {
    const out = new Array(Math.max(...idx.values())).fill(null);
    for (const [k, c] of Object.entries(cells)) if (idx.has(k)) out[idx.get(k) - 1] = c.value;
    return out;
  };
  const sampleVals = samples.map((s) => vec(s.report.cells));
  const statuses = ['published', 'published', 'published', 'published', 'accepted', 'submitted', 'returned', 'draft'];
  const day = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const BATCH = 100; // drizzle passes each array element as a parameter: 100 rows × ~200 cells
  let made = 0;
  for (const year of YEARS) {
    for (let b = 0; b < bodies.length && made < count; b += BATCH) {
      const chunk = bodies.slice(b, b + BATCH).slice(0, count - made);
      const rows = chunk.map((body, k) => {
        const n = (body.id * 7 + year) % samples.length;
        const s = samples[n];
        const status = year < 2024 ? 'published' : statuses[(body.id + k) % statuses.length];
        const errors = s.findings.filter((f) => f.severity === 'error').length;
        return {
          bodyId: body.id, year, status, template: year <= 2020 ? '2019' : '2021', title: s.report.title, agency: body.name,
          errors, warnings: s.findings.length - errors, vals: sampleVals[n],
          submittedAt: status === 'draft' ? null : day(year + 1, 1 + (body.id % 3), 1 + (body.id % 28)),
          acceptedAt: ['accepted', 'published'].includes(status) ? day(year + 1, 3, 1 + (body.id % 28)) : null,
          publishedAt: status === 'published' ? day(year + 1, 4, 1 + (body.id % 28)) : null,
        };
      });
      const ids = await store.db.insert(reportsT).values(rows).returning({ id: reportsT.id });
      await store.db.insert(reportVersions).values(ids.map(({ id }, k) => {
        const s = samples[(chunk[k].id * 7 + year) % samples.length].report;
        return { reportId: id, version: 1, reason: 'seed', status: rows[k].status,
          model: { ...s, cells: {}, narrative: [], diagnostics: [], agency: chunk[k].name, year } };
      }));
      made += rows.length;
    }
  }
  if (store.kind === 'postgres') await store.db.execute('ANALYZE');
  console.log(`seeded ${made} reports of ${bodies.length} bodies in ${counties.length} counties on ${store.kind} in ` +
    `${((Date.now() - t0) / 1000).toFixed(0)} s`);

  // ---------------------------------------------------------------- queries
  const cities = [...new Set(counties.map((c) => c.parentCode))];
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const INDICATOR_KEYS = ['applications/newReceived/total', 'applications/carriedOver/total',
    'applications/outcome.total/total', 'applications/outcome.granted/total', 'applications/outcome.partial/total',
    'applications/carriedForward/total', 'reviewLitigation/cases/review.corrected', 'reviewLitigation/cases/review.total'];
  const timed = async (label, fn) => {
    const ms = [];
    for (let i = 0; i < runs + 3; i++) {
      const t = process.hrtime.bigint();
      await fn();
      if (i >= 3) ms.push(Number(process.hrtime.bigint() - t) / 1e6); // three warm-up runs
    }
    ms.sort((a, b) => a - b);
    const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
    console.log(`${label.padEnd(58)} p50 ${q(0.5).padStart(7)} ms   p95 ${q(0.95).padStart(7)} ms`);
  };
  const year = () => pick(YEARS.slice(1));

  await timed('roll-up: cell sums of a city, one year (SQL)', () => store.cellSums({ region: pick(cities), year: year(), template: '2021' }));
  await timed('roll-up: cell sums of a province, one year (SQL)', () => store.cellSums({ region: pick(['320000', '330000']), year: year(), template: '2021' }));
  if (analysis) await timed('roll-up: city sums + relations checked (analysis.checkSums)', async () => {
    const y = year();
    const { cells } = await store.cellSums({ region: pick(cities), year: y, template: '2021' });
    analysis.checkSums(cells, '2021', y, 'bench');
  });
  await timed('roll-up drill-down: one cell per contributor of a city', () =>
    store.cellValues({ region: pick(cities), year: year() }, ['applications/newReceived/total']));
  await timed('indicators: inputs per report of a city, all years', () => store.cellValues({ region: pick(cities) }, INDICATOR_KEYS));
  await timed('indicators: inputs per report of a province, one year', () =>
    store.cellValues({ region: pick(['320000', '330000']), year: year() }, INDICATOR_KEYS));
  const filing = async (region) => {
    const y = year();
    const [b, r] = await Promise.all([store.listBodies({ region, limit: 1_000_000 }),
      store.listReports({ region, year: y, limit: 1_000_000 })]);
    if (analysis) analysis.filingStatus(b.items, r.items.map((s) => ({ reportId: s.id, bodyId: s.bodyId, year: s.year, status: s.status,
      submittedAt: s.submittedAt, acceptedAt: s.acceptedAt, publishedAt: s.publishedAt })), { year: y, asOf: `${y + 1}-06-30` }, region);
  };
  await timed(`filing status of a city${analysis ? ' (+ analysis.filingStatus)' : ''}`, () => filing(pick(cities)));
  await timed(`filing status of a province${analysis ? ' (+ analysis.filingStatus)' : ''}`, () => filing(pick(['320000', '330000'])));
  await timed('雷同 inputs: section texts of a county, one year', () => store.reportModels({ region: pick(counties).code, year: year() }, { parts: 'sections' }));
  if (analysis)
    await timed('雷同 screening of a county, a year against the one before (+ screenSimilarity)', async () => {
      const y = year();
      const list = await store.reportModels({ region: pick(counties).code }, { parts: 'sections' });
      analysis.screenSimilarity(list.filter((m) => m.summary.year === y || m.summary.year === y - 1).map((m) => ({
        reportId: m.summary.id, bodyId: m.summary.bodyId, bodyName: m.summary.bodyName ?? '', year: m.summary.year,
        report: m.report })), { year: y });
    });
} finally {
  await store.close();
  await drop();
}
