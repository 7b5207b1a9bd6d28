// What one page of a region's filing status (催报) is computed from, without reading its ~10,000 bodies' and
// reports' rows into the process: the few distinct (level, own due date) pairs of its bodies (the analysis reckons
// their due dates: settings, defaults, working days), then in one query how many bodies have each status and
// lateness (the summary) and, for the bodies the page's filter keeps whose first sort key (days overdue, due date)
// ties with a place in the page, only what orders them — id, name (the zh collation is the process's), days
// overdue, due date, region — and last the lines of the page's bodies alone. A page by name lists every kept body.
// What filingStatus computes per body is computed here in SQL the same way (src/analysis/filing.ts row: a filed
// report is late by its filing day, an unfiled one as of the day asked); test/store-filing.test.ts compares both.
// Run in one snapshot (Store.snapshot). No index of its own: bodies are scanned (a province's few hundred pages) and
// the reports' columns read from 0005's reports_year_body_meta alone.
import type { AnalysisBody, FilingGroup, FilingReport, FilingWindow } from '../model/analysis.js';
import type { BodyLevel } from '../model/api.js';
import {
  ANALYSIS_BODY, FILING_REPORT, bodyDueDate, toAnalysisBody, toFilingReport, type AnalysisBodyRow, type FilingReportRow,
} from './analysis.js';
import type { Ctx } from './context.js';
import { subtreePattern } from './regions.js';

/** A (level, own due date) pair of a region's bodies. */
export interface DuePair {
  level: BodyLevel;
  /** the body's own due date (MM-DD) as stored, null when it has none */
  stored: string | null;
  /** the same as the analyses are given it (analysisBodies: when none, its level's default) */
  dueDate: string;
}

/** Which page: a region's subtree (undefined: everywhere), a year, the filter, and the due dates. */
export interface FilingOutlineQuery {
  region?: string;
  year: number;
  /** only the bodies to chase (missing, returned or late) are listed; the summary stays over all */
  chase: boolean;
  /**
   * every pair of the region (filingDuePairs) with its due date as filingStatus reckons it: its day number (days
   * since 1970-01-01) and the days an unfiled report is overdue on the day asked
   */
  dues: (DuePair & { day: number; overdueAsOf: number; rank: number })[];
  /** the page's place and the first key of its order (filing-order.ts filingWindow) */
  window: FilingWindow;
}

/** How many bodies have each status and lateness, and what orders the bodies the filter keeps, in no order. */
export interface FilingOutline {
  groups: FilingGroup[];
  ids: number[];
  names: string[];
  /** each one's region code (among bodies of one name, filingStatus keeps the order it reads: region code, id) */
  regions: string[];
  overdue: number[];
  /** each body's due date, as an index into the query's `dues` */
  due: number[];
  /** how many kept bodies come before those listed in the page's order */
  before: number;
  /** how many bodies the filter keeps */
  kept: number;
}

const regionWhere = (region: string | undefined, params: unknown[]): string =>
  (region ? `WHERE b.region_code LIKE $${params.push(subtreePattern(region))}` : '');

/** The distinct (level, own due date) pairs of a region's bodies: a province's 10,000 bodies share a few. */
export async function filingDuePairs(ctx: Ctx, region: string | undefined): Promise<DuePair[]> {
  const params: unknown[] = [];
  const list = await ctx.raw<{ level: BodyLevel; due_date: string | null }>(
    `SELECT DISTINCT b.level, b.due_date FROM bodies b ${regionWhere(region, params)}`, params);
  return list.map((r) => ({ level: r.level, stored: r.due_date, dueDate: bodyDueDate(r.due_date) }));
}

// a report is filed once submitted, returned (after submission), accepted or published (filing.ts FILED)
const FILED = `('submitted', 'returned', 'accepted', 'published')`;
// a pair's key in the query's map of due dates (levels hold no '='; a pair's own date may be null or empty)
const PAIR_KEY = `b.level || coalesce('=' || b.due_date, '')`;
const pairKey = (p: DuePair): string => p.level + (p.stored === null ? '' : `=${p.stored}`);
// separates the listed bodies' lines (id, days overdue, due date, region, name) in the text the query answers per
// group: cheaper to build and read than JSON; a name holding it (none should) shows as a line too many
const RS = String.fromCharCode(30);

// the page's first key, ascending (filingWindow): days overdue, the due date's rank, or none (by name: all tied)
const FIRST_KEY = `CASE $4::text WHEN 'overdue' THEN overdue WHEN 'due' THEN (d ->> 3)::int ELSE 0 END
  * CASE WHEN $5::boolean THEN -1 ELSE 1 END`;

/**
 * The bodies' count per status and lateness, and the keys of the kept bodies the page may list: those whose first
 * key ties with a place in the page (the process orders them by name after it); null when a body's name holds the
 * line separator (or a level '=').
 */
