#!/usr/bin/env node
// Benchmark: opening a fresh embedded store (PGlite in an empty data directory, as on a first `npm start`) —
// whole openStore() time, against a bare PGlite start (initdb only) measured in the same run, and re-opening the
// existing directory. Phases of the first open: PGlite start, migrations, the GB/T 2260 region load. Then the whole
// first start of `gongkai serve` on an empty data directory (GONGKAI_DEMO=0: the demo province is another matter),
// from spawning the process to /api/health answering.
//   node bench/store-open.mjs [--rounds 3]        (needs `npm run build`: it times dist/)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const { openStore, migrationFiles } = await import('../dist/store/open.js');
const { divisionRegions, insertRegions } = await import('../dist/store/regions.js');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

const t = { bare: [], open: [], reopen: [], migrations: [], regions: [] };
for (let i = 0; i < rounds; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-open-'));
  try {
    let s = performance.now();
    const bare = new PGlite(join(dir, 'bare'));
    await bare.waitReady;
    t.bare.push(performance.now() - s);
    s = performance.now();
    for (const m of migrationFiles()) await bare.exec(m.sql);
    t.migrations.push(performance.now() - s);
    s = performance.now();
    await insertRegions(async (text, params) => (await bare.query(text, params)).rows, divisionRegions());
    t.regions.push(performance.now() - s);
    await bare.close();

    s = performance.now();
    const store = await openStore({ dataDir: join(dir, 'db') });
    t.open.push(performance.now() - s);
    await store.close();
    s = performance.now();
    const again = await openStore({ dataDir: join(dir, 'db') });
    t.reopen.push(performance.now() - s);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const regions = divisionRegions().length;
console.log(`regions loaded: ${regions}; rounds: ${rounds} (medians; a shared machine: figures are rough)`);
console.log(`  bare PGlite start (initdb):     ${ms(median(t.bare))}`);
console.log(`    + migrations:                 ${ms(median(t.migrations))}`);
console.log(`    + region load:                ${ms(median(t.regions))}`);
const ratio = (median(t.open) / median(t.bare)).toFixed(2);
console.log(`  openStore() on an empty dir:    ${ms(median(t.open))}  (${ratio}× bare)`);
console.log(`  openStore() on an existing dir: ${ms(median(t.reopen))}`);

/** A free port on 127.0.0.1. */
const freePort = () => new Promise((resolve) => {
  const srv = createServer().listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});

/** Spawns `gongkai serve` on an empty data directory and times it until /api/health answers. */
async function firstServe() {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-serve-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [new URL('../dist/cli/main.js', import.meta.url).pathname, 'serve',
    '--port', String(port)], { stdio: 'ignore', env: { ...process.env, GONGKAI_DATA_DIR: join(dir, 'data'),
    GONGKAI_DEMO: '0', GONGKAI_ADMIN_PASSWORD: 'bench-password-1', DATABASE_URL: '' } });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}
const serves = [];
for (let i = 0; i < rounds; i++) serves.push(await firstServe());
console.log(`  first \`gongkai serve\` (empty data dir, GONGKAI_DEMO=0) to /api/health: ${ms(median(serves))}`);
