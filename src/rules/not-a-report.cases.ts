// Cases for not-a-report: nothing of an annual report in the file (no title, sections, tables or cells).
import type { Report } from '../model/report.js';
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

/** What the recogniser makes of a file that is no report: no title, no section, no table. */
function nothing(): Report {
  const r = makeReport({
    base: 'empty', title: null, agency: null, year: null, template: null, missingSections: [1, 2, 3, 4, 5, 6],
  });
  return r;
}

const cases: RuleCases = {
  valid: [
    { name: 'a complete report', report: makeReport() },
    {
      name: 'tables lost but the six sections are there (missing-table says so)',
      report: makeReport({ base: 'empty' }),
    },
    { name: 'only a report title survives', report: { ...nothing(), title: '某县2023年政府信息公开工作年度报告' } },
    {
      name: 'a title without 政府 and a cut text (truncated says so)',
      report: { ...nothing(), title: '某镇人民政府2020年信息公开工作年度报告' },
    },
    { name: 'a title that says 政务公开', report: { ...nothing(), title: '某镇2023年度政务公开工作年度报告' } },
    {
      name: 'a table and nothing else',
      report: { ...nothing(), tables: { active: false, applications: true, review: false } },
    },
  ],
  invalid: [
    {
      name: '"hello"',
      report: nothing(),
      expect: { count: 1, severity: 'error', messageIncludes: '未识别为政府信息公开工作年度报告' },
    },
    {
      name: 'one heading by chance',
      report: makeReport({
        base: 'empty', title: '通知', agency: null, year: null, template: null, missingSections: [2, 3, 4, 5, 6],
      }),
      expect: { count: 1, severity: 'error' },
    },
  ],
};

export default cases;
