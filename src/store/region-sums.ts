// A region's roll-up totals from the sums the write path keeps (table region_sums, migration 0006): the groups of
// the region's reports of a year and template — tens of rows for a province instead of ~10,000 reports' values —
// less the few reports the roll-up's plan leaves out (counted in their parent's report). Who counts stays the plan's
// (src/analysis/rollup.ts planRollup): the caller passes how many reports the groups must hold and which to take
// away; when the groups do not hold exactly those reports (a write between the plan's read and this one) the answer
// is null and the caller sums the reports themselves (rollup-sums.ts), as it does for a parent body's roll-up.
import { sql, type SQL } from 'drizzle-orm';
import type { RollupTotals } from '../model/analysis.js';
import { splitCellKey, type TemplateVersion } from '../model/template.js';
import { ITEMS, totalKeys } from '../analysis/rollup.js';
import { rows, type Ctx } from './context.js';
import { KEYS_MAX, parseVals, withKeys } from './analysis.js';
import { subtreePattern } from './regions.js';

const OTHER = 'applications/outcome.other/';

/** What a region's totals are asked for: the groups, and the plan's reports among them. */
export interface RegionTotalsQuery {
  /** the region's subtree (undefined: every region) */
  region?: string;
  year: number;
  version: TemplateVersion;
  publishedOnly: boolean;
  /** how many reports of the region, year and template (published only, when asked) the plan read */
  expected: number;
  /** the reports among them the plan does not sum */
  leaveOut: number[];
}

/** The raw sums of a set of reports: per element of reports.vals the sum, count of numbers, count present. */
interface Raw {
  n: number;
  single: number;
  sums: number[];
  nums: number[];
  present: number[];
}

const intArray = (ids: number[]): string => `{${ids.map((x) => Math.trunc(x)).join(',')}}`;
const numbers = (text: string | null): number[] => parseVals(text).map((v) => v ?? 0);

/** The groups' sums, element by element, of the region's reports of a year and template. */
async function groupSums(ctx: Ctx, q: RegionTotalsQuery): Promise<Raw> {
  const w: SQL[] = [sql`year = ${q.year}`, sql`version = ${q.version}`];
  if (q.publishedOnly) w.push(sql`published`);
  if (q.region) w.push(sql`region_code LIKE ${subtreePattern(q.region)}`);
  const [row] = await withKeys<{ n: number; single: number; sums: string | null; nums: string | null;
    present: string | null; keys_max: number }>(ctx, () => sql`WITH t AS (SELECT * FROM region_sums
      WHERE ${sql.join(w, sql` AND `)}), e AS (SELECT u.i, sum(u.s) AS s, sum(u.nn) AS nn, sum(u.np) AS np
      FROM t, unnest(t.sums, t.nums, t.present) WITH ORDINALITY u (s, nn, np, i) GROUP BY u.i)
    SELECT (SELECT coalesce(sum(n), 0)::int FROM t) AS n, (SELECT coalesce(sum(single), 0)::int FROM t) AS single,
      ${KEYS_MAX}, (SELECT array_agg(s ORDER BY i)::text FROM e) AS sums,
      (SELECT array_agg(nn ORDER BY i)::text FROM e) AS nums,
      (SELECT array_agg(np ORDER BY i)::text FROM e) AS present`);
  return { n: Number(row.n), single: Number(row.single), sums: numbers(row.sums), nums: numbers(row.nums),
    present: numbers(row.present) };
}

/** The same sums over a few reports by id (those the plan leaves out), from their values as the groups hold them. */
async function reportSums(ctx: Ctx, ids: number[]): Promise<Raw> {
  const out: Raw = { n: 0, single: 0, sums: [], nums: [], present: [] };
  if (ids.length === 0) return out;
  const list = await rows<{ x: string; one: boolean | string }>(ctx.db, sql`SELECT
      gk_rollup_vector(r.vals, m.owns, m.items, m.stride)::text AS x,
      gk_single_other(coalesce(r.template, CASE WHEN r.year <= 2020 THEN '2019' ELSE '2021' END), r.vals, m.owns) AS one
    FROM reports r, gk_other_map() m WHERE r.id = ANY (${intArray(ids)}::int[])`);
  for (const r of list) {
    out.n++;
    if (r.one === true || r.one === 't') out.single++;
    parseVals(r.x).forEach((v, i) => {
      if (v === null) return;
      out.present[i] = (out.present[i] ?? 0) + 1;
      if (Number.isNaN(v)) return;
      out.nums[i] = (out.nums[i] ?? 0) + 1;
      out.sums[i] = (out.sums[i] ?? 0) + v;
    });
  }
  return out;
}

