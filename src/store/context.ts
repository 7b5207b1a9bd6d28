// What every query family gets: the drizzle database (or the transaction it runs in), the kind of database,
// a raw query function for SQL drizzle does not build, and the cell-key index behind reports.vals.
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';
import type { Actor } from './types.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Ctx {
  db: Db;
  kind: 'pglite' | 'postgres';
  raw: <T>(text: string, params?: unknown[]) => Promise<T[]>;
  keys: CellKeyIndex;
}

/** Rows of a drizzle `sql` query, on either driver (both answer `{ rows }`). */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** A raw query function over a drizzle database or transaction: `$1`… in the text are bound to `params`. */
export function rawOver(db: Db): Ctx['raw'] {
  return (text, params = []) => rows(db, sql.join(text.split(/\$(\d+)/)
    .map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)), sql``));
}

/** Runs `fn` in one transaction (the context's db is the transaction inside). */
export function inTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export const iso = (d: Date | string | null | undefined): string | null =>
  d == null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

/** A date column's value as YYYY-MM-DD (pg may hand back a Date for raw queries). */
export const day = (d: Date | string | null | undefined): string | null => {
  if (d == null) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d instanceof Date) return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return d.slice(0, 10);
};

export const actorName = (a: Actor): string | null => a.username;

/**
 * Cell keys numbered once and for ever (table cell_keys): reports.vals[idx] is the value of key idx, so sums
 * over many reports are plain array subscripts in SQL instead of JSON lookups.
 */
export class CellKeyIndex {
  private byKey = new Map<string, number>();
  private loaded = false;
  constructor(private readonly raw: Ctx['raw']) {}

  async load(): Promise<void> {
    const list = await this.raw<{ idx: number; key: string }>('SELECT idx, key FROM cell_keys');
    this.byKey = new Map(list.map((r) => [r.key, r.idx]));
    this.loaded = true;
  }

  /** Numbers the keys not yet numbered (another process may number them at the same time: re-read after). */
  async ensure(keys: Iterable<string>): Promise<void> {
    if (!this.loaded) await this.load();
    const missing = [...new Set(keys)].filter((k) => !this.byKey.has(k));
    if (missing.length === 0) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      const [{ next }] = await this.raw<{ next: number }>('SELECT coalesce(max(idx), 0) + 1 AS next FROM cell_keys');
      const params: unknown[] = [];
      const values = missing.map((k, i) => {
        params.push(next + i, k);
        return `($${2 * i + 1}, $${2 * i + 2})`;
      });
      try {
        await this.raw(`INSERT INTO cell_keys (idx, key) VALUES ${values.join(', ')} ON CONFLICT (key) DO NOTHING`,
          params);
        break;
      } catch (e) {
        // idx taken by another process: number from the new maximum
        if (attempt === 4) throw e;
      }
    }
    await this.load();
  }

  /**
   * The same index for queries run by `raw` (a transaction's: on PGlite a query outside a running transaction waits
   * for its end), starting from what this one holds; its reloads are its own.
   */
  over(raw: Ctx['raw']): CellKeyIndex {
    const view = new CellKeyIndex(raw);
    view.byKey = this.byKey;
    view.loaded = this.loaded;
    return view;
  }

  idx(key: string): number | undefined {
    return this.byKey.get(key);
  }

  all(): Map<string, number> {
    return this.byKey;
  }

  /**
   * The values array for a cell dictionary (1-based, as PostgreSQL arrays): NaN for a printed blank, NULL for a
   * cell the report does not have, so that the cells' values can be rebuilt from it alone (store/analysis.ts).
   */
  vector(cells: Record<string, { value: number | null }>): (number | null)[] {
    let max = 0;
    for (const k in cells) max = Math.max(max, this.byKey.get(k) ?? 0);
    const out: (number | null)[] = new Array(max).fill(null);
    for (const k in cells) {
      const i = this.byKey.get(k);
      if (i !== undefined) out[i - 1] = cells[k].value ?? NaN;
    }
    return out;
  }
}

export { sql };
