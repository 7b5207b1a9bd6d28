// Cases for review-totals (D3).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const R = (c: string): string => `reviewLitigation/cases/${c}`;

const cases: RuleCases = {
  valid: [
    { name: 'complete report', report: makeReport({ pick: (_k, i) => i % 5 }) },
    { name: 'all zeros (seed 004)', report: makeReport({ pick: () => 0 }) },
    { name: 'section 四 lost', report: makeReport({ omit: /^reviewLitigation\//, truncated: true }) },
  ],
  invalid: [
    {
      name: '行政复议 total 3, parts 4',
      report: makeReport({ pick: () => 1, cells: { [R('review.total')]: 3 } }),
      expect: {
        count: 1,
        severity: 'error',
        expected: 4,
        cells: [R('review.total'), R('review.upheld'), R('review.pending')],
        messageIncludes: '行政复议总计为3',
      },
    },
    {
      name: 'two groups wrong',
      report: makeReport({
        pick: () => 0,
        cells: { [R('litigationDirect.corrected')]: 1, [R('litigationAfterReview.total')]: 2 },
      }),
      expect: { count: 2, cells: [R('litigationDirect.corrected'), R('litigationAfterReview.total')] },
    },
  ],
};

export default cases;
