// Inputs of the analysis functions (src/analysis), read from the current versions. Whole report models only where
// an analysis needs the text (雷同 screening reads the sections, the 通报 ranking re-checks); roll-up, indicators and
// filing status at 100k reports read the cell values from reports.vals (one array per report: a number, NaN for a
// printed blank, NULL for a cell the report does not have), the summaries and the bodies — never a JSON model.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Body, ReportSummary } from '../model/api.js';
import type { Cell, Report, Section } from '../model/report.js';
import { splitCellKey } from '../model/template.js';
import { bodies, reportVersions, reports } from './schema.js';
import { toBody } from './bodies.js';
import type { Ctx } from './context.js';
import { subtreePattern } from './regions.js';
import { reportWhere, summaryColumns, toSummary, blankModel } from './reports.js';
import type { ReportFilter } from './types.js';

export interface ModelOptions {
  /**
   * 'sections': only the section texts are read (雷同 screening); 'values': only the cells' values, from
   * reports.vals (roll-up, indicators) — each cell has its key and value, no provenance (source, raw, how).
   * The rest of each model is left blank.
   */
  parts?: 'all' | 'sections' | 'values';
  /** with 'values': only these cells (default: every cell the report has) */
  keys?: string[];
}

type Row = Parameters<typeof toSummary>[0];

export async function reportModels(ctx: Ctx, f: ReportFilter, o: ModelOptions = {}):
  Promise<{ summary: ReportSummary; report: Report }[]> {
  if (o.parts === 'values') return valueModels(ctx, f, o.keys);
  const model = o.parts === 'sections' ? sql<Section[]>`${reportVersions.model} -> 'sections'` : reportVersions.model;
  const list = await ctx.db.select({ ...summaryColumns, model }).from(reports)
    .leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .innerJoin(reportVersions,
      and(eq(reportVersions.reportId, reports.id), eq(reportVersions.version, reports.version)))
    .where(reportWhere(f)).orderBy(reports.id).limit(f.limit ?? 1_000_000).offset(f.offset ?? 0);
  return list.map(({ model: m, ...r }) => {
    const summary = toSummary(r);
    if (o.parts !== 'sections') return { summary, report: m as Report };
    return { summary, report: { ...shell(r, summary), sections: m as Section[] } };
  });
}

/** A blank model carrying a stored report's title, year and template (the parts read are put in by the caller). */
function shell(r: Row, summary: ReportSummary): Report {
  const report = blankModel(r.agency ?? r.bodyName ?? '', r.year ?? 0, summary.template ?? '2021');
  return { ...report, title: r.title, year: r.year, template: summary.template };
}

