// Cross-year rules on import: whenever the same body's neighbouring year is stored, both directions are checked
// — the new report against its previous year (its findings as stored), and the next year's stored report
// re-checked against the new one.
import { checkReport } from '../rules/index.js';
import type { Finding, Report } from '../model/report.js';
import type { Actor, Store } from '../store/types.js';

/** The findings of a report checked against the body's previous year when that year is stored. */
export async function findingsWithPrevious(store: Store, bodyId: number, year: number, report: Report,
  found: Finding[]): Promise<Finding[]> {
  const prev = await store.findReport(bodyId, year - 1);
  if (!prev || prev.status === 'pending') return found;
  const model = await store.getReportModel(prev.id);
  return model ? checkReport(report, model) : found;
}

/** Re-checks the body's next-year report (when stored) against this year's report. */
export async function recheckNextYear(store: Store, bodyId: number, year: number, report: Report, actor: Actor):
  Promise<number | null> {
  const next = await store.findReport(bodyId, year + 1);
  if (!next || next.status === 'pending') return null;
  const model = await store.getReportModel(next.id);
  if (!model) return null;
  await store.recheck(next.id, checkReport(model, report), actor);
  return next.id;
}

/** Both directions for a stored report (after an assignment, or any change of its content). */
export async function crossYear(store: Store, reportId: number, actor: Actor): Promise<void> {
  const s = await store.getReport(reportId);
  if (!s || s.bodyId === null || s.year === null) return;
  const report = await store.getReportModel(reportId);
  if (!report) return;
  const prev = await store.findReport(s.bodyId, s.year - 1);
  const prevModel = prev && prev.status !== 'pending' ? await store.getReportModel(prev.id) : null;
  if (prevModel) await store.recheck(reportId, checkReport(report, prevModel), actor);
  await recheckNextYear(store, s.bodyId, s.year, report, actor);
}
