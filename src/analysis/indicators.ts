// Indicators of the disclosure reports, each with its definition in terms of the template's cells: 公开率,
// the shares of 不予公开 / 无法提供 / 不予处理, 复议 and 诉讼 纠错率, carry-over, applications per body; per report,
// per year for the whole set (trends), and rankings and distributions of the rates that hide any rate over
// fewer cases than a configurable minimum. Both templates use the same keys for every cell read here (table 三
// and 四 did not change between 2019 and 2021, except （六）其他处理, which no indicator reads). Node-free.
//
// Blank is not zero: a rate whose cells are blank or absent has no value (null), it is not computed from zeros.
import type {
  AnalysisReport, IndicatorDefinition, IndicatorDistribution, IndicatorId, IndicatorOptions, IndicatorRanking,
  IndicatorRow, IndicatorTable, IndicatorValue,
} from '../model/analysis.js';
import type { Report } from '../model/report.js';
import { cellKey, groupItems, type TemplateVersion } from '../model/template.js';
import { competitionRanks, nameOrder, withDefaults } from './util.js';

const A = (row: string): string => cellKey('applications', row, 'total');
const R = (col: string): string => cellKey('reviewLitigation', 'cases', col);
const LITIGATION = ['litigationDirect', 'litigationAfterReview'];
const concluded = (g: string): string[] => ['upheld', 'corrected', 'other'].map((p) => R(`${g}.${p}`));

export const INDICATORS: IndicatorDefinition[] = [
  { id: 'applications', name: '本年新收申请数', nameEn: 'New applications', kind: 'count',
    definition: '三、（一）本年新收政府信息公开申请数量（总计列）', definitionEn: 'Table 3, item 1: new applications received (total column)',
    numerator: [A('newReceived')], better: null },
  { id: 'applicationsPerBody', name: '平均每单位申请数', nameEn: 'Applications per body', kind: 'count',
    definition: '本年新收申请数之和 ÷ 填报单位数', definitionEn: 'Sum of new applications ÷ number of reporting bodies',
    numerator: [A('newReceived')], better: null },
  { id: 'handled', name: '已办结申请数', nameEn: 'Applications concluded', kind: 'count',
    definition: '三、（三）办理结果（七）总计（总计列）', definitionEn: 'Table 3, item 3 (7): outcome total (total column)',
    numerator: [A('outcome.total')], better: null },
  { id: 'disclosureRate', name: '公开率', nameEn: 'Disclosure rate', kind: 'rate',
    definition: '（（一）予以公开 + （二）部分公开）÷（七）总计', definitionEn: '(granted + partly granted) ÷ outcome total',
    numerator: [A('outcome.granted'), A('outcome.partial')], denominator: [A('outcome.total')], better: 'higher' },
  { id: 'denialShare', name: '不予公开占比', nameEn: 'Share denied', kind: 'rate',
    definition: '（三）不予公开（各项之和）÷（七）总计', definitionEn: 'Denied (sum of its items) ÷ outcome total',
    numerator: [A('outcome.denied')], denominator: [A('outcome.total')], better: 'lower' },
  { id: 'unableShare', name: '无法提供占比', nameEn: 'Share unable to provide', kind: 'rate',
    definition: '（四）无法提供（各项之和）÷（七）总计', definitionEn: 'Unable to provide (sum of its items) ÷ outcome total',
    numerator: [A('outcome.unableToProvide')], denominator: [A('outcome.total')], better: 'lower' },
  { id: 'notProcessedShare', name: '不予处理占比', nameEn: 'Share not processed', kind: 'rate',
    definition: '（五）不予处理（各项之和）÷（七）总计', definitionEn: 'Not processed (sum of its items) ÷ outcome total',
    numerator: [A('outcome.notProcessed')], denominator: [A('outcome.total')], better: 'lower' },
  { id: 'reviewCorrectionRate', name: '行政复议纠错率', nameEn: 'Reconsideration correction rate', kind: 'rate',
    definition: '行政复议 结果纠正 ÷（结果维持 + 结果纠正 + 其他结果；不含尚未审结）',
    definitionEn: 'Reconsideration: corrected ÷ (upheld + corrected + other; pending excluded)',
    numerator: [R('review.corrected')], denominator: concluded('review'), better: 'lower' },
  { id: 'litigationCorrectionRate', name: '行政诉讼纠错率', nameEn: 'Litigation correction rate', kind: 'rate',
    definition: '行政诉讼（未经复议直接起诉 + 复议后起诉）结果纠正 ÷（结果维持 + 结果纠正 + 其他结果；不含尚未审结）',
    definitionEn:
      'Litigation (direct + after reconsideration): corrected ÷ (upheld + corrected + other; pending excluded)',
    numerator: LITIGATION.map((g) => R(`${g}.corrected`)), denominator: LITIGATION.flatMap(concluded),
    better: 'lower' },
  { id: 'carriedOver', name: '上年结转', nameEn: 'Carried over from last year', kind: 'count',
    definition: '三、（二）上年结转政府信息公开申请数量（总计列）', definitionEn: 'Table 3, item 2: carried over (total column)',
    numerator: [A('carriedOver')], better: null },
  { id: 'carriedForward', name: '结转下年度继续办理', nameEn: 'Carried forward', kind: 'count',
    definition: '三、（四）结转下年度继续办理（总计列）', definitionEn: 'Table 3, item 4: carried forward (total column)',
    numerator: [A('carriedForward')], better: null },
];

