#!/usr/bin/env node
// Benchmark: a bounded load run on the read endpoints of `gongkai serve` (autocannon, 127.0.0.1 only, a fixed
// rate for a fixed duration). Seeds a temporary embedded database with generated published reports, starts the
// built server on it as a child process, warms up, then drives a fixed request rate over a mix of read endpoints.
// Prints p50/p99 latency, errors and non-2xx answers, and the server's RSS before and after the run (memory should
// stay flat). The bar (issue 10): p99 ≤ 50 ms at 200 req/s, no errors, RSS flat. No assertions: figures for the
// notes. Needs `npm run build` first.
//   node bench/load.mjs [--reports 300] [--rate 200] [--duration 30] [--connections 10] [--pg URL] [--dist DIR]
//   [--per-endpoint N] [--cpu-prof DIR] [--trace-gc] [--node-args '--flag …']
// --per-endpoint N: before the load, N requests of each endpoint one at a time, with the server's CPU per request
// (/proc, Linux) and the answer's size — what a busy machine disturbs far less than the load run's latencies.
// --trace-gc: the server's GC pauses during the run (count, total, longest, by kind).
// --node-args: more node/V8 options for the server process (to try a setting; the figures are then not the bar's).
// --cpu-prof DIR: the server runs with node's --cpu-prof, its profile written to DIR when it stops.
// --dist: the build to serve and seed with (default dist/), e.g. a private build for an A/B in one session.
// --pg: seed and serve a PostgreSQL database at URL instead (it must be a throwaway one: the bench adds to it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { seedLoadData } from './lib/load-seed.mjs';
import { startServing } from './lib/server.mjs';

const args = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : join(root, 'dist'));
const dist = pathToFileURL(`${distDir}/`);
const profDir = args.includes('--cpu-prof') ? resolve(args[args.indexOf('--cpu-prof') + 1]) : null;
const traceGc = args.includes('--trace-gc');
const nodeArgs = args.includes('--node-args') ? args[args.indexOf('--node-args') + 1].split(' ').filter(Boolean) : [];

/** The server's GC pauses (node --trace-gc lines on its stdout) from `from` on: count, total and longest by kind. */
function gcSummary(child, from) {
  const lines = child.gcLines.slice(from);
  const kinds = new Map();
  for (const l of lines) {
    const m = /(Scavenge|Mark-Compact|Mark-sweep)\S*\s.*?MB, ([\d.]+) \/ [\d.]+ ms/.exec(l);
    if (!m) continue;
    const k = kinds.get(m[1]) ?? { n: 0, total: 0, max: 0 };
    k.n++;
    k.total += Number(m[2]);
    k.max = Math.max(k.max, Number(m[2]));
    kinds.set(m[1], k);
  }
  return [...kinds].map(([k, v]) => `${k} ${v.n}× (${v.total.toFixed(0)} ms, longest ${v.max.toFixed(1)})`).join('; ');
}
const { generateReport, parseBytes, checkReport } = await import(new URL('index.js', dist).href);
const { openStore } = await import(new URL('store/open.js', dist).href);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : def; };
const pgUrl = args.includes('--pg') ? args[args.indexOf('--pg') + 1] : null;
const reportsWanted = opt('reports', 300);
const rate = opt('rate', 200);
const duration = opt('duration', 30);
const connections = opt('connections', 10);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-load-'));

async function seed() {
  const store = await openStore(pgUrl ? { url: pgUrl } : { dataDir: dir });
  try {
    return await seedLoadData(store, { generateReport, parseBytes, checkReport }, reportsWanted,
      pgUrl ? String(Date.now()) : '');
  } finally {
    await store.close();
  }
}

/** The baseline: a bare fastify answering {ok:true}, under the same load in the same run (machine noise). */
const BARE = `import Fastify from 'fastify'; const a = Fastify(); a.get('/ping', async () => ({ ok: true }));
await a.listen({ host: '127.0.0.1', port: 0 }); ` +
  `console.log('serving at http://127.0.0.1:' + a.server.address().port + '/');`;

