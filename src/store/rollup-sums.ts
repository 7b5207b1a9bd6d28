// The sums of a roll-up in SQL (src/analysis/rollup.ts plans it and checks the result): groups of reports — those
// summed, and per 口径 check the report itself and its subordinates — each summed over reports.vals in one query,
// so a province's 10,000 reports are not read into the process. Also the few cells a drill-down reads.
//
// In reports.vals a printed blank is NaN and an absent cell NULL: a sum leaves both out (blank is not zero), and a
// count of the non-NULL values tells a key every report printed blank (sum NULL, count > 0: blank) from one no report
// has (count 0: absent). （六）其他处理 is summed in both shapes, as its three items and as one row (a report's own
// one row, else the sum of its items; a blank item makes it blank: NaN propagates), and the analysis picks one.
import { sql, type SQL } from 'drizzle-orm';
import type { Cell, Report } from '../model/report.js';
import { cellKey, splitCellKey, type TemplateVersion } from '../model/template.js';
import type { RollupTotals } from '../model/analysis.js';
import { COLUMNS, ITEMS, drillCells, totalKeys } from '../analysis/rollup.js';
import { rows, type Ctx } from './context.js';
import { subtreePattern } from './regions.js';
import { reports } from './schema.js';
import { KEYS_MAX, ValueCell, parseVals, withKeys } from './analysis.js';

const OTHER = 'applications/outcome.other/';

/**
 * The SQL value of one key in a row's array `v` where absent cells are -Infinity (NULL when beyond its end): the
 * value NULL when absent, NaN when blank, else the number.
 */
function valueOf(ctx: Ctx, key: string, v: string): string {
  const at = (i: number) => `nullif(${v}[${i}], '-Infinity')`;
  const i = ctx.keys.idx(key);
  const own = i === undefined ? 'NULL::float8' : at(i);
  if (!key.startsWith(OTHER)) return own;
  // the one-row 其他处理: the report's own row, else the sum of the items it has
  const col = splitCellKey(key).column;
  const items = ITEMS.map((it) => ctx.keys.idx(cellKey('applications', it, col)))
    .filter((x): x is number => x !== undefined).map(at);
  if (items.length === 0) return own;
  const none = items.map((x) => `${x} IS NULL`).join(' AND ');
  return `coalesce(${own}, CASE WHEN ${none} THEN NULL ELSE ${items.map((x) => `coalesce(${x}, 0)`).join(' + ')} END)`;
}

/** Whether a report prints （六）其他处理 as one row (a 2019-template report always does). */
function singleOf(ctx: Ctx, v: string): string {
  const own = COLUMNS.map((c) => ctx.keys.idx(`${OTHER}${c}`)).filter((x): x is number => x !== undefined);
  const version = `coalesce(template, CASE WHEN year <= 2020 THEN '2019' ELSE '2021' END) = '2019'`;
  return [version, ...own.map((i) => `nullif(${v}[${i}], '-Infinity') IS NOT NULL`)].join(' OR ');
}

const intArray = (ids: number[]): string => `{${ids.map((x) => Math.trunc(x)).join(',')}}`;

/**
 * The totals of each group of reports (by id) over the keys of `version`, in the order given. A report may be in
 * several groups (a 口径 report is summed and also compared with its subordinates).
 */
export async function rollupTotals(ctx: Ctx, version: TemplateVersion, groups: number[][]): Promise<RollupTotals[]> {
  const out: RollupTotals[] = groups.map(() => ({ single: false, sums: {} }));
  const ids: number[] = [];
  const tags: number[] = [];
  groups.forEach((g, n) => { for (const id of g) { ids.push(id); tags.push(n); } });
  if (ids.length === 0) return out;
  const keys = totalKeys(version);
  let exprs: string[] = [];
  // Each subscript of an array with NULLs walks its null bitmap from the start; with the NULLs replaced (once per
  // row, in the inner query) a subscript is a direct read: 3–4× faster over ~230 keys. A sum leaves blanks (NaN)
  // and absent cells out; only where it is NULL must a second look tell a key printed blank from an absent one.
  const from = sql`FROM (SELECT g.grp, r.template, r.year, array_replace(r.vals, NULL, '-Infinity') AS v
      FROM unnest(${intArray(ids)}::int[], ${intArray(tags)}::int[]) AS g (id, grp)
      JOIN reports r ON r.id = g.id OFFSET 0) t GROUP BY t.grp`;
  const first = await withKeys<{ grp: number; single: boolean | string; sums: string; keys_max: number }>(ctx, () => {
    exprs = keys.map((k) => valueOf(ctx, k, 't.v'));
    return sql`SELECT t.grp, ${KEYS_MAX},
      bool_or(${sql.raw(singleOf(ctx, 't.v'))}) AS single,
      ARRAY[${sql.raw(exprs.map((e) => `sum(nullif(${e}, 'NaN'))`).join(', '))}]::text AS sums ${from}`;
  });
  const unknown = new Set<number>(); // key positions summed to NULL in some group
  for (const row of first) {
    const sums = parseVals(row.sums);
    const totals = out[Number(row.grp)];
    totals.single = row.single === true || row.single === 't';
    keys.forEach((k, i) => {
      if (sums[i] !== null) totals.sums[k] = sums[i];
      else if (exprs[i] !== 'NULL::float8') unknown.add(i);
    });
  }
  if (unknown.size === 0) return out;
  const look = [...unknown];
  const second = await rows<{ grp: number; present: string }>(ctx.db, sql`SELECT t.grp,
      ARRAY[${sql.raw(look.map((i) => `count(${exprs[i]})`).join(', '))}]::text AS present ${from}`);
  for (const row of second) {
    const present = parseVals(row.present);
    const totals = out[Number(row.grp)];
    look.forEach((i, n) => { if (present[n]! > 0 && !(keys[i] in totals.sums)) totals.sums[keys[i]] = null; });
  }
  return out;
}

