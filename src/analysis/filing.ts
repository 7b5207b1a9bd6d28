// Filing status (催报) of a region for one year: which bodies were expected to file, which filed, were returned,
// accepted, published; who is overdue and by how many days; who is missing altogether. Node-free (chinese-days is
// plain data and code, usable in the browser).
//
// Due dates (条例 第四十九条): 各级人民政府部门 file and publish by 1月31日; 县级以上地方人民政府 publish by 3月31日. Towns
// (乡镇) follow their county's governments here (03-31); 街道办事处, 管委会 and other bodies are treated as departments
// (01-31). Many places set earlier internal dates: a body's own `dueDate`, then `options.dueDates` per level,
// override these defaults. The report on year Y is due in year Y + 1.
//
// Working-day option: a due date that falls on a weekend or a public holiday moves to the next working day, the
// rule of 《民法典》第二百零三条 (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日), with the
// official calendar of chinese-days (调休 working weekends count as working days). Years beyond the package's
// calendar fall back to weekends only.
import chineseDays from 'chinese-days';
import type {
  AnalysisBody, FilingOptions, FilingReport, FilingRow, FilingStatus, FilingSummary,
} from '../model/analysis.js';
import type { BodyLevel, ReportStatus } from '../model/api.js';
import { addDays, dayNumber, dayOf, nameOrder, nameRanks, today, withDefaults } from './util.js';

export const DEFAULT_DUE_DATES: Record<BodyLevel, string> = {
  province: '03-31', city: '03-31', county: '03-31', town: '03-31',
  department: '01-31', street: '01-31', committee: '01-31', other: '01-31',
};

/** The statuses of a report filed: submitted, then returned, accepted or published. */
export const FILED: ReadonlySet<string> = new Set<ReportStatus>(['submitted', 'returned', 'accepted', 'published']);

/** The date itself when it is a working day, else the next working day (official calendar). */
export function nextWorkingDay(day: string): string {
  let d = workingDays.get(day);
  if (d !== undefined) return d;
  d = day;
  for (let i = 0; i < 30 && !chineseDays.isWorkday(d); i++) d = addDays(d, 1);
  if (workingDays.size > 10_000) workingDays.clear();
  workingDays.set(day, d);
  return d;
}

// a region's bodies share a few due dates: the calendar is asked once per date
const workingDays = new Map<string, string>();

/** The due date (YYYY-MM-DD) of a body's report on `year`. */
export function dueDateOf(body: Pick<AnalysisBody, 'level' | 'dueDate'>, year: number,
  options: Pick<FilingOptions, 'dueDates' | 'workingDays'> = {}): {
  due: string; nominal: string;
} {
  const mmdd = body.dueDate || options.dueDates?.[body.level] || DEFAULT_DUE_DATES[body.level]
    || DEFAULT_DUE_DATES.other;
  const nominal = `${year + 1}-${mmdd}`;
  return { nominal, due: options.workingDays ? nextWorkingDay(nominal) : nominal };
}

type Meta = FilingReport;

/** When a report was filed: its first submission, else (imported published reports) its acceptance or publication. */
export function filedOn(m: Meta): string | null {
  if (!FILED.has(m.status)) return null;
  return dayOf(m.submittedAt) ?? dayOf(m.acceptedAt) ?? dayOf(m.publishedAt);
}

type Resolved = FilingOptions & { asOf: string; publicationGraceDays: number };

/** What every body with one due date shares: the dates, their day numbers, the lateness of an unfiled report. */
export interface Due {
  due: string;
  nominal: string;
  publicationDue: string;
  dueDay: number;
  publicationDay: number;
  /** days overdue and late to publish as of `asOf`, for a report not filed or not published */
  overdueAsOf: number;
  pubLateAsOf: number;
}

