// D3: in section 四, each 总计 (行政复议, 未经复议直接起诉, 复议后起诉) equals 结果维持+结果纠正+其他结果+尚未审结.
import { relationsWithPrefix } from '../model/relations.js';
import { checkRelations } from './lib/evaluate.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'review-totals',
  severity: 'error',
  messageId: 'rule.review-totals',
  cellsOnly: true,
  check(ctx) {
    const rels = relationsWithPrefix(ctx.report, 'T4.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const group = rel.id.split('.')[1];
      return { messageId: 'review-totals.group', data: { group, lhs: ev.lhs, rhs: ev.rhs } };
    });
  },
};

export default rule;
