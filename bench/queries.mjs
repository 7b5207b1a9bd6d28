#!/usr/bin/env node
// Benchmark: roll-up, indicators, filing status (催报) and 雷同 screening at N stored reports (10k on PGlite, 100k on
// PostgreSQL by default), p50/p95 over repeated runs on random regions and years. Timed as the API computes them:
// the functions of dist/server/analysis-queries.js that the routes and exports call (store queries + the pure
// analysis functions), and the JSON answer's size; the bare SQL aggregates are timed too.
//   node bench/queries.mjs [--count 10000] [--pg postgres://…] [--runs 40] [--keep] [--reuse URL] [--full-models]
//                          [--no-similarity]   (skip the 雷同 screening lines, the slowest) [--dist DIR]
//                          [--only TEXT]   (only the lines whose label holds TEXT, e.g. 'roll-up of a province')
// Without --pg (or GONGKAI_BENCH_PG_URL) it seeds PGlite; with it, a fresh database q_bench_<pid> on that server
// (dropped after unless --keep). --reuse URL: time an already seeded PostgreSQL database (kept by --keep), no seeding.
// Seeding: bodies over the real GB/T 2260 counties of two provinces, five years each, reports cloned (in bulk
// INSERTs, not the import pipeline — that is bench/import.mjs) from a few hundred parsed generated reports: their
// cell values (reports.vals: a number, NaN for a printed blank, NULL for an absent cell) and section texts (the
// version model keeps the sections, which 雷同 screening reads), statuses and dates of a filing season.
// Before/after on one seeded database: --keep once, then --reuse URL with each build (the analysis functions an
// older build lacks, such as the drill-down route, are skipped; an older build answers the trend view in full).
// Province roll-ups read the sums the write path keeps (migration 0006: seeding fills them through its triggers; a
// database seeded by an older build gets them when a newer one opens it); a region's indicator trend reads the sums
// kept the same way (migration 0007, rebuilt on open when missing), its one-year indicators each report's kept parts
// (0009: a page of 50 rows as the API asks, and every row as the export); the filing status is timed whole (the
// XLSX export) and as the 报送情况 page asks it, 50 rows (read in SQL: store/filing-outline.ts), in three orders.
// --full-models: the version models keep their cells too (60 KB each), and the whole-model read the analysis routes
// made before they read reports.vals is timed beside (for before/after figures; heavy: use with ~10k reports).
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
// --dist DIR: the build to time (default ./dist), for A/B runs of two builds on one seeded database
const dist = pathToFileURL(`${resolve(opt('dist', join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')))}/`);
const { generateReport, parseBytes, checkReport } = await import(new URL('index.js', dist).href);
const { openStore } = await import(new URL('store/open.js', dist).href);
const { reports: reportsT, reportVersions } = await import(new URL('store/schema.js', dist).href);
const routes = await import(new URL('server/analysis-queries.js', dist).href);
// the drill-down's own module (builds before it had none: analysis-queries re-exported it, or there was none)
const rollupDrill = (await import(new URL('server/rollup-drill.js', dist).href).catch(() => null))?.rollupDrill ??
  routes.rollupDrill;

const pgUrl = opt('pg', process.env.GONGKAI_BENCH_PG_URL ?? '');
const count = Number(opt('count', pgUrl ? '100000' : '10000'));
const runs = Number(opt('runs', '40'));
const reuse = opt('reuse', '');
const fullModels = args.includes('--full-models');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SYS = { userId: null, username: null };
const YEARS = [2020, 2021, 2022, 2023, 2024];

let open;
let drop = async () => {};
if (reuse) open = { url: reuse };
else if (pgUrl) {
  const name = `q_bench_${process.pid}`;
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
  const counties = [];
  for (const p of ['320000', '330000'])
    for (const c of await store.listRegions(p)) counties.push(...(await store.listRegions(c.code)));
  if (!reuse) await seed(counties);
  await time(counties);
} finally {
  await store.close();
  await drop();
}

