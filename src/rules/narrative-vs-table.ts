// S5: figures quoted in the prose (一、总体情况 and elsewhere) against the tables of sections 三 and 四. Compared
// only when both the figure and the table cells exist.
import type { Finding, NarrativeFigure } from '../model/report.js';
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
  description: '正文中的数字与表格不一致',
  descriptionEn: 'A figure in the prose disagrees with the tables',
  check(ctx) {
    const { report } = ctx;
    const out: Finding[] = [];
    const quote = (f: NarrativeFigure): string => (f.text ? `（“${f.text}”）` : '');
    for (const f of report.narrative) {
      if (f.key === 'noReviewOrLitigation' && f.value === 1) {
        const nonZero = REVIEW_TOTALS.filter((k) => (num(report, k) ?? 0) > 0);
        if (nonZero.length === 0) continue;
        const n = nonZero.reduce((s, k) => s + (num(report, k) ?? 0), 0);
        out.push(makeFinding(rule, report, {
          message: `正文称未发生行政复议、行政诉讼${quote(f)}，但第四部分表格中有${n}件`,
          messageEn: `The prose says there were no reviews or lawsuits, but section 4 lists ${n}`,
          cells: nonZero,
        }));
        continue;
      }
      const cmp = SUMS[f.key];
      if (!cmp) continue;
      const values = cmp.cells.map((k) => num(report, k));
      if (values.some((x) => x === undefined)) continue;
      const table = values.reduce<number>((s, x) => s + (x ?? 0), 0);
      if (table === f.value) continue;
      const where = cmp.cells.length > 1 ? '第四部分表格两项行政诉讼总计之和' : cmp.cells[0].startsWith('applications') ? '第三部分表格' : '第四部分表格';
      out.push(makeFinding(rule, report, {
        message: `正文中${cmp.zh}为${f.value}件${quote(f)}，但${where}为${table}件`,
        messageEn: `The prose gives ${f.value} ${cmp.en}, the table ${table}`,
        cells: cmp.cells,
      }));
    }
    return out;
  },
};

export default rule;
