// Cases for other-year-figures.
import type { YearStatement } from '../model/report.js';
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const at = (line: number) => ({ line, column: 1 });
const title = (year: number): YearStatement =>
  ({ year, from: 'title', figures: false, text: `示例镇人民政府${year}年政府信息公开工作年度报告`, source: at(1) });
const body = (year: number, line: number, figures = true): YearStatement =>
  ({ year, from: 'body', figures, text: `${year}年，我镇${figures ? '主动公开政府信息32条' : '高度重视公开工作'}`, source: at(line) });
const report = (year: number | null, statements: YearStatement[]) => ({
  ...makeReport({ year }),
  yearStatements: statements,
});

const cases: RuleCases = {
  valid: [
    { name: 'every statement of the report year', report: report(2022, [title(2022), body(2022, 5), body(2022, 7)]) },
    {
      name: 'an earlier year without figures (a plain reference)',
      report: report(2022, [title(2022), body(2022, 5), body(2021, 7, false)]),
    },
    { name: 'a later year (a plan)', report: report(2022, [title(2022), body(2022, 5), body(2023, 7)]) },
    { name: 'no year known', report: report(null, [body(2021, 5)]) },
    {
      name: 'the text states only another year (year-mismatch reports that)',
      report: report(2022, [title(2022), body(2021, 5), body(2021, 7)]),
    },
  ],
  invalid: [
    {
      name: "a 2022 report states 2021's figures as this year's",
      report: report(2022, [title(2022), body(2022, 5), body(2021, 7), body(2022, 9)]),
      expect: { count: 1, severity: 'warning', messageIncludes: '2022年度报告以2021年的数据作为本年情况' },
    },
  ],
};

export default cases;
