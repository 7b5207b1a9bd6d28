// Filing status (催报): due dates per level (条例 第四十九条) and per body, the working-day option on the official
// calendar, who filed, who is overdue and by how many days, who is missing; and 通报 scoring on top of it.
import { describe, expect, it } from 'vitest';
import { dueDateOf, filingPage, filingStatus, nextWorkingDay } from '../src/analysis/filing.js';
import { DEFAULT_SCORING_RULES, scoreBodies } from '../src/analysis/scoring.js';
import type { ScoringRule, SimilarPair } from '../src/model/analysis.js';
import { makeReport, withCells } from '../src/rules/testing.js';
import { body, input } from './analysis-fixtures.js';

describe('due dates', () => {
  it('departments by 1月31日 and governments by 3月31日 of the next year, unless the body sets its own', () => {
    expect(dueDateOf({ level: 'department' }, 2022).due).toBe('2023-01-31');
    expect(dueDateOf({ level: 'county' }, 2022).due).toBe('2023-03-31');
    expect(dueDateOf({ level: 'county', dueDate: '02-20' }, 2022).due).toBe('2023-02-20');
    expect(dueDateOf({ level: 'department' }, 2022, { dueDates: { department: '01-15' } }).due).toBe('2023-01-15');
  });

  it('moves a due date off weekends and public holidays, keeping 调休 working days', () => {
    expect(nextWorkingDay('2026-01-31')).toBe('2026-02-02'); // a Saturday
    expect(nextWorkingDay('2025-01-01')).toBe('2025-01-02'); // 元旦
    expect(nextWorkingDay('2024-10-01')).toBe('2024-10-08'); // 国庆 1–7 October
    expect(nextWorkingDay('2025-01-26')).toBe('2025-01-26'); // a Sunday worked in lieu (春节调休)
    expect(dueDateOf({ level: 'department' }, 2025, { workingDays: true }))
      .toEqual({ due: '2026-02-02', nominal: '2026-01-31' });
  });
});

