// S4 (2019 format): 本年新公开数量 should not exceed 对外公开总数量, reading the latter as cumulative.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'published-le-total',
  severity: 'warning',
  messageId: 'rule.published-le-total',
  cellsOnly: true,
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T2.published.le.total.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const row = splitCellKey(rel.lhs[0]).row;
      return { messageId: 'published-le-total.row', data: { version: v, row, lhs: ev.lhs, rhs: ev.rhs } };
    });
  },
};

export default rule;
