#!/usr/bin/env node
// Benchmark: `gongkai import` of N generated reports (the pipeline: hash, parse+check in the worker pool, body
// match, cross-year checks, batches of reports written one transaction each, job items recorded) into the embedded
// database (PGlite) and into PostgreSQL, against parse+check alone through the same pool in the same run. Prints
// reports/s and the ratio of each import's time to parse+check alone, and the CPU seconds each phase took (Linux:
// /proc) — of this process's main thread (where PGlite runs), of its other threads (the parse workers, mostly) and
// of the PostgreSQL server's processes — which a busy machine disturbs far less than the wall time. No
// assertions: figures for the notes.
//   node bench/import.mjs [--count 10000] [--pg postgres://…] [--threads N] [--skip-pglite] [--dist DIR]
// --dist: the build to measure (default dist/), e.g. a private build of another commit for an A/B in one session.
// PostgreSQL: --pg, else GONGKAI_BENCH_PG_URL; a fresh database (imp_bench_<pid>) is created on that server and
// dropped after. The PostgreSQL run also counts the statements sent to the server (round trips) per report.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { Piscina } from 'piscina';
import { childrenCpu, postmasterOf, processCpu } from './lib/cpu.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : def; };
const dist = pathToFileURL(`${resolve(opt('dist', join(dirname(fileURLToPath(import.meta.url)), '../dist')))}/`);
const { generateReport } = await import(new URL('index.js', dist).href);
const { openStore } = await import(new URL('store/open.js', dist).href);
const { runImport } = await import(new URL('import/pipeline.js', dist).href);
const { createPool } = await import(new URL('import/pool.js', dist).href);
const count = Number(opt('count', '10000'));
const pgUrl = opt('pg', process.env.GONGKAI_BENCH_PG_URL ?? '');
const threads = opt('threads', undefined);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.bench-data', `import-${count}`);
const SYS = { userId: null, username: null };

// bodies: invented county governments and departments (distinct agency keys), each reporting three years
const FIRST = '青云白临松柳桂枫梅兰清明安丰和宁长平永新金玉碧翠龙凤鹤鹭溪泉石望'.split('');
const SECOND = '山溪江河湖岭泉桥川林源阳宁安丰平水台塘湾峰坪'.split('');
const DEPTS = ['人民政府', '统计局', '教育局', '民政局', '生态环境局', '卫生健康局', '农业农村局', '交通运输局', '自然资源局', '审计局'];
const places = FIRST.flatMap((a) => SECOND.map((b) => a + b)).filter((p) => p[0] !== p[1]);
const nBodies = Math.ceil(count / 3);
const bodies = Array.from({ length: nBodies }, (_, i) =>
  `${places[i % places.length]}县${DEPTS[Math.floor(i / places.length) % DEPTS.length]}`);
if (nBodies > places.length * DEPTS.length) throw new Error(`at most ${places.length * DEPTS.length * 3} reports`);