export const INDICATOR_DEFAULTS = { minCases: 10, bins: 10 } as const;

const GROUPS = new Set(['outcome.denied', 'outcome.unableToProvide', 'outcome.notProcessed']);

/** A term of a definition: one cell, or a group's items (else its printed subtotal). */
export type Term = { key: string; items: string[] | null };
type Compiled = { id: IndicatorId; numerator: Term[]; denominator: Term[] | null }[];

function compile(version: TemplateVersion): Compiled {
  const term = (key: string): Term => {
    const row = key.split('/')[1];
    return { key, items: GROUPS.has(row) ? groupItems(version, row).map((r) => A(r.key)) : null };
  };
  return INDICATORS.map((d) => ({
    id: d.id, numerator: (d.numerator ?? []).map(term), denominator: d.denominator?.map(term) ?? null,
  }));
}

// the definitions resolved to cell keys once per template (this runs over every report of a region)
const COMPILED: Record<TemplateVersion, Compiled> = { '2019': compile('2019'), '2021': compile('2021') };

/** A cell's value by key (null when blank or absent). */
export type ValueOf = (key: string) => number | null;

/** A term's value (null when blank or absent); a group is the sum of its items, else its printed subtotal. */
function read(get: ValueOf, t: Term): number | null {
  if (t.items) {
    let sum = 0;
    for (const k of t.items) {
      const v = get(k);
      if (v === null) return get(t.key);
      sum += v;
    }
    return sum;
  }
  return get(t.key);
}

function sum(get: ValueOf, terms: Term[]): number | null {
  let s = 0;
  for (const t of terms) {
    const v = read(get, t);
    if (v === null) return null;
    s += v;
  }
  return s;
}

/**
 * The indicators' terms resolved to cell keys for a template: per indicator (INDICATORS order) the numerator's and
 * denominator's terms (null: a count, denominator 1), each one cell or a group's items (else its subtotal). The
 * store writes the same arithmetic in SQL for the totals per year (store/indicator-sums.ts).
 */
export function indicatorTerms(version: TemplateVersion): { numerator: Term[]; denominator: Term[] | null }[] {
  return COMPILED[version];
}

function value(def: IndicatorDefinition, num: number | null, den: number | null, minCases: number): IndicatorValue {
  if (def.kind === 'count' || def.denominator === undefined) {
    const v = num === null || den === null || den === 0 ? null : num / den;
    return { id: def.id, value: v, numerator: num, denominator: den, hidden: false };
  }
  if (num === null || den === null || den === 0)
    return { id: def.id, value: null, numerator: num, denominator: den, hidden: false };
  const hidden = den < minCases;
  return { id: def.id, value: hidden ? null : num / den, numerator: num, denominator: den, hidden };
}

