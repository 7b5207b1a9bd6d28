// A page of a list endpoint (reports, bodies) and its total in one statement, the page read as one JSON value:
//   SELECT json_agg(t), (<count>) FROM (<the page's query, each column named as its key>) t
// turned back into the rows drizzle would have given (keyed as the selection; values as the driver hands them:
// numbers, booleans, text, dates as 'YYYY-MM-DD' text, timestamps as ISO text that iso() reads the same).
//
// Why: on PGlite every statement is a round of protocol messages through the wasm engine and every field of every
// row a buffer copy and a text decode in the driver, then a mapping in drizzle; raw PGlite on the 300 reports of
// bench/load.mjs: the page of 20 reports plus its count 3.3 ms CPU, this 2.7 ms (json_build_array per row was
// slower still: 3.4 ms for the page alone), and drizzle's per-field mapping goes. Whole requests
// (bench/endpoints.mjs, CPU against the build before): reports page 6.3 → 5.2 ms, with year and region 5.4 → 4.1,
// bodies 4.5 → 3.7. The answers do not change (byte for byte in that bench; the store contract and read tests on
// both backends). The aggregate keeps the page's order: it reads a sorted, limited subquery with nothing between
// them that could reorder it.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { rows, type Ctx } from './context.js';

/** The selection with each column named as its key (`"reports"."body_id" AS "bodyId"`), for jsonPage. */
export function aliased<K extends string>(cols: Record<K, SQLWrapper>): Record<K, SQL.Aliased> {
  const out = {} as Record<K, SQL.Aliased>;
  for (const k of Object.keys(cols) as K[]) out[k] = sql`${cols[k]}`.as(k);
  return out;
}

/** The page (a query over aliased columns) as rows, and `count` (a query answering one row { n }) as the total. */
export async function jsonPage<T>(ctx: Ctx, page: SQLWrapper, count: SQLWrapper): Promise<{ items: T[];
  total: number }> {
  const [r] = await rows<{ j: T[] | null; n: number | string }>(ctx.db,
    sql`SELECT json_agg(t) AS j, (${count}) AS n FROM (${page}) t`);
  return { items: r.j ?? [], total: Number(r.n) };
}
