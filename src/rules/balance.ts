// O1 (official): in every column of section 三, 一 + 二 = 三（七）总计 + 四 — the table's own 勾稽关系 note.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'balance',
  severity: 'error',
  messageId: 'rule.balance',
  cellsOnly: true,
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.balance.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const column = splitCellKey(rel.lhs[0]).column;
      return { messageId: 'balance.column', data: { version: v, column, lhs: ev.lhs, rhs: ev.rhs } };
    });
  },
};

export default rule;
