#!/usr/bin/env node
// Benchmark: a bounded load run on the read endpoints of `gongkai serve` (autocannon, 127.0.0.1 only, a fixed
// rate for a fixed duration). Seeds a temporary embedded database with generated published reports, starts the
// built server on it as a child process, warms up, then drives a fixed request rate over a mix of read endpoints.
// Prints p50/p99 latency, errors and non-2xx answers, and the server's RSS before and after the run (memory should
// stay flat). The bar (issue 10): p99 ≤ 50 ms at 200 req/s, no errors, RSS flat. No assertions: figures for the
// notes. Needs `npm run build` first.
//   node bench/load.mjs [--reports 300] [--rate 200] [--duration 30] [--connections 10] [--pg URL]
// --pg: seed and serve a PostgreSQL database at URL instead (it must be a throwaway one: the bench adds to it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generateReport, parseBytes, checkReport } from '../dist/index.js';
import { openStore } from '../dist/store/open.js';
import { startServing } from './lib/server.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : def; };
const pgUrl = args.includes('--pg') ? args[args.indexOf('--pg') + 1] : null;
const reportsWanted = opt('reports', 300);
const rate = opt('rate', 200);
const duration = opt('duration', 30);
const connections = opt('connections', 10);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-load-'));
const system = { userId: null, username: null };

async function seed() {
  const store = await openStore(pgUrl ? { url: pgUrl } : { dataDir: dir });
  try {
    const province = (await store.listRegions(null)).find((r) => r.code === '320000');
    const cities = await store.listRegions(province.code);
    const bodies = await store.upsertBodies(Array.from({ length: Math.ceil(reportsWanted / 2) }, (_, i) => ({
      name: `负载测试第${i + 1}局${pgUrl ? Date.now() : ''}`, aliases: [], level: 'department',
      regionCode: cities[i % cities.length].code, parentId: null, dueDate: '01-31', scope: 'own' })), system);
    const ids = [];
    for (let i = 0; i < reportsWanted; i++) {
      const year = 2022 + (i % 2);
      const g = generateReport({ seed: 1000 + i, layout: 'tab', year, template: '2021' });
      const report = await parseBytes(g.bytes, `load-${i}.txt`);
      const { reportId } = await store.saveImported({ report, findings: checkReport(report), source: null,
        bodyId: bodies[Math.floor(i / 2)].id, year, status: 'published', publishedAt: `${year + 1}-01-20`,
        publishedUrl: 'https://example.gov.cn/r.html', reason: 'bench' }, system);
      ids.push(reportId);
    }
    return { ids, city: cities[0].code };
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
    : [join(root, 'dist/cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', '0',
      ...(pgUrl ? ['--db', pgUrl] : ['--data-dir', dir])];
  return startServing(argv, { cwd: root,
    env: { ...process.env, GONGKAI_DEMO: '0', GONGKAI_ADMIN_PASSWORD: 'bench-only-password' } });
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
try {
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const paths = [
    () => '/api/reports?limit=20',
    () => `/api/reports?limit=20&year=2023&region=${city}`,
    () => `/api/reports/${pick()}`,
    () => `/api/reports/${pick()}`,
    () => '/api/bodies?limit=50',
    () => '/api/regions',
    () => '/api/health',
  ];
  const path = () => paths[Math.floor(Math.random() * paths.length)]();
  const requests = [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }];
  await run(base, requests, 5, rate); // warm-up: JIT, caches, the database's pages
  const before = rssMb(child.pid);
  const res = await run(base, requests, duration, rate);
  const after = rssMb(child.pid);
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