if (!existsSync(dir) || readdirSync(dir).length < count) {
  mkdirSync(dir, { recursive: true });
  const t = Date.now();
  const layouts = ['tab', 'markdown', 'pipe', 'html', 'layout'];
  for (let i = 0; i < count; i++) {
    const g = generateReport({ seed: 7000 + i, agency: bodies[i % nBodies], year: 2021 + Math.floor(i / nBodies),
      layout: layouts[i % layouts.length], damage: i % 10 === 0 ? ['inconsistent'] : [] });
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}${g.extension}`), g.bytes);
  }
  console.log(`generated ${count} reports in ${((Date.now() - t) / 1000).toFixed(1)} s → ${dir}`);
}
const files = readdirSync(dir).sort().slice(0, count).map((f) => join(dir, f));

const pool = createPool(threads === undefined ? undefined : Number(threads));
console.log(`${count} reports, ${nBodies} bodies × 3 years, pool of ${pool.threads} worker threads, ` +
  `build ${fileURLToPath(dist)}`);

// the baseline: parse+check on as many worker threads, each handing back only whether it parsed (bare.run), and —
// for comparison with earlier runs — through the import's own pool (pool.run: the model handed back packed)
const bare = pool.threads > 0 ? new Piscina({ filename: new URL('./lib/parse-worker.mjs', import.meta.url).href,
  minThreads: pool.threads, maxThreads: pool.threads, workerData: { dist: dist.href } }) : null;
async function parseAlone(run = (task) => pool.run(task), okOf = (v) => v.ok) {
  const window = [];
  const depth = Math.max(2, pool.threads * 3);
  let ok = 0;
  for (const f of files) {
    window.push(run({ name: f, bytes: readFileSync(f) }));
    if (window.length >= depth) ok += okOf(await window.shift()) ? 1 : 0;
  }
  for (const w of window) ok += okOf(await w) ? 1 : 0;
  return ok;
}

// every statement the store sends to PostgreSQL goes through pg's Client#query: count them during the import
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(...a) {
  statements++;
  return clientQuery.apply(this, a);
};

/** CPU seconds spent by `fn`: main thread, the process's other threads, and the PostgreSQL server's processes */
async function cpuOf(fn, postmaster = null) {
  const p0 = processCpu();
  const s0 = postmaster ? childrenCpu(postmaster) : null;
  const value = await fn();
  const p1 = processCpu();
  const s1 = postmaster ? childrenCpu(postmaster) : null;
  const cpu = p0 && p1 ? { main: p1.main - p0.main, other: p1.all - p1.main - (p0.all - p0.main),
    server: s0 !== null && s1 !== null ? s1 - s0 : null } : null;
  return { value, cpu };
}
const cpuText = (c) => (c ? `CPU s: main thread ${c.main.toFixed(1)}, other threads ${c.other.toFixed(1)}` +
  (c.server !== null ? `, PostgreSQL server ${c.server.toFixed(1)}` : '') : '');

async function importInto(open, postmaster = null) {
  const store = await openStore(open);
  await store.upsertBodies(bodies.map((name) => ({ name, aliases: [],
    level: name.endsWith('政府') ? 'county' : 'department',
    regionCode: '320813', parentId: null, dueDate: '03-31', scope: 'own' })), SYS);
  const before = statements;
  const t = process.hrtime.bigint();
  // measured before the store closes: a closed connection's backend exits (its CPU is then its parent's)
  const { value: r, cpu } = await cpuOf(() => runImport(store, [dir], { actor: SYS, pool }), postmaster);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const trips = statements - before;
  await store.close();
  return { s, totals: r.totals, trips, cpu };
}

const secs = async (fn) => {
  const t = process.hrtime.bigint();
  const v = await fn();
  return [Number(process.hrtime.bigint() - t) / 1e9, v];
};
const rate = (s) => `${(count / s).toFixed(0)} reports/s`;

const bareRun = bare ? (task) => bare.run(task) : undefined;
const bareOk = bare ? (v) => v : undefined;
await parseAlone(); // warm the workers (module loading) before anything is timed
if (bare) await parseAlone(bareRun, bareOk);
const [viaPool, { cpu: poolCpu }] = await secs(() => cpuOf(() => parseAlone()));
const [base, { value: parsed, cpu: baseCpu }] = await secs(() => cpuOf(() => parseAlone(bareRun, bareOk)));
console.log(`parse+check alone:   ${base.toFixed(1)} s  ${rate(base)}  (${parsed} parsed)  ${cpuText(baseCpu)}`);
console.log(`  through the import's pool (model handed back): ${viaPool.toFixed(1)} s  ${rate(viaPool)}  ` +
  `${cpuText(poolCpu)}`);
await bare?.destroy();
const results = [['parse+check', base]];

if (!args.includes('--skip-pglite')) {
  const dataDir = join(root, '.bench-data', `import-pglite-${process.pid}`);
  try {
    const { s, totals, cpu } = await importInto({ dataDir });
    console.log(`import into PGlite:  ${s.toFixed(1)} s  ${rate(s)}  ` +
      `ratio to parse+check ${(s / base).toFixed(2)}×  ${JSON.stringify(totals)}`);
    console.log(`  ${cpuText(cpu)}`);
    results.push(['pglite', s]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (pgUrl) {
  const name = `imp_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    const { s, totals, trips, cpu } = await importInto({ url: url.href }, await postmasterOf(admin));
    console.log(`import into Postgres: ${s.toFixed(1)} s  ${rate(s)}  ` +
      `ratio to parse+check ${(s / base).toFixed(2)}×  ${JSON.stringify(totals)}`);
    console.log(`  ${cpuText(cpu)}`);
    console.log(`  statements sent to PostgreSQL: ${trips} (${(trips / count).toFixed(2)} per report)`);
    results.push(['postgres', s]);
  } finally {
    // the store's pool has ended, but its sockets may still be closing: a forced drop would kill them (an 'error'
    // event on the pool, which ends this process)
    for (let i = 0; i < 50; i++) {
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else console.log('PostgreSQL: skipped (give --pg URL or GONGKAI_BENCH_PG_URL)');
await pool.close();
