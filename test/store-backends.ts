// The databases the store tests run on: PGlite (in memory, or in a temporary directory) always, and PostgreSQL
// when GONGKAI_TEST_PG_URL names a server (.ci/run starts a throwaway one) — each test file gets a database of
// its own there, dropped afterwards. Without the variable the PostgreSQL runs are skipped with a visible message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';

export const PG_URL = process.env.GONGKAI_TEST_PG_URL ?? '';

if (!PG_URL)
  process.stderr.write('store tests: GONGKAI_TEST_PG_URL is not set — the PostgreSQL runs are SKIPPED (PGlite only)\n');

export interface Backend {
  name: 'pglite' | 'postgres';
  available: boolean;
  /** a fresh, empty store and how to dispose of it */
  open(): Promise<{ store: Store; url: string | null; dataDir: string | null; dispose(): Promise<void> }>;
}

/** A new database on the test server, and its URL. */
export async function freshPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gongkai_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A temporary data directory for PGlite, removed by the caller. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'gongkai-store-test-'));
}

export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    available: true,
    async open() {
      const dataDir = tempDataDir();
      const store = await openStore({ dataDir });
      return { store, url: null, dataDir, async dispose() {
        await store.close().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      } };
    },
  },
  {
    name: 'postgres',
    available: PG_URL !== '',
    async open() {
      const db = await freshPgDatabase();
      const store = await openStore({ url: db.url });
      return { store, url: db.url, dataDir: null, async dispose() {
        await store.close().catch(() => undefined);
        await db.drop();
      } };
    },
  },
];
