// Cross-year rules on import: whenever the same body's neighbouring year is stored, both directions are checked
// — the new report against its previous year (its findings as stored), and the next year's stored report
// re-checked against the new one. An import batch asks for the neighbours of all its reports in one query
// (forBatch); the single-report functions below serve assignments and content changes. A batch's report comes with
// its own findings (checked alone in a worker): against a stored previous year only the rules that read one run
// (rules/lib/previous-year.ts), the same findings as checking it all again.
import { checkReport } from '../rules/index.js';
import { withPreviousYear } from '../rules/lib/previous-year.js';
import type { Finding, Report, SourceRef } from '../model/report.js';
import type { Actor, ImportNeighbour, Store } from '../store/types.js';
import { asReport, isPacked, type PackedReport, type StoredModel } from '../store/model-codec.js';

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
    const findings = prev?.previous && prev.status !== 'pending'
      ? againstPrevious(m.report, prev.previous, m.findings) : m.findings;
    const rechecks: CrossYear['rechecks'] = [];
    if (next && next.status !== 'pending') {
      const model = await store.getReportModel(next.reportId);
      if (model) rechecks.push({ reportId: next.reportId, findings: checkReport(model, asReport(m.report)) });
    }
    out.push({ findings, existing: stored.has(`${m.bodyId}/${m.year}`), rechecks });
  }
  return out;
}

/**
 * withPreviousYear(report, previous, own) without unpacking a packed report's cells. The previous-year rules read
 * the report's plain fields and, of its cells, whether each is there, its value, and the source of the first cell a
 * finding names (rules/lib/evaluate.ts, rules/lib/findings.ts): so they run on the report as keys and values — the
 * same view a stored previous year is read as (store/import-batch.ts) — with the sources of the cells a cross-year
 * finding can name, which the worker sent beside the packed report; a source not sent (a rule quoting another cell)
 * unpacks the cells after all. Unpacking cost the main thread 0.1–0.6 ms a report (a ~20 KB cells JSON inflated,
 * parsed and rebuilt); it was done for every report the previous year added a finding to, ~2/3 of bench/import.mjs's
 * generated ones, after the rules had run once on a view without sources. test/import-cross-year.test.ts compares
 * the findings with checkReport on the whole report.
 */
function againstPrevious(m: StoredModel, previous: Report, own: Finding[]): Finding[] {
  return withPreviousYear(isPacked(m) ? viewOf(m) : m, previous, own);
}

/** The sources of a view's cells: those sent with the report, else its unpacked cells'. */
class ViewSources {
  private sent: Record<string, SourceRef> | null = null;
  private unpacked: Report | null = null;
  constructor(private readonly packed: PackedReport) {}

  of(key: string): SourceRef {
    const sent = (this.sent ??= JSON.parse(this.packed.sources) as Record<string, SourceRef>);
    if (Object.hasOwn(sent, key)) return sent[key];
    return (this.unpacked ??= asReport(this.packed)).cells[key].source;
  }
}

/** A cell of the view: its value, and its source when a finding quotes it. */
class ViewCell {
  constructor(readonly value: number | null, private readonly key: string, private readonly sources: ViewSources) {}
  get source(): SourceRef {
    return this.sources.of(this.key);
  }
}

function viewOf(m: PackedReport): Report {
  const sources = new ViewSources(m);
  const cells: Record<string, ViewCell> = {};
  for (let i = 0; i < m.keys.length; i++) cells[m.keys[i]] = new ViewCell(m.values[i], m.keys[i], sources);
  return { ...m.head, cells } as unknown as Report;
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