describe('filing status', () => {
  const bodies = [
    body(1, { name: '甲局' }), body(2, { name: '乙局' }), body(3, { name: '丙局' }), body(4, { name: '丁局' }),
    body(5, { name: '戊县人民政府', level: 'county' }), body(6, { name: '己局' }),
  ];
  const r = makeReport();
  const reports = [
    input(r, { reportId: 1, bodyId: 1, status: 'published', submittedAt: '2023-01-10', publishedAt: '2023-01-20' }),
    input(r, { reportId: 2, bodyId: 2, status: 'accepted', submittedAt: '2023-02-05T09:00:00Z' }),
    input(r, { reportId: 3, bodyId: 3, status: 'returned', submittedAt: '2023-01-30', returnedAt: '2023-02-01' }),
    input(r, { reportId: 4, bodyId: 4, status: 'draft' }),
    input(r, { reportId: 6, bodyId: 6, status: 'published', publishedAt: '2023-02-10' }),
  ];
  const status = filingStatus(bodies, reports, { year: 2022, asOf: '2023-02-15' });
  const row = (id: number) => status.rows.find((x) => x.bodyId === id)!;

  it('counts expected, filed, returned, accepted, published, overdue and missing bodies', () => {
    expect(status.summary).toEqual({
      expected: 6, filed: 4, returned: 1, accepted: 1, published: 2, overdue: 1, missing: 1, filedLate: 2, notFiled: 1,
    });
  });

  it('gives days overdue for late filing and for not filing at all', () => {
    expect(row(1)).toMatchObject({ late: false, daysOverdue: 0, dueDate: '2023-01-31', latePublication: false });
    expect(row(2)).toMatchObject({
      late: true, daysOverdue: 5, submittedAt: '2023-02-05', latePublication: true, daysLatePublication: 15,
    });
    expect(row(4)).toMatchObject({ status: 'draft', late: true, daysOverdue: 15 });
    expect(row(5)).toMatchObject({ status: 'missing', late: false, daysOverdue: 0, dueDate: '2023-03-31' });
    expect(row(6)).toMatchObject({ late: true, daysOverdue: 10, submittedAt: '2023-02-10' });
    expect(status.rows[0].bodyId).toBe(4); // most overdue first
  });

  it('pages the rows as asked (chase only, by name, due date or days overdue) and keeps the summary over all', () => {
    const zh = (a: string, b: string) => a.localeCompare(b, 'zh');
    const ids = (f: typeof status) => f.rows.map((x) => x.bodyId);
    const first = filingPage(status, { limit: 2 });
    expect(ids(first)).toEqual(ids(status).slice(0, 2));
    expect(first).toMatchObject({ summary: status.summary, total: 6, offset: 0, limit: 2 });
    expect(ids(filingPage(status, { limit: 2, offset: 4 }))).toEqual(ids(status).slice(4));
    const chase = filingPage(status, { chase: true });
    expect(ids(chase).sort()).toEqual([2, 3, 4, 5, 6]);
    expect(chase.total).toBe(5);
    expect(ids(chase)).toEqual(ids(status).filter((id) => id !== 1)); // in the same order
    const byName = [...status.rows].sort((a, b) => zh(a.bodyName, b.bodyName)).map((x) => x.bodyId);
    expect(ids(filingPage(status, { sort: 'name' }))).toEqual(byName);
    expect(ids(filingPage(status, { sort: 'name', order: 'desc', limit: 3 })))
      .toEqual([...byName].reverse().slice(0, 3));
    // most overdue last, ties by name
    const up = ids(filingPage(status, { sort: 'overdue', order: 'asc' }));
    expect(up.slice(-3)).toEqual([2, 6, 4]);
    expect(up.slice(0, 3)).toEqual([1, 3, 5].sort((a, b) => zh(row(a).bodyName, row(b).bodyName)));
    const due = ids(filingPage(status, { sort: 'due' }));
    expect(due[due.length - 1]).toBe(5); // the county's 03-31 after the departments' 01-31
  });

  it('scores and ranks the bodies with the evidence of each deduction', () => {
    const broken = withCells(makeReport({ missingSections: [5] }), { 'applications/newReceived/naturalPerson': 999 });
    const withFindings = reports.map((x) => (x.reportId === 1 ? { ...x, report: broken } : x));
    const similar: SimilarPair[] = [{
      a: { reportId: 99, label: '甲局', year: 2021 }, b: { reportId: 6, label: '己局', year: 2022 },
      kind: 'previous-year', similarity: 0.9, rate: 0.8,
    }];
    const ranking = scoreBodies(status, withFindings, similar, { year: 2022 });
    const of = (id: number) => ranking.rows.find((x) => x.bodyId === id)!;
    const rule = (kind: ScoringRule['kind']) => DEFAULT_SCORING_RULES.find((x) => x.kind === kind)!;
    // 甲局: on time, but its report misses section 五 and breaks relations
    const a = of(1);
    expect(a.deductions.filter((d) => d.kind === 'missing-section')).toHaveLength(1);
    const strict = a.deductions.filter((d) => d.kind === 'strict-error');
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((d) => d.evidence.length > 0 && d.evidenceEn.length > 0)).toBe(true);
    expect(a.score).toBe(100 - a.deductions.reduce((s, d) => s + d.points, 0));
    // 乙局: filed 5 days late and not yet published after the due date
    expect(of(2).deductions.map((d) => d.kind).sort()).toEqual(['late-filing', 'late-publication']);
    expect(of(2).deductions.find((d) => d.kind === 'late-filing')!.evidence).toContain('逾期5天');
    // 丁局: a draft past the due date is not filed
    expect(of(4).deductions).toMatchObject([{ kind: 'not-filed', points: rule('not-filed').points }]);
    expect(of(4).score).toBe(100 - rule('not-filed').points);
    // 己局: filed late, and repeats its previous year over the threshold
    expect(of(6).deductions.find((d) => d.kind === 'similarity'))
      .toMatchObject({ otherReportId: 99, points: rule('similarity').points });
    // 戊县人民政府: not due yet, nothing deducted
    expect(of(5)).toMatchObject({ score: 100, deductions: [] });
    // ranked by score, ties share a rank and the next rank skips
    for (let i = 1; i < ranking.rows.length; i++) {
      const [p, q] = [ranking.rows[i - 1], ranking.rows[i]];
      expect(p.score).toBeGreaterThanOrEqual(q.score);
      expect(q.rank).toBe(p.score === q.score ? p.rank : i + 1);
    }
  });

  it('caps a deduction kind and applies only enabled rules', () => {
    const broken = withCells(makeReport(), {
      'applications/newReceived/naturalPerson': 999, 'applications/newReceived/otherOrg': 999,
      'reviewLitigation/cases/review.total': 999,
    });
    const one = [{ ...reports[0], report: broken }];
    const rules: ScoringRule[] = [{ kind: 'strict-error', points: 2, cap: 3, threshold: null, enabled: true },
      { kind: 'missing-section', points: 1, cap: null, threshold: null, enabled: false }];
    const row = scoreBodies(
      filingStatus([bodies[0]], one, { year: 2022, asOf: '2023-02-15' }), one, [], { year: 2022, rules },
    ).rows[0];
    const points = row.deductions.map((d) => d.points);
    expect(points.length).toBeGreaterThan(2);
    expect(points.slice(0, 2)).toEqual([2, 1]);
    expect(points.slice(2).every((p) => p === 0)).toBe(true);
    expect(row.score).toBe(97);
  });

  it('deducts a return not fixed in time', () => {
    const ranking = scoreBodies(status, reports, [], { year: 2022 });
    const returned = ranking.rows.find((x) => x.bodyId === 3)!;
    // returned on 1 February, not filed again 14 days later; and so not published by its due date
    expect(returned.deductions.map((d) => d.kind).sort()).toEqual(['late-publication', 'returned-not-fixed']);
    expect(returned.deductions.find((d) => d.kind === 'returned-not-fixed')!.evidence).toContain('2023-02-01退回');
    const fixed = reports.map((x) =>
      (x.reportId === 3 ? { ...x, status: 'submitted' as const, resubmittedAt: '2023-02-05' } : x));
    const again = filingStatus(bodies, fixed, { year: 2022, asOf: '2023-02-15' });
    expect(scoreBodies(again, fixed, [], { year: 2022 }).rows.find((x) => x.bodyId === 3)!.deductions).toEqual([]);
  });
});
