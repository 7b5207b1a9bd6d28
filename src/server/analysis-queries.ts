// The analyses as the API serves them: gather the inputs from the store (the bodies expected, the current
// versions of their reports, the settings) and hand them to the pure functions of src/analysis. Shared by the
// analysis routes and the export routes, so a download always equals what the page shows. Each reads no more than
// its function uses: a roll-up is planned on the reports' metadata, summed in SQL and drilled into only for the
// cells asked; indicators read the ~40 cells they use (or, for a trend alone, the sums per year in SQL); filing
// status a few columns; only 雷同 screening (the sections) and the ranking (it re-checks the reports) read models.
import type {
  AnalysisBody, AnalysisReport, Comparison, FilingStatus, IndicatorTable, Ranking, ReportMeta, Rollup, RollupDrill,
  RollupPlan, RollupSums, RollupTotals, SimilarPair,
} from '../model/analysis.js';
import type { BodyLevel, ReportSummary } from '../model/api.js';
import type { Report } from '../model/report.js';
import { cellKey, groupItems, splitCellKey, type TemplateVersion } from '../model/template.js';
import type { ReportFilter, Store } from '../store/types.js';
import { analysisInput } from '../analysis/input.js';
import { compareReports } from '../analysis/compare.js';
import { filingPage, filingStatus, type FilingPageOptions } from '../analysis/filing.js';
import {
  INDICATORS, INDICATOR_DEFAULTS, indicatorParts, indicatorTableOf, trendRow,
} from '../analysis/indicators.js';
import { drillDown, finishRollup, planRollup, rollupKeys } from '../analysis/rollup.js';
import { scoreBodies } from '../analysis/scoring.js';
import { screenSimilarity } from '../analysis/similarity.js';

const ALL = 1_000_000;

/** Where an analysis looks: a region subtree (or everywhere), and whether only published reports count. */
export interface Scope {
  region?: string;
  publishedOnly: boolean;
}

function filterOf(scope: Scope, extra: ReportFilter = {}): ReportFilter {
  return { region: scope.region, publishedOnly: scope.publishedOnly || undefined, limit: ALL, ...extra };
}

function metaOf(s: ReportSummary): ReportMeta {
  return { reportId: s.id, bodyId: s.bodyId, bodyName: s.bodyName ?? s.agency ?? `#${s.id}`, level: s.bodyLevel,
    regionCode: s.regionCode, year: s.year, status: s.status, submittedAt: s.submittedAt, acceptedAt: s.acceptedAt,
    publishedAt: s.publishedAt, returnedAt: s.returnedAt ?? null, resubmittedAt: s.resubmittedAt ?? null };
}

async function bodiesIn(store: Store, region: string | undefined, parentId?: number): Promise<AnalysisBody[]> {
  return store.analysisBodies(region, parentId);
}

/**
 * The cells the indicators read: every numerator and denominator cell, and the items of a group row (an indicator
 * sums a group's items, else takes its printed subtotal), in both templates.
 */
const INDICATOR_KEYS: string[] = (() => {
  const keys = new Set<string>();
  for (const d of INDICATORS) {
    for (const k of [...(d.numerator ?? []), ...(d.denominator ?? [])]) {
      keys.add(k);
      const { table, row, column } = splitCellKey(k);
      if (table !== 'applications') continue;
      for (const v of ['2019', '2021'] as const) {
        for (const r of groupItems(v, row)) keys.add(cellKey(table, r.key, column));
      }
    }
  }
  return [...keys];
})();

async function models(store: Store, f: ReportFilter,
  parts?: { parts: 'sections' | 'values'; keys?: string[] }): Promise<AnalysisReport[]> {
  const list = await store.reportModels(f, parts);
  // the return dates (returned-not-fixed deductions) are in the summary when the store has them
  return list.map(({ summary, report }) => analysisInput(summary, report,
    { returnedAt: summary.returnedAt ?? null, resubmittedAt: summary.resubmittedAt ?? null }));
}

