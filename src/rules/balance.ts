// O1 (official): in every column of section 三, 一 + 二 = 三（七）总计 + 四 — the table's own 勾稽关系 note.
import { relationsWithPrefix } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { columnLabel, ordinal } from './lib/labels.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const COLUMNS = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicWelfareOrg', 'legalServiceOrg', 'otherOrg', 'total'];

const rule: Rule = {
  id: 'balance',
  severity: 'error',
  description: '第三部分表格每一列：第一项加第二项之和，等于第三项加第四项之和',
  descriptionEn: 'Section 3, every column: new + carried over = outcome total + carried forward',
  check(ctx) {
    const v = versionOf(ctx.report);
    const rels = relationsWithPrefix(ctx.report, 'T3.balance.');
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const col = splitCellKey(rel.lhs[0]).column;
      return {
        message: `第三部分表格第${ordinal(COLUMNS.indexOf(col) + 1)}列（${columnLabel(v, 'applications', col)}）不平衡：一+二=${ev.lhs}，三+四=${ev.rhs}`,
        messageEn: `Section 3, column ${col} does not balance: new + carried over = ${ev.lhs}, outcome total + carried forward = ${ev.rhs}`,
      };
    });
  },
};

export default rule;
