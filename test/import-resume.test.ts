// Kill and resume: `gongkai import --json` (the built CLI, dist/) is killed with SIGKILL half-way through a batch,
// then run again on the same inputs; the database it leaves equals the one an uninterrupted run leaves — same
// reports, versions, sources and findings, no duplicates, nothing lost — and the second run resumed the first job.
// On PGlite always, and on PostgreSQL when GONGKAI_TEST_PG_URL is set.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../src/index.js';
import { signature } from '../src/store/findings.js';
import { openStore, type OpenOptions } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { PG_URL, freshPgDatabase, tempDataDir } from './store-backends.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const SYS = { userId: null, username: null };
const COUNT = 40;
const AGENCIES = Array.from({ length: 20 }, (_, i) => `${'青云白临松柳桂枫梅兰清明安丰和宁长平永新'[i]}川县人民政府`);

let dir = '';
const cleanups: (() => Promise<void>)[] = [];

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does it first)');
  dir = tempDataDir();
  mkdirSync(join(dir, 'in'));
  for (let i = 0; i < COUNT; i++) {
    const g = generateReport({ seed: 1000 + i, agency: AGENCIES[i % AGENCIES.length],
      year: 2022 + Math.floor(i / AGENCIES.length), layout: 'tab',
      damage: i % 5 === 0 ? ['inconsistent'] : [] });
    writeFileSync(join(dir, 'in', `r${String(i).padStart(2, '0')}.txt`), g.bytes);
  }
});
afterAll(async () => {
  for (const c of cleanups) await c();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A database holding the bodies of the batch, and the CLI flags that reach it. */
async function prepare(kind: 'pglite' | 'postgres', name: string): Promise<{ open: OpenOptions; flags: string[] }> {
  let open: OpenOptions;
  if (kind === 'pglite') open = { dataDir: join(dir, name) };
  else {
    const db = await freshPgDatabase();
    cleanups.push(db.drop);
    open = { url: db.url };
  }
  const store = await openStore(open);
  await store.upsertBodies(AGENCIES.map((n) => ({ name: n, aliases: [], level: 'county' as const, regionCode: '320813',
    parentId: null, dueDate: '03-31', scope: 'own' as const })), SYS);
  await store.close();
  return { open, flags: 'dataDir' in open ? ['--data-dir', open.dataDir] : ['--db', (open as { url: string }).url] };
}

// batches of 4 files (one transaction each): the kill lands mid-import, between batches or inside one
const env = { ...process.env, GONGKAI_IMPORT_THREADS: '2', GONGKAI_IMPORT_BATCH: '4' };

function runToEnd(flags: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, [MAIN, 'import', join(dir, 'in'), ...flags, '--json'],
    { cwd: ROOT, encoding: 'utf8', timeout: 600_000, env });
  if (r.error) throw r.error;
  expect(r.stderr).not.toMatch(/Error|invariant/);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as Record<string, number>;
}

/** Starts an import and kills it (SIGKILL) once `after` files are reported stored. */
function runAndKill(flags: string[], after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'import', join(dir, 'in'), ...flags, '--json'], { cwd: ROOT, env });
    let seen = 0;
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      seen = buf.split('\n').filter((l) => l.startsWith('{"name"')).length;
      if (seen >= after && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(seen) :
      reject(new Error(`exited ${code} before the kill`))));
  });
}

async function contents(open: OpenOptions) {
  const store: Store = await openStore(open);
  try {
    const reports = (await store.listReports({ limit: 1000, sort: 'body', order: 'asc' })).items;
    const out = [];
    for (const r of reports.sort((a, b) => `${a.bodyName}${a.year}`.localeCompare(`${b.bodyName}${b.year}`))) {
      const d = (await store.getReport(r.id))!;
      out.push({ body: r.bodyName, year: r.year, status: r.status, version: r.version,
        counts: r.counts, hash: d.source?.hash,
        versions: (await store.listVersions(r.id)).map((v) => [v.version, v.reason, v.status]),
        findings: d.findings.map((f) => `${f.status}:${signature(f)}`).sort() });
    }
    const jobs = await store.listImportJobs(10, 0);
    return { out, jobs: jobs.items.map((j) => ({ status: j.status, counts: j.counts })) };
  } finally {
    await store.close();
  }
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !PG_URL)(`kill and resume on ${kind}`, () => {
    it('a killed and resumed import leaves the database an uninterrupted one leaves', async () => {
      const whole = await prepare(kind, 'whole');
      expect(runToEnd(whole.flags)).toEqual({ imported: COUNT, unchanged: 0, failed: 0, pending: 0 });
      const cut = await prepare(kind, 'cut');
      const seen = await runAndKill(cut.flags, 12);
      expect(seen).toBeGreaterThanOrEqual(12);
      expect(seen).toBeLessThan(COUNT);
      const half = await contents(cut.open);
      expect(half.out.length).toBeGreaterThanOrEqual(12);
      expect(half.out.length).toBeLessThan(COUNT);
      expect(half.jobs).toMatchObject([{ status: 'running' }]);
      const totals = runToEnd(cut.flags);
      expect(totals.failed + totals.pending).toBe(0);
      expect(totals.imported + totals.unchanged).toBe(COUNT);
      const a = await contents(whole.open);
      const b = await contents(cut.open);
      expect(b.out).toEqual(a.out);
      expect(b.out.length).toBe(COUNT);
      // the second run resumed the killed job rather than starting another
      expect(b.jobs.length).toBe(1);
      expect(b.jobs[0].status).toBe('done');
      expect(b.jobs[0].counts.queued).toBe(0);
    }, 600_000);
  });
}
