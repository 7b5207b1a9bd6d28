// Inputs of the analysis functions (src/analysis), read from the current versions. Whole report models only where
// an analysis needs the text (雷同 screening reads the sections, the 通报 ranking re-checks); the rest at 100k reports
// reads reports.vals (one array per report: a number, NaN for a printed blank, NULL for a cell the report does not
// have) — only the elements asked where it can — and a few columns of the reports and bodies: what a roll-up is
// planned on, what filing status reads (an index covers it, migration 0005), never a JSON model. The roll-up's sums
// and the indicators' are computed in SQL beside (rollup-sums.ts, indicator-sums.ts).
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { isMonthDay, type AnalysisBody, type FilingReport, type RollupMeta } from '../model/analysis.js';
import type { Body, BodyLevel, ReportStatus, ReportSummary } from '../model/api.js';
import type { Cell, Report, Section } from '../model/report.js';
import { splitCellKey, type TemplateVersion } from '../model/template.js';
import { bodies, reportVersions, reports } from './schema.js';
import { toBody } from './bodies.js';
import { dueDates } from './settings.js';
import { rows, type Ctx } from './context.js';
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
export class ValueCell implements Cell {
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
  return valueReports(ctx, reportWhere(f), keys, f);
}

/**
 * Reports holding only cell values (all, or those of `keys`) for a condition over reports and bodies. With keys, only
 * their elements of reports.vals are read (a drill-down of one cell over a province reads 10,000 numbers, not
 * 2 million).
 */
