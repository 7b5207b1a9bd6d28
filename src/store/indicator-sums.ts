// What the indicators (src/analysis/indicators.ts) read, in SQL: per report only the cells the indicators use
// (about 40 of ~230 elements of reports.vals) with who and which year; and, for a trend over years that needs no
// per-report rows (the dashboard), the sums per year computed in the database with the indicators' own arithmetic —
// a group's items summed, else its printed subtotal; a blank or absent term makes the report's figure unknown; a
// total counts the reports where both numerator and denominator are known — so no report's values leave it.
import { sql, type SQL } from 'drizzle-orm';
import { INDICATORS, indicatorTerms, type Term } from '../analysis/indicators.js';
import type { TemplateVersion } from '../model/template.js';
import { KEYS_MAX, parseVals, withKeys } from './analysis.js';
import type { Ctx } from './context.js';
import { reportWhere } from './reports.js';
import type { ReportFilter } from './types.js';

/** A span of years (both ends included) over the filter's reports. */
export interface YearSpan {
  from?: number;
  to?: number;
}

const VERSION = `coalesce(reports.template, CASE WHEN reports.year <= 2020 THEN '2019' ELSE '2021' END)`;

function where(f: ReportFilter, span: YearSpan): SQL {
  const w: SQL[] = [];
  const cond = reportWhere(f);
  if (cond) w.push(cond);
  if (span.from !== undefined) w.push(sql`reports.year >= ${span.from}`);
  if (span.to !== undefined) w.push(sql`reports.year <= ${span.to}`);
  if (span.from !== undefined || span.to !== undefined) w.push(sql`reports.year IS NOT NULL`);
  return w.length ? sql`WHERE ${sql.join(w, sql` AND `)}` : sql``;
}

// reports.vals with its NULLs (absent cells) replaced once per row by -Infinity, never a cell's value: a subscript
// of an array without NULLs is a direct read, with them a walk of the null bitmap
const REPLACED = `array_replace(reports.vals, NULL, '-Infinity')`;

/**
 * Per report the filter selects (and the span of years): id, body, label (its body's name, else the agency read),
 * year, template and the values of `keys` in that order (null: blank or absent).
 */
export async function indicatorValues(ctx: Ctx, f: ReportFilter, span: YearSpan, keys: string[]): Promise<{
  id: number; bodyId: number | null; label: string; year: number | null; version: TemplateVersion;
  values: (number | null)[];
}[]> {
  const list = await withKeys<{ id: number; body_id: number | null; label: string | null; year: number | null;
    version: TemplateVersion; vals: string; keys_max: number }>(ctx, () => {
    const read = keys.map((k) => {
      const i = ctx.keys.idx(k);
      return i === undefined ? 'NULL::float8' : `nullif(nullif(x.v[${i}], '-Infinity'), 'NaN')`;
    });
    return sql`SELECT reports.id, reports.body_id, ${KEYS_MAX},
      coalesce(bodies.name, reports.agency, '') AS label, reports.year, ${sql.raw(VERSION)} AS version,
      (SELECT ARRAY[${sql.raw(read.join(', '))}]::text FROM (SELECT ${sql.raw(REPLACED)} AS v OFFSET 0) x) AS vals
    FROM reports LEFT JOIN bodies ON bodies.id = reports.body_id ${where(f, span)} ORDER BY reports.id`;
  });
  return list.map((r) => ({ id: Number(r.id), bodyId: r.body_id === null ? null : Number(r.body_id),
    label: r.label ?? '', year: r.year === null ? null : Number(r.year), version: r.version,
    values: parseVals(r.vals) }));
}

/** A cell's number (1-based index into reports.vals) or undefined when no key of that name is numbered. */
export type KeyIndex = (key: string) => number | undefined;

/** A term's value in SQL over the row's replaced array x.v (NULL when blank or absent). */
function termSql(idx: KeyIndex, t: Term): string {
  const cell = (k: string) => {
    const i = idx(k);
    return i === undefined ? 'NULL::float8' : `nullif(nullif(x.v[${i}], '-Infinity'), 'NaN')`;
  };
  if (!t.items) return cell(t.key);
  // the items' sum is NULL when any item is unknown: then the printed subtotal
  return `coalesce(${t.items.map(cell).join(' + ')}, ${cell(t.key)})`;
}

const sumSql = (idx: KeyIndex, terms: Term[]): string => terms.map((t) => termSql(idx, t)).join(' + ');

/** An indicator's numerator or denominator in SQL for either template. */
export function partSql(idx: KeyIndex, i: number, side: 'numerator' | 'denominator'): string {
  const [a, b] = (['2019', '2021'] as const).map((v) => {
    const terms = indicatorTerms(v)[i][side];
    return terms === null ? '1::float8' : sumSql(idx, terms);
  });
  return a === b ? a : `CASE WHEN x.version = '2019' THEN ${a} ELSE ${b} END`;
}

/**
 * Per year of the filter's reports (in the span): how many reports, and per indicator (INDICATORS order) the sum of
 * the numerators, of the denominators and the number of reports where both are known (as indicatorSums).
 */
export async function indicatorYearSums(ctx: Ctx, f: ReportFilter, span: YearSpan): Promise<{ year: number;
  reports: number; sums: number[] }[]> {
  const idx: KeyIndex = (k) => ctx.keys.idx(k);
  const parts = () => INDICATORS.flatMap((_, i) => [`${partSql(idx, i, 'numerator')} AS n${i}`,
    `${partSql(idx, i, 'denominator')} AS d${i}`]);
  const aggs = INDICATORS.flatMap((_, i) => {
    const known = `n${i} IS NOT NULL AND d${i} IS NOT NULL`;
    return [`coalesce(sum(n${i}) FILTER (WHERE ${known}), 0)`, `coalesce(sum(d${i}) FILTER (WHERE ${known}), 0)`,
      `count(*) FILTER (WHERE ${known})`];
  });
  const list = await withKeys<{ year: number; n: number; sums: string; keys_max: number }>(ctx, () => sql`SELECT
      p.year, count(*)::int AS n, ${KEYS_MAX}, ARRAY[${sql.raw(aggs.join(', '))}]::float8[]::text AS sums
    FROM (SELECT x.year, ${sql.raw(parts().join(', '))}
      FROM (SELECT reports.year, ${sql.raw(VERSION)} AS version, ${sql.raw(REPLACED)} AS v
        FROM reports LEFT JOIN bodies ON bodies.id = reports.body_id ${where(f, span)} OFFSET 0) x
      WHERE x.year IS NOT NULL OFFSET 0) p
    GROUP BY p.year ORDER BY p.year`);
  return list.map((r) => ({ year: Number(r.year), reports: Number(r.n), sums: parseVals(r.sums) as number[] }));
}
