// A filing page (催报) from an outline of its bodies rather than a row object per body: the summary from how many
// bodies have each status and lateness, and the page's order from each body's sort keys alone — name, days overdue,
// due date, region — so that a province's page is chosen without reading its rows (server/analysis-queries.ts
// filing, over store/filing-outline.ts). filingStatus and filingPage (filing.ts) stay the definition: the most
// overdue first, then by name, then as read (region code, id); a page asked in another order sorts by its key, then
// by name, and keeps that order among ties (a stable sort). test/store-filing.test.ts compares both. Node-free.
import type { FilingGroup, FilingSummary, FilingWindow } from '../model/analysis.js';
import { FILED, type FilingPageOptions } from './filing.js';
import { nameRanks } from './util.js';

/** filingStatus's summary from the bodies' counts per status and lateness. */
export function filingSummaryOf(groups: FilingGroup[]): FilingSummary {
  const s: FilingSummary = {
    expected: 0, filed: 0, returned: 0, accepted: 0, published: 0, overdue: 0, missing: 0, filedLate: 0, notFiled: 0,
  };
  for (const { status, late, count } of groups) {
    const filed = FILED.has(status);
    s.expected += count;
    if (filed) s.filed += count;
    if (status === 'returned') s.returned += count;
    if (status === 'accepted') s.accepted += count;
    if (status === 'published') s.published += count;
    if (status === 'missing') s.missing += count;
    else if (!filed) s.notFiled! += count;
    if (late) {
      if (filed) s.filedLate! += count;
      else s.overdue += count;
    }
  }
  return s;
}

/** The window of a page as filingPage orders it. */
export function filingWindow(o: FilingPageOptions, total = Number.MAX_SAFE_INTEGER): FilingWindow {
  const key = o.sort ?? 'overdue';
  const desc = (o.order ?? (key === 'overdue' ? 'desc' : 'asc')) === 'desc';
  return { key, desc, offset: o.offset ?? 0, limit: o.limit ?? total };
}

/** The bodies a page's filter keeps (in any order), with their keys. */
export interface FilingKeys {
  ids: number[];
  names: string[];
  regions: string[];
  /** filingStatus's daysOverdue (late: above 0) */
  overdue: number[];
  /** each one's due date (YYYY-MM-DD) */
  dues: string[];
}

/**
 * The ids of one page of bodies, in the page's order (filingPage's `sort`, `order`, `offset`, `limit`), from the
 * bodies kept (all of them, or a run of the order that starts at place `before` and covers the page).
 */
export function filingPageIds(k: FilingKeys, o: FilingPageOptions, before = 0): number[] {
  const n = k.ids.length;
  // names by their place in zh order: two bodies' places are equal only when their names are (nameRanks)
  const ranks = nameRanks(k.names);
  const name = new Float64Array(n);
  for (let i = 0; i < n; i++) name[i] = ranks.get(k.names[i]) ?? -1;
  const overdue = Float64Array.from(k.overdue);
  // as filingStatus reads the bodies (region code, id; codes are digits: code-unit order is the database's)
  const asRead = (a: number, b: number) => (k.regions[a] < k.regions[b] ? -1 : k.regions[a] > k.regions[b] ? 1
    : k.ids[a] - k.ids[b]);
  const read = (a: number, b: number) => overdue[b] - overdue[a] || name[a] - name[b] || asRead(a, b);
  const { key: sort, desc, offset, limit } = filingWindow(o, n);
  let by = read;
  if (sort !== 'overdue' || !desc) {
    let key: (a: number, b: number) => number;
    if (sort === 'name') key = (a, b) => name[a] - name[b];
    else if (sort === 'overdue') key = (a, b) => overdue[a] - overdue[b];
    else {
      // due dates compared as strings, as filingPage does, through their places among the few distinct ones
      const distinct = [...new Set(k.dues)].sort();
      const place = new Map(distinct.map((d, i) => [d, i]));
      const due = Float64Array.from(k.dues, (d) => place.get(d)!);
      key = (a, b) => due[a] - due[b];
    }
    by = (a, b) => (desc ? key(b, a) : key(a, b)) || name[a] - name[b] || read(a, b);
  }
  const index = Array.from({ length: n }, (_, i) => i).sort(by);
  const from = Math.max(0, offset - before);
  return index.slice(from, from + limit).map((i) => k.ids[i]);
}
