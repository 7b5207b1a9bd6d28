// The indicators' trend sums the write path keeps (table region_indicator_sums, migration 0007): per body's region
// code, year and published-or-not, how many reports and, per indicator, the sums of the numerators and denominators
// where both are known and how many those are — what indicator-sums.ts indicatorYearSums computes over every report
// of a region per request. A region's trend then reads tens of rows (a province's five years: ~50,000 reports).
// A report's parts are computed in the database by gk_indicator_parts, written here from the indicators' own
// definitions (src/analysis/indicators.ts, through indicator-sums.ts partSql) and the cell keys' numbers when the
// store opens; when it changed (a new definition, a key numbered differently) the kept sums are rebuilt. So is each
// report's own parts, kept by migration 0009 (store/report-indicators.ts reads them), from a function written beside.
import { sql } from 'drizzle-orm';
import { INDICATORS, indicatorTerms } from '../analysis/indicators.js';
import { parseVals } from './analysis.js';
import { rows, type Ctx } from './context.js';
import { partSql, type KeyIndex, type YearSpan } from './indicator-sums.js';
import { subtreePattern } from './regions.js';
import type { ReportFilter } from './types.js';

/** Every cell the parts read: the terms' keys and their groups' items, in both templates. */
export const INDICATOR_CELLS: string[] = [...new Set((['2019', '2021'] as const).flatMap((v) =>
  indicatorTerms(v).flatMap((d) => [...d.numerator, ...(d.denominator ?? [])])
    .flatMap((t) => [t.key, ...(t.items ?? [])])))].sort();

/**
 * The parts function: per indicator [numerator, denominator, 1] where both are known, else [0, 0, 0]. One SELECT of
 * expressions over its arguments, so the planner inlines it into the trigger's statement: written as a subquery it
 * ran per report as a function call (~2 ms a report, a rebuild of 100k reports took minutes).
 * (n + 0 * d is NULL when either is.)
 */
export function indicatorPartsFunction(idx: KeyIndex): string {
  const arg = (e: string) => e.replaceAll('x.v[', '$2[').replaceAll('x.version', '$1');
  const out = INDICATORS.flatMap((_, i) => {
    const n = `(${arg(partSql(idx, i, 'numerator'))})`;
    const d = `(${arg(partSql(idx, i, 'denominator'))})`;
    return [`coalesce(${n} + 0 * ${d}, 0)`, `coalesce(${d} + 0 * ${n}, 0)`,
      `CASE WHEN ${n} + ${d} IS NULL THEN 0 ELSE 1 END`];
  });
  return `CREATE OR REPLACE FUNCTION gk_indicator_parts(version text, v float8[]) RETURNS float8[]
  LANGUAGE sql IMMUTABLE AS $f$
  SELECT ARRAY[${out.join(',\n    ')}]::float8[]
$f$`;
}

/**
 * The per-report parts function (migration 0009): per indicator the numerator and the denominator as float8send
 * bytes (NaN where unknown), concatenated — inlined into the trigger's statement as gk_indicator_parts is.
 */
export function indicatorReportPartsFunction(idx: KeyIndex): string {
  const arg = (e: string) => e.replaceAll('x.v[', '$2[').replaceAll('x.version', '$1');
  const out = INDICATORS.flatMap((_, i) => (['numerator', 'denominator'] as const)
    .map((side) => `float8send(coalesce(${arg(partSql(idx, i, side))}, 'NaN'))`));
  return `CREATE OR REPLACE FUNCTION gk_indicator_report_parts(version text, v float8[]) RETURNS bytea
  LANGUAGE sql IMMUTABLE AS $f$
  SELECT ${out.join('\n    || ')}
$f$`;
}

