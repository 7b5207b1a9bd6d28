// Cases for template-year.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: '2022 report, 2021 format', report: makeReport({ year: 2022 }) },
    { name: '2021 report, 2021 format', report: makeReport({ year: 2021 }) },
    { name: '2020 report, 2019 format (会昌县中村乡)', report: makeReport({ template: '2019', year: 2020 }) },
    { name: 'no table layout known', report: makeReport({ template: null, base: 'empty', year: 2022 }) },
    { name: 'no year known', report: makeReport({ template: '2019', year: null }) },
  ],
  invalid: [
    {
      name: '2022 report in the 2019 layout',
      report: makeReport({ template: '2019', year: 2022 }),
      expect: { count: 1, severity: 'warning', messageIncludes: '2022年度报告使用了2019年《格式（试行）》' },
    },
    {
      name: '2020 report in the 2021 layout',
      report: makeReport({ template: '2021', year: 2020 }),
      expect: { count: 1, messageIncludes: '国办公开办函〔2019〕60号' },
    },
  ],
};

export default cases;
