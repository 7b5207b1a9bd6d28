// G1 (conditional): the official table has no subtotal for （三）不予公开, （四）无法提供, （五）不予处理 or (2021)
// （六）其他处理; when a report prints one anyway, it must equal the sum of the group's numbered items.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'group-subtotal',
  severity: 'error',
  messageId: 'rule.group-subtotal',
  cellsOnly: true,
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.groupSubtotal.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const { row, column } = splitCellKey(rel.lhs[0]);
      return { messageId: 'group-subtotal.cell', data: { version: v, row, column, lhs: ev.lhs, rhs: ev.rhs } };
    });
  },
};

export default rule;
