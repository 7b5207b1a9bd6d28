// Indicators: each value recomputed here from its definition over the cells (both templates), rates over too few
// cases hidden, blanks not read as zeros, totals per year, rankings with ties, distributions.
import { describe, expect, it } from 'vitest';
import { distribution, indicatorTable, rankIndicator, reportIndicators } from '../src/analysis/indicators.js';
import type { IndicatorId, IndicatorValue } from '../src/model/analysis.js';
import type { Report } from '../src/model/report.js';
import { makeReport, withCells } from '../src/rules/testing.js';
import { input } from './analysis-fixtures.js';

const v = (r: Report, key: string): number => r.cells[key].value!;
const T = (row: string): string => `applications/${row}/total`;
/** The sum of the total column over the items of an outcome group, read from the cell keys themselves. */
const items = (r: Report, group: string): number =>
  Object.keys(r.cells)
    .filter((k) => k.startsWith(`applications/${group}.`) && k.endsWith('/total'))
    .reduce((s, k) => s + v(r, k), 0);
const get = (values: IndicatorValue[], id: IndicatorId) => values.find((x) => x.id === id)!;
const big = (_k: string, i: number) => 3 + ((i * 7) % 11);

describe('indicators of one report', () => {
  for (const template of ['2019', '2021'] as const)
    it(`follow their definitions (${template} template)`, () => {
      const r = makeReport({ template, pick: big });
      const values = reportIndicators(r, 1);
      const handled = v(r, T('outcome.total'));
      expect(get(values, 'applications').value).toBe(v(r, T('newReceived')));
      expect(get(values, 'handled').value).toBe(handled);
      expect(get(values, 'disclosureRate').value)
        .toBeCloseTo((v(r, T('outcome.granted')) + v(r, T('outcome.partial'))) / handled, 12);
      expect(get(values, 'denialShare').value).toBeCloseTo(items(r, 'outcome.denied') / handled, 12);
      expect(get(values, 'unableShare').value).toBeCloseTo(items(r, 'outcome.unableToProvide') / handled, 12);
      expect(get(values, 'notProcessedShare').value).toBeCloseTo(items(r, 'outcome.notProcessed') / handled, 12);
      const R = (c: string) => v(r, `reviewLitigation/cases/${c}`);
      expect(get(values, 'reviewCorrectionRate').value)
        .toBeCloseTo(R('review.corrected') / (R('review.upheld') + R('review.corrected') + R('review.other')), 12);
      const lit = (p: string) => R(`litigationDirect.${p}`) + R(`litigationAfterReview.${p}`);
      expect(get(values, 'litigationCorrectionRate').value)
        .toBeCloseTo(lit('corrected') / (lit('upheld') + lit('corrected') + lit('other')), 12);
      expect(get(values, 'carriedForward').value).toBe(v(r, T('carriedForward')));
      expect(get(values, 'carriedOver').value).toBe(v(r, T('carriedOver')));
    });

  it('hides a rate over fewer cases than the minimum, keeping its parts', () => {
    const r = makeReport({ pick: big });
    const handled = v(r, T('outcome.total'));
    const shown = get(reportIndicators(r, handled), 'disclosureRate');
    const hidden = get(reportIndicators(r, handled + 1), 'disclosureRate');
    expect(shown.hidden).toBe(false);
    expect(shown.value).not.toBeNull();
    expect(hidden).toMatchObject({ hidden: true, value: null, numerator: shown.numerator, denominator: handled });
  });

  it('has no rate where a cell is blank (blank is not zero)', () => {
    const r = withCells(makeReport({ pick: big }), { 'applications/outcome.partial/total': null });
    expect(get(reportIndicators(r, 1), 'disclosureRate'))
      .toMatchObject({ value: null, numerator: null, hidden: false });
  });

  it('excludes pending cases from the correction rate', () => {
    const r = withCells(makeReport(), {
      'reviewLitigation/cases/review.upheld': 3, 'reviewLitigation/cases/review.corrected': 1,
      'reviewLitigation/cases/review.other': 0, 'reviewLitigation/cases/review.pending': 40,
    });
    expect(get(reportIndicators(r, 1), 'reviewCorrectionRate'))
      .toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
  });
});

