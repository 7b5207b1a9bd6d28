// The analyses as the API serves them: gather the inputs from the store (the bodies expected, the current
// versions of their reports, the settings) and hand them to the pure functions of src/analysis. Shared by the
// analysis routes and the export routes, so a download always equals what the page shows. Each reads no more than
// its function uses: a roll-up is planned on the reports' metadata, summed in SQL and drilled into only for the
// cells asked; indicators read each report's kept parts (or, for a trend alone, the kept sums per year); filing
// status a few columns (its page: counts and sort keys computed in SQL, and the page's bodies); only 雷同 screening
// (the sections) and the ranking (it re-checks the reports) read models.
import type {
  AnalysisBody, AnalysisReport, Comparison, FilingOptions, FilingStatus, IndicatorPageOptions, IndicatorTable, Ranking,
  ReportMeta, Rollup, RollupPlan, RollupSums, RollupTotals, SimilarPair,
} from '../model/analysis.js';
import type { ReportSummary } from '../model/api.js';
import type { Report } from '../model/report.js';
import { cellKey, groupItems, splitCellKey, type TemplateVersion } from '../model/template.js';
import type { ReportFilter, Store } from '../store/types.js';
import { analysisInput } from '../analysis/input.js';
import { compareReports } from '../analysis/compare.js';
import { dueOf, filingPage, filingStatus, type FilingPageOptions } from '../analysis/filing.js';
import { filingPageIds, filingSummaryOf, filingWindow } from '../analysis/filing-order.js';
import {
  INDICATORS, INDICATOR_DEFAULTS, indicatorParts, indicatorTableOf, trendRow, type IndicatorInput,
} from '../analysis/indicators.js';
import { indicatorPageOf } from '../analysis/indicator-page.js';
import {
  contributorOf, contributorOrder, drillDown, finishRollup, planRollup, rollupKeys, rollupPage,
  scopeOf,
} from '../analysis/rollup.js';
import { outlineChoice } from '../analysis/rollup-drill.js';
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
export async function planOf(store: Store, scope: Scope, year: number, parentBodyId?: number):
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

/** Groups of reports (by id), each summed over its template's keys: one query per template. */
async function totalsByVersion(store: Store, groups: { version: TemplateVersion; ids: number[] }[]):
  Promise<RollupTotals[]> {
  const byVersion = new Map<TemplateVersion, number[][]>();
  const at = groups.map((g) => {
    const list = byVersion.get(g.version) ?? byVersion.set(g.version, []).get(g.version)!;
    return list.push(g.ids) - 1;
  });
  // in turn (two templates at most): inside a snapshot the store is one connection
  const totals = new Map<TemplateVersion, RollupTotals[]>();
  for (const [v, list] of byVersion) totals.set(v, await store.rollupTotals(v, list));
  return groups.map((g, i) => totals.get(g.version)![at[i]]);
}

/** Per 口径 check (in the template of the report including its subordinates) the report's totals and theirs. */
async function scopeSums(store: Store, scopes: RollupPlan['scopes'], versions: TemplateVersion[]):
  Promise<RollupSums['scopes']> {
  const totals = await totalsByVersion(store, scopes.flatMap((s, i) =>
    [{ version: versions[i], ids: [s.reportId] }, { version: versions[i], ids: s.found }]));
  return scopes.map((_, i) => ({ own: totals[2 * i], found: totals[2 * i + 1] }));
}

/**
 * The sums of a planned roll-up: a region's from the kept sums, else in SQL over the reports; one query per template
 * for the 口径 checks (a 口径 report may use the other one).
 */
async function sumsOf(store: Store, scope: Scope, plan: RollupPlan, version: Map<number, TemplateVersion>):
  Promise<RollupSums> {
  const versions = plan.scopes.map((s) => version.get(s.reportId)!);
  const kept = await keptTotals(store, scope, plan, version);
  const [included, scopes] = await Promise.all([
    kept ?? totalsByVersion(store, [{ version: plan.version, ids: plan.included.map((r) => r.reportId) }])
      .then(([t]) => t),
    scopeSums(store, plan.scopes, versions),
  ]);
  return { included, scopes, versions };
}

/** One page of a roll-up's contributors. */
export interface RollupPageOptions {
  limit: number;
  offset: number;
}

