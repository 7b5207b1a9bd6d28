// A lost table: none of a table group's cells (section 二, 三 or 四) were read, and the text is not truncated.
import type { Finding } from '../model/report.js';
import { GROUPS, GROUP_LABELS, presentIn } from './lib/tables.js';
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'missing-table',
  severity: 'error',
  description: '表格缺失：第二、三或四部分的表格没有读出任何数值',
  descriptionEn: 'Lost table: no value of section 2, 3 or 4 was read',
  check(ctx) {
    const { report } = ctx;
    if (report.truncated) return [];
    const out: Finding[] = [];
    for (const g of GROUPS) {
      if (presentIn(report, g).length > 0) continue;
      const seen = report.tables[g];
      out.push(makeFinding(rule, report, {
        message: seen ? `${GROUP_LABELS[g].zh}的表格存在，但未能读出任何数值` : `${GROUP_LABELS[g].zh}的表格缺失`,
        messageEn: seen ? `The table of ${GROUP_LABELS[g].en} is there but no value could be read` : `The table of ${GROUP_LABELS[g].en} is missing`,
        cells: [],
      }));
    }
    return out;
  },
};

export default rule;
