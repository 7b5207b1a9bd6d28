// Inputs of the analysis functions (src/analysis), read from the current versions: whole report models for a
// small set, and SQL-side cell sums and per-report cell values for large ones (roll-up, indicators at 100k
// reports), computed from reports.vals without parsing any JSON.
import { and, eq, sql } from 'drizzle-orm';
import type { ReportSummary } from '../model/api.js';
import type { Report, Section } from '../model/report.js';
import { bodies, reportVersions, reports } from './schema.js';
import type { Ctx } from './context.js';
import { reportWhere, summaryColumns, toSummary, blankModel } from './reports.js';
import type { ReportFilter } from './types.js';

export interface ModelOptions {
  /** 'sections': only the section texts are read (雷同 screening); the rest of each model is left blank */
  parts?: 'all' | 'sections';
}

export async function reportModels(ctx: Ctx, f: ReportFilter, o: ModelOptions = {}):
  Promise<{ summary: ReportSummary; report: Report }[]> {
  const model = o.parts === 'sections' ? sql<Section[]>`${reportVersions.model} -> 'sections'` : reportVersions.model;
  const list = await ctx.db.select({ ...summaryColumns, model }).from(reports)
    .leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .innerJoin(reportVersions,
      and(eq(reportVersions.reportId, reports.id), eq(reportVersions.version, reports.version)))
    .where(reportWhere(f)).orderBy(reports.id).limit(f.limit ?? 1_000_000).offset(f.offset ?? 0);
  return list.map(({ model: m, ...r }) => {
    const summary = toSummary(r);
    if (o.parts !== 'sections') return { summary, report: m as Report };
    const report = blankModel(r.agency ?? r.bodyName ?? '', r.year ?? 0, (summary.template ?? '2021'));
    return { summary,
      report: { ...report, title: r.title, year: r.year, template: summary.template, sections: m as Section[] } };
  });
}

/** Column list `sum(r.vals[i]) AS c<i>` (or the value itself) for the keys asked, by their index. */
function keyColumns(ctx: Ctx, keys: string[] | undefined, agg: boolean) {
  const all = ctx.keys.all();
  const chosen = (keys ?? [...all.keys()]).map((k) => [k, all.get(k)] as const)
    .filter((x): x is [string, number] => x[1] !== undefined);
  const cols = chosen.map(([, i]) => sql.raw(agg ? `sum(reports.vals[${i}]) AS c${i}` : `reports.vals[${i}] AS c${i}`));
  return { chosen, cols };
}

/**
 * The sums of the cells over the reports the filter selects (a blank stays blank: a key no report printed sums to
 * null), and how many reports were summed. Keys default to every key ever stored.
 */
export async function cellSums(ctx: Ctx, f: ReportFilter, keys?: string[]): Promise<{ count: number;
  cells: Record<string, number | null> }> {
  await ctx.keys.load();
  const { chosen, cols } = keyColumns(ctx, keys, true);
  const cond = reportWhere(f);
  const list = sql.join([sql`count(*)::int AS n`, ...cols], sql`, `);
  const res = (await ctx.db.execute(sql`SELECT ${list} FROM reports LEFT JOIN bodies ON bodies.id = reports.body_id
    ${cond ? sql`WHERE ${cond}` : sql``}`)) as unknown as { rows: Record<string, number | string | null>[] };
  const row = res.rows[0];
  const cells: Record<string, number | null> = {};
  for (const [k, i] of chosen) cells[k] = row[`c${i}`] === null ? null : Number(row[`c${i}`]);
  return { count: Number(row.n), cells };
}

/** Per report: its summary and the values of the keys asked (null: blank or absent). */
export async function cellValues(ctx: Ctx, f: ReportFilter, keys: string[]): Promise<{ summary: ReportSummary;
  values: Record<string, number | null> }[]> {
  await ctx.keys.load();
  const { chosen } = keyColumns(ctx, keys, false);
  const valueCols = Object.fromEntries(chosen.map(([, i]) =>
    [`c${i}`, sql<number | null>`${reports.vals}[${sql.raw(String(i))}]`]));
  const list = await ctx.db.select({ ...summaryColumns, ...valueCols }).from(reports)
    .leftJoin(bodies, eq(bodies.id, reports.bodyId)).where(reportWhere(f)).orderBy(reports.id)
    .limit(f.limit ?? 1_000_000).offset(f.offset ?? 0);
  return list.map((r) => {
    const rec = r as unknown as Record<string, number | null>;
    const values: Record<string, number | null> = {};
    for (const k of keys) values[k] = null;
    for (const [k, i] of chosen) values[k] = rec[`c${i}`] === null ? null : Number(rec[`c${i}`]);
    return { summary: toSummary(r as never), values };
  });
}
