// Statements of the import's write path sent as text and parameters as they are, without drizzle building them.
// Drizzle turns every parameter of a statement into a chunk it then looks at through a chain of class checks
// (drizzle-orm's `is`, walking each chunk's prototypes): a batch of 100 reports has ~2,500 parameters. In a CPU
// profile of 3,000 reports imported into PGlite, building the statements took ~1.4 s of the main thread's ~13 s
// sampled; bench/import.mjs (10,000 reports), main thread CPU with this and the batches filled (import/ahead.ts):
// PGlite 16.6 → 13.3 s, PostgreSQL 7.0 → 5.1 s. The text and values here are the ones drizzle made (the same
// columns, the values mapped as its column types map them: jsonb JSON.stringify'd, arrays as PostgreSQL array
// literals; test/raw-sql.test.ts), so the rows written are the same.
import type { Db } from './context.js';

/** Runs `text` with `params` ($1…) on a database or a transaction: its rows. */
export async function execRaw<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const q = db._.session.prepareQuery({ sql: text, params }, undefined, undefined, false);
  return ((await q.execute()) as { rows: T[] }).rows;
}

/** A statement's parameter list: `add` keeps a value and answers its placeholder. */
export class Params {
  readonly list: unknown[] = [];

  add(value: unknown): string {
    return `$${this.list.push(value)}`;
  }
}

/** A jsonb value as drizzle's jsonb column sends it (NULL stays NULL). */
export const jsonb = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** A float8[] value as drizzle's array column sends it: a PostgreSQL array literal (NULL, NaN as text). */
export const float8Array = (v: (number | null)[]): string => `{${v.map((x) => `${x}`).join(',')}}`;