/** A connection that runs scripts and queries in one session (the store's migration connection). */
export interface Session {
  exec(sqlText: string): Promise<void>;
  query<T>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

/**
 * On open, after the migrations (under the same lock on a shared server, in one transaction): writeIndicatorParts.
 */
export async function keepIndicatorSums(s: Session, lock: string): Promise<void> {
  await s.exec(`BEGIN; ${lock}`);
  try {
    await writeIndicatorParts(s.query);
    await s.exec('COMMIT');
  } catch (e) {
    await s.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * Numbers the cells the parts read (so a later import numbering keys cannot change the function), writes the parts
 * functions (the sums' and each report's, 0009) and, when they differ from those the kept sums and parts were made
 * with, rebuilds both. Single statements: the
 * store's reset runs it on its pool too (after emptying cell_keys, which renumbers the keys).
 */
export async function writeIndicatorParts(query: Session['query']): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    // ON CONFLICT: another process numbering keys at the same moment took the number; try again
    const [{ n }] = await query<{ n: number }>(`WITH k AS (SELECT w.k, row_number() OVER (ORDER BY w.k) AS r
        FROM unnest($1::text[]) AS w (k) WHERE NOT EXISTS (SELECT 1 FROM cell_keys c WHERE c.key = w.k)),
      ins AS (INSERT INTO cell_keys (idx, key) SELECT (SELECT coalesce(max(idx), 0) FROM cell_keys) + k.r, k.k FROM k
        ON CONFLICT DO NOTHING RETURNING 1)
      SELECT ((SELECT count(*) FROM k) - (SELECT count(*) FROM ins))::int AS n`, [INDICATOR_CELLS]);
    if (n === 0) break;
  }
  const numbered = new Map((await query<{ idx: number; key: string }>(
    'SELECT idx, key FROM cell_keys WHERE key = ANY ($1::text[])', [INDICATOR_CELLS])).map((r) => [r.key, r.idx]));
  const idx: KeyIndex = (k) => numbered.get(k);
  const defs = [indicatorPartsFunction(idx), indicatorReportPartsFunction(idx)];
  const def = defs.join(';\n');
  const [kept] = await query<{ def: string }>('SELECT def FROM indicator_sums_def');
  if (kept?.def === def) return;
  for (const d of defs) await query(d);
  await query('SELECT gk_indicator_sums_rebuild()');
  await query('SELECT gk_report_indicators_rebuild()');
  await query('DELETE FROM indicator_sums_def');
  await query('INSERT INTO indicator_sums_def (def) VALUES ($1)', [def]);
}

/**
 * The trend sums per year of a region's reports (as indicatorYearSums gives them) from the kept sums, or null when
 * the filter asks more than a region and published-or-not (the kept groups cannot tell), or for no region (the
 * kept sums leave out reports without a body).
 */
export async function regionIndicatorSums(ctx: Ctx, f: ReportFilter, span: YearSpan):
  Promise<{ year: number; reports: number; sums: number[] }[] | null> {
  const asked = Object.entries(f).filter(([k, v]) => v !== undefined && !['region', 'publishedOnly', 'limit']
    .includes(k));
  if (!f.region || asked.length > 0) return null;
  const w = [sql`region_code LIKE ${subtreePattern(f.region)}`];
  if (f.publishedOnly) w.push(sql`published`);
  if (span.from !== undefined) w.push(sql`year >= ${span.from}`);
  if (span.to !== undefined) w.push(sql`year <= ${span.to}`);
  const list = await rows<{ year: number; n: number; sums: string | null }>(ctx.db, sql`WITH t AS (
      SELECT year, n, sums FROM region_indicator_sums WHERE ${sql.join(w, sql` AND `)})
    SELECT y.year, y.n, (SELECT array_agg(e.s ORDER BY e.i)::text FROM (SELECT u.i, sum(u.x) AS s
        FROM t, unnest(t.sums) WITH ORDINALITY u (x, i) WHERE t.year = y.year GROUP BY u.i) e) AS sums
    FROM (SELECT year, sum(n)::int AS n FROM t GROUP BY year) y ORDER BY y.year`);
  return list.map((r) => ({ year: Number(r.year), reports: Number(r.n), sums: parseVals(r.sums) as number[] }));
}
