// One page of an indicator table, with the totals per year and each rate's ranking and distribution, as
// GET /api/analysis/indicators answers it: a province's year is ~10,000 reports, and a row object for each (11
// values apiece) made the answer 11 MB and most of its time. indicatorPage says what a page is, over the whole
// table indicatorTableOf makes (the definition); indicatorPageOf gives the same answer from the reports' parts,
// making objects only for the rows it gives (sorting on typed arrays). Tests hold the two equal. Node-free.
import type {
  IndicatorDistribution, IndicatorOptions, IndicatorPageOptions, IndicatorRanking, IndicatorRow, IndicatorTable,
} from '../model/analysis.js';
import {
  INDICATORS, INDICATOR_DEFAULTS, indicatorSums, partsValues, rankedIndicators, trendRow,
  type IndicatorInput,
} from './indicators.js';
import { competitionRanks, nameRanks, withDefaults } from './util.js';

/** The page's place and size: every row when no limit is given. */
function pageWindow(o: IndicatorPageOptions, total: number): { offset: number; limit: number } {
  return { offset: o.offset ?? 0, limit: o.limit ?? total };
}

/**
 * A page of an indicator table: its rows sorted as asked (IndicatorPageOptions) and cut to the page, `total` rows
 * in all; each ranking cut to its first `top` rows, with its `total`; the rest as the table has it.
 */
export function indicatorPage(table: IndicatorTable, o: IndicatorPageOptions): IndicatorTable {
  const sort = o.sort ?? 'label';
  const desc = o.order === 'desc';
  let rows: IndicatorRow[];
  if (sort === 'label') rows = desc ? [...table.rows].reverse() : table.rows;
  else {
    const of = (r: IndicatorRow) => r.values.find((v) => v.id === sort)!;
    const valued = table.rows.filter((r) => of(r).value !== null);
    // a stable sort: ties on value and denominator stay in label order
    valued.sort((a, b) => {
      const [x, y] = [of(a), of(b)];
      return (desc ? y.value! - x.value! : x.value! - y.value!) || (y.denominator ?? 0) - (x.denominator ?? 0);
    });
    rows = [...valued, ...table.rows.filter((r) => of(r).value === null)];
  }
  const { offset, limit } = pageWindow(o, rows.length);
  const rankings = o.top === undefined ? table.rankings
    : table.rankings?.map((r) => ({ ...r, rows: r.rows.slice(0, o.top), total: r.rows.length }));
  return { ...table, rows: rows.slice(offset, offset + limit), total: rows.length, offset, limit, rankings };
}

