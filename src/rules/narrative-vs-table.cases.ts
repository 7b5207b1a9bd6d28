// Cases for narrative-vs-table (S5).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const A = (row: string): string => `applications/${row}/total`;
const R = (col: string): string => `reviewLitigation/cases/${col}`;
const base = { pick: () => 0, cells: {
  [`applications/newReceived/naturalPerson`]: 11, [A('newReceived')]: 11,
  [`applications/outcome.granted/naturalPerson`]: 11, [A('outcome.granted')]: 11,
  [`applications/outcome.total/naturalPerson`]: 11, [A('outcome.total')]: 11,
  [R('review.upheld')]: 4, [R('review.total')]: 4,
  [R('litigationDirect.pending')]: 2, [R('litigationDirect.total')]: 2 } };

const cases: RuleCases = {
  valid: [
    {
      name: 'prose agrees with the tables',
      report: makeReport({ ...base, narrative: { applicationsReceived: 11, carriedOver: 0, reviews: 4, lawsuits: 2 } }),
    },
    {
      name: 'tables lost (seed 003): nothing to compare',
      report: makeReport({
        base: 'empty',
        narrative: { applicationsReceived: 11, carriedOver: 4, reviews: 4, lawsuits: 2 },
      }),
    },
    {
      name: 'no reviews said, none listed',
      report: makeReport({ pick: () => 0, narrative: { noReviewOrLitigation: 1 } }),
    },
    { name: 'unknown narrative keys are ignored', report: makeReport({ ...base, narrative: { portalItems: 1600 } }) },
  ],
  invalid: [
    {
      name: 'received 12 in prose, 11 in the table',
      report: makeReport({ ...base, narrative: { applicationsReceived: 12 } }),
      expect: { count: 1, severity: 'warning', cells: [A('newReceived')], messageIncludes: '正文中本年新收申请为12件' },
    },
    {
      name: 'lawsuits: prose 3, tables 2 + 0',
      report: makeReport({ ...base, narrative: { lawsuits: 3, reviews: 5, carriedForward: 1 } }),
      expect: {
        count: 3,
        cells: [R('litigationDirect.total'), R('litigationAfterReview.total'), R('review.total'), A('carriedForward')],
      },
    },
    {
      name: 'prose says no reviews or lawsuits (淮阳区), table lists some',
      report: makeReport({ ...base, narrative: { noReviewOrLitigation: 1 } }),
      expect: { count: 1, cells: [R('review.total'), R('litigationDirect.total')], messageIncludes: '有6件' },
    },
  ],
};

export default cases;