function startServer(bare = false) {
  const argv = bare ? ['--input-type=module', '-e', BARE]
    : [...(profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []), ...(traceGc ? ['--trace-gc'] : []), ...nodeArgs,
      join(distDir, 'cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', '0',
      ...(pgUrl ? ['--db', pgUrl] : ['--data-dir', dir])];
  return startServing(argv, { cwd: root,
    env: { ...process.env, GONGKAI_DEMO: '0', GONGKAI_ADMIN_PASSWORD: 'bench-only-password' } });
}

/** utime + stime of a process, in ms (Linux /proc; USER_HZ 100) */
const cpuMs = (pid) => {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8'); // pid, or pid/task/tid for one thread
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

/** CPU ms of a process's main thread and of all its threads (JIT compiles, GC helpers, libuv pool) */
const threadsCpu = (pid) => ({ main: cpuMs(`${pid}/task/${pid}`), all: cpuMs(pid) });

/** Each endpoint on its own, one request at a time: the server's CPU ms per request, wall ms, answer bytes. */
async function perEndpoint(base, pid, paths, n) {
  for (const [name, make] of paths) {
    let bytes = 0;
    const c0 = cpuMs(pid);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const res = await fetch(base + make());
      bytes += (await res.arrayBuffer()).byteLength;
    }
    const wall = (performance.now() - t0) / n;
    console.log(`  ${name.padEnd(28)} server CPU ${((cpuMs(pid) - c0) / n).toFixed(2).padStart(6)} ms/request, ` +
      `wall ${wall.toFixed(2).padStart(6)} ms, ${(bytes / n / 1024).toFixed(1)} KB`);
  }
}

const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

function run(base, requests, seconds, r) {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections, duration: seconds, overallRate: r, requests }, (err, res) =>
      (err ? reject(err) : resolve(res)));
  });
}

const t0 = Date.now();
const { ids, city } = await seed();
console.log(`seeded ${ids.length} published reports in ${((Date.now() - t0) / 1000).toFixed(1)} s → ` +
  `${pgUrl ? 'PostgreSQL' : dir}`);
const { child, base } = await startServer();
child.gcLines = [];
if (traceGc) child.stdout.on('data', (d) => child.gcLines.push(...String(d).split('\n')));
try {
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const named = [
    ['reports, page of 20', () => '/api/reports?limit=20'],
    ['reports, year + region', () => `/api/reports?limit=20&year=2023&region=${city}`],
    ['one report', () => `/api/reports/${pick()}`],
    ['one report (again)', () => `/api/reports/${pick()}`],
    ['bodies, page of 50', () => '/api/bodies?limit=50'],
    ['regions', () => '/api/regions'],
    ['health', () => '/api/health'],
  ];
  const paths = named.map(([, make]) => make);
  const path = () => paths[Math.floor(Math.random() * paths.length)]();
  const each = opt('per-endpoint', 0);
  if (each > 0) {
    await perEndpoint(base, child.pid, named.filter(([n]) => n !== 'one report (again)'), each); // warm
    console.log(`per endpoint (${each} requests each, one at a time):`);
    await perEndpoint(base, child.pid, named.filter(([n]) => n !== 'one report (again)'), each);
  }
  const requests = [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }];
  await run(base, requests, 5, rate); // warm-up: JIT, caches, the database's pages
  const before = rssMb(child.pid);
  const gcFrom = child.gcLines.length;
  const cpu0 = threadsCpu(child.pid);
  const res = await run(base, requests, duration, rate);
  const after = rssMb(child.pid);
  const cpu1 = threadsCpu(child.pid);
  const perReq = (ms) => (ms / Math.max(1, res.requests.total)).toFixed(2);
  console.log(`server CPU during the run: main thread ${perReq(cpu1.main - cpu0.main)} ms/request, other threads ` +
    `${perReq(cpu1.all - cpu1.main - (cpu0.all - cpu0.main))} ms/request (JIT compiles, GC helpers)`);
  if (traceGc) console.log(`server GC pauses during the run: ${gcSummary(child, gcFrom)}`);
  const non2xx = res.non2xx ?? 0;
  console.log(`load: ${res.requests.total} requests in ${duration} s at ${rate} req/s target ` +
    `(${res.requests.average.toFixed(0)} req/s achieved), ${connections} connections`);
  const l = res.latency;
  console.log(`latency ms: p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, max ${l.max}`);
  console.log(`errors ${res.errors}, timeouts ${res.timeouts}, non-2xx ${non2xx}`);
  const grew = after - before;
  console.log(`server RSS: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after ` +
    `(${grew >= 0 ? '+' : ''}${grew.toFixed(1)} MB)`);
  const bare = await startServer(true);
  try {
    const ping = [{ method: 'GET', path: '/ping' }];
    await run(bare.base, ping, 5, rate);
    const b = await run(bare.base, ping, duration, rate);
    console.log(`baseline (bare fastify, same run): p50 ${b.latency.p50}, p99 ${b.latency.p99} ms; ` +
      `p99 ratio ${(l.p99 / Math.max(1, b.latency.p99)).toFixed(1)}×`);
  } finally {
    bare.child.kill('SIGTERM');
    await new Promise((r) => bare.child.once('exit', r));
  }
  const ok = res.latency.p99 <= 50 && res.errors === 0 && non2xx === 0 && after <= before * 1.2;
  console.log(`bar (p99 ≤ 50 ms, no errors, RSS within 20 %): ${ok ? 'met' : 'NOT met'}`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
