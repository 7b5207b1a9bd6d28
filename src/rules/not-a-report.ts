// A file that is no annual report at all ("hello", a news page, a letter): no report title, no section of the
// six, no table and no cell. Checking it would "pass" it with a few missing-table errors lost among notes; it is
// said once, as an error, and the other rules stay silent on it (checkReport).
import { cellKeysOf } from '../model/memo.js';
import type { Report } from '../model/report.js';
import { REPORT_NAME_LOOSE } from '../model/report-name.js';
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

// 政府 may be left out (三台县金石镇人民政府2020年信息公开工作年度报告), and some bodies say 政务公开
const TITLE = new RegExp(REPORT_NAME_LOOSE, 'u');

/** True when nothing of an annual report was recognised in the file. */
export function isNotAReport(report: Report): boolean {
  // the keys checkReport listed once (an Object.keys of a report's ~200 cells here, twice a report, showed in profiles)
  if (cellKeysOf(report).length > 0) return false;
  if (report.tables.active || report.tables.applications || report.tables.review) return false;
  if (report.title !== null && TITLE.test(report.title)) return false;
  // one recognised heading may be chance (a letter that says 一、总体情况); two are the bones of a report
  return report.sections.filter((s) => s.source !== null).length < 2;
}

const rule: Rule = {
  id: 'not-a-report',
  severity: 'error',
  messageId: 'rule.not-a-report',
  check({ report }) {
    if (!isNotAReport(report)) return [];
    return [makeFinding(rule, report, { messageId: 'not-a-report.none', data: {}, cells: [] })];
  },
};

export default rule;
