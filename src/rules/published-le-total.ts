// S4 (2019 format): 本年新公开数量 should not exceed 对外公开总数量, reading the latter as cumulative.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { rowLabel } from './lib/labels.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'published-le-total',
  severity: 'warning',
  description: '第二十条第（一）项：本年新公开数量不应超过对外公开总数量',
  descriptionEn: 'Art. 20(1): newly published should not exceed total published',
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T2.published.le.total.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const row = splitCellKey(rel.lhs[0]).row;
      return {
        message: `第二十条第（一）项“${rowLabel(v, 'art20_1', row)}”本年新公开数量${ev.lhs}大于对外公开总数量${ev.rhs}`,
        messageEn: `Art. 20(1), ${row}: newly published ${ev.lhs} exceeds total published ${ev.rhs}`,
      };
    });
  },
};

export default rule;
