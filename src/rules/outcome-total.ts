// D1: in every column of section 三, （七）总计 equals the sum of all outcome rows （一）…（六）. With a single
// （六）其他处理 row (2019 layout, or a 2021 report that prints it so) that row counts; otherwise its three items.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'outcome-total',
  severity: 'error',
  messageId: 'rule.outcome-total',
  cellsOnly: true,
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.outcomeTotal.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const column = splitCellKey(rel.lhs[0]).column;
      return { messageId: 'outcome-total.column', data: { version: v, column, lhs: ev.lhs, rhs: ev.rhs } };
    });
  },
};

export default rule;
