// Opens the store: PGlite in a data directory (embedded, the default) or PostgreSQL by URL; applies the numbered
// migrations (under an advisory lock, so several server processes may start on one PostgreSQL), loads the
// GB/T 2260 region tree once, and returns the Store.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { createStore } from './store.js';
import type { Store } from './types.js';
import { loadRegions } from './regions.js';
import { keepIndicatorSums } from './region-indicator-sums.js';
import { repairSumsLeftOff } from './region-sums.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type OpenOptions = { dataDir: string } | { url: string } | { memory: true };

/** A raw connection that can run a multi-statement SQL script (migrations). */
interface Raw {
  exec(sqlText: string): Promise<void>;
  query<T>(sqlText: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The store from the environment: DATABASE_URL, else GONGKAI_DATA_DIR (default ./data). */
export function openFromEnv(overrides: { dataDir?: string; url?: string } = {}): Promise<Store> {
  const url = overrides.url ?? (overrides.dataDir ? undefined : process.env.DATABASE_URL);
  if (url) return openStore({ url });
  return openStore({ dataDir: overrides.dataDir ?? process.env.GONGKAI_DATA_DIR ?? './data' });
}

/** PostgreSQL's type number of bytea. */
const BYTEA_OID = 17;

/**
 * bytea parameters handed to PGlite as they are: its message writer sends a parameter that is bytes in binary
 * format (copied as a block), while its own bytea serializer first spells the bytes out in hex, a JavaScript call per
 * byte (~0.7 s for 100 files of 11 KB, measured when source files were first written in batches). Its type says a
 * serializer returns text; the writer takes bytes too (test/import-batch.test.ts and store-contract.test.ts read
 * source files back byte for byte).
 */
const bytesAsThey = (value: unknown): unknown => value;

export async function openStore(options: OpenOptions): Promise<Store> {
  if ('url' in options) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: options.url, max: Number(process.env.GONGKAI_DB_POOL ?? 10) });
    // an idle client the server drops (a restart, a terminated backend) emits 'error' on the pool: without a
    // listener that would end the process; the pool discards the client and the next query opens a new one
    pool.on('error', (e) => process.emitWarning(`gongkai: PostgreSQL connection lost (${e.message}); reconnecting`));
    // migrations on one dedicated connection (a failed script leaves it to be rolled back, not the pool's)
    const conn = await pool.connect();
    try {
      await migrate({
        async exec(text) {
          await conn.query(text);
        },
        async query<T>(text: string, params?: unknown[]) {
          return (await conn.query(text, params)).rows as T[];
        },
        close: async () => undefined,
      }, true);
    } finally {
      conn.release();
    }
    const db = drizzle(pool, { schema }) as unknown as Db;
    const query = async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[];
    return createStore({ db, kind: 'postgres', close: () => pool.end(), raw: query });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  let dataDir: string | undefined;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = options.dataDir;
  }
  const client = new PGlite(dataDir, { serializers: { [BYTEA_OID]: bytesAsThey as (value: unknown) => string } });
  await client.waitReady;
  const { drizzle } = await import('drizzle-orm/pglite');
  const raw: Raw = {
    async exec(text) {
      await client.exec(text);
    },
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query<T>(text, params)).rows;
    },
    close: () => client.close(),
  };
  await migrate(raw, false);
  const db = drizzle(client, { schema }) as unknown as Db;
  return createStore({ db, kind: 'pglite', close: raw.close, raw: raw.query });
}

/** The migrations folder: beside this module (source), or the source copy when running from dist/. */
function migrationsDir(): string {
  for (const rel of ['./migrations/', '../../src/store/migrations/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new Error('invariant broken: src/store/migrations not found');
}

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  const dir = migrationsDir();
  return readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort().map((f) => ({
    version: Number(f.slice(0, 4)), name: f, sql: readFileSync(dir + f, 'utf8'),
  }));
}

/**
 * Applies the migrations not yet recorded in schema_migrations, each in its own transaction, then the regions; turns
 * back on the kept sums a killed bulk load left off.
 */
async function migrate(raw: Raw, shared: boolean): Promise<void> {
  // one process migrates at a time on a shared server; the lock is released with the transaction
  const lock = shared ? 'SELECT pg_advisory_xact_lock(72657001);' : '';
  await raw.exec(`BEGIN; ${lock}
    CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()); COMMIT;`);
  for (const m of migrationFiles()) {
    // the check and the script run under the same lock, so a second process waits and then sees it applied
    const script = `BEGIN; ${lock}
      DO $$ BEGIN IF EXISTS (SELECT 1 FROM schema_migrations WHERE version = ${m.version}) THEN
        RAISE EXCEPTION 'gongkai-migration-applied'; END IF; END $$;
      ${m.sql}
      INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name.replace(/'/g, "''")}');
      COMMIT;`;
    const done = await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations WHERE version = $1',
      [m.version]);
    if (done[0].n > 0) continue;
    try {
      await raw.exec(script);
    } catch (e) {
      await raw.exec('ROLLBACK').catch(() => undefined);
      if (!String((e as Error).message).includes('gongkai-migration-applied')) throw e;
    }
  }
  await loadRegions(raw.query);
  // the indicators' kept sums need a function written from the definitions in code (migration 0007)
  await keepIndicatorSums(raw, lock);
  if (await repairSumsLeftOff(raw.query)) {
    process.emitWarning('gongkai: a bulk load was stopped with the kept sums off; they are on again and rebuilt');
  }
}
