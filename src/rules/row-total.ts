// D2: in every row of section 三, 总计 equals 自然人 plus the five 法人或其他组织 columns.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { rowLabel } from './lib/labels.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'row-total',
  severity: 'error',
  description: '第三部分表格每一行：总计等于自然人与五类法人或其他组织之和',
  descriptionEn: 'Section 3, every row: total equals the six applicant columns',
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.rowTotal.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const row = splitCellKey(rel.lhs[0]).row;
      return {
        message: `第三部分表格“${rowLabel(v, 'applications', row)}”行总计为${ev.lhs}，但六类申请人之和为${ev.rhs}`,
        messageEn: `Section 3, row ${row}: total is ${ev.lhs} but the six applicant columns add up to ${ev.rhs}`,
      };
    });
  },
};

export default rule;