/**
 * A region's roll-up with one page of its contributors, without a row per body or report in the process: what
 * planRollup decides from them is decided from the outline (store/rollup-outline.ts) — the template from the counts,
 * the reports left out from the 口径 bodies' subordinates, the page's lines from their bodies' order — with the
 * same pure functions, and summed from the kept sums, all in one snapshot. Null when the kept sums cannot tell (not
 * kept during a bulk load, or a key not numbered), or summing the reports reads less (the plan leaves out more than
 * it sums): then the whole plan is read.
 */
async function regionRollup(store: Store, scope: Scope, year: number, page: RollupPageOptions):
  Promise<Rollup | null> {
  return store.snapshot(async (s) => {
    const q = { region: scope.region, year, publishedOnly: scope.publishedOnly };
    const o = await s.rollupOutline(q);
    if (!o.kept) return null; // a bulk load with the kept sums' upkeep off: they do not hold its reports yet
    const { version, leaveOut, included } = outlineChoice(o, year);
    const scopes = o.scopes.map((x) => scopeOf({ name: x.bodyName }, x.report, x.subs));
    if (leaveOut.length > included) return null;
    const order = contributorOrder(o.ids.map((id, i) => ({ id, name: o.names[i] })));
    const versions = o.scopes.map((x) => x.report.version);
    // in turn: the snapshot is one connection, on which statements cannot overlap (node-postgres queues them, and
    // warns that it will stop doing so)
    const lines = await s.contributorRows(q, order.slice(page.offset, page.offset + page.limit));
    const kept = await s.regionTotals({ region: scope.region, year, version, publishedOnly: scope.publishedOnly,
      expected: o.reports[version], leaveOut });
    const sums = await scopeSums(s, scopes, versions);
    if (!kept) return null;
    const reported = o.reports['2019'] + o.reports['2021'];
    const plan = { year, version, label: scope.region ?? '', regionCode: scope.region ?? null, parentBodyId: null,
      contributors: lines.map((l) => contributorOf(l, l.report, version, l.inParent)),
      counts: { bodies: o.ids.length, reports: reported, included, missing: o.ids.length - reported }, scopes };
    return { ...finishRollup(plan, { included: kept, scopes: sums, versions }), offset: page.offset,
      limit: page.limit };
  });
}

/**
 * The roll-up of a region's (or a parent body's) bodies for a year: contributors from the reports' metadata, sums
 * in SQL over reports.vals, the checks of the sums and the 口径 checks; the drill-down only for the keys asked; every
 * contributor, or with `page` one page of them (a region's then planned in SQL, regionRollup).
 */
export async function rollupOf(store: Store, scope: Scope, year: number, parentBodyId?: number, drill: Drill = [],
  page?: RollupPageOptions): Promise<Rollup> {
  if (page && parentBodyId === undefined && drill !== 'all' && drill.length === 0) {
    const fast = await regionRollup(store, scope, year, page);
    if (fast) return fast;
  }
  const { plan, version } = await planOf(store, scope, year, parentBodyId);
  const ids = plan.included.map((r) => r.reportId);
  const [sums, drilled] = await Promise.all([
    sumsOf(store, scope, plan, version),
    drill === 'all' || drill.length === 0 ? undefined : store.drillReports(ids, drill),
  ]);
  let out: Rollup;
  if (drill === 'all') {
    const keys = rollupKeys(plan.version, sums.included.single);
    out = finishRollup(plan, sums, drillDown(plan, keys, await store.drillReports(ids, keys)));
  } else out = finishRollup(plan, sums, drilled ? drillDown(plan, drill, drilled) : {});
  return page ? rollupPage(out, page) : out;
}

/** The indicators' inputs of the scope's reports in a span of years: the kept parts, else from reports.vals. */
async function indicatorInputs(store: Store, f: ReportFilter, span: { from?: number; to?: number }):
  Promise<IndicatorInput[]> {
  const kept = await store.reportIndicatorParts(f, span);
  if (kept) return kept;
  const list = await store.indicatorValues(f, span, INDICATOR_KEYS);
  const at = new Map(INDICATOR_KEYS.map((k, i) => [k, i]));
  return list.map((r) => ({ reportId: r.id, bodyId: r.bodyId, label: r.label, year: r.year,
    parts: indicatorParts(r.version, (k) => {
      const i = at.get(k);
      return i === undefined ? null : r.values[i] ?? null;
    }),
  }));
}

/** What the indicators are asked: the years, the view, and with any page option one page of the rows. */
export type IndicatorQuery = { year?: number; from?: number; to?: number; view?: 'table' | 'trend' }
  & IndicatorPageOptions;

