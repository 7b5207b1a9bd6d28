// Cases for group-subtotal (G1): only printed subtotals are checked.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'no subtotal printed (the official table)', report: makeReport({ pick: () => 1 }) },
    {
      name: 'correct 不予公开 subtotal',
      report: makeReport({ pick: () => 1, cells: { 'applications/outcome.denied/naturalPerson': 8 } }),
    },
    {
      name: 'correct 2021 其他处理 subtotal',
      report: makeReport({ pick: () => 2, cells: { 'applications/outcome.other/total': 36 } }),
    },
    {
      name: '2021 report with one 其他处理 row: no items, nothing to sum',
      report: makeReport({ other: 'single', pick: () => 2 }),
    },
  ],
  invalid: [
    {
      name: '无法提供 subtotal wrong',
      report: makeReport({ pick: () => 1, cells: { 'applications/outcome.unableToProvide/naturalPerson': 2 } }),
      expect: {
        count: 1,
        severity: 'error',
        expected: 3,
        cells: [
          'applications/outcome.unableToProvide/naturalPerson',
          'applications/outcome.unableToProvide.notHeld/naturalPerson',
        ],
      },
    },
    {
      name: '2019 不予处理 subtotals wrong in two columns',
      report: makeReport({
        template: '2019',
        pick: () => 0,
        cells: { 'applications/outcome.notProcessed/total': 1, 'applications/outcome.notProcessed/otherOrg': 1 },
      }),
      expect: {
        count: 2,
        cells: ['applications/outcome.notProcessed/total', 'applications/outcome.notProcessed/otherOrg'],
      },
    },
  ],
};

export default cases;
