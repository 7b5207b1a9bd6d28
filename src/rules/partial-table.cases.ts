// Cases for partial-table: rows of a present table missing.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'complete 2021 report', report: makeReport() },
    { name: 'complete 2019 report', report: makeReport({ template: '2019' }) },
    { name: '2021 report with one 其他处理 row is complete', report: makeReport({ other: 'single' }) },
    { name: 'a whole table group missing is missing-table, not this', report: makeReport({ omit: /^applications\// }) },
  ],
  invalid: [
    {
      name: 'section 三 lost from the top down to （二） (seed 004)',
      report: makeReport({ omit: /^applications\/(newReceived|carriedOver|outcome\.granted|outcome\.partial)\// }),
      expect: {
        count: 1,
        severity: 'warning',
        cells: ['applications/newReceived/total', 'applications/outcome.partial/naturalPerson'],
        messageIncludes: '缺少4行',
      },
    },
    {
      name: 'a row with one value lost, and section 二 cut after (五)',
      report: makeReport({ omit: /^(applications\/outcome\.granted\/legalServiceOrg|art20_[68]\/.*)$/ }),
      expect: {
        count: 2,
        cells: ['applications/outcome.granted/legalServiceOrg', 'art20_6/punishment/processed', 'art20_8/fees/amount'],
      },
    },
  ],
};

export default cases;
