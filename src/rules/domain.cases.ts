// Cases for domain (D4).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    {
      name: 'complete 2021 report with a decimal fee amount',
      report: makeReport({ cells: { 'art20_8/fees/amount': 1276.7257 } }),
    },
    {
      name: '2019: signed 本年增/减 and decimal 采购总金额',
      report: makeReport({
        template: '2019',
        cells: { 'art20_5/licensing/changeThisYear': -25, 'art20_9/centralizedProcurement/totalAmount': 94544.318 },
      }),
    },
    {
      name: 'blank cells are not domain errors',
      report: makeReport({ cells: { 'applications/newReceived/total': null } }),
    },
  ],
  invalid: [
    {
      name: 'negative application count',
      report: makeReport({ cells: { 'applications/outcome.granted/naturalPerson': -1 } }),
      expect: {
        count: 1,
        severity: 'error',
        cells: ['applications/outcome.granted/naturalPerson'],
        messageIncludes: '不应为负数',
      },
    },
    {
      name: '2021 has no signed column; decimals only in the amount',
      report: makeReport({
        cells: {
          'art20_1/regulations/made': 1.5,
          'art20_6/punishment/processed': -3,
          'reviewLitigation/cases/review.total': 0.5,
        },
      }),
      expect: {
        count: 3,
        cells: ['art20_1/regulations/made', 'art20_6/punishment/processed', 'reviewLitigation/cases/review.total'],
      },
    },
    {
      name: '2019: negative 上一年项目数量, fractional 采购项目数量, negative amount',
      report: makeReport({
        template: '2019',
        cells: {
          'art20_8/fees/priorYearItems': -2,
          'art20_9/centralizedProcurement/projects': 2.5,
          'art20_9/centralizedProcurement/totalAmount': -1,
        },
      }),
      expect: {
        count: 3,
        cells: [
          'art20_8/fees/priorYearItems', 'art20_9/centralizedProcurement/projects',
          'art20_9/centralizedProcurement/totalAmount',
        ],
      },
    },
  ],
};

export default cases;
