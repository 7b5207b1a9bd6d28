// Cases for row-total (D2).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'complete 2021 report', report: makeReport({ pick: (_k, i) => i % 4 }) },
    { name: 'complete 2019 report', report: makeReport({ template: '2019', pick: (_k, i) => i % 3 }) },
    { name: 'all-zero rows', report: makeReport({ pick: () => 0 }) },
    {
      name: 'row without its total column: not checkable',
      report: makeReport({
        omit: ['applications/outcome.granted/total'],
        cells: { 'applications/outcome.granted/naturalPerson': 7 },
      }),
    },
  ],
  invalid: [
    {
      name: '予以公开: total 5, parts 6',
      report: makeReport({ pick: () => 1, cells: { 'applications/outcome.granted/total': 5 } }),
      expect: {
        count: 1,
        severity: 'error',
        expected: 6,
        cells: ['applications/outcome.granted/total', 'applications/outcome.granted/naturalPerson'],
        messageIncludes: '（一）予以公开',
      },
    },
    {
      name: 'one applicant cell changed',
      report: makeReport({ pick: () => 0, cells: { 'applications/outcome.denied.stateSecret/legalServiceOrg': 2 } }),
      expect: {
        count: 1,
        expected: 2,
        cells: ['applications/outcome.denied.stateSecret/legalServiceOrg'],
        messageIncludes: '（三）不予公开 1.属于国家秘密',
      },
    },
    {
      name: 'a printed group subtotal row must add up too',
      report: makeReport({ pick: () => 1, cells: {
        'applications/outcome.denied/naturalPerson': 8, 'applications/outcome.denied/commercialEnterprise': 8,
        'applications/outcome.denied/researchInstitution': 8, 'applications/outcome.denied/publicWelfareOrg': 8,
        'applications/outcome.denied/legalServiceOrg': 8, 'applications/outcome.denied/otherOrg': 8,
          'applications/outcome.denied/total': 47 } }),
      expect: { count: 1, expected: 48, cells: ['applications/outcome.denied/total'] },
    },
    {
      name: 'Shanghai style: total blank while parts filled (a warning)',
      report: makeReport({ pick: () => 1, cells: { 'applications/newReceived/total': null } }),
      expect: { count: 1, severity: 'warning', cells: ['applications/newReceived/total'] },
    },
  ],
};

export default cases;
