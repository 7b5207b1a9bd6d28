// D1: in every column of section 三, （七）总计 equals the sum of all outcome rows （一）…（六）. With a single
// （六）其他处理 row (2019 layout, or a 2021 report that prints it so) that row counts; otherwise its three items.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { columnLabel } from './lib/labels.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'outcome-total',
  severity: 'error',
  description: '第三部分表格（七）总计等于（一）至（六）各项办理结果之和',
  descriptionEn: 'Section 3: the outcome total equals the sum of all outcome rows',
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.outcomeTotal.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const col = splitCellKey(rel.lhs[0]).column;
      return {
        message: `第三部分表格“${columnLabel(v, 'applications', col)}”列（七）总计为${ev.lhs}，但（一）至（六）各项之和为${ev.rhs}`,
        messageEn: `Section 3, column ${col}: outcome total is ${ev.lhs} but the outcome rows add up to ${ev.rhs}`,
      };
    });
  },
};

export default rule;