export async function valueReports(ctx: Ctx, where: SQL | undefined, keys?: string[],
  page: { limit?: number; offset?: number } = {}): Promise<{ summary: ReportSummary; report: Report }[]> {
  let slots: [string, number][] | null = null;
  let vals: SQL = sql`${reports.vals}::text`;
  if (keys) {
    slots = await chosenKeys(ctx, keys);
    // a subscript of an array with NULLs walks its null bitmap from the start: the NULLs replaced once per row
    // (-Infinity, never a cell's value), each key is a direct read (2× faster for the indicators' ~40 keys)
    const read = slots.map(([, i]) => `nullif(x.v[${i}], '-Infinity')`).join(', ');
    vals = slots.length === 0 ? sql`'{}'` : sql`(SELECT ARRAY[${sql.raw(read)}]::text
      FROM (SELECT array_replace(${reports.vals}, NULL, '-Infinity') AS v OFFSET 0) x)`;
  }
  const list = await ctx.db.select({ ...summaryColumns, vals: sql<string | null>`${vals}` })
    .from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId)).where(where).orderBy(reports.id)
    .limit(page.limit ?? 1_000_000).offset(page.offset ?? 0);
  const parsed = list.map((r) => parseVals(r.vals));
  if (!slots) {
    // every cell the report has, by the index of its key
    const longest = parsed.reduce((m, v) => Math.max(m, v.length), 0);
    const byIndex = await keysByIndex(ctx, longest);
    slots = [];
    for (let i = 1; i < byIndex.length; i++) if (byIndex[i] !== undefined) slots.push([byIndex[i], i]);
  }
  const whole = !keys; // the array read whole (element i - 1 is key i), else the keys' elements in their order
  return list.map(({ vals: _v, ...r }, n) => {
    const vals = parsed[n];
    const cells: Record<string, Cell> = {};
    slots!.forEach(([key, i], at) => {
      const p = whole ? i - 1 : at;
      const v = p < vals.length ? vals[p] : null;
      if (v === null) return; // the report has no such cell
      cells[key] = new ValueCell(key, Number.isNaN(v) ? null : v);
    });
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

/** What a roll-up is planned on: per report the filter selects, who, which year, status and template — no cell. */
export async function rollupMetas(ctx: Ctx, f: ReportFilter): Promise<RollupMeta[]> {
  const list = await ctx.db.select({ id: reports.id, bodyId: reports.bodyId, year: reports.year,
    status: reports.status, template: reports.template }).from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .where(reportWhere(f)).orderBy(reports.id).limit(f.limit ?? 1_000_000).offset(f.offset ?? 0);
  // the template as the analysis tells it of a model (rollup.ts versionOf): its own, else by year
  return list.map((r) => ({ reportId: r.id, bodyId: r.bodyId, year: r.year, status: r.status as ReportStatus,
    version: (r.template ?? (r.year !== null && r.year <= 2020 ? '2019' : '2021')) as TemplateVersion }));
}

/** The bodies an analysis expects: a region's subtree and/or a parent body's children (and itself). */
export async function expectedBodies(ctx: Ctx, region?: string, parentId?: number): Promise<Body[]> {
  const where = [];
  if (region) where.push(sql`${bodies.regionCode} LIKE ${subtreePattern(region)}`);
  if (parentId !== undefined) where.push(sql`(${bodies.parentId} = ${parentId} OR ${bodies.id} = ${parentId})`);
  const list = await ctx.db.select().from(bodies).where(where.length ? and(...where) : undefined)
    .orderBy(asc(bodies.regionCode), asc(bodies.id));
  const levels = await dueDates(ctx);
  return list.map((r) => toBody(r, levels));
}

/**
 * The bodies an analysis expects (as expectedBodies) with only what roll-up and filing status read: no aliases or
 * keys, and no query builder's mapping — a province has 10,000 bodies.
 */
export async function analysisBodies(ctx: Ctx, region?: string, parentId?: number): Promise<AnalysisBody[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (region) where.push(`region_code LIKE $${params.push(subtreePattern(region))}`);
  if (parentId !== undefined) where.push(`(parent_id = $${params.push(parentId)} OR id = $${params.length})`);
  const list = await ctx.raw<AnalysisBodyRow>(
    `SELECT ${ANALYSIS_BODY} FROM bodies ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY region_code, id`, params);
  return list.map(toAnalysisBody);
}

/** What analysisBodies reads of a body (a select list), and its row. */
export const ANALYSIS_BODY = 'id, name, level, region_code, parent_id, due_date, scope';
export type AnalysisBodyRow = { id: number; name: string; level: BodyLevel; region_code: string;
  parent_id: number | null; due_date: string | null; scope: Body['scope'] };

/**
 * A body's own due date as the analyses are given it: '' when it has none (or a stored one that is not a date), so
 * that the filing settings' date for its level applies (filing.ts: own date, then the level's setting, then the
 * default). The body list shows the level default in its place (bodies.ts).
 */
export const bodyDueDate = (dueDate: string | null): string => (isMonthDay(dueDate) ? dueDate : '');

export const toAnalysisBody = (r: AnalysisBodyRow): AnalysisBody => ({ id: r.id, name: r.name, level: r.level,
  regionCode: r.region_code, parentId: r.parent_id, dueDate: bodyDueDate(r.due_date), scope: r.scope });

/** What filing status reads of each report of a year (in a region): who, status and the workflow's dates. */
export async function filingReports(ctx: Ctx, region: string | undefined, year: number): Promise<FilingReport[]> {
  const params: unknown[] = [year];
  const list = await ctx.raw<FilingReportRow>(
    `SELECT ${FILING_REPORT} FROM reports r JOIN bodies b ON b.id = r.body_id
    WHERE r.year = $1${region ? ` AND b.region_code LIKE $${params.push(subtreePattern(region))}` : ''}
    ORDER BY r.id`, params);
  return list.map((r) => toFilingReport(r, year));
}

/** What filingReports reads of a report `r` (a select list), and its row. */
export const FILING_REPORT = `r.id, r.body_id, r.status, to_char(r.submitted_at, 'YYYY-MM-DD') AS submitted,
  to_char(r.accepted_at, 'YYYY-MM-DD') AS accepted, to_char(r.published_at, 'YYYY-MM-DD') AS published`;
export type FilingReportRow = { id: number; body_id: number; status: ReportStatus; submitted: string | null;
  accepted: string | null; published: string | null };

export const toFilingReport = (r: FilingReportRow, year: number): FilingReport => ({ reportId: r.id,
  bodyId: r.body_id, year, status: r.status, submittedAt: r.submitted, acceptedAt: r.accepted,
  publishedAt: r.published });

/** A select-list item: the newest cell-key number (withKeys compares it with the index the query was built on). */
export const KEYS_MAX = sql.raw('(SELECT coalesce(max(idx), 0) FROM cell_keys) AS keys_max');

/**
 * Runs a query built from the process's cell-key index (`build` reads ctx.keys; its rows carry KEYS_MAX): when
 * another process has numbered keys since the index was loaded, the index is reloaded and the query run again. Keys
 * are numbered upwards and never renumbered, so an index holding the newest number holds them all — checked in the
 * query itself rather than by reloading the index (a round trip) before every query.
 */
export async function withKeys<T extends { keys_max: number | string }>(ctx: Ctx, build: () => SQL): Promise<T[]> {
  if (ctx.keys.all().size === 0) await ctx.keys.load();
  for (let attempt = 0; ; attempt++) {
    let known = 0;
    for (const i of ctx.keys.all().values()) known = Math.max(known, i);
    const list = await rows<T>(ctx.db, build());
    if (attempt > 0 || list.length === 0 || Number(list[0].keys_max) <= known) return list;
    await ctx.keys.load();
  }
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
