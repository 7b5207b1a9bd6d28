// Migration 0010: the large values the import writes are compressed with lz4 on both backends (PostgreSQL's
// default is pglz, a third of the server's CPU in an import), and a value written after it is stored that way.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './store-backends.js';

const COLUMNS = [['source_files', 'bytes'], ['report_versions', 'model'], ['reports', 'vals']] as const;

/** A query on the backend's database, outside the store (which has no such door). */
type Query = (sql: string) => Promise<Record<string, unknown>[]>;

async function withDatabase(url: string | null, dataDir: string | null, fn: (q: Query) => Promise<void>) {
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await fn(async (sql) => (await c.query(sql)).rows);
    } finally {
      await c.end();
    }
    return;
  }
  const db = new PGlite(dataDir!);
  try {
    await fn(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`large values on ${backend.name}`, () => {
    it('are compressed with lz4, the columns set so and a long value written after stored so', async () => {
      const { store, url, dataDir, dispose } = await backend.open();
      try {
        await store.close(); // PGlite's directory is opened by one process at a time
        await withDatabase(url, dataDir, async (q) => {
          for (const [table, column] of COLUMNS) {
            const [row] = await q(`SELECT attcompression::text AS c FROM pg_attribute
              WHERE attrelid = '${table}'::regclass AND attname = '${column}'`);
            expect(row.c, `${table}.${column}`).toBe('l');
          }
          // a compressible value over the TOAST threshold: its stored form says which method compressed it
          await q(`INSERT INTO source_files (hash, name, format, size, bytes)
            VALUES ('h', 'a.txt', 'text', 100000, convert_to(repeat('政府信息公开', 10000), 'UTF8'))`);
          const [got] = await q(`SELECT pg_column_compression(bytes) AS c FROM source_files WHERE hash = 'h'`);
          expect(got.c).toBe('lz4');
        });
      } finally {
        await dispose();
      }
    });
  });
}
