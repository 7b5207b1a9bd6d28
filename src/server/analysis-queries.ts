// The analyses as the API serves them: gather the inputs from the store (the bodies expected, the current
// versions of their reports, the settings) and hand them to the pure functions of src/analysis. Shared by the
// analysis routes and the export routes, so a download always equals what the page shows.
import type {
  AnalysisBody, AnalysisReport, Comparison, FilingStatus, IndicatorTable, Ranking, ReportMeta, Rollup, SimilarPair,
} from '../model/analysis.js';
import type { Body, BodyLevel, ReportSummary } from '../model/api.js';
import type { Report } from '../model/report.js';
import type { ReportFilter, Store } from '../store/types.js';
import { analysisInput } from '../analysis/input.js';
import { compareReports } from '../analysis/compare.js';
import { filingStatus } from '../analysis/filing.js';
import { indicatorTable } from '../analysis/indicators.js';
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
  return (await store.listBodies({ region, parentId, limit: ALL })).items as Body[];
}

async function models(store: Store, f: ReportFilter, parts?: 'sections'): Promise<AnalysisReport[]> {
  const list = await store.reportModels(f, parts ? { parts } : undefined);
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
    models(store, filterOf(scope, { year }), 'sections'),
    models(store, filterOf(scope, { year: year - 1 }), 'sections'),
  ]);
  return screenSimilarity([...now, ...before], { year, threshold }).pairs;
}

export async function rollupOf(store: Store, scope: Scope, year: number, parentBodyId?: number): Promise<Rollup> {
  const bodies = await bodiesIn(store, scope.region, parentBodyId);
  const reports = await models(store, filterOf(scope, { year, parentBodyId }));
  return rollup(reports, bodies, { year, regionCode: scope.region ?? null, parentBodyId: parentBodyId ?? null });
}

export async function indicators(store: Store, scope: Scope, q: { year?: number; from?: number; to?: number }):
  Promise<IndicatorTable> {
  const minCases = (await store.getSetting<number>('minCases')) ?? undefined;
  const from = q.year ?? q.from;
  const to = q.year ?? q.to;
  const reports = await models(store, filterOf(scope, q.year ? { year: q.year } : {}));
  return indicatorTable(reports, { minCases, from, to });
}

export async function filing(store: Store, region: string | undefined, year: number, asOf: string):
  Promise<FilingStatus> {
  const bodies = await bodiesIn(store, region);
  const page = await store.listReports({ region, year, limit: ALL });
  const dueDates = (await store.dueDates()) as Partial<Record<BodyLevel, string>>;
  return filingStatus(bodies, page.items.map(metaOf), { year, asOf, dueDates }, region ?? null);
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
