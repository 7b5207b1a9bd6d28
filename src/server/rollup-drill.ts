// The roll-up's drill-down as the API serves it (GET /api/analysis/rollup/contributors): a region's from its
// outline and one statement over the reports it sums — no row per body or report of a province in the process
// but the one cell's values — and a parent body's (few reports) from the whole plan. Both give what the pure roll-up
// gives (test/store-reads.test.ts compares them); the page and the order are the pure drillAnswer's.
import type { RollupDrill } from '../model/analysis.js';
import type { Store } from '../store/types.js';
import { drillAnswer, outlineChoice, type DrillInput, type DrillPageOptions } from '../analysis/rollup-drill.js';
import { contributorOrder } from '../analysis/rollup.js';
import { planOf, type Scope } from './analysis-queries.js';

/**
 * A region's drill-down from its outline (store/rollup-outline.ts) and the cells of the reports it sums, in one
 * snapshot; null when the outline cannot tell (the kept counts are off during a bulk load).
 */
async function regionDrill(store: Store, scope: Scope, year: number, keys: string[]): Promise<DrillInput | null> {
  return store.snapshot(async (s) => {
    const q = { region: scope.region, year, publishedOnly: scope.publishedOnly };
    const o = await s.rollupOutline(q);
    if (!o.kept) return null;
    const { version, leaveOut } = outlineChoice(o, year);
    const list = await s.drillRegion({ ...q, version, leaveOut }, keys);
    const order = contributorOrder(o.ids.map((id, i) => ({ id, name: o.names[i] })));
    const rank = new Map(order.map((id, i) => [id, i]));
    list.sort((a, b) => rank.get(a.bodyId)! - rank.get(b.bodyId)!);
    return {
      year, version, included: list.map((r) => ({ reportId: r.id, bodyId: r.bodyId })),
      reports: new Map(list.map((r) => [r.id, { cells: r.cells }])),
      names: new Map(o.ids.map((id, i) => [id, o.names[i]])),
    };
  });
}

/** A drill-down from the whole plan (a parent body's contributors, or when the outline cannot tell). */
async function plannedDrill(store: Store, scope: Scope, year: number, parentBodyId: number | undefined,
  keys: string[]): Promise<DrillInput> {
  const { plan } = await planOf(store, scope, year, parentBodyId);
  const reports = await store.drillReports(plan.included.map((r) => r.reportId), keys);
  return { year, version: plan.version, included: plan.included, reports,
    names: new Map(plan.contributors.map((c) => [c.bodyId, c.bodyName])) };
}

/**
 * The contributions of each summed report to a few cells of a roll-up (the page's drill-down), without the sums;
 * one page of them when a limit is given, with the listed bodies' names.
 */
export async function rollupDrill(store: Store, scope: Scope, year: number, parentBodyId: number | undefined,
  keys: string[], page: DrillPageOptions = {}): Promise<RollupDrill> {
  const input = (parentBodyId === undefined ? await regionDrill(store, scope, year, keys) : null)
    ?? await plannedDrill(store, scope, year, parentBodyId, keys);
  return drillAnswer(input, keys, page);
}
