// The title should read {机关名称}{年份}年政府信息公开工作年度报告. Tolerated variants: 年度 for 年
// (…2022年度政府信息公开工作年度报告) and a missing 工作 (…2021年政府信息公开年度报告). A missing title is a warning,
// an unusual one is info.
import { normaliseForMatch } from '../text/normalise.js';
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

const PATTERN = /^(.+?)((?:19|20)\d{2})年度?政府信息公开(?:工作)?年度报告$/u;

const rule: Rule = {
  id: 'title-pattern',
  severity: 'warning',
  messageId: 'rule.title-pattern',
  check(ctx) {
    const { report } = ctx;
    if (report.title === null || report.title.trim() === '')
      return [makeFinding(rule, report, { messageId: 'title-pattern.missing', data: {}, cells: [] })];
    const title = normaliseForMatch(report.title).replace(/[《》<>]/g, '');
    const m = PATTERN.exec(title);
    // a title that does not follow the pattern, or whose year is not the report's
    if (m && (report.year === null || Number(m[2]) === report.year)) return [];
    return [makeFinding(rule, report, {
      messageId: 'title-pattern.problem',
      data: { title: report.title.trim(), titleYear: m ? Number(m[2]) : null, year: report.year },
      cells: [],
      severity: 'info',
    })];
  },
};

export default rule;
