// Cases for balance (O1).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'complete 2021 report', report: makeReport() },
    { name: 'complete 2019 report', report: makeReport({ template: '2019' }) },
    {
      name: 'section 三 cut before 四 (nothing to check)',
      report: makeReport({ omit: /^applications\/carriedForward\//, truncated: true }),
    },
    { name: 'seed 000 figures: 21 + 0 = 21 + 0', report: makeReport({ pick: () => 0, cells: {
      'applications/newReceived/naturalPerson': 21, 'applications/newReceived/total': 21,
      'applications/outcome.total/naturalPerson': 21, 'applications/outcome.total/total': 21 } }) },
  ],
  invalid: [
    {
      name: 'total column: 一+二=21, 三+四=20',
      report: makeReport({ pick: () => 0, cells: {
        'applications/newReceived/total': 21, 'applications/outcome.total/total': 20 } }),
      expect: {
        count: 1,
        severity: 'error',
        cells: ['applications/newReceived/total', 'applications/outcome.total/total'],
        messageIncludes: '一+二=21，三+四=20',
      },
    },
    {
      name: 'carried forward wrong in one column',
      report: makeReport({ cells: { 'applications/carriedForward/researchInstitution': 9 } }),
      expect: { count: 1, cells: ['applications/carriedForward/researchInstitution'], messageIncludes: '第三列（科研机构）' },
    },
    {
      name: 'a blank carried-over makes it a warning',
      report: makeReport({ pick: () => 1, cells: { 'applications/carriedOver/naturalPerson': null } }),
      expect: {
        count: 1, severity: 'warning', cells: ['applications/carriedOver/naturalPerson'], messageIncludes: '空白',
      },
    },
  ],
};

export default cases;
