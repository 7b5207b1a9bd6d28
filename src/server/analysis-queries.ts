// The analyses as the API serves them: gather the inputs from the store (the bodies expected, the current
// versions of their reports, the settings) and hand them to the pure functions of src/analysis. Shared by the
// analysis routes and the export routes, so a download always equals what the page shows. Each reads no more than
// its function uses: roll-up and indicators the cells' values (reports.vals, no JSON model), filing status the
// summaries; only 雷同 screening (the sections) and the ranking (it re-checks the reports) read the models.
import type {
  AnalysisBody, AnalysisReport, Comparison, FilingStatus, IndicatorTable, Ranking, ReportMeta, Rollup, SimilarPair,
} from '../model/analysis.js';
import type { BodyLevel, ReportSummary } from '../model/api.js';
import type { Report } from '../model/report.js';
import { cellKey, groupItems, splitCellKey } from '../model/template.js';
import type { ReportFilter, Store } from '../store/types.js';
import { analysisInput } from '../analysis/input.js';
import { compareReports } from '../analysis/compare.js';
import { filingStatus } from '../analysis/filing.js';
import { INDICATORS, indicatorTable } from '../analysis/indicators.js';
import { rollup } from '../analysis/rollup.js';
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
  return store.expectedBodies(region, parentId);
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

export async function rollupOf(store: Store, scope: Scope, year: number, parentBodyId?: number): Promise<Rollup> {
  const [bodies, reports] = await Promise.all([
    bodiesIn(store, scope.region, parentBodyId),
    models(store, filterOf(scope, { year, parentBodyId }), { parts: 'values' }),
  ]);
  return rollup(reports, bodies, { year, regionCode: scope.region ?? null, parentBodyId: parentBodyId ?? null });
}

export async function indicators(store: Store, scope: Scope, q: { year?: number; from?: number; to?: number }):
  Promise<IndicatorTable> {
  const from = q.year ?? q.from;
  const to = q.year ?? q.to;
  const [setting, reports] = await Promise.all([
    store.getSetting<number>('minCases'),
    models(store, filterOf(scope, q.year ? { year: q.year } : {}), { parts: 'values', keys: INDICATOR_KEYS }),
  ]);
  const minCases = setting ?? undefined;
  return indicatorTable(reports, { minCases, from, to });
}

export async function filing(store: Store, region: string | undefined, year: number, asOf: string):
  Promise<FilingStatus> {
  const [bodies, reports, dueDates] = await Promise.all([
    bodiesIn(store, region),
    store.reportSummaries({ region, year, limit: ALL }),
    store.dueDates() as Promise<Partial<Record<BodyLevel, string>>>,
  ]);
  return filingStatus(bodies, reports.map(metaOf), { year, asOf, dueDates }, region ?? null);
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
