// D3: in section 四, each 总计 (行政复议, 未经复议直接起诉, 复议后起诉) equals 结果维持+结果纠正+其他结果+尚未审结.
import { relationsWithPrefix } from '../model/relations.js';
import { checkRelations } from './lib/evaluate.js';
import { REVIEW_GROUPS } from './lib/labels.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'review-totals',
  severity: 'error',
  description: '第四部分表格：各组总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  descriptionEn: 'Section 4: each total equals upheld + corrected + other + pending',
  check(ctx) {
    const rels = relationsWithPrefix(ctx.report, 'T4.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const group = rel.id.split('.')[1];
      return {
        message: `第四部分表格${REVIEW_GROUPS[group] ?? group}总计为${ev.lhs}，但结果维持+结果纠正+其他结果+尚未审结=${ev.rhs}`,
        messageEn: `Section 4, ${group}: total is ${ev.lhs} but upheld + corrected + other + pending = ${ev.rhs}`,
      };
    });
  },
};

export default rule;
