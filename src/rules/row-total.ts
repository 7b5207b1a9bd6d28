// D2: in every row of section 三, 总计 equals 自然人 plus the five 法人或其他组织 columns.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'row-total',
  severity: 'error',
  messageId: 'rule.row-total',
  cellsOnly: true,
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.rowTotal.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const row = splitCellKey(rel.lhs[0]).row;
      return { messageId: 'row-total.row', data: { version: v, row, lhs: ev.lhs, rhs: ev.rhs } };
    });
  },
};

export default rule;