async function seed(counties) {
  const t0 = Date.now();
  const nBodies = Math.ceil(count / YEARS.length);
  const bodies = await store.upsertBodies(Array.from({ length: nBodies }, (_, i) => {
    const county = counties[i % counties.length];
    const govt = i < counties.length;
    return { name: govt ? `${county.name}人民政府` : `${county.name}第${i}局`, aliases: [],
      level: govt ? 'county' : 'department',
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
  await store.saveImported({ report: { ...samples[0].report, cells: allCells }, findings: [], source: null,
    bodyId: null, year: null, status: 'pending', reason: 'seed' }, SYS);
  const idx = new Map((await store.db.execute('SELECT idx, key FROM cell_keys')).rows.map((r) => [r.key, r.idx]));
  for (const k of ctxKeys) if (!idx.has(k)) throw new Error(`key ${k} not numbered`);
  const vec = (cells) => {
    const out = new Array(Math.max(...idx.values())).fill(null);
    for (const [k, c] of Object.entries(cells)) if (idx.has(k)) out[idx.get(k) - 1] = c.value ?? NaN;
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
          bodyId: body.id, year, status, template: year <= 2020 ? '2019' : '2021', title: s.report.title,
          agency: body.name, errors, warnings: s.findings.length - errors, vals: sampleVals[n],
          submittedAt: status === 'draft' ? null : day(year + 1, 1 + (body.id % 3), 1 + (body.id % 28)),
          acceptedAt: ['accepted', 'published'].includes(status) ? day(year + 1, 3, 1 + (body.id % 28)) : null,
          publishedAt: status === 'published' ? day(year + 1, 4, 1 + (body.id % 28)) : null,
        };
      });
      const ids = await store.db.insert(reportsT).values(rows).returning({ id: reportsT.id });
      await store.db.insert(reportVersions).values(ids.map(({ id }, k) => {
        const s = samples[(chunk[k].id * 7 + year) % samples.length].report;
        return { reportId: id, version: 1, reason: 'seed', status: rows[k].status,
          model: { ...s, cells: fullModels ? s.cells : {}, narrative: [], diagnostics: [],
            agency: chunk[k].name, year } };
      }));
      made += rows.length;
    }
  }
  // PostgreSQL's autovacuum would analyse the new rows soon; PGlite has no autovacuum: statistics as after an import
  if (store.kind === 'postgres') await store.db.execute('ANALYZE');
  console.log(`seeded ${made} reports of ${bodies.length} bodies in ${counties.length} counties on ${store.kind} in ` +
    `${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function time(counties) {
  const [{ n }] = (await store.db.execute('SELECT count(*)::int AS n FROM reports')).rows;
  const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`${n} reports on ${store.kind}; load average ${load}; ${runs} runs each (3 warm-up)`);
  const cities = [...new Set(counties.map((c) => c.parentCode))];
  const provinces = ['320000', '330000'];
  const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];
  const year = () => pick(YEARS.slice(1));
  const county = () => pick(counties).code;
  const only = opt('only', ''); // --only TEXT: time only the lines whose label holds TEXT (a quicker A/B)
  const timed = async (label, fn, n = runs) => {
    if (!label.includes(only)) return;
    const ms = [];
    let bytes = 0;
    for (let i = 0; i < n + 3; i++) {
      const t = process.hrtime.bigint();
      const out = await fn();
      if (i >= 3) ms.push(Number(process.hrtime.bigint() - t) / 1e6); // three warm-up runs
      if (out !== undefined && i === n + 2) bytes = JSON.stringify(out).length;
    }
    ms.sort((a, b) => a - b);
    const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1);
    const size = bytes ? `   answer ${(bytes / 1024).toFixed(0)} KB` : '';
    console.log(`${label.padEnd(62)} p50 ${q(0.5).padStart(7)} ms   p95 ${q(0.95).padStart(7)} ms${size}`);
  };
  const all = { publishedOnly: false };
  const asOf = (y) => `${y + 1}-06-30`;
  const few = Math.max(5, Math.round(runs / 4));

  console.log('-- as the API answers (dist/server/analysis-queries.js: store reads + pure analysis)');
  // the route lists 50 contributors by default (an older build ignores the page and answers every contributor: see
  // the answer's size); the export's plan, every contributor, is timed beside
  const contributorsPage = { limit: 50, offset: 0 };
  const rollupOf = (scope, y) => routes.rollupOf(store, scope, y, undefined, [], contributorsPage);
  await timed('roll-up of a county, one year', () => rollupOf({ ...all, region: county() }, year()));
  await timed('roll-up of a city, one year', () => rollupOf({ ...all, region: pick(cities) }, year()));
  await timed('roll-up of a city, published only (the public)', () =>
    rollupOf({ region: pick(cities), publishedOnly: true }, year()));
  await timed('roll-up of a province, one year', () => rollupOf({ ...all, region: pick(provinces) }, year()), few);
  await timed('roll-up of a province, published only (the public)', () =>
    rollupOf({ region: pick(provinces), publishedOnly: true }, year()), few);
  await timed('roll-up of a province, every contributor (the export\'s plan)', () =>
    routes.rollupOf(store, { ...all, region: pick(provinces) }, year()), few);
  if (rollupDrill) { // drill-down on demand (the page opens one cell); before, every answer held every cell's
    const cell = 'applications/newReceived/total';
    await timed('roll-up drill-down into one cell, a city', () =>
      rollupDrill(store, { ...all, region: pick(cities) }, year(), undefined, [cell]));
    await timed('roll-up drill-down into one cell, a province', () =>
      rollupDrill(store, { ...all, region: pick(provinces) }, year(), undefined, [cell]), few);
    // the page's drill-down: one page of 20, the largest first
    await timed('roll-up drill-down into one cell, a province, a page by value', () =>
      rollupDrill(store, { ...all, region: pick(provinces) }, year(), undefined, [cell],
        { limit: 20, offset: 20, sort: 'value' }), few);
    await timed('roll-up of a city with every drill-down cell (the XLSX export)', () =>
      routes.rollupOf(store, { ...all, region: pick(cities) }, year(), undefined, 'all'), few);
  }
  // as GET /api/analysis/indicators asks (a page of 50 rows, each ranking's first 10; an older build answers every
  // row), and every row as the export reads it
  const page = { limit: 50, offset: 0, top: 10 };
  await timed('indicators of a city, one year', () =>
    routes.indicators(store, { ...all, region: pick(cities) }, { year: year(), ...page }));
  await timed('indicators of a city, five years (a row per report)', () =>
    routes.indicators(store, { ...all, region: pick(cities) }, { from: 2020, to: 2024 }));
  await timed('indicators of a city, five years, trend (the dashboard)', () =>
    routes.indicators(store, { ...all, region: pick(cities) }, { from: 2020, to: 2024, view: 'trend' }));
  await timed('indicators of a province, five years, trend', () =>
    routes.indicators(store, { ...all, region: pick(provinces) }, { from: 2020, to: 2024, view: 'trend' }), few);
  await timed('indicators of a province, one year (the page: 50 rows)', () =>
    routes.indicators(store, { ...all, region: pick(provinces) }, { year: year(), ...page }), few);
  await timed('indicators of a province, one year sorted by a rate', () =>
    routes.indicators(store, { ...all, region: pick(provinces) }, { year: year(), ...page, sort: 'disclosureRate',
      order: 'desc' }), few);
  await timed('indicators of a province, one year, every row (the export)', () =>
    routes.indicators(store, { ...all, region: pick(provinces) }, { year: year() }), few);
  await timed('filing status of a city', () => {
    const y = year();
    return routes.filing(store, pick(cities), y, asOf(y));
  });
  await timed('filing status of a province (every row: the XLSX export)', () => {
    const y = year();
    return routes.filing(store, pick(provinces), y, asOf(y));
  });
  // the 报送情况 page asks for 50 rows (an older build answers every row: see the answer's size)
  await timed('filing status of a province, one page of 50 (the page)', () => {
    const y = year();
    return routes.filing(store, pick(provinces), y, asOf(y), { limit: 50, offset: 0 });
  });
  // the page's other orders: by name every body's name is ordered (the outline lists them all: its worst case);
  // those to chase only, by due date
  await timed('filing status of a province, one page of 50 by name', () => {
    const y = year();
    return routes.filing(store, pick(provinces), y, asOf(y), { limit: 50, offset: 0, sort: 'name' });
  }, few);
  await timed('filing status of a province, to chase, by due date, page 3', () => {
    const y = year();
    return routes.filing(store, pick(provinces), y, asOf(y), { limit: 50, offset: 100, chase: true, sort: 'due' });
  }, few);
  if (!args.includes('--no-similarity')) {
    await timed('雷同 screening of a county (a year and the one before)', () =>
      routes.similarity(store, { ...all, region: county() }, year()));
    await timed('雷同 screening of a city (a year and the one before)', () =>
      routes.similarity(store, { ...all, region: pick(cities) }, year()), few);
  }

  console.log('-- store reads alone');
  await timed('cell sums of a city, one year (SQL aggregate)', () =>
    store.cellSums({ region: pick(cities), year: year(), template: '2021' }));
  await timed('cell sums of a province, one year (SQL aggregate)', () =>
    store.cellSums({ region: pick(provinces), year: year(), template: '2021' }), few);
  if (store.rollupMetas) {
    const included = async (region) => (await store.rollupMetas({ region, year: year(), template: '2021' }))
      .map((m) => m.reportId);
    const [city, province] = [await included(pick(cities)), await included(pick(provinces))];
    await timed(`roll-up totals of a city in SQL (${city.length} reports)`, () => store.rollupTotals('2021', [city]));
    await timed(`roll-up totals of a province in SQL (${province.length} reports)`, () =>
      store.rollupTotals('2021', [province]), few);
    if (store.regionTotals) { // the sums the write path keeps (migration 0006)
      const metas = (await store.rollupMetas({ region: '320000', year: 2023 })).filter((m) => m.version === '2021');
      const ask = { region: '320000', year: 2023, version: '2021', publishedOnly: false, expected: metas.length,
        leaveOut: [] };
      if (!(await store.regionTotals(ask))) throw new Error('the kept sums did not answer');
      await timed(`roll-up totals of a province from the kept sums (${metas.length} reports)`, () =>
        store.regionTotals(ask), few);
    }
  }
  await timed('cell values of a city, one year (reports.vals)', () =>
    store.reportModels({ region: pick(cities), year: year() }, { parts: 'values' }).then(() => undefined));
  await timed('section texts of a county, one year (JSON models)', () =>
    store.reportModels({ region: county(), year: year() }, { parts: 'sections' }).then(() => undefined));
  if (fullModels) {
    await timed('whole models of a city, one year (the routes\' read before)', () =>
      store.reportModels({ region: pick(cities), year: year() }).then(() => undefined), few);
  }
}
