// Cases for published-le-total (S4, 2019 format).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'complete 2019 report', report: makeReport({ template: '2019' }) },
    {
      name: 'equal is fine',
      report: makeReport({
        template: '2019',
        cells: { 'art20_1/regulations/newlyPublished': 3, 'art20_1/regulations/totalPublished': 3 },
      }),
    },
    { name: '2021 format has no such columns', report: makeReport() },
  ],
  invalid: [
    {
      name: 'newly published 5 > total 3',
      report: makeReport({
        template: '2019',
        cells: { 'art20_1/normativeDocuments/newlyPublished': 5, 'art20_1/normativeDocuments/totalPublished': 3 },
      }),
      expect: {
        count: 1,
        severity: 'warning',
        cells: ['art20_1/normativeDocuments/newlyPublished', 'art20_1/normativeDocuments/totalPublished'],
        messageIncludes: '本年新公开数量5大于对外公开总数量3',
      },
    },
  ],
};

export default cases;