/**
 * The indicator table of a region's reports for a year or a span of years. view 'table' (default): a row per
 * report, totals per year, rankings and distributions of the latest year, all from each report's kept indicator
 * parts (migration 0009); with a page option (limit, offset, sort, order, top: the API always gives one) only that
 * page of rows and the first `top` of each ranking — the totals come from the same read, so they always match the
 * rows. 'trend': the totals per year alone, from the sums the write path keeps (no report's values are read).
 */
export async function indicators(store: Store, scope: Scope, q: IndicatorQuery): Promise<IndicatorTable> {
  const from = q.year ?? q.from;
  const to = q.year ?? q.to;
  const f = filterOf(scope);
  const setting = store.getSetting<number>('minCases');
  if (q.view === 'trend') {
    const minCases = (await setting) ?? INDICATOR_DEFAULTS.minCases;
    // a region's from the sums the write path keeps (migration 0007), else over its reports
    const sums = await store.regionIndicatorSums(f, { from, to }) ?? await store.indicatorYearSums(f, { from, to });
    return { definitions: INDICATORS, minCases, rows: [], rankings: [], distributions: [],
      trend: sums.map((y) => trendRow(y.year, y.reports, y.sums, minCases)) };
  }
  const [inputs, minCases] = await Promise.all([indicatorInputs(store, f, { from, to }),
    setting.then((m) => m ?? INDICATOR_DEFAULTS.minCases)]);
  const { sort, order, limit, offset, top } = q;
  const paged = [sort, order, limit, offset, top].some((x) => x !== undefined);
  return paged ? indicatorPageOf(inputs, { minCases, from, to, sort, order, limit, offset, top })
    : indicatorTableOf(inputs, { minCases, from, to });
}

/**
 * One page of a region's filing status without a row per body or report in the process: the bodies' counts per
 * status and lateness and each kept body's sort keys computed in SQL (store/filing-outline.ts) from the due dates
 * filingStatus reckons (a region's bodies share a few), the summary and the page from those (filing-order.ts), the
 * page's rows computed by filingStatus itself from those bodies' lines alone — all in one snapshot. Null when the
 * outline cannot tell: a due date that is not a date, or a body's name holding the outline's line separator.
 */
async function filingPageOf(store: Store, region: string | undefined, year: number, asOf: string,
  page: FilingPageOptions): Promise<FilingStatus | null> {
  return store.snapshot(async (s) => {
    // one after the other: a snapshot is one connection, which runs one statement at a time (pg warns otherwise)
    const pairs = await s.filingDuePairs(region);
    const rules = await s.filingSettings();
    const options: FilingOptions = { ...rules, year, asOf };
    const dueOfBody = dueOf(options);
    const dues = pairs.map((p) => ({ p, d: dueOfBody(p) }));
    if (dues.some(({ d }) => !Number.isInteger(d.dueDay) || !Number.isInteger(d.overdueAsOf))) return null;
    // a page by due date is ordered by the due date's text (filingPage): its rank among the few
    const days = [...new Set(dues.map(({ d }) => d.due))].sort();
    const o = await s.filingOutline({ region, year, chase: page.chase === true, window: filingWindow(page),
      dues: dues.map(({ p, d }) => ({ ...p, day: d.dueDay, overdueAsOf: d.overdueAsOf, rank: days.indexOf(d.due) })) });
    if (!o) return null;
    const ids = filingPageIds({ ...o, dues: o.due.map((k) => dues[k].d.due) }, page, o.before);
    const lines = await s.filingLines(ids, year);
    const byId = new Map(filingStatus(lines.bodies, lines.reports, options).rows.map((r) => [r.bodyId, r]));
    return { regionCode: region ?? null, year, asOf, summary: filingSummaryOf(o.groups),
      rows: ids.map((id) => byId.get(id)!), total: o.kept, offset: page.offset ?? 0, limit: page.limit ?? o.kept };
  });
}

/** The filing status of a region's bodies; with `page`, one page of the rows (the summary stays over all). */
export async function filing(store: Store, region: string | undefined, year: number, asOf: string,
  page?: FilingPageOptions): Promise<FilingStatus> {
  if (page?.limit !== undefined) {
    const fast = await filingPageOf(store, region, year, asOf, page);
    if (fast) return fast;
  }
  const [bodies, reports, rules] = await Promise.all([
    bodiesIn(store, region),
    store.filingReports(region, year),
    store.filingSettings(),
  ]);
  const status = filingStatus(bodies, reports, { ...rules, year, asOf }, region ?? null);
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

