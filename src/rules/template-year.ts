// The table layout does not match the year: reports for 2019–2020 use the 2019 (试行) format, reports for 2021 on
// the 2021 format (国办公开办函〔2021〕30号). E.g. a 2022 report printed in the 2019 layout.
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'template-year',
  severity: 'warning',
  messageId: 'rule.template-year',
  check(ctx) {
    const { report } = ctx;
    if (report.year === null || report.template === null) return [];
    const expected = report.year <= 2020 ? '2019' : '2021';
    if (report.template === expected) return [];
    const data = { year: report.year, template: report.template, expected } as const;
    return [makeFinding(rule, report, { messageId: 'template-year.mismatch', data, cells: [] })];
  },
};

export default rule;
