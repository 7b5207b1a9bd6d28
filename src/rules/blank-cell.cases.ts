// Cases for blank-cell: blank is not zero.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'every cell filled', report: makeReport() },
    { name: 'zeros are not blanks', report: makeReport({ pick: () => 0 }) },
    { name: 'missing cells are not blanks', report: makeReport({ omit: /^art20_/ }) },
  ],
  invalid: [
    {
      name: 'two blanks in one row: one finding',
      report: makeReport({
        cells: { 'applications/outcome.granted/naturalPerson': null, 'applications/outcome.granted/total': null },
      }),
      expect: {
        count: 1,
        severity: 'warning',
        cells: ['applications/outcome.granted/naturalPerson', 'applications/outcome.granted/total'],
        messageIncludes: '2个单元格为空白',
      },
    },
    {
      name: 'a blank the row total implies: the value is a finding, never a cell value',
      report: makeReport({ pick: () => 0, cells: { 'applications/outcome.granted/commercialEnterprise': null } }),
      expect: {
        count: 1,
        cells: ['applications/outcome.granted/commercialEnterprise'],
        expected: 0,
        messageIncludes: '印为空白；行合计推得应为0',
      },
    },
    {
      name: 'a blank a column sum implies when its row total is blank too',
      report: makeReport({
        cells: { 'applications/outcome.granted/naturalPerson': null, 'applications/outcome.granted/total': null },
      }),
      expect: { count: 1, cells: ['applications/outcome.granted/naturalPerson'], messageIncludes: '列合计推得应为' },
    },
    {
      name: 'blanks in two tables',
      report: makeReport({ cells: { 'art20_8/fees/amount': null, 'reviewLitigation/cases/review.pending': null } }),
      expect: { count: 2, cells: ['art20_8/fees/amount', 'reviewLitigation/cases/review.pending'] },
    },
  ],
};

export default cases;