export function compare(a: { summary: ReportSummary; report: Report },
  b: { summary: ReportSummary; report: Report }): Comparison {
  return compareReports({ meta: metaOf(a.summary), report: a.report }, { meta: metaOf(b.summary), report: b.report });
}

export async function similarity(store: Store, scope: Scope, year: number, threshold?: number): Promise<SimilarPair[]> {
  const [now, before] = await Promise.all([
    models(store, filterOf(scope, { year }), { parts: 'sections' }),
    models(store, filterOf(scope, { year: year - 1 }), { parts: 'sections' }),
  ]);
  return screenSimilarity([...now, ...before], { year, threshold }).pairs;
}

/** Drill-down asked of a roll-up: none (the API's default), these cell keys, or every summed key (the export). */
export type Drill = string[] | 'all';

/** The plan of a roll-up from the bodies and the reports' metadata (no cell read yet). */
async function planOf(store: Store, scope: Scope, year: number, parentBodyId?: number):
  Promise<{ plan: RollupPlan; version: Map<number, TemplateVersion> }> {
  const [bodies, metas] = await Promise.all([
    bodiesIn(store, scope.region, parentBodyId),
    store.rollupMetas(filterOf(scope, { year, parentBodyId })),
  ]);
  const plan = planRollup(metas, bodies,
    { year, regionCode: scope.region ?? null, parentBodyId: parentBodyId ?? null });
  return { plan, version: new Map(metas.map((m) => [m.reportId, m.version])) };
}

/**
 * The sums of a region's roll-up from the sums the write path keeps (store/region-sums.ts): the reports of the
 * region, year and template the plan read, less those it does not sum; null when the kept sums cannot tell.
 */
async function keptTotals(store: Store, scope: Scope, plan: RollupPlan, version: Map<number, TemplateVersion>):
  Promise<RollupTotals | null> {
  if (plan.parentBodyId !== null) return null; // a parent body's few reports are summed directly
  const summed = new Set(plan.included.map((r) => r.reportId));
  const candidates = plan.contributors.filter((c) => c.reportId !== null && version.get(c.reportId) === plan.version)
    .map((c) => c.reportId!);
  const leaveOut = candidates.filter((id) => !summed.has(id));
  // when the plan leaves out more than it sums, summing the reports themselves reads less
  if (leaveOut.length > summed.size) return null;
  return store.regionTotals({ region: scope.region, year: plan.year, version: plan.version,
    publishedOnly: scope.publishedOnly, expected: candidates.length, leaveOut });
}

/**
 * The sums of a planned roll-up: a region's from the kept sums, else in SQL over the reports; one query per template
 * for the 口径 checks (a 口径 report may use the other one).
 */
async function sumsOf(store: Store, scope: Scope, plan: RollupPlan, version: Map<number, TemplateVersion>):
  Promise<RollupSums> {
  const versions = plan.scopes.map((s) => version.get(s.reportId)!);
  const kept = await keptTotals(store, scope, plan, version);
  const summed = kept ? [] : plan.included.map((r) => r.reportId);
  const groups = new Map<TemplateVersion, number[][]>([[plan.version, [summed]]]);
  const at = plan.scopes.map((s, i) => {
    const list = groups.get(versions[i]) ?? groups.set(versions[i], []).get(versions[i])!;
    list.push([s.reportId], s.found);
    return list.length - 2;
  });
  const totals = new Map(await Promise.all([...groups].map(async ([v, g]) =>
    [v, await store.rollupTotals(v, g)] as const)));
  return {
    included: kept ?? totals.get(plan.version)![0],
    scopes: plan.scopes.map((_, i) => ({ own: totals.get(versions[i])![at[i]],
      found: totals.get(versions[i])![at[i] + 1] })),
    versions,
  };
}

/**
 * The roll-up of a region's (or a parent body's) bodies for a year: contributors from the reports' metadata, sums
 * in SQL over reports.vals, the checks of the sums and the 口径 checks; the drill-down only for the keys asked.
 */