/** reports.vals in PostgreSQL's text form, parsed: `{1,NULL,NaN,2.5}` → [1, null, NaN, 2.5]. */
export function parseVals(text: string | null): (number | null)[] {
  if (!text || text.length <= 2) return [];
  // float8 arrays print plain numbers, NULL, NaN and ±Infinity, never quoted: a split is exact and ~3× faster than
  // the drivers' general array parser, which matters at thousands of reports of ~250 values
  const parts = text.slice(1, -1).split(',');
  const out = new Array<number | null>(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = parts[i] === 'NULL' ? null : Number(parts[i]);
  return out;
}

/** The stored cell keys by their index (1-based, as in reports.vals), reloaded when vals go beyond them. */
async function keysByIndex(ctx: Ctx, atLeast: number): Promise<string[]> {
  const build = () => {
    const out: string[] = [];
    for (const [k, i] of ctx.keys.all()) out[i] = k;
    return out;
  };
  let list = build();
  if (list.length === 0 || list.length <= atLeast) {
    await ctx.keys.load(); // another process numbered keys since (or nothing loaded yet)
    list = build();
  }
  return list;
}

const NO_SOURCE = Object.freeze({ line: 0, column: 0 });

/**
 * A cell known by its value only (from reports.vals). Key and value are its own fields; the rest of a Cell is
 * derived on the prototype: a region's roll-up builds hundreds of thousands of these, and two fields per object
 * instead of eight halve the time spent building them and collecting them after.
 */
class ValueCell implements Cell {
  constructor(readonly key: string, readonly value: number | null) {}
  get table(): string { return splitCellKey(this.key).table; }
  get row(): string { return splitCellKey(this.key).row; }
  get column(): string { return splitCellKey(this.key).column; }
  get raw(): string { return this.value === null ? '' : String(this.value); }
  get source(): Cell['source'] { return NO_SOURCE; }
  get how(): Cell['how'] { return 'direct'; }
}

/** Models holding only cell values, from reports.vals: no JSON model is read. */
async function valueModels(ctx: Ctx, f: ReportFilter, keys?: string[]):
  Promise<{ summary: ReportSummary; report: Report }[]> {
  const list = await ctx.db.select({ ...summaryColumns, vals: sql<string | null>`${reports.vals}::text` })
    .from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId)).where(reportWhere(f)).orderBy(reports.id)
    .limit(f.limit ?? 1_000_000).offset(f.offset ?? 0);
  const parsed = list.map((r) => parseVals(r.vals));
  const longest = parsed.reduce((m, v) => Math.max(m, v.length), 0);
  const byIndex = await keysByIndex(ctx, longest);
  // the indexes to read: all, or those of the keys asked
  const wanted = new Set(keys ?? []);
  const slots: number[] = [];
  for (let i = 1; i < byIndex.length; i++) {
    if (byIndex[i] !== undefined && (!keys || wanted.has(byIndex[i]))) slots.push(i);
  }
  return list.map(({ vals: _v, ...r }, n) => {
    const vals = parsed[n];
    const cells: Record<string, Cell> = {};
    for (const i of slots) {
      const v = i <= vals.length ? vals[i - 1] : null;
      if (v === null) continue; // the report has no such cell
      cells[byIndex[i]] = new ValueCell(byIndex[i], Number.isNaN(v) ? null : v);
    }
    const summary = toSummary(r);
    return { summary, report: { ...shell(r, summary), cells } };
  });
}

/** The summaries of the reports a filter selects, by id: no count, no sort by change (filing status). */
export async function reportSummaries(ctx: Ctx, f: ReportFilter): Promise<ReportSummary[]> {
  const list = await ctx.db.select(summaryColumns).from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .where(reportWhere(f)).orderBy(reports.id).limit(f.limit ?? 1_000_000).offset(f.offset ?? 0);
  return list.map(toSummary);
}

/** The bodies an analysis expects: a region's subtree and/or a parent body's children (and itself). */
export async function expectedBodies(ctx: Ctx, region?: string, parentId?: number): Promise<Body[]> {
  const where = [];
  if (region) where.push(sql`${bodies.regionCode} LIKE ${subtreePattern(region)}`);
  if (parentId !== undefined) where.push(sql`(${bodies.parentId} = ${parentId} OR ${bodies.id} = ${parentId})`);
  const list = await ctx.db.select().from(bodies).where(where.length ? and(...where) : undefined)
    .orderBy(asc(bodies.regionCode), asc(bodies.id));
  return list.map(toBody);
}

/** Key indexes for keys asked (or all), loading the index when a key is not known yet. */
async function chosenKeys(ctx: Ctx, keys: string[] | undefined): Promise<[string, number][]> {
  const pick = () => (keys ?? [...ctx.keys.all().keys()]).map((k) => [k, ctx.keys.idx(k)] as const);
  let chosen = pick();
  if (keys === undefined || chosen.some(([, i]) => i === undefined)) {
    await ctx.keys.load();
    chosen = pick();
  }
  return chosen.filter((x): x is [string, number] => x[1] !== undefined);
}

// a printed blank is NaN in vals: left out of sums (blank is not zero), as NULL (absent) is
const value = (i: number) => sql.raw(`nullif(reports.vals[${i}], 'NaN')`);

/**
 * The sums of the cells over the reports the filter selects (a blank stays blank: a key no report printed a number
 * in sums to null), and how many reports were summed. Keys default to every key ever stored.
 */
export async function cellSums(ctx: Ctx, f: ReportFilter, keys?: string[]): Promise<{ count: number;
  cells: Record<string, number | null> }> {
  const chosen = await chosenKeys(ctx, keys);
  const cols = chosen.map(([, i]) => sql`sum(${value(i)}) AS ${sql.raw(`c${i}`)}`);
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
  const list = await valueModels(ctx, f, keys);
  return list.map(({ summary, report }) => {
    const values: Record<string, number | null> = {};
    for (const k of keys) values[k] = report.cells[k]?.value ?? null;
    return { summary, values };
  });
}
