// Cross-year soft checks against the same agency's report for the year before (ctx.previous): S1 上年结转 =
// last year's 结转下年度继续办理 (every column); S2 (2021) 现行有效件数 ≈ last year's + 本年制发 − 本年废止;
// S3 (2019 format, 2019→2020) 上一年项目数量 ≈ last year's 上一年项目数量 + 本年增/减. Warnings: bodies restate.
import type { Report } from '../model/report.js';
import { relationsFor } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { checkRelations } from './lib/evaluate.js';
import { cellText } from './lib/labels.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

function sameAgency(a: Report, b: Report): boolean {
  if (!a.agency || !b.agency) return true; // the caller paired them; nothing to contradict it
  return a.agency.replace(/\s+/g, '') === b.agency.replace(/\s+/g, '');
}

const rule: Rule = {
  id: 'cross-year',
  severity: 'warning',
  description: '与上一年度报告衔接：上年结转、现行有效件数、项目数量',
  descriptionEn: "Continuity with last year's report: carried-over applications, documents in force, item counts",
  check(ctx) {
    const { report, previous } = ctx;
    if (!previous || report.year === null || previous.year !== report.year - 1 || !sameAgency(report, previous)) return [];
    const v = versionOf(report);
    const py = previous.year;
    const rels = relationsFor(report).filter((r) => r.scope === 'crossYear' && (!r.id.startsWith('T2.crossYear.items.') || versionOf(previous) === '2019'));
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const where = cellText(v, rel.lhs[0]);
      if (rel.id.startsWith('T3.crossYear.carry.'))
        return {
          message: `${where}（上年结转）为${ev.lhs}，但${py}年报告的“结转下年度继续办理”为${ev.rhs}`,
          messageEn: `${rel.lhs[0]} (carried over) is ${ev.lhs}, but the ${py} report carried forward ${ev.rhs}`,
        };
      if (rel.id.startsWith('T2.crossYear.valid.'))
        return {
          message: `${where}为${ev.lhs}，但${py}年现行有效件数加本年制发、减本年废止为${ev.rhs}`,
          messageEn: `${rel.lhs[0]} is ${ev.lhs}, but last year's documents in force + made − repealed = ${ev.rhs}`,
        };
      return {
        message: `${where}为${ev.lhs}，但${py}年报告的上一年项目数量加本年增/减为${ev.rhs}`,
        messageEn: `${rel.lhs[0]} is ${ev.lhs}, but the ${py} report's prior-year items + change = ${ev.rhs} (row ${splitCellKey(rel.lhs[0]).row})`,
      };
    });
  },
};

export default rule;