describe('indicator table', () => {
  const reports = [
    input(makeReport({ year: 2021, pick: big }), { reportId: 1, bodyId: 1, bodyName: '甲', year: 2021 }),
    input(makeReport({ year: 2022, pick: big }), { reportId: 2, bodyId: 1, bodyName: '甲', year: 2022 }),
    input(
      makeReport({ year: 2022, pick: (_k, i) => 1 + ((i * 5) % 7) }),
      { reportId: 3, bodyId: 2, bodyName: '乙', year: 2022 },
    ),
    input(makeReport({ year: 2022, pick: big }), { reportId: 4, bodyId: 3, bodyName: '丙', year: 2022 }),
  ];

  it('totals each year by summing numerators and denominators', () => {
    const table = indicatorTable(reports, { minCases: 1 });
    expect(table.trend.map((t) => [t.year, t.reports])).toEqual([[2021, 1], [2022, 3]]);
    const y = reports.filter((r) => r.year === 2022).map((r) => r.report);
    const sum = (key: string) => y.reduce((s, r) => s + v(r, key), 0);
    const total = table.trend[1].values;
    expect(get(total, 'applications').value).toBe(sum(T('newReceived')));
    expect(get(total, 'applicationsPerBody').value).toBeCloseTo(sum(T('newReceived')) / 3, 12);
    expect(get(total, 'disclosureRate').value)
      .toBeCloseTo((sum(T('outcome.granted')) + sum(T('outcome.partial'))) / sum(T('outcome.total')), 12);
    expect(table.rows).toHaveLength(4);
    expect(table.definitions.find((d) => d.id === 'disclosureRate')!.denominator)
      .toEqual(['applications/outcome.total/total']);
  });

  it('keeps to the years asked for', () => {
    const table = indicatorTable(reports, { from: 2022, to: 2022 });
    expect(table.rows.every((r) => r.year === 2022)).toBe(true);
    expect(table.trend.map((t) => t.year)).toEqual([2022]);
  });

  it('ranks a rate best first with ties sharing a rank, leaving hidden rates out', () => {
    const table = indicatorTable(reports, { minCases: 1 });
    const ranking = rankIndicator(table.rows, 'disclosureRate', 2022);
    // 甲 and 丙 have the same cells (same picker): equal rates, one rank
    const rate = (name: string) =>
      get(table.rows.find((r) => r.label === name && r.year === 2022)!.values, 'disclosureRate').value!;
    const order = ['甲', '乙', '丙'].sort((a, b) => rate(b) - rate(a));
    expect(ranking.rows.map((r) => r.value)).toEqual(order.map(rate));
    const ranks = ranking.rows.map((r) => r.rank);
    expect(ranks).toEqual(rate('甲') >= rate('乙') ? [1, 1, 3] : [1, 2, 2]);
    const hiddenAll = rankIndicator(indicatorTable(reports, { minCases: 1e9 }).rows, 'disclosureRate', 2022);
    expect(hiddenAll).toMatchObject({ rows: [], hidden: 3 });
  });

  it('spreads a rate over bins and gives its median', () => {
    const table = indicatorTable(reports, { minCases: 1 });
    const d = distribution(table.rows, 'disclosureRate', 2022, 4);
    const values = table.rows.filter((r) => r.year === 2022).map((r) => get(r.values, 'disclosureRate').value!)
      .sort((a, b) => a - b);
    expect(d.bins.reduce((s, b) => s + b.count, 0)).toBe(3);
    for (const x of values) expect(d.bins[Math.min(3, Math.floor(x * 4))].count).toBeGreaterThan(0);
    expect(d.median).toBe(values[1]);
  });
});
