// What a region's roll-up is planned on, without reading its ~10,000 bodies' and reports' rows into the process:
// how many reports each template has (from the kept groups, migration 0006), how many bodies are expected and their
// names (one JSON pair of arrays: the contributors' order is the zh collation's, which only the process has), the
// bodies that declare 口径 including subordinates with their subordinates' reports (few, by index: migration 0008),
// and the lines of the one page of contributors shown. The analysis decides from these what the plan would
// (src/analysis/rollup.ts majorityTemplate, contributorOf, scopeOf); run in one snapshot (Store.snapshot) with the
// sums, so the counts, the page and the sums describe the same reports.
import { sql, type SQL } from 'drizzle-orm';
import type { RollupMeta } from '../model/analysis.js';
import type { ReportStatus } from '../model/api.js';
import type { TemplateVersion } from '../model/template.js';
import { rows, type Ctx } from './context.js';
import { subtreePattern } from './regions.js';

/** Which roll-up: a region's subtree (undefined: every region), a year, all reports or the published ones. */
export interface OutlineQuery {
  region?: string;
  year: number;
  publishedOnly: boolean;
}

type ReportRef = Pick<RollupMeta, 'reportId' | 'status' | 'version'>;

/** The outline of a region's roll-up (see the header). */
export interface RollupOutline {
  /** the region's reports of the year (in the scope) by template */
  reports: Record<TemplateVersion, number>;
  /** whether the kept sums are kept (their triggers on): not during a bulk load (region-sums.ts withSumsDeferred) */
  kept: boolean;
  /** the bodies expected: ids and names, pairwise, in no particular order */
  ids: number[];
  names: string[];
  /** bodies declaring 口径 including subordinates that have a report, in body order, with their subordinates */
  scopes: { bodyId: number; bodyName: string; report: ReportRef;
    subs: { name: string; report?: ReportRef }[] }[];
}

/** One contributor's line as stored: the body, its report of the year (in the scope), whether its parent counts it. */
export interface ContributorRow {
  id: number;
  name: string;
  report?: ReportRef;
  /** the parent (in the region) declares 口径 including subordinates and has a report */
  inParent: boolean;
}

// the template as the analysis tells it of a model (rollup.ts versionOf): its own, else by year
const versionOf = (r: string) =>
  sql.raw(`coalesce(${r}.template, CASE WHEN ${r}.year <= 2020 THEN '2019' ELSE '2021' END)`);

function where(q: OutlineQuery, body: string): { region: SQL; published: (r: string) => SQL } {
  return {
    region: q.region ? sql`AND ${sql.raw(body)}.region_code LIKE ${subtreePattern(q.region)}` : sql``,
    published: (r) => (q.publishedOnly ? sql.raw(`AND ${r}.status = 'published'`) : sql``),
  };
}

// json columns arrive parsed from node-postgres; parsed here when a driver hands over text
const json = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) as T : v);

const ref = (id: number | null, status: string | null, version: string | null): ReportRef | undefined =>
  (id === null ? undefined : { reportId: id, status: status as ReportStatus, version: version as TemplateVersion });

export async function rollupOutline(ctx: Ctx, q: OutlineQuery): Promise<RollupOutline> {
  const b = where(q, 'b');
  const s = where(q, 's');
  const c = where(q, 'c');
  const [row] = await rows<{ kept: boolean | string; reports: Record<string, number> | string;
    bodies: [number[], string[]] | string;
    scopes: [number, string, number, string, string, [string, number | null, string | null, string | null][]][]
      | string }>(ctx.db, sql`SELECT
    (SELECT coalesce(bool_and(tgenabled <> 'D'), false) FROM pg_trigger
      WHERE tgname IN ('reports_region_sums_insert', 'reports_region_sums_update', 'reports_region_sums_delete'))
      AS kept,
    (SELECT coalesce(json_object_agg(v.version, v.n), '{}') FROM (SELECT version, sum(n)::int AS n FROM region_sums b
      WHERE year = ${q.year} ${b.region} ${q.publishedOnly ? sql`AND published` : sql``} GROUP BY version) v)
      AS reports,
    (SELECT json_build_array(coalesce(array_to_json(array_agg(b.id)), '[]'),
      coalesce(array_to_json(array_agg(b.name)), '[]')) FROM bodies b WHERE true ${b.region}) AS bodies,
    (SELECT coalesce(json_agg(json_build_array(x.id, x.name, x.rid, x.status, x.v, x.subs) ORDER BY x.rc, x.id), '[]')
      FROM (SELECT s.id, s.name, s.region_code AS rc, sr.id AS rid, sr.status, ${versionOf('sr')} AS v,
        (SELECT coalesce(json_agg(json_build_array(c.name, cr.id, cr.status, ${versionOf('cr')})
          ORDER BY c.region_code, c.id), '[]')
        FROM bodies c LEFT JOIN reports cr ON cr.body_id = c.id AND cr.year = ${q.year} ${c.published('cr')}
        WHERE c.parent_id = s.id ${c.region}) AS subs
      FROM bodies s JOIN reports sr ON sr.body_id = s.id AND sr.year = ${q.year} ${s.published('sr')}
      WHERE s.scope = 'including-subordinates' ${s.region}) x) AS scopes`);
  const reports = json(row.reports);
  const [ids, names] = json(row.bodies);
  return {
    reports: { '2019': Number(reports['2019'] ?? 0), '2021': Number(reports['2021'] ?? 0) },
    kept: row.kept === true || row.kept === 't',
    ids, names,
    scopes: json(row.scopes).map(([id, name, rid, status, v, subs]) => ({ bodyId: id, bodyName: name,
      report: ref(rid, status, v)!, subs: subs.map(([n, cid, cs, cv]) => ({ name: n, report: ref(cid, cs, cv) })) })),
  };
}

/** The lines of the bodies `ids` (in that order) in a region's roll-up. */
export async function contributorRows(ctx: Ctx, q: OutlineQuery, ids: number[]): Promise<ContributorRow[]> {
  if (ids.length === 0) return [];
  const p = where(q, 'p');
  const list = await rows<{ id: number; name: string; rid: number | null; status: string | null; v: string | null;
    in_parent: boolean | string }>(ctx.db, sql`SELECT b.id, b.name, r.id AS rid, r.status,
      ${versionOf('r')} AS v, EXISTS (SELECT 1 FROM bodies p
        JOIN reports pr ON pr.body_id = p.id AND pr.year = ${q.year} ${p.published('pr')}
        WHERE p.id = b.parent_id AND p.scope = 'including-subordinates' ${p.region}) AS in_parent
    FROM unnest(${`{${ids.map((x) => Math.trunc(x)).join(',')}}`}::int[]) WITH ORDINALITY u (id, k)
    JOIN bodies b ON b.id = u.id
    LEFT JOIN reports r ON r.body_id = b.id AND r.year = ${q.year} ${where(q, 'b').published('r')}
    ORDER BY u.k`);
  return list.map((r) => ({ id: Number(r.id), name: r.name, report: ref(r.rid === null ? null : Number(r.rid),
    r.status, r.v), inParent: r.in_parent === true || r.in_parent === 't' }));
}