/**
 * The numerators and denominators of every indicator for one report, in INDICATORS order (2 numbers each, NaN for
 * unknown; counts have denominator 1): one typed array per report rather than many small objects, since this
 * runs over every report of a region and the garbage collector otherwise dominates.
 */
export function indicatorParts(version: TemplateVersion, get: ValueOf): Float64Array {
  const compiled = COMPILED[version];
  const out = new Float64Array(compiled.length * 2);
  for (let i = 0; i < compiled.length; i++) {
    const c = compiled[i];
    out[2 * i] = sum(get, c.numerator) ?? NaN;
    out[2 * i + 1] = c.denominator ? sum(get, c.denominator) ?? NaN : 1;
  }
  return out;
}

function parts(report: Report): Float64Array {
  const version: TemplateVersion = report.template ?? (report.year !== null && report.year <= 2020 ? '2019' : '2021');
  return indicatorParts(version, (k) => report.cells[k]?.value ?? null);
}

const known = (x: number): number | null => (Number.isNaN(x) ? null : x);

function valuesOf(p: Float64Array, minCases: number): IndicatorValue[] {
  return INDICATORS.map((def, i) => value(def, known(p[2 * i]), known(p[2 * i + 1]), minCases));
}

/** The values of every indicator from a report's indicatorParts (a table row's values). */
export function partsValues(p: Float64Array, minCases: number): IndicatorValue[] {
  return valuesOf(p, minCases);
}

/** The indicators of one report. */
export function reportIndicators(report: Report, minCases: number = INDICATOR_DEFAULTS.minCases): IndicatorValue[] {
  return valuesOf(parts(report), minCases);
}

/**
 * Per indicator (INDICATORS order) the sum of the numerators, the sum of the denominators and the number of reports,
 * over the reports where both are known: 3 numbers each.
 */
export function indicatorSums(all: Float64Array[]): Float64Array {
  const out = new Float64Array(INDICATORS.length * 3);
  for (const p of all) {
    for (let i = 0; i < INDICATORS.length; i++) {
      const a = p[2 * i];
      const b = p[2 * i + 1];
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      out[3 * i] += a;
      out[3 * i + 1] += b;
      out[3 * i + 2]++;
    }
  }
  return out;
}

/** The totals of many reports from their indicatorSums: rates of the sums, a count's sum. */
export function totalsOf(sums: ArrayLike<number>, minCases: number): IndicatorValue[] {
  return INDICATORS.map((def, i) => {
    const num = sums[3 * i];
    const den = sums[3 * i + 1];
    const n = sums[3 * i + 2];
    if (n === 0) return value(def, null, null, minCases);
    // a total count is the sum, except applications per body (sum ÷ bodies)
    if (def.id === 'applicationsPerBody') return value(def, num, n, minCases);
    if (def.kind === 'count') return { id: def.id, value: num, numerator: num, denominator: 1, hidden: false };
    return value(def, num, den, minCases);
  });
}

/** Where an indicator stands in a row's values (rows list them in INDICATORS order; else found by id). */
function valueIn(row: IndicatorRow, id: IndicatorId, at: number): IndicatorValue {
  const v = row.values[at];
  return v && v.id === id ? v : row.values.find((x) => x.id === id)!;
}

const ratesOf = (): IndicatorDefinition[] => INDICATORS.filter((d) => d.kind === 'rate' && d.better);

/** The indicators a table ranks and whose distributions it gives: the rates with a better direction. */
export const rankedIndicators = (): IndicatorDefinition[] => ratesOf();

