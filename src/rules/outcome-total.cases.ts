// Cases for outcome-total (D1), including a 2021-layout report that prints a single （六）其他处理 row.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'complete 2021 report', report: makeReport() },
    { name: 'complete 2019 report (single 其他处理 row)', report: makeReport({ template: '2019' }) },
    { name: '2021 report printing one 其他处理 row', report: makeReport({ other: 'single', pick: () => 1 }) },
    {
      name: 'an outcome row missing: not checkable',
      report: makeReport({
        omit: /^applications\/outcome\.granted\//,
        cells: { 'applications/outcome.total/naturalPerson': 99 },
      }),
    },
  ],
  invalid: [
    {
      name: 'outcome total one too high',
      report: makeReport({ pick: () => 1, cells: { 'applications/outcome.total/naturalPerson': 22 } }),
      expect: {
        count: 1,
        severity: 'error',
        expected: 21,
        cells: ['applications/outcome.total/naturalPerson', 'applications/outcome.granted/naturalPerson'],
      },
    },
    {
      name: '2021 report with one 其他处理 row: that row counts',
      report: makeReport({ other: 'single', pick: () => 1, cells: { 'applications/outcome.other/otherOrg': 2 } }),
      expect: {
        count: 1,
        expected: 20,
        cells: ['applications/outcome.other/otherOrg', 'applications/outcome.total/otherOrg'],
      },
    },
    {
      name: '2021 item 其他 changed',
      report: makeReport({ pick: () => 1, cells: { 'applications/outcome.other.otherReasons/total': 0 } }),
      expect: { count: 1, cells: ['applications/outcome.other.otherReasons/total'], expected: 120 },
    },
  ],
};

export default cases;
