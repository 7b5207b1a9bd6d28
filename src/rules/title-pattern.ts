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
  description: '标题应为“{机关名称}{年份}年政府信息公开工作年度报告”',
  descriptionEn: 'The title should read {agency}{year}年政府信息公开工作年度报告',
  check(ctx) {
    const { report } = ctx;
    if (report.title === null || report.title.trim() === '')
      return [makeFinding(rule, report, { message: '未找到报告标题', messageEn: 'No title found', cells: [] })];
    const title = normaliseForMatch(report.title).replace(/[《》<>]/g, '');
    const m = PATTERN.exec(title);
    const problems: string[] = [];
    const problemsEn: string[] = [];
    if (!m) {
      problems.push('不符合“{机关名称}{年份}年政府信息公开工作年度报告”的格式');
      problemsEn.push('does not follow {agency}{year}年政府信息公开工作年度报告');
    } else if (report.year !== null && Number(m[2]) !== report.year) {
      problems.push(`标题中的年份${m[2]}与报告年度${report.year}不一致`);
      problemsEn.push(`its year ${m[2]} differs from the report year ${report.year}`);
    }
    if (problems.length === 0) return [];
    return [makeFinding(rule, report, {
      message: `标题“${report.title.trim()}”${problems.join('；')}`,
      messageEn: `The title "${report.title.trim()}" ${problemsEn.join('; ')}`,
      cells: [],
      severity: 'info',
    })];
  },
};

export default rule;