/** The bodies of one year ranked on a rate, best first; hidden and unknown rates left out (hidden counted). */
export function rankIndicator(rows: IndicatorRow[], id: IndicatorId, year: number): IndicatorRanking {
  const def = INDICATORS.find((d) => d.id === id)!;
  const at = INDICATORS.indexOf(def);
  const sign = def.better === 'lower' ? 1 : -1;
  let hidden = 0;
  const ranked: { bodyId: number | null; label: string; value: number; denominator: number }[] = [];
  for (const r of rows) {
    if (r.year !== year) continue;
    const v = valueIn(r, id, at);
    if (v.hidden) hidden++;
    else if (v.value !== null)
      ranked.push({ bodyId: r.bodyId, label: r.label, value: v.value, denominator: v.denominator ?? 0 });
  }
  const byName = nameOrder(ranked.map((r) => r.label));
  ranked.sort((a, b) => sign * (a.value - b.value) || b.denominator - a.denominator || byName(a.label, b.label));
  const ranks = competitionRanks(ranked, (a, b) => a.value === b.value);
  return { id, year, rows: ranked.map((r, i) => ({ rank: ranks[i], ...r })), hidden };
}

/** How a rate spreads over the bodies of one year: `bins` equal bins over 0–1 (1 falls in the last). */
export function distribution(rows: IndicatorRow[], id: IndicatorId, year: number,
  bins: number = INDICATOR_DEFAULTS.bins): IndicatorDistribution {
  const counts = new Array<number>(bins).fill(0);
  const values: number[] = [];
  let hidden = 0;
  const at = INDICATORS.findIndex((d) => d.id === id);
  for (const r of rows) {
    if (r.year !== year) continue;
    const v = valueIn(r, id, at);
    if (v.hidden) { hidden++; continue; }
    if (v.value === null) continue;
    values.push(v.value);
    counts[Math.min(bins - 1, Math.max(0, Math.floor(v.value * bins)))]++;
  }
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const median = values.length === 0 ? null : values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  return { id, year, bins: counts.map((count, i) => ({ from: i / bins, to: (i + 1) / bins, count })), hidden, median };
}

type Input = Pick<AnalysisReport, 'reportId' | 'bodyId' | 'bodyName' | 'year' | 'report'>;

/** A report as the indicator table reads it: who, which year, and its indicatorParts. */
export interface IndicatorInput {
  reportId: number;
  bodyId: number | null;
  label: string;
  year: number | null;
  parts: Float64Array;
}

/** The trend row of a year from its reports' indicatorSums. */
export function trendRow(year: number, reports: number, sums: ArrayLike<number>, minCases: number): IndicatorRow {
  return { bodyId: null, reportId: null, reports, label: '合计', year, values: totalsOf(sums, minCases) };
}

/** The indicator table of a set of reports: one row per report, totals per year, rankings of the latest year. */
export function indicatorTable(reports: Input[], options: IndicatorOptions = {}): IndicatorTable {
  return indicatorTableOf(reports.map((r) => ({ reportId: r.reportId, bodyId: r.bodyId, label: r.bodyName,
    year: r.year ?? r.report.year, parts: parts(r.report) })), options);
}

/** The indicator table from each report's parts (the store reads only the cells the indicators use). */
export function indicatorTableOf(reports: IndicatorInput[], options: IndicatorOptions = {}): IndicatorTable {
  const o = withDefaults({ ...INDICATOR_DEFAULTS, from: -Infinity, to: Infinity }, options);
  const rows: IndicatorRow[] = [];
  const byYear = new Map<number, Float64Array[]>();
  for (const r of reports) {
    const year = r.year;
    if (year === null || year < o.from || year > o.to) continue;
    rows.push({ bodyId: r.bodyId, reportId: r.reportId, label: r.label, year, values: valuesOf(r.parts, o.minCases) });
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push(r.parts);
  }
  const byName = nameOrder(rows.map((r) => r.label));
  rows.sort((a, b) => a.year - b.year || byName(a.label, b.label) || (a.reportId ?? 0) - (b.reportId ?? 0));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const trend = years.map((year) => trendRow(year, byYear.get(year)!.length, indicatorSums(byYear.get(year)!),
    o.minCases));
  const latest = years[years.length - 1];
  const rankings = latest === undefined ? [] : ratesOf().map((d) => rankIndicator(rows, d.id, latest));
  const distributions = latest === undefined ? [] : ratesOf().map((d) => distribution(rows, d.id, latest, o.bins));
  return { definitions: INDICATORS, minCases: o.minCases, rows, trend, rankings, distributions };
}
