// Cases for plausibility.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    {
      name: 'a county government with 规章',
      report: makeReport({ cells: { 'art20_1/regulations/made': 2, 'art20_1/regulations/valid': 2 } }),
    },
    {
      name: '城乡建设局 is not a town',
      report: makeReport({ agency: '某某县住房和城乡建设局', cells: { 'art20_1/regulations/valid': 1 } }),
    },
    {
      name: 'a town with zero 规章',
      report: makeReport({
        agency: '陶营镇人民政府',
        cells: { 'art20_1/regulations/made': 0, 'art20_1/regulations/repealed': 0, 'art20_1/regulations/valid': 0 },
      }),
    },
    {
      name: '2019 decisions unrelated to items',
      report: makeReport({
        template: '2019',
        cells: {
          'art20_5/licensing/priorYearItems': 21,
          'art20_5/licensing/changeThisYear': 19,
          'art20_5/licensing/decisions': 1234,
        },
      }),
    },
    { name: 'zero totals over zero parts', report: makeReport({ pick: () => 0 }) },
  ],
  invalid: [
    {
      name: 'a town reports 规章 (松木塘镇)',
      report: makeReport({
        agency: '桃江县松木塘镇人民政府',
        cells: { 'art20_1/regulations/made': 2, 'art20_1/regulations/repealed': 0, 'art20_1/regulations/valid': 2 },
      }),
      expect: {
        count: 1,
        severity: 'warning',
        cells: ['art20_1/regulations/made', 'art20_1/regulations/valid'],
        messageIncludes: '没有制定规章的权限',
      },
    },
    {
      name: '2019: 处理决定数量 40 = 21 + 19 (南源街道)',
      report: makeReport({
        template: '2019',
        year: 2020,
        cells: {
          'art20_5/licensing/priorYearItems': 21,
          'art20_5/licensing/changeThisYear': 19,
          'art20_5/licensing/decisions': 40,
        },
      }),
      expect: {
        count: 1,
        cells: ['art20_5/licensing/decisions', 'art20_5/licensing/priorYearItems', 'art20_5/licensing/changeThisYear'],
        messageIncludes: '处理决定数量',
      },
    },
    {
      name: 'row total printed 0 over non-zero parts',
      report: makeReport({ pick: () => 1, cells: { 'applications/outcome.granted/total': 0 } }),
      expect: { count: 1, expected: 6, cells: ['applications/outcome.granted/total'], messageIncludes: '印为0' },
    },
    {
      name: 'review total printed 0',
      report: makeReport({ pick: () => 0, cells: { 'reviewLitigation/cases/review.upheld': 2 } }),
      expect: { count: 1, expected: 2, cells: ['reviewLitigation/cases/review.total'] },
    },
  ],
};

export default cases;