/** Each report's cells among the drill-down's `keys` (and what they are summed of), by report id. */
export async function drillReports(ctx: Ctx, ids: number[], keys: string[]):
  Promise<Map<number, Pick<Report, 'cells'>>> {
  if (ids.length === 0 || keys.length === 0) return new Map();
  const list = await drillRows(ctx, keys, 'reports', (read) => sql`SELECT reports.id, ${KEYS_MAX}, ${read} AS vals
    FROM reports WHERE ${reports.id} = ANY (${intArray(ids)}::int[])`);
  return new Map(list.map((r) => [r.id, { cells: r.cells }]));
}

/**
 * Up to this many cells are read as elements of reports.vals, more through one copy of the array per row. At 100k
 * reports on PostgreSQL (a province's 10,730 reports), one cell: 23 ms against 55 ms for the copy; eight: 29–37 ms;
 * without any: 20 ms (EXPLAIN ANALYZE, this session's note).
 */
const FEW_SLOTS = 8;

/** Which reports a region's drill-down reads: the region's of a year and template, less those it leaves out. */
export interface DrillScope {
  region?: string;
  year: number;
  version: TemplateVersion;
  publishedOnly: boolean;
  leaveOut: number[];
}

/**
 * The drill-down's cells of a region's reports of a year and template (the roll-up's, less the reports `leaveOut`):
 * one statement, with each report's body, and none of the rows a whole roll-up plan would read.
 */
export async function drillRegion(ctx: Ctx, q: DrillScope, keys: string[]):
  Promise<{ id: number; bodyId: number; cells: Report['cells'] }[]> {
  if (keys.length === 0) return [];
  const version = sql.raw(`coalesce(r.template, CASE WHEN r.year <= 2020 THEN '2019' ELSE '2021' END)`);
  return drillRows(ctx, keys, 'r', (read) => sql`SELECT r.id, r.body_id, ${KEYS_MAX}, ${read} AS vals
    FROM reports r JOIN bodies b ON b.id = r.body_id
    WHERE r.year = ${q.year} AND ${version} = ${q.version}
      ${q.region ? sql`AND b.region_code LIKE ${subtreePattern(q.region)}` : sql``}
      ${q.publishedOnly ? sql`AND r.status = 'published'` : sql``}
      ${q.leaveOut.length ? sql`AND NOT (r.id = ANY (${intArray(q.leaveOut)}::int[]))` : sql``}`);
}

/**
 * Rows of `select(read)`, where `read` is the SQL of the drill-down's slots of `table`.vals as a text array, with
 * each row's cells among them decoded (a printed blank null; an absent cell left out).
 */
async function drillRows(ctx: Ctx, keys: string[], table: 'reports' | 'r', select: (read: SQL) => SQL):
  Promise<{ id: number; bodyId: number; cells: Report['cells'] }[]> {
  const cells = drillCells(keys);
  let slots: [string, number][] = [];
  const list = await withKeys<{ id: number; body_id?: number; vals: string; keys_max: number }>(ctx, () => {
    slots = cells.flatMap((k): [string, number][] => {
      const i = ctx.keys.idx(k);
      return i === undefined ? [] : [[k, i]];
    });
    if (slots.length <= FEW_SLOTS) {
      // a few elements read directly (an absent one is NULL, as beyond the array's end)
      const read = slots.length === 0 ? 'NULL::float8' : slots.map(([, i]) => `${table}.vals[${i}]`).join(', ');
      return select(sql`ARRAY[${sql.raw(read)}]::text`);
    }
    const read = slots.map(([, i]) => `nullif(x.v[${i}], '-Infinity')`).join(', ');
    // many: reports.vals read once per row (a subquery over it), not once per slot
    return select(sql`(SELECT ARRAY[${sql.raw(read)}]::text
        FROM (SELECT array_replace(${sql.raw(table)}.vals, NULL, '-Infinity') AS v OFFSET 0) x)`);
  });
  return list.map((r) => {
    const vals = parseVals(r.vals);
    const model: Record<string, Cell> = {};
    slots.forEach(([key], at) => {
      const v = vals[at];
      if (v !== null && v !== undefined) model[key] = new ValueCell(key, Number.isNaN(v) ? null : v);
    });
    return { id: Number(r.id), bodyId: Number(r.body_id), cells: model };
  });
}
