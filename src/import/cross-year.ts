// Cross-year rules on import: whenever the same body's neighbouring year is stored, both directions are checked
// — the new report against its previous year (its findings as stored), and the next year's stored report
// re-checked against the new one. An import batch asks for the neighbours of all its reports in one query
// (forBatch); the single-report functions below serve assignments and content changes. A batch's report comes with
// its own findings (checked alone in a worker): against a stored previous year only the rules that read one run
// (rules/lib/previous-year.ts), the same findings as checking it all again.
import { checkReport } from '../rules/index.js';
import { withPreviousYear } from '../rules/lib/previous-year.js';
import type { Finding, Report } from '../model/report.js';
import type { Actor, ImportNeighbour, Store } from '../store/types.js';
import { asReport, isPacked, type StoredModel } from '../store/model-codec.js';

/** A report of an import batch, matched to its body and year (packed: unpacked only when a neighbour is stored). */
export interface Matched {
  bodyId: number;
  year: number;
  report: StoredModel;
  /** checkReport(report): the report's findings without a previous year */
  findings: Finding[];
}

export interface CrossYear {
  /** the report's findings: checked against the stored previous year when there is one */
  findings: Finding[];
  /** a report is stored for this body and year already (the import makes a new version of it) */
  existing: boolean;
  /** the stored next year's findings, re-checked against this report */
  rechecks: { reportId: number; findings: Finding[] }[];
}

/**
 * The cross-year findings of a batch's reports (bodies distinct within a batch): the stored neighbouring years of
 * all of them in one query; the previous year as the rules read it (year, agency, template, cell values). A next
 * year is stored only when the years come out of order, so its whole model is read then, one by one.
 */
export async function forBatch(store: Store, list: Matched[]): Promise<CrossYear[]> {
  const keys = list.flatMap((m) => [{ bodyId: m.bodyId, year: m.year - 1, previous: true },
    { bodyId: m.bodyId, year: m.year, previous: false }, { bodyId: m.bodyId, year: m.year + 1, previous: false }]);
  const stored = new Map<string, ImportNeighbour>();
  for (const n of await store.importNeighbours(keys)) stored.set(`${n.bodyId}/${n.year}`, n);
  const out: CrossYear[] = [];
  for (const m of list) {
    const prev = stored.get(`${m.bodyId}/${m.year - 1}`);
    const next = stored.get(`${m.bodyId}/${m.year + 1}`);
    let report: Report | undefined;
    const full = (): Report => (report ??= asReport(m.report));
    const findings = prev?.previous && prev.status !== 'pending'
      ? againstPrevious(m.report, full, prev.previous, m.findings) : m.findings;
    const rechecks: CrossYear['rechecks'] = [];
    if (next && next.status !== 'pending') {
      const model = await store.getReportModel(next.reportId);
      if (model) rechecks.push({ reportId: next.reportId, findings: checkReport(model, full()) });
    }
    out.push({ findings, existing: stored.has(`${m.bodyId}/${m.year}`), rechecks });
  }
  return out;
}

/**
 * withPreviousYear(report, previous, own) without unpacking a packed report's cells when the previous year adds
 * nothing (the usual case: a body's carry-over agrees with its last report). The previous-year rules decide from
 * the report's plain fields and its cells' keys and values alone (rules/lib/evaluate.ts reads a cell's value and
 * whether it is there); only a finding they make reads more (the first cell's source). So they run first on the
 * report as keys and values — the same view a stored previous year is read as (store/import-batch.ts) — and
 * only when that finds something, again on the whole report, for the findings as checkReport makes them.
 * Unpacking cost the main thread 0.2–0.6 ms a report (a ~20 KB cells JSON inflated, parsed and rebuilt), the view
 * ~0.02 ms. "Adds nothing" is withPreviousYear handing back `own` itself; were it ever to copy, this only unpacks.
 */
function againstPrevious(m: StoredModel, full: () => Report, previous: Report, own: Finding[]): Finding[] {
  if (!isPacked(m)) return withPreviousYear(m, previous, own);
  const cells: Record<string, { value: number | null }> = {};
  for (let i = 0; i < m.keys.length; i++) cells[m.keys[i]] = { value: m.values[i] };
  const light = { ...m.head, cells } as unknown as Report;
  if (withPreviousYear(light, previous, own) === own) return own;
  return withPreviousYear(full(), previous, own);
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