/** The first `k` of `list` in `cmp` order (a total order), without sorting the rest when k is small. */
export function firstOf(list: number[], k: number, cmp: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (k * 8 >= list.length) return [...list].sort(cmp).slice(0, k);
  const out: number[] = [];
  for (const x of list) {
    if (out.length === k && cmp(x, out[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(out[mid], x) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

/** One indicator over the reports: each one's value and denominator by index, and which have one. */
interface Valued {
  value: Float64Array;
  den: Float64Array;
  /** the indices (of those asked) with a value */
  list: number[];
  /** how many of those asked have their rate hidden */
  hidden: number;
}

/**
 * The indicator at INDICATORS[at] over the reports `among`, as indicators.ts value() rates it, in numbers: a count
 * has a value when both parts are known and the denominator is not 0; a rate also needs minCases cases (else
 * hidden). Objects only for the rows given: this runs over every report of a province for each rate.
 */
function valued(reports: IndicatorInput[], among: Iterable<number>, at: number, minCases: number): Valued {
  const def = INDICATORS[at];
  const rate = def.kind === 'rate' && def.denominator !== undefined;
  const out: Valued = { value: new Float64Array(reports.length), den: new Float64Array(reports.length), list: [],
    hidden: 0 };
  for (const k of among) {
    const p = reports[k].parts;
    const num = p[2 * at];
    const den = p[2 * at + 1];
    if (Number.isNaN(num) || Number.isNaN(den) || den === 0) continue;
    if (rate && den < minCases) {
      out.hidden++;
      continue;
    }
    out.value[k] = num / den;
    out.den[k] = den;
    out.list.push(k);
  }
  return out;
}

type Cmp = (a: number, b: number) => number;

function ranking(reports: IndicatorInput[], year: number, v: Valued, at: number, top: number | undefined,
  byLabel: Cmp): IndicatorRanking {
  const def = INDICATORS[at];
  const sign = def.better === 'lower' ? 1 : -1;
  // as rankIndicator: by value, the larger denominator first, then by name (and the table's order)
  const cmp: Cmp = (a, b) => sign * (v.value[a] - v.value[b]) || v.den[b] - v.den[a] || byLabel(a, b);
  const first = top === undefined ? [...v.list].sort(cmp) : firstOf(v.list, top, cmp);
  const shown = first.map((k) => ({ bodyId: reports[k].bodyId, label: reports[k].label, value: v.value[k],
    denominator: v.den[k] }));
  const ranks = competitionRanks(shown, (a, b) => a.value === b.value);
  const rows = shown.map((r, i) => ({ rank: ranks[i], ...r }));
  return top === undefined ? { id: def.id, year, rows, hidden: v.hidden }
    : { id: def.id, year, rows, hidden: v.hidden, total: v.list.length };
}

function spread(year: number, v: Valued, at: number, bins: number): IndicatorDistribution {
  const counts = new Array<number>(bins).fill(0);
  const values = new Float64Array(v.list.length);
  v.list.forEach((k, i) => {
    values[i] = v.value[k];
    counts[Math.min(bins - 1, Math.max(0, Math.floor(v.value[k] * bins)))]++;
  });
  values.sort();
  const mid = values.length >> 1;
  const median = values.length === 0 ? null : values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  return { id: INDICATORS[at].id, year, bins: counts.map((count, i) => ({ from: i / bins, to: (i + 1) / bins, count })),
    hidden: v.hidden, median };
}

/** The page's row indices, sorted as asked: the first offset + limit found without sorting every row. */
function pageOrder(reports: IndicatorInput[], o: Options, end: number, byLabel: Cmp): number[] {
  const all = Array.from({ length: reports.length }, (_, i) => i);
  const desc = o.order === 'desc';
  const sort = o.sort ?? 'label';
  if (sort === 'label') return firstOf(all, end, desc ? (a, b) => byLabel(b, a) : byLabel);
  const v = valued(reports, all, INDICATORS.findIndex((d) => d.id === sort), o.minCases);
  const sign = desc ? -1 : 1;
  const first = firstOf(v.list, end, (a, b) => sign * (v.value[a] - v.value[b]) || v.den[b] - v.den[a]
    || byLabel(a, b));
  if (first.length >= end) return first;
  // the page reaches the rows without a value: they follow in label order
  const has = new Uint8Array(reports.length);
  for (const k of v.list) has[k] = 1;
  return first.concat(firstOf(all.filter((k) => !has[k]), end - first.length, byLabel));
}

type Options = ReturnType<typeof options>;

function options(o: IndicatorOptions & IndicatorPageOptions) {
  return withDefaults({ ...INDICATOR_DEFAULTS, from: -Infinity, to: Infinity }, o);
}

/** indicatorPage(indicatorTableOf(reports, o), o), computed from the parts without a row per report. */
export function indicatorPageOf(all: IndicatorInput[], asked: IndicatorOptions & IndicatorPageOptions = {}):
  IndicatorTable {
  const o = options(asked);
  const reports = all.filter((r) => r.year !== null && r.year >= o.from && r.year <= o.to);
  const n = reports.length;
  // the table's order: year, name (zh), report, then as given
  const names = nameRanks(reports.map((r) => r.label));
  const name = Int32Array.from(reports, (r) => names.get(r.label)!);
  const year = Int32Array.from(reports, (r) => r.year!);
  const byLabel: Cmp = (a, b) => year[a] - year[b] || name[a] - name[b]
    || (reports[a].reportId ?? 0) - (reports[b].reportId ?? 0) || a - b;
  // totals per year summed in the order the table sums them (the reports' order)
  const byYear = new Map<number, Float64Array[]>();
  for (const r of reports) (byYear.get(r.year!) ?? byYear.set(r.year!, []).get(r.year!)!).push(r.parts);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const trend = years.map((y) => trendRow(y, byYear.get(y)!.length, indicatorSums(byYear.get(y)!), o.minCases));
  const { offset, limit } = pageWindow(o, n);
  const rows: IndicatorRow[] = pageOrder(reports, o, Math.min(n, offset + limit), byLabel).slice(offset)
    .map((k) => ({ bodyId: reports[k].bodyId, reportId: reports[k].reportId, label: reports[k].label,
      year: reports[k].year!, values: partsValues(reports[k].parts, o.minCases) }));
  const latest = years[years.length - 1];
  const inLatest: number[] = [];
  for (let k = 0; k < n; k++) if (year[k] === latest) inLatest.push(k);
  const rates = latest === undefined ? [] : rankedIndicators().map((d) => INDICATORS.indexOf(d));
  const per = rates.map((at) => ({ at, v: valued(reports, inLatest, at, o.minCases) }));
  return { definitions: INDICATORS, minCases: o.minCases, rows, trend,
    rankings: per.map(({ at, v }) => ranking(reports, latest, v, at, o.top, byLabel)),
    distributions: per.map(({ at, v }) => spread(latest, v, at, o.bins)),
    total: n, offset, limit };
}
