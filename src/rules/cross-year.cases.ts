// Cases for cross-year (S1, S2, S3).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const A = (row: string, col: string): string => `applications/${row}/${col}`;
const prev2021 = makeReport({ year: 2021, pick: () => 1 });
const this2022 = makeReport({
  year: 2022,
  pick: () => 1,
  cells: { 'art20_1/regulations/valid': 1, 'art20_1/normativeDocuments/valid': 1 },
});

const cases: RuleCases = {
  valid: [
    { name: 'no previous report', report: this2022 },
    { name: 'carry chain and documents in force hold', report: this2022, previous: prev2021 },
    {
      name: 'previous report not the year before',
      report: makeReport({ year: 2023, pick: () => 5 }),
      previous: prev2021,
    },
    {
      name: 'another agency',
      report: makeReport({ year: 2022, agency: '另一县人民政府', pick: () => 5 }),
      previous: prev2021,
    },
    {
      name: '2020 in the 2019 format: items chain holds',
      report: makeReport({
        template: '2019', year: 2020, pick: () => 1, cells: { 'art20_5/licensing/priorYearItems': 1 },
      }),
      previous: makeReport({ template: '2019', year: 2019, pick: () => 1 }),
    },
  ],
  invalid: [
    {
      name: 'carried over 1 ≠ last year carried forward 0, natural persons and total',
      report: this2022,
      previous: makeReport({
        year: 2021,
        pick: () => 1,
        cells: { [A('carriedForward', 'naturalPerson')]: 0, [A('carriedForward', 'total')]: 5 },
      }),
      expect: {
        count: 2,
        severity: 'warning',
        expected: 0,
        cells: [A('carriedOver', 'naturalPerson'), `prev:${A('carriedForward', 'naturalPerson')}`],
      },
    },
    {
      name: '现行有效件数 does not follow last year + made − repealed',
      report: makeReport({
        year: 2022,
        pick: () => 1,
        cells: { 'art20_1/regulations/valid': 7, 'art20_1/normativeDocuments/valid': 1 },
      }),
      previous: prev2021,
      expect: {
        count: 1,
        expected: 1,
        cells: ['art20_1/regulations/valid', 'prev:art20_1/regulations/valid', 'art20_1/regulations/made'],
      },
    },
    {
      name: '2019→2020 item count chain broken',
      report: makeReport({
        template: '2019', year: 2020, pick: () => 1, cells: { 'art20_5/licensing/priorYearItems': 5 },
      }),
      previous: makeReport({ template: '2019', year: 2019, pick: () => 1 }),
      expect: {
        count: 1,
        expected: 1,
        cells: ['art20_5/licensing/priorYearItems', 'prev:art20_5/licensing/changeThisYear'],
      },
    },
  ],
};

export default cases;
