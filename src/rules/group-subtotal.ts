// G1 (conditional): the official table has no subtotal for （三）不予公开, （四）无法提供, （五）不予处理 or (2021)
// （六）其他处理; when a report prints one anyway, it must equal the sum of the group's numbered items.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { columnLabel, rowLabel } from './lib/labels.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'group-subtotal',
  severity: 'error',
  description: '第三部分表格中印出的分组小计等于该组各项之和',
  descriptionEn: 'Section 3: a printed group subtotal equals the sum of its items',
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.groupSubtotal.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const { row, column } = splitCellKey(rel.lhs[0]);
      return {
        message: `第三部分表格“${rowLabel(v, 'applications', row)}”小计（${columnLabel(v, 'applications', column)}列）为${ev.lhs}，但其各项之和为${ev.rhs}`,
        messageEn: `Section 3, group ${row}, column ${column}: subtotal is ${ev.lhs} but its items add up to ${ev.rhs}`,
      };
    });
  },
};

export default rule;
