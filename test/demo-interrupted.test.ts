// A first start killed while the demo province is loading: `gongkai serve` (the built CLI, dist/) is killed with
// SIGKILL once the first year's reports are stored. That leaves a part of the demo, its mark saying "loading" and
// the kept sums' triggers off. Opening the store turns the triggers on and sums what is stored; the next start
// empties the database and loads the demo again: the result equals an uninterrupted load (same reports, states,
// dates, versions and finding counts), the kept sums are right, and each demo user signs in with the password printed.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PROVINCE, DEMO_SETTING, loadDemo, type DemoMark } from '../src/demo/index.js';
import { loadDemoIfEmpty } from '../src/server/demo.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { tempDataDir } from './store-backends.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts `gongkai serve` on an empty data directory and kills it once a year of the demo is stored. */
function serveAndKill(dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'serve', '--data-dir', dataDir, '--port', '0'],
      { cwd: ROOT, env: { ...process.env, GONGKAI_DEMO: '1', GONGKAI_ADMIN_PASSWORD: '' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (/reports are stored/.test(out) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(out) :
      reject(new Error(`exited ${code} before the kill:\n${out}`))));
  });
}

/** What the catalogue says of the kept sums' triggers, and the demo's mark, read with the store closed. */
async function catalogue(dataDir: string) {
  const db = new PGlite(dataDir);
  try {
    const triggers = (await db.query<{ tgname: string; tgenabled: string }>(`SELECT tgname, tgenabled FROM pg_trigger
      WHERE tgrelid = 'reports'::regclass AND NOT tgisinternal AND tgname LIKE 'reports\\_%'`)).rows;
    const mark = (await db.query<{ value: DemoMark }>('SELECT value FROM settings WHERE key = $1', [DEMO_SETTING]))
      .rows[0]?.value;
    const sums = async () => (await db.query<{ row: string }>(
      'SELECT (s.*)::text AS row FROM region_sums s ORDER BY 1')).rows.map((r) => r.row);
    const kept = await sums();
    await db.query('SELECT gk_region_sums_rebuild()');
    return { off: triggers.filter((t) => t.tgenabled === 'D').length, triggers: triggers.length, mark, kept,
      rebuilt: await sums() };
  } finally {
    await db.close();
  }
}

async function contents(store: Store) {
  const reports = (await store.listReports({ limit: 10_000, region: DEMO_PROVINCE })).items;
  return reports.map((r) => ({ body: r.bodyName, year: r.year, status: r.status, counts: r.counts,
    submitted: r.submittedAt, published: r.publishedAt, version: r.version }))
    .sort((a, b) => `${a.body}${a.year}`.localeCompare(`${b.body}${b.year}`));
}

describe('a first start killed while the demo loads', () => {
  it('is loaded again whole on the next start, with the kept sums on and right', async () => {
    const today = new Date().toISOString().slice(0, 10); // the reload and the fresh load on the same day
    if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does it first)');
    const dir = tempDataDir();
    dirs.push(dir);
    const printed = await serveAndKill(join(dir, 'data'));
    expect(printed).toMatch(/first start: loading the demo province/);
    const killed = await catalogue(join(dir, 'data'));
    expect(killed.mark?.state).toBe('loading');
    expect(killed.off).toBe(killed.triggers); // the kill left them off: the path under test is taken
    expect(killed.triggers).toBeGreaterThan(0);

    // opening alone turns the triggers on and sums the part of the demo that is stored
    await (await openStore({ dataDir: join(dir, 'data') })).close();
    const opened = await catalogue(join(dir, 'data'));
    expect(opened.off).toBe(0);
    expect(opened.kept.length).toBeGreaterThan(0);
    expect(opened.kept).toEqual(opened.rebuilt);
    expect(opened.mark?.state).toBe('loading');

    const store = await openStore({ dataDir: join(dir, 'data') });
    const lines: string[] = [];
    let got;
    try {
      expect(await loadDemoIfEmpty(store, (l) => lines.push(l), { today })).toBe(true);
      expect(lines[0]).toMatch(/last load was stopped/);
      expect(await loadDemoIfEmpty(store, (l) => lines.push(l))).toBe(false); // loaded: left as it is
      got = await contents(store);
      for (const line of lines.filter((l) => /^ {2}\S/.test(l))) {
        const [, , username, password] = line.split(/\s+/);
        expect(await store.verifyPassword(username, password), username).not.toBeNull();
      }
    } finally {
      await store.close();
    }
    const after = await catalogue(join(dir, 'data'));
    expect(after.mark?.state).toBe('loaded');
    expect(after.off).toBe(0);
    expect(after.kept.length).toBeGreaterThan(0);
    expect(after.kept).toEqual(after.rebuilt);

    const fresh = await openStore({ dataDir: join(dir, 'fresh') });
    try {
      await loadDemo(fresh, { today });
      expect(got).toEqual(await contents(fresh));
    } finally {
      await fresh.close();
    }
  }, 300_000);
});
