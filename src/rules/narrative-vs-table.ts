// S5: figures quoted in the prose (一、总体情况 and elsewhere) against the tables of sections 三 and 四. Compared
// only when both the figure and the table cells exist.
import type { Finding } from '../model/report.js';
import { makeFinding, num } from './lib/findings.js';
import type { Rule } from './rule.js';

const A = (row: string): string => `applications/${row}/total`;
const R = (col: string): string => `reviewLitigation/cases/${col}`;
const REVIEW_TOTALS = [R('review.total'), R('litigationDirect.total'), R('litigationAfterReview.total')];

interface Comparison { cells: string[]; zh: string; en: string }

const SUMS: Record<string, Comparison> = {
  applicationsReceived: { cells: [A('newReceived')], zh: '本年新收申请', en: 'new applications' },
  carriedOver: { cells: [A('carriedOver')], zh: '上年结转申请', en: 'applications carried over' },
  carriedForward: { cells: [A('carriedForward')], zh: '结转下年度继续办理', en: 'applications carried forward' },
  reviews: { cells: [R('review.total')], zh: '行政复议', en: 'administrative reviews' },
  lawsuits: { cells: [R('litigationDirect.total'), R('litigationAfterReview.total')], zh: '行政诉讼', en: 'lawsuits' },
};

const rule: Rule = {
  id: 'narrative-vs-table',
  severity: 'warning',
  messageId: 'rule.narrative-vs-table',
  cellsOnly: true,
  check(ctx) {
    const { report } = ctx;
    const out: Finding[] = [];
    for (const f of report.narrative) {
      if (f.key === 'noReviewOrLitigation' && f.value === 1) {
        const nonZero = REVIEW_TOTALS.filter((k) => (num(report, k) ?? 0) > 0);
        if (nonZero.length === 0) continue;
        const n = nonZero.reduce((s, k) => s + (num(report, k) ?? 0), 0);
        out.push(
          makeFinding(rule, report, {
            messageId: 'narrative-vs-table.noReview',
            data: { quote: f.text ?? '', count: n },
            cells: nonZero,
          }),
        );
        continue;
      }
      const cmp = SUMS[f.key];
      if (!cmp) continue;
      const values = cmp.cells.map((k) => num(report, k));
      if (values.some((x) => x === undefined)) continue;
      const table = values.reduce<number>((s, x) => s + (x ?? 0), 0);
      if (table === f.value) continue;
      const where = cmp.cells.length > 1
        ? 'lawsuits'
        : cmp.cells[0].startsWith('applications') ? 'applications' : 'review';
      out.push(makeFinding(rule, report, {
        messageId: 'narrative-vs-table.figure',
        data: { figure: f.key, value: f.value, table, where, quote: f.text ?? '' },
        cells: cmp.cells,
      }));
    }
    return out;
  },
};

export default rule;