// A province has ~10,000 bodies and a handful of due dates: each due date's strings and day numbers are made once
// per call, and a row costs one object (no per-row date strings, spreads or result objects).
function dues(o: Resolved): (body: Pick<AnalysisBody, 'level' | 'dueDate'>) => Due {
  const byMmdd = new Map<string, Due>();
  const asOfDay = dayNumber(o.asOf);
  return (body) => {
    const mmdd = body.dueDate || o.dueDates?.[body.level] || DEFAULT_DUE_DATES[body.level] || DEFAULT_DUE_DATES.other;
    let d = byMmdd.get(mmdd);
    if (d === undefined) {
      const { due, nominal } = dueDateOf({ level: body.level, dueDate: mmdd }, o.year, o);
      const publicationDue = addDays(due, o.publicationGraceDays);
      const dueDay = dayNumber(due);
      const publicationDay = dayNumber(publicationDue);
      d = { due, nominal, publicationDue, dueDay, publicationDay,
        overdueAsOf: Math.max(0, Math.round(asOfDay - dueDay)),
        pubLateAsOf: Math.max(0, Math.round(asOfDay - publicationDay)) };
      byMmdd.set(mmdd, d);
    }
    return d;
  };
}

/**
 * The due dates of bodies as filingStatus reckons them (options over the same defaults): the page read in SQL
 * (server/analysis-queries.ts filing) asks this of a region's few distinct (level, own due date) pairs.
 */
export const dueOf = (options: FilingOptions): (body: Pick<AnalysisBody, 'level' | 'dueDate'>) => Due =>
  dues(withDefaults({ asOf: today(), publicationGraceDays: 0 }, options));

function row(body: AnalysisBody, report: Meta | undefined, d: Due): FilingRow {
  const status = report ? report.status : 'missing';
  const isFiled = report !== undefined && FILED.has(report.status);
  const submitted = report ? dayOf(report.submittedAt) : null;
  // as filedOn: the first submission, else the acceptance or publication
  const filed = isFiled ? submitted ?? dayOf(report.acceptedAt) ?? dayOf(report.publishedAt) : null;
  let daysOverdue = 0;
  if (isFiled) daysOverdue = filed ? Math.max(0, Math.round(dayNumber(filed) - d.dueDay)) : 0;
  else daysOverdue = d.overdueAsOf;
  const published = status === 'published' ? dayOf(report!.publishedAt) : null;
  const pubLate = published ? Math.max(0, Math.round(dayNumber(published) - d.publicationDay))
    : status === 'published' ? 0 // published, date unknown
    : d.pubLateAsOf;
  const out: FilingRow = {
    bodyId: body.id, bodyName: body.name, level: body.level, regionCode: body.regionCode, dueDate: d.due,
    reportId: report ? report.reportId : null, status,
    submittedAt: report ? submitted ?? filed : null, publishedAt: published,
    daysOverdue, late: daysOverdue > 0,
    publicationDue: d.publicationDue, latePublication: pubLate > 0, daysLatePublication: pubLate,
  };
  if (d.nominal !== d.due) out.nominalDueDate = d.nominal;
  return out;
}

// how far along the workflow a status is (a status not listed is before all)
const ORDER = new Map<ReportStatus, number>(
  (['pending', 'draft', 'returned', 'submitted', 'accepted', 'published'] as const).map((s, i) => [s, i]));

/**
 * The filing status of `bodies` (the bodies expected to file) for `options.year`, from their reports' metadata.
 * A body with several reports for the year is judged by the one furthest along the workflow.
 */
