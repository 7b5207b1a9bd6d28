// Cases for year-mismatch.
import type { YearStatement } from '../model/report.js';
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const at = (line: number) => ({ line, column: 1 });
const title = (year: number): YearStatement =>
  ({ year, from: 'title', figures: false, text: `示例县人民政府${year}年政府信息公开工作年度报告`, source: at(1) });
const period = (year: number): YearStatement =>
  ({ year, from: 'period', figures: false, text: `统计期限自${year}年1月1日起至${year}年12月31日止`, source: at(3) });
const body = (year: number, line: number): YearStatement =>
  ({ year, from: 'body', figures: true, text: `${year}年，我县主动公开政府信息12条`, source: at(line) });
const report = (year: number, statements: YearStatement[]) => ({ ...makeReport({ year }), yearStatements: statements });

const cases: RuleCases = {
  valid: [
    {
      name: 'title, period and body agree',
      report: report(2022, [title(2022), period(2022), body(2022, 6), body(2022, 8)]),
    },
    { name: 'no title', report: report(2022, [period(2021), body(2021, 6)]) },
    { name: 'no statements recorded', report: makeReport({ year: 2022 }) },
    {
      name: 'body cites another year once among the report year',
      report: report(2022, [title(2022), body(2021, 6), body(2022, 7), body(2022, 9)]),
    },
    { name: 'one body statement only', report: report(2022, [title(2022), body(2021, 6)]) },
  ],
  invalid: [
    {
      name: 'title 2020, statistics period 2021',
      report: report(2020, [title(2020), period(2021), body(2021, 6)]),
      expect: { count: 1, severity: 'warning', messageIncludes: '标题为2020年度，但统计期限为2021年' },
    },
    {
      name: 'title 2020, the body states 2021 throughout',
      report: report(2020, [title(2020), body(2021, 6), body(2021, 8), body(2021, 9)]),
      expect: { count: 1, messageIncludes: '正文陈述为2021年' },
    },
  ],
};

export default cases;
