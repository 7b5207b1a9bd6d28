#!/usr/bin/env node
// Benchmark: CPU per request of each read endpoint of bench/load.mjs's mix, served in-process (fastify's inject: no
// sockets) by two builds on copies of one seeded database, each round in a fresh child process per build, the
// order alternating — the A/B that a shared, busy machine disturbs least (CPU time, not latency; medians over the
// rounds). Each child warms every endpoint first (JIT, the kept report runs), then measures. With --b, B is also
// measured with no kept report models (`reportAnswerBudget: 0`): the share of the kept runs of
// GET /api/reports/:id (src/server/report-answer.ts), which this bench justifies. Before the rounds, every answer
// of both builds is compared byte for byte (the lists at several offsets, every report): a difference stops it.
// Why children: in one process the builds share one heap, and the GC work one build's garbage causes lands on
// whichever request triggers it.
//   node bench/endpoints.mjs [--a dist/] [--b DIR] [--reports 300] [--requests 200] [--rounds 3]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seedLoadData } from './lib/load-seed.mjs';

const args = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const distA = resolve(opt('a', join(root, 'dist')));
const distB = opt('b', null) ? resolve(opt('b', null)) : null;
const reportsWanted = Number(opt('reports', 300));
const n = Number(opt('requests', 200));
const rounds = Number(opt('rounds', 3));
const child = opt('child', null); // internal: [dist, data dir, budget, ids json]
const dir = child ? null : mkdtempSync(join(tmpdir(), 'gongkai-endpoints-'));
const load = (dist, path) => import(pathToFileURL(join(dist, path)).href);

/** The data of bench/load.mjs: published generated reports, two a body, bodies spread over the cities. */
async function seed(into) {
  const engine = await load(distA, 'index.js');
  const { openStore } = await load(distA, 'store/open.js');
  const store = await openStore({ dataDir: into });
  try {
    return await seedLoadData(store, engine, reportsWanted);
  } finally {
    await store.close();
  }
}

async function serveFrom(dist, data, options = {}) {
  const { openStore } = await load(dist, 'store/open.js');
  const { buildApp } = await load(dist, 'server/app.js');
  const store = await openStore({ dataDir: data });
  const app = await buildApp({ store, webRoot: null, ...options });
  await app.ready();
  return { app, store };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** the endpoints of bench/load.mjs's mix */
const endpoints = (ids, city) => {
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  return [
    ['reports, page of 20', () => '/api/reports?limit=20'],
    ['reports, year + region', () => `/api/reports?limit=20&year=2023&region=${city}`],
    ['one report', () => `/api/reports/${pick()}`],
    ['bodies, page of 50', () => '/api/bodies?limit=50'],
    ['regions', () => '/api/regions'],
    ['health', () => '/api/health'],
  ];
};

/** In a child: one build on its own copy of the data; prints { endpoint: CPU ms per request }. */
async function measure([dist, data, budget, seeded]) {
  const { ids, city } = JSON.parse(seeded);
  const s = await serveFrom(dist, data, budget === '' ? {} : { reportAnswerBudget: Number(budget) });
  const out = {};
  for (const pass of ['warm', 'measure']) {
    for (const [name, make] of endpoints(ids, city)) {
      const t = cpuMs();
      for (let k = 0; k < (pass === 'warm' ? Math.max(n, 2 * ids.length) : n); k++) {
        const res = await s.app.inject(make());
        if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      out[name] = (cpuMs() - t) / n;
    }
  }
  await s.app.close();
  await s.store.close();
  process.stdout.write(JSON.stringify(out));
}

if (child) {
  await measure(child.split('\n'));
} else {
  try {
    const seeded = await seed(join(dir, 'seed'));
    const { ids, city } = seeded;
    const runs = [['A', distA, '']];
    if (distB) runs.push(['B', distB, ''], ['B, no kept runs', distB, '0']);
    if (distB) {
      const [a, b] = [await serveFrom(distA, copy('check-a')), await serveFrom(distB, copy('check-b'))];
      const paths = ['/api/reports?limit=20', `/api/reports?limit=20&year=2023&region=${city}`,
        '/api/reports?limit=20&offset=290', '/api/reports?limit=20&offset=100000', '/api/reports?limit=5&sort=body',
        '/api/bodies?limit=50', '/api/bodies?limit=50&offset=140', '/api/bodies?limit=50&offset=100000',
        '/api/regions', '/api/health', '/api/reports/999999', ...ids.map((id) => `/api/reports/${id}`)];
      for (const p of paths) {
        const [x, y] = [await a.app.inject(p), await b.app.inject(p)];
        if (x.statusCode !== y.statusCode || x.body !== y.body) throw new Error(`answers differ: ${p}`);
      }
      for (const s of [a, b]) {
        await s.app.close();
        await s.store.close();
      }
      console.log(`answers of A and B byte for byte the same: ${paths.length} requests`);
    }
    const cpu = new Map(runs.map(([name]) => [name, {}]));
    for (let r = 0; r < rounds; r++) {
      for (const [name, dist, budget] of r % 2 ? [...runs].reverse() : runs) {
        const data = copy(`r${r}-${cpu.size}-${name.length}`);
        const text = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--requests', String(n),
          '--child', [dist, data, budget, JSON.stringify(seeded)].join('\n')], { encoding: 'utf8' });
        rmSync(data, { recursive: true, force: true });
        for (const [k, v] of Object.entries(JSON.parse(text))) (cpu.get(name)[k] ??= []).push(v);
      }
    }
    console.log(`CPU ms per request (in-process, median of ${rounds} child processes each, ${n} requests ` +
      `after a warm-up): ${runs.map(([name]) => name).join(' | ')}`);
    for (const [name] of endpoints(ids, city)) {
      const m = runs.map(([run]) => median(cpu.get(run)[name]));
      const ratio = m.length > 1 ? `  B/A ${(m[1] / m[0]).toFixed(2)}` : '';
      console.log(`  ${name.padEnd(24)} ${m.map((x) => x.toFixed(2).padStart(6)).join(' | ')}${ratio}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** a copy of the seeded data */
function copy(name) {
  const to = join(dir, name);
  cpSync(join(dir, 'seed'), to, { recursive: true });
  return to;
}