export function filingStatus(bodies: AnalysisBody[], reports: Meta[], options: FilingOptions,
  regionCode: string | null = null): FilingStatus {
  const o = withDefaults({ asOf: today(), publicationGraceDays: 0 }, options);
  const byBody = new Map<number, Meta>();
  for (const r of reports) {
    if (r.bodyId === null || r.year !== o.year) continue;
    const seen = byBody.get(r.bodyId);
    if (!seen || (ORDER.get(r.status) ?? -1) > (ORDER.get(seen.status) ?? -1)) byBody.set(r.bodyId, r);
  }
  const dueOf = dues(o);
  const n = bodies.length;
  const unsorted: FilingRow[] = new Array<FilingRow>(n);
  const summary: FilingSummary = {
    expected: n, filed: 0, returned: 0, accepted: 0, published: 0, overdue: 0, missing: 0, filedLate: 0,
    notFiled: 0,
  };
  for (let i = 0; i < n; i++) {
    const b = bodies[i];
    const r = row(b, byBody.get(b.id), dueOf(b));
    unsorted[i] = r;
    const filed = FILED.has(r.status as ReportStatus);
    if (filed) summary.filed++;
    if (r.status === 'returned') summary.returned++;
    if (r.status === 'accepted') summary.accepted++;
    if (r.status === 'published') summary.published++;
    if (r.status === 'missing') summary.missing++;
    else if (!filed) summary.notFiled!++;
    if (!filed && r.late) summary.overdue++;
    if (filed && r.late) summary.filedLate!++;
  }
  // late first, the most overdue first, then by name: sorted on numbers (a province has 10,000 bodies)
  const ranks = nameRanks(bodies.map((b) => b.name));
  const name = new Float64Array(n);
  const overdue = new Float64Array(n);
  const late = new Uint8Array(n);
  const index = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = unsorted[i];
    name[i] = ranks.get(r.bodyName) ?? -1;
    overdue[i] = r.daysOverdue;
    late[i] = r.late ? 1 : 0;
    index[i] = i;
  }
  index.sort((a, b) => late[b] - late[a] || overdue[b] - overdue[a] || name[a] - name[b]
    || (unsorted[a].bodyName < unsorted[b].bodyName ? -1 : unsorted[a].bodyName > unsorted[b].bodyName ? 1 : 0));
  const rows = new Array<FilingRow>(n);
  for (let i = 0; i < n; i++) rows[i] = unsorted[index[i]];
  return { regionCode, year: o.year, asOf: o.asOf, summary, rows };
}

/** What a page of the filing list asks: which rows (all, or those to chase), in which order, which slice. */
export interface FilingPageOptions {
  /** only the bodies to chase: missing, returned, or late */
  chase?: boolean;
  /** 'overdue' (default): late first, the most overdue first, then by name; 'name': zh order; 'due': due date */
  sort?: 'overdue' | 'name' | 'due';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** Whether a body is to be chased (催报): no report, its report returned, or late. */
export const toChase = (r: FilingRow): boolean => r.status === 'missing' || r.status === 'returned' || r.late;

/**
 * One page of a filing status's rows, filtered and sorted as asked; the summary stays over every body and `total`
 * counts the rows the filter keeps (a province lists ~10,000 bodies: the page reads 50).
 */
export function filingPage(status: FilingStatus, o: FilingPageOptions): FilingStatus {
  const kept = o.chase ? status.rows.filter(toChase) : status.rows;
  const sort = o.sort ?? 'overdue';
  const desc = (o.order ?? (sort === 'overdue' ? 'desc' : 'asc')) === 'desc';
  let rows = kept;
  if (sort !== 'overdue' || !desc) {
    // the rows come late first, most overdue first, then by name: a stable sort keeps names in order within a key
    const byName = nameOrder(kept.map((r) => r.bodyName));
    const key: (a: FilingRow, b: FilingRow) => number = sort === 'name' ? (a, b) => byName(a.bodyName, b.bodyName)
      : sort === 'due' ? (a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0)
      : (a, b) => a.daysOverdue - b.daysOverdue;
    rows = [...kept].sort((a, b) => (desc ? key(b, a) : key(a, b)) || byName(a.bodyName, b.bodyName));
  }
  const offset = o.offset ?? 0;
  const limit = o.limit ?? rows.length;
  return { ...status, rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit };
}