/**
 * The totals of the region's reports the plan sums (as rollup-sums.ts rollupTotals gives them over those reports),
 * or null when the kept sums cannot tell them: the groups do not hold the plan's reports, or a one-row
 * （六）其他处理 key is not numbered while its items are (its contributions have no element to be kept in).
 */
export async function regionTotals(ctx: Ctx, q: RegionTotalsQuery): Promise<RollupTotals | null> {
  const [all, out] = await Promise.all([groupSums(ctx, q), reportSums(ctx, q.leaveOut)]);
  if (all.n !== q.expected || out.n !== q.leaveOut.length) return null;
  const at = (xs: number[], i: number) => xs[i] ?? 0;
  const totals: RollupTotals = { single: all.single - out.single > 0, sums: {} };
  if (all.n === out.n) return totals; // nothing summed
  for (const key of totalKeys(q.version)) {
    const idx = ctx.keys.idx(key);
    if (idx === undefined) {
      if (key.startsWith(OTHER) && ITEMS.some((it) => ctx.keys.idx(`applications/${it}/${splitCellKey(key).column}`)))
        return null;
      continue; // no report has the cell
    }
    const i = idx - 1;
    const nums = at(all.nums, i) - at(out.nums, i);
    if (nums > 0) totals.sums[key] = at(all.sums, i) - at(out.sums, i) + 0; // + 0: never -0
    else if (at(all.present, i) - at(out.present, i) > 0) totals.sums[key] = null;
  }
  return totals;
}

/**
 * The triggers that keep region_sums (0006), region_indicator_sums (0007) and report_indicators (0009) on every
 * write to reports.
 */
const SUM_TRIGGERS = ['region_sums', 'indicator_sums', 'indicators'].flatMap((t) =>
  ['insert', 'update', 'delete'].map((op) => `reports_${t}_${op}`));

/**
 * Runs `write` with the kept sums' triggers off, then turns them on and sums every report once (also when `write`
 * fails, so the sums always match the reports). For a bulk load of many single-report writes by one process — the
 * demo province: ~400 reports saved and ~1,000 status steps, each a statement whose triggers update the sums; on
 * PGlite that made the load take ~60 % more CPU (`gongkai demo --reset`, timed before and after).
 */
export async function withSumsDeferred<T>(ctx: Ctx, write: () => Promise<T>): Promise<T> {
  await toggleSums(ctx.raw, 'DISABLE');
  try {
    return await write();
  } finally {
    await turnOnAndRebuild(ctx.raw);
  }
}

type RawQuery = Ctx['raw'];

const toggleSums = (raw: RawQuery, how: 'ENABLE' | 'DISABLE') =>
  raw(`ALTER TABLE reports ${SUM_TRIGGERS.map((t) => `${how} TRIGGER ${t}`).join(', ')}`);

async function turnOnAndRebuild(raw: RawQuery): Promise<void> {
  await toggleSums(raw, 'ENABLE');
  await raw('SELECT gk_region_sums_rebuild()');
  await raw('SELECT gk_indicator_sums_rebuild()');
  await raw('SELECT gk_report_indicators_rebuild()');
}

/**
 * On open: a bulk load killed inside `withSumsDeferred` (its `finally` never ran) leaves the triggers off — they are
 * kept in the catalogue, not the session — and every later write would miss the sums. Turns them on and sums every
 * report once; true when it had to. (A bulk load still running in another process on a shared server only loses
 * the rest of its speed-up: its own rebuild at the end is still right.)
 */
export async function repairSumsLeftOff(raw: RawQuery): Promise<boolean> {
  const off = await raw<{ n: number }>(`SELECT count(*)::int AS n FROM pg_trigger
    WHERE tgrelid = 'reports'::regclass AND tgenabled = 'D' AND tgname = ANY($1)`, [SUM_TRIGGERS]);
  if (Number(off[0].n) === 0) return false;
  await turnOnAndRebuild(raw);
  return true;
}
