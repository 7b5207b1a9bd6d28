// Drill-down of a roll-up into a few cells: each summed report's contribution, one page of them, in the roll-up's
// contributor order or by value. Also what a region's roll-up sums, decided from its outline (the counts per
// template and the 口径 bodies' subordinates) rather than from a row per body: the template most reports use, and
// the reports left out because a body that includes its subordinates already counts them. Pure functions; the
// server reads the inputs (src/server/rollup-drill.ts).
import type { RollupDrill, RollupDrillSort, RollupPlan } from '../model/analysis.js';
import type { Report } from '../model/report.js';
import type { TemplateVersion } from '../model/template.js';
import { drillDown, majorityTemplate } from './rollup.js';

/** A region's roll-up as its outline tells it: the reports of each template, and the 口径 bodies' subordinates. */
export interface OutlineCounts {
  reports: Record<TemplateVersion, number>;
  scopes: readonly { subs: readonly { report?: { reportId: number; version: TemplateVersion } }[] }[];
}

/**
 * What a region's roll-up sums (planRollup's choice): the majority template, the reports of it left out (a
 * subordinate whose 口径 parent's report counts it) and how many are summed.
 */
export function outlineChoice(o: OutlineCounts, year: number):
  { version: TemplateVersion; leaveOut: number[]; included: number } {
  const version = majorityTemplate(o.reports, year);
  const leaveOut = o.scopes.flatMap((x) => x.subs.flatMap((sub) =>
    (sub.report?.version === version ? [sub.report.reportId] : [])));
  return { version, leaveOut, included: o.reports[version] - leaveOut.length };
}

/** Which page of a drill-down, in which order (default: every contributor, in the roll-up's order). */
export interface DrillPageOptions {
  limit?: number;
  offset?: number;
  sort?: RollupDrillSort;
}

/** What a drill-down is made of: the reports summed in contributor order, their cells, the bodies' names. */
export interface DrillInput {
  year: number;
  version: TemplateVersion;
  included: RollupPlan['included'];
  reports: Map<number, Pick<Report, 'cells'>>;
  names: Map<number, string>;
}

/** Largest first, printed blanks last; equal values keep the contributor order (the sort is stable). */
const byValue = (a: [number, number | null], b: [number, number | null]): number =>
  (a[1] === null ? (b[1] === null ? 0 : 1) : b[1] === null ? -1 : b[1] - a[1]);

/** The drill-down into `keys`: per key its contributions (one page), how many there are, and the bodies listed. */
export function drillAnswer(d: DrillInput, keys: string[], page: DrillPageOptions = {}): RollupDrill {
  const all = drillDown({ included: d.included }, keys, d.reports);
  const offset = page.offset ?? 0;
  const limit = page.limit ?? null;
  const sort = page.sort ?? 'body';
  const byContributor: RollupDrill['byContributor'] = {};
  const total: RollupDrill['total'] = {};
  const listed = new Set<number>();
  for (const key of keys) {
    const list = sort === 'value' ? [...all[key]].sort(byValue) : all[key];
    total[key] = list.length;
    byContributor[key] = limit === null && offset === 0 ? list : list.slice(offset, limit === null ? undefined
      : offset + limit);
    for (const [bodyId] of byContributor[key]) listed.add(bodyId);
  }
  const bodies = d.included.filter((r) => listed.has(r.bodyId))
    .map((r): [number, string, number] => [r.bodyId, d.names.get(r.bodyId) ?? `#${r.bodyId}`, r.reportId]);
  return { year: d.year, template: d.version, byContributor, bodies, total, offset, limit, sort };
}
