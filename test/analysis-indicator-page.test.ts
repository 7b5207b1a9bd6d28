// Indicator pages: a page of the table sorted by the label or an indicator, rankings cut to their first rows, and
// the fast path (indicatorPageOf, from the reports' parts) equal to that page of the whole table (indicatorTableOf)
// over seeded reports with unknown parts, hidden rates, ties, shared names and several years.
import { describe, expect, it } from 'vitest';
import { firstOf, indicatorPage, indicatorPageOf } from '../src/analysis/indicator-page.js';
import { INDICATORS, indicatorTableOf, type IndicatorInput } from '../src/analysis/indicators.js';
import type { IndicatorId, IndicatorPageOptions, IndicatorRow } from '../src/model/analysis.js';
import { rng } from './seeded.js';

const NAMES = ['洪泽区人民政府', '淮安市统计局', '清江浦区财政局', '阿城区教育局', '淮阴区人民政府', 'Zeta 局', '北京市'];

/** Seeded reports: parts with unknowns (NaN), small denominators (hidden rates), zero denominators and ties. */
function reports(seed: number, n: number): IndicatorInput[] {
  const next = rng(seed);
  const int = (m: number) => Math.floor(next() * m);
  return Array.from({ length: n }, (_, i) => {
    const parts = new Float64Array(INDICATORS.length * 2);
    INDICATORS.forEach((d, k) => {
      const num = next() < 0.1 ? NaN : int(6) * 3;
      parts[2 * k] = num;
      parts[2 * k + 1] = d.kind === 'count' || !d.denominator ? 1
        : next() < 0.1 ? NaN : next() < 0.05 ? 0 : (Number.isNaN(num) ? 0 : num) + int(4) * 6;
    });
    return { reportId: 1 + int(3 * n), bodyId: next() < 0.05 ? null : 1 + int(n), label: NAMES[int(NAMES.length)],
      year: next() < 0.03 ? null : 2020 + int(4), parts };
  });
}

const SORTS: IndicatorPageOptions['sort'][] = [undefined, 'label', ...INDICATORS.map((d) => d.id)];

describe('indicatorPageOf', () => {
  it('equals the page of the whole table, for every sort, order, page and option', () => {
    let cases = 0;
    for (const seed of [1, 2, 3]) {
      const list = reports(seed, 300);
      for (const sort of SORTS) {
        for (const order of [undefined, 'asc', 'desc'] as const) {
          // small pages and rankings (found without sorting every row) and large ones (sorted whole)
          const o = { sort, order, limit: cases % 2 ? 3 : 60 + seed, offset: seed * 11 + (cases % 3),
            top: seed === 3 ? undefined : 2 * seed + (cases % 2) * 20,
            minCases: seed * 4, from: seed === 2 ? 2021 : undefined, to: seed === 2 ? 2022 : undefined,
            bins: 4 + seed };
          const want = indicatorPage(indicatorTableOf(list, o), o);
          expect(indicatorPageOf(list, o), JSON.stringify({ seed, sort, order })).toEqual(want);
          cases++;
        }
      }
      // every row, and a page beyond the end
      expect(indicatorPageOf(list, {})).toEqual(indicatorPage(indicatorTableOf(list), {}));
      const past = { offset: 1000, limit: 10 };
      expect(indicatorPageOf(list, past)).toEqual(indicatorPage(indicatorTableOf(list), past));
    }
    expect(cases).toBe(3 * SORTS.length * 3);
  });

  it('finds the first k of a list as a sort does', () => {
    const next = rng(11);
    for (let t = 0; t < 200; t++) {
      const list = Array.from({ length: Math.floor(next() * 300) }, (_, i) => i);
      const key = list.map(() => Math.floor(next() * 20));
      const cmp = (a: number, b: number) => key[a] - key[b] || b - a;
      const k = Math.floor(next() * 40);
      expect(firstOf(list, k, cmp)).toEqual([...list].sort(cmp).slice(0, k));
    }
  });

  it('is empty over no report', () => {
    expect(indicatorPageOf([], { limit: 5 })).toEqual(indicatorPage(indicatorTableOf([]), { limit: 5 }));
    expect(indicatorPageOf([], { limit: 5 })).toMatchObject({ rows: [], trend: [], rankings: [], total: 0 });
  });
});

describe('indicatorPage', () => {
  const table = indicatorTableOf(reports(7, 200), { minCases: 6 });
  const value = (r: IndicatorRow, id: IndicatorId) => r.values.find((v) => v.id === id)!.value;

  it('sorts by an indicator, rows without a value last, the larger denominator first on ties', () => {
    for (const order of ['asc', 'desc'] as const) {
      const { rows, total } = indicatorPage(table, { sort: 'disclosureRate', order });
      expect(total).toBe(table.rows.length);
      const known = rows.filter((r) => value(r, 'disclosureRate') !== null);
      expect(known.length).toBeGreaterThan(10);
      expect(known.length).toBeLessThan(rows.length);
      expect(rows.slice(0, known.length)).toEqual(known);
      for (let i = 1; i < known.length; i++) {
        const [a, b] = [known[i - 1], known[i]].map((r) => r.values.find((v) => v.id === 'disclosureRate')!);
        expect(order === 'asc' ? a.value! <= b.value! : a.value! >= b.value!).toBe(true);
        if (a.value === b.value) expect(a.denominator!).toBeGreaterThanOrEqual(b.denominator!);
      }
    }
  });

  it('cuts the page and the rankings, keeping their totals', () => {
    const page = indicatorPage(table, { offset: 5, limit: 10, top: 3 });
    expect(page.rows).toEqual(table.rows.slice(5, 15));
    expect(page).toMatchObject({ total: table.rows.length, offset: 5, limit: 10 });
    page.rankings!.forEach((r, i) => {
      expect(r.rows).toEqual(table.rankings![i].rows.slice(0, 3));
      expect(r.total).toBe(table.rankings![i].rows.length);
    });
    expect(indicatorPage(table, { sort: 'label', order: 'desc' }).rows).toEqual([...table.rows].reverse());
    expect(indicatorPage(table, {}).rankings).toEqual(table.rankings);
  });
});