export async function filingOutline(ctx: Ctx, q: FilingOutlineQuery): Promise<FilingOutline | null> {
  const map = Object.fromEntries(q.dues.map((d, k) => [pairKey(d), [k, d.day, d.overdueAsOf, d.rank]]));
  if (Object.keys(map).length !== q.dues.length) return null; // a level holding '=': two pairs, one key
  const w = q.window;
  const params: unknown[] = [JSON.stringify(map), q.year, q.chase, w.key, w.desc, w.offset, w.limit];
  // A body has at most one report a year (unique index reports_body_year), the one filingStatus judges it by. Its
  // days overdue: a filed report's filing day (first submission, else acceptance, else publication; none: on time)
  // less the due date, never below 0; an unfiled body's as of the day asked. Late: above 0. Among the kept, `upto`
  // counts those up to a body's first key, ties included, `ties` those of its key: its key's places in the page's
  // order are upto - ties … upto - 1. Grouped by status and lateness (a dozen groups) for the summary.
  const list = await ctx.raw<{ status: FilingGroup['status']; late: boolean | string; n: number; kept: number;
    listed: number; before: number | null; lines: string | null }>(`
    WITH x AS (SELECT b.id, b.name, b.region_code, coalesce(r.status, 'missing') AS status,
        r.status IN ${FILED} AS filed, $1::jsonb -> (${PAIR_KEY}) AS d,
        coalesce(r.submitted_at, r.accepted_at, r.published_at) - DATE '1970-01-01' AS day
      FROM bodies b LEFT JOIN reports r ON r.body_id = b.id AND r.year = $2::int
      ${regionWhere(q.region, params)}),
    y AS (SELECT id, name, region_code, status, d,
        CASE WHEN filed THEN greatest(0, day - (d ->> 1)::int) ELSE (d ->> 2)::int END AS overdue FROM x),
    z AS (SELECT *, NOT $3::boolean OR status IN ('missing', 'returned') OR overdue > 0 AS keep, ${FIRST_KEY} AS key
      FROM y),
    v AS (SELECT *, count(*) FILTER (WHERE keep) OVER (ORDER BY key) AS upto,
        count(*) FILTER (WHERE keep) OVER (PARTITION BY key) AS ties FROM z),
    u AS (SELECT *, keep AND upto - ties < $6::bigint + $7::bigint AND upto > $6::bigint AS listed FROM v)
    SELECT status, overdue > 0 AS late, count(*)::int AS n, count(*) FILTER (WHERE keep)::int AS kept,
      count(*) FILTER (WHERE listed)::int AS listed, min(upto - ties) FILTER (WHERE listed)::int AS before,
      string_agg(concat_ws(',', id, overdue, d ->> 0, region_code, name), chr(30)) FILTER (WHERE listed) AS lines
    FROM u GROUP BY 1, 2`, params);
  const out: FilingOutline = { groups: [], ids: [], names: [], regions: [], overdue: [], due: [], before: 0,
    kept: 0 };
  let before = Infinity;
  for (const g of list) {
    out.groups.push({ status: g.status, late: g.late === true || g.late === 't', count: g.n });
    out.kept += g.kept;
    if (g.before !== null) before = Math.min(before, g.before);
    const lines = g.lines === null ? [] : g.lines.split(RS);
    if (lines.length !== g.listed) return null;
    for (const line of lines) {
      const a = line.indexOf(',');
      const b = line.indexOf(',', a + 1);
      const c = line.indexOf(',', b + 1);
      const d = line.indexOf(',', c + 1);
      out.ids.push(Number(line.slice(0, a)));
      out.overdue.push(Number(line.slice(a + 1, b)));
      out.due.push(Number(line.slice(b + 1, c)));
      out.regions.push(line.slice(c + 1, d));
      out.names.push(line.slice(d + 1));
    }
  }
  out.before = before === Infinity ? out.kept : before;
  return out;
}

/** The bodies `ids` as analysisBodies reads them, and their reports of `year` as filingReports does. */
export async function filingLines(ctx: Ctx, ids: number[], year: number):
  Promise<{ bodies: AnalysisBody[]; reports: FilingReport[] }> {
  if (ids.length === 0) return { bodies: [], reports: [] };
  const list = `{${ids.map((x) => Math.trunc(x)).join(',')}}`;
  const [bodies, reports] = [
    await ctx.raw<AnalysisBodyRow>(`SELECT ${ANALYSIS_BODY} FROM bodies WHERE id = ANY($1::int[])
      ORDER BY region_code, id`, [list]),
    await ctx.raw<FilingReportRow>(`SELECT ${FILING_REPORT} FROM reports r
      WHERE r.year = $1 AND r.body_id = ANY($2::int[]) ORDER BY r.id`, [year, list]),
  ];
  return { bodies: bodies.map(toAnalysisBody), reports: reports.map((r) => toFilingReport(r, year)) };
}
