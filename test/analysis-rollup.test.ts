// Roll-up: the sums of generated reports equal the sums of their truth cells, and pass the relations; a broken
// contributor breaks the sums; drill-down lists each contributor; missing, covered and other-template bodies are
// left out with a reason; the 口径 check of a report including its subordinates names the missing ones.
import { describe, expect, it } from 'vitest';
import { contributorOrder, rollup, rollupPage } from '../src/analysis/rollup.js';
import { generateReport } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { consistentCells, makeReport, withCells } from '../src/rules/testing.js';
import type { AnalysisReport } from '../src/model/analysis.js';
import { body, input } from './analysis-fixtures.js';

async function generated(seed: number, bodyId: number):
  Promise<{ input: AnalysisReport; truth: Record<string, number | null> }> {
  const g = generateReport({ seed, layout: 'tab', template: '2021', year: 2022 });
  const report = await parseBytes(g.bytes, `${g.name}${g.extension}`);
  return { input: input(report, { reportId: bodyId * 10, bodyId, year: 2022 }), truth: g.truth.cells };
}

describe('rollup', () => {
  it('sums generated reports to the sums of their truth cells, and the sums pass the relations', async () => {
    const parts = await Promise.all([generated(11, 1), generated(12, 2), generated(13, 3)]);
    const result = rollup(parts.map((p) => p.input), [1, 2, 3].map((id) => body(id)), { year: 2022 });
    const expected: Record<string, number> = {};
    for (const p of parts)
      for (const [k, v] of Object.entries(p.truth)) {
        if (v !== null) expected[k] = Math.round(((expected[k] ?? 0) + v) * 1e4) / 1e4;
      }
    for (const [k, v] of Object.entries(expected)) expect(result.cells[k], k).toBe(v);
    expect(Object.keys(result.cells).length).toBeGreaterThanOrEqual(Object.keys(expected).length);
    expect(result.findings).toEqual([]);
    expect(result.template).toBe('2021');
    expect(result.contributors.every((c) => c.included)).toBe(true);
    const key = 'applications/newReceived/total';
    expect(result.byContributor[key]).toEqual(parts.map((p) => [p.input.bodyId, p.truth[key]]));
  });

  it('a contributor that breaks a relation makes the sums break it too', () => {
    const good = makeReport();
    const key = 'applications/newReceived/naturalPerson';
    const bad = withCells(makeReport(), { [key]: (good.cells[key].value ?? 0) + 3 });
    const result = rollup([input(good, { reportId: 1, bodyId: 1 }), input(bad, { reportId: 2, bodyId: 2 })],
      [body(1), body(2)], { year: 2022 });
    const rules = new Set(result.findings.map((f) => f.ruleId));
    expect(rules.has('balance')).toBe(true);
    expect(rules.has('row-total')).toBe(true);
    expect(result.findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('lists missing, covered and other-template bodies without summing them', () => {
    const r = (id: number, spec = {}) => input(makeReport(spec), { reportId: id, bodyId: id });
    const bodies = [
      body(1, { name: '甲县人民政府', level: 'county', scope: 'including-subordinates' }),
      body(2, { name: '甲县教育局', parentId: 1 }),
      body(3, { name: '乙县人民政府', level: 'county' }),
      body(4, { name: '丙县人民政府', level: 'county' }),
      body(5, { name: '丁县人民政府', level: 'county' }),
    ];
    const reports = [r(1), r(2), r(3), input(makeReport({ template: '2019', year: 2022 }), { reportId: 5, bodyId: 5 })];
    const result = rollup(reports, bodies, { year: 2022 });
    const by = new Map(result.contributors.map((c) => [c.bodyId, c]));
    expect(by.get(4)).toMatchObject({ status: 'missing', included: false, reportId: null });
    expect(by.get(2)).toMatchObject({ included: false });
    expect(by.get(2)!.reason).toContain('上级');
    expect(by.get(5)).toMatchObject({ included: false });
    expect([1, 3].map((id) => by.get(id)!.included)).toEqual([true, true]);
    const one = makeReport().cells['applications/newReceived/total'].value!;
    expect(result.cells['applications/newReceived/total']).toBe(2 * one);
  });

  it('sums a one-row （六）其他处理 with a three-item one on the one row', () => {
    const items = makeReport();
    const single = makeReport({ other: 'single' });
    const result = rollup([input(items, { reportId: 1, bodyId: 1 }), input(single, { reportId: 2, bodyId: 2 })],
      [body(1), body(2)], { year: 2022 });
    const col = 'naturalPerson';
    const itemSum = ['overdueCorrection', 'overdueFee', 'otherReasons']
      .reduce((s, i) => s + (items.cells[`applications/outcome.other.${i}/${col}`].value ?? 0), 0);
    const other = `applications/outcome.other/${col}`;
    expect(result.cells[other]).toBe(itemSum + single.cells[other].value!);
    expect(Object.keys(result.cells).some((k) => k.startsWith('applications/outcome.other.'))).toBe(false);
    expect(result.findings).toEqual([]);
  });

  it('keeps blank cells blank: a cell every contributor left blank is not summed to zero', () => {
    const key = 'reviewLitigation/cases/review.other';
    const a = withCells(makeReport(), { [key]: null });
    const b = withCells(makeReport(), { [key]: null });
    const result = rollup([input(a, { reportId: 1, bodyId: 1 }), input(b, { reportId: 2, bodyId: 2 })],
      [body(1), body(2)], { year: 2022 });
    expect(result.cells[key]).toBeNull();
  });
});

describe('口径 check', () => {
  const pickA = (_k: string, i: number) => (i * 3) % 4;
  const pickB = (_k: string, i: number) => (i * 5) % 3;
  const sumOf = (): Record<string, number> => {
    const a = consistentCells('2021', pickA);
    const b = consistentCells('2021', pickB);
    return Object.fromEntries(Object.keys(a).map((k) => [k, Math.round((a[k] + b[k]) * 1e4) / 1e4]));
  };
  const bodies = [
    body(1, { name: '甲县人民政府', level: 'county', scope: 'including-subordinates' }),
    body(2, { name: '甲县教育局', parentId: 1 }),
    body(3, { name: '甲县卫健委', parentId: 1 }),
  ];
  const parent = input(makeReport({ base: 'empty', cells: sumOf() }), { reportId: 1, bodyId: 1 });
  const subA = input(makeReport({ pick: pickA }), { reportId: 2, bodyId: 2 });
  const subB = input(makeReport({ pick: pickB }), { reportId: 3, bodyId: 3 });

  it('finds no difference when the report equals the sum of its subordinates', () => {
    const [check] = rollup([parent, subA, subB], bodies, { year: 2022 }).scopeChecks;
    expect(check).toMatchObject({
      reportId: 1, bodyName: '甲县人民政府', differences: [], missing: [], complete: true, summed: 2,
    });
  });

  it('names the subordinate whose report is missing, and shows the gap it leaves', () => {
    const [check] = rollup([parent, subA], bodies, { year: 2022 }).scopeChecks;
    expect(check.missing).toEqual(['甲县卫健委']);
    expect(check.complete).toBe(false);
    const b = consistentCells('2021', pickB);
    const gaps = Object.keys(b).filter((k) => b[k] !== 0);
    expect(check.differences.map((d) => d.key).sort()).toEqual(gaps.sort());
  });

  it('reports a cell where the report differs from the complete sum', () => {
    const key = 'applications/outcome.granted/naturalPerson';
    const off = { ...parent, report: withCells(parent.report, { [key]: parent.report.cells[key].value! + 1 }) };
    const [check] = rollup([off, subA, subB], bodies, { year: 2022 }).scopeChecks;
    const printed = parent.report.cells[key].value;
    expect(check.differences).toEqual([{ key, a: printed! + 1, b: printed }]);
  });
});

describe('contributor order and pages', () => {
  const zh = new Intl.Collator('zh');
  const names = ['淮安区人民政府', '北京市统计局', '淮安区人民政府', '阿拉善盟财政局', '洪泽区教育局', 'B局', 'a局'];

  it('orders bodies by name in zh collation, then id, on either sort (typed keys, or objects for large ids)', () => {
    for (const base of [1, 2 ** 33]) {
      const bodies = names.map((name, i) => ({ id: base + (i * 5) % 7, name }));
      const want = [...bodies].sort((x, y) => zh.compare(x.name, y.name) || (x.name < y.name ? -1 : x.name > y.name
        ? 1 : 0) || x.id - y.id).map((b) => b.id);
      expect(contributorOrder(bodies)).toEqual(want);
      expect(new Set(want).size).toBe(bodies.length);
    }
  });

  it('pages the contributors, the counts over all of them', () => {
    const bodies = names.map((name, i) => ({ ...body(i + 1), name }));
    const report = makeReport({ agency: 'x', year: 2022 });
    const inputs = [1, 3, 4].map((id) => input(report, { reportId: id * 10, bodyId: id, year: 2022 }));
    const whole = rollup(inputs, bodies, { year: 2022 });
    expect(whole.counts).toEqual({ bodies: 7, reports: 3, included: 3, missing: 4 });
    const page = rollupPage(whole, { limit: 3, offset: 2 });
    expect(page.contributors).toEqual(whole.contributors.slice(2, 5));
    expect(page).toMatchObject({ offset: 2, limit: 3, counts: whole.counts, cells: whole.cells });
  });
});