export async function rollupOf(store: Store, scope: Scope, year: number, parentBodyId?: number, drill: Drill = []):
  Promise<Rollup> {
  const { plan, version } = await planOf(store, scope, year, parentBodyId);
  const ids = plan.included.map((r) => r.reportId);
  const [sums, drilled] = await Promise.all([
    sumsOf(store, scope, plan, version),
    drill === 'all' || drill.length === 0 ? undefined : store.drillReports(ids, drill),
  ]);
  if (drill === 'all') {
    const keys = rollupKeys(plan.version, sums.included.single);
    return finishRollup(plan, sums, drillDown(plan, keys, await store.drillReports(ids, keys)));
  }
  return finishRollup(plan, sums, drilled ? drillDown(plan, drill, drilled) : {});
}

/** The contributions of each summed report to a few cells of a roll-up (the page's drill-down), without the sums. */
export async function rollupDrill(store: Store, scope: Scope, year: number, parentBodyId: number | undefined,
  keys: string[]): Promise<RollupDrill> {
  const { plan } = await planOf(store, scope, year, parentBodyId);
  const reports = await store.drillReports(plan.included.map((r) => r.reportId), keys);
  return { year, template: plan.version, byContributor: drillDown(plan, keys, reports) };
}

/**
 * The indicator table of a region's reports for a year or a span of years. view 'table' (default): a row per
 * report (only the cells the indicators use are read), totals per year, rankings and distributions of the latest
 * year; 'trend': the totals per year alone, summed in SQL (no report's values leave the database).
 */
export async function indicators(store: Store, scope: Scope, q: { year?: number; from?: number; to?: number;
  view?: 'table' | 'trend' }): Promise<IndicatorTable> {
  const from = q.year ?? q.from;
  const to = q.year ?? q.to;
  const f = filterOf(scope);
  const minCases = (await store.getSetting<number>('minCases')) ?? INDICATOR_DEFAULTS.minCases;
  if (q.view === 'trend') {
    // a region's from the sums the write path keeps (migration 0007), else over its reports
    const sums = await store.regionIndicatorSums(f, { from, to }) ?? await store.indicatorYearSums(f, { from, to });
    return { definitions: INDICATORS, minCases, rows: [], rankings: [], distributions: [],
      trend: sums.map((y) => trendRow(y.year, y.reports, y.sums, minCases)) };
  }
  const list = await store.indicatorValues(f, { from, to }, INDICATOR_KEYS);
  const at = new Map(INDICATOR_KEYS.map((k, i) => [k, i]));
  return indicatorTableOf(list.map((r) => ({ reportId: r.id, bodyId: r.bodyId, label: r.label, year: r.year,
    parts: indicatorParts(r.version, (k) => {
      const i = at.get(k);
      return i === undefined ? null : r.values[i] ?? null;
    }),
  })), { minCases, from, to });
}

/** The filing status of a region's bodies; with `page`, one page of the rows (the summary stays over all). */
export async function filing(store: Store, region: string | undefined, year: number, asOf: string,
  page?: FilingPageOptions): Promise<FilingStatus> {
  const [bodies, reports, dueDates] = await Promise.all([
    bodiesIn(store, region),
    store.filingReports(region, year),
    store.dueDates() as Promise<Partial<Record<BodyLevel, string>>>,
  ]);
  const status = filingStatus(bodies, reports, { year, asOf, dueDates }, region ?? null);
  return page ? filingPage(status, page) : status;
}

export async function ranking(store: Store, region: string | undefined, year: number, asOf: string):
  Promise<Ranking> {
  const status = await filing(store, region, year, asOf);
  const scope: Scope = { region, publishedOnly: false };
  const rules = await store.scoringRules();
  const threshold = rules.find((r) => r.kind === 'similarity')?.threshold ?? undefined;
  const [reports, similar] = await Promise.all([
    models(store, filterOf(scope, { year })),
    similarity(store, scope, year, threshold),
  ]);
  return scoreBodies(status, reports, similar, { year, regionCode: region ?? null, asOf, rules });
}
