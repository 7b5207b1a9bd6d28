// Cross-year soft checks against the same agency's report for the year before (ctx.previous): S1 上年结转 =
// last year's 结转下年度继续办理 (every column); S2 (2021) 现行有效件数 ≈ last year's + 本年制发 − 本年废止;
// S3 (2019 format, 2019→2020) 上一年项目数量 ≈ last year's 上一年项目数量 + 本年增/减. Warnings: bodies restate.
import { agencyKey } from '../model/agency-key.js';
import type { Report } from '../model/report.js';
import { relationsFor } from '../model/relations.js';
import { checkRelations } from './lib/evaluate.js';
import { versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

function sameAgency(a: Report, b: Report): boolean {
  if (!a.agency || !b.agency) return true; // the caller paired them; nothing to contradict it
  return agencyKey(a.agency) === agencyKey(b.agency); // one body, one identity: 淮安市洪泽区人民政府 = 洪泽区政府
}

const rule: Rule = {
  id: 'cross-year',
  severity: 'warning',
  messageId: 'rule.cross-year',
  cellsOnly: true,
  check(ctx) {
    const { report, previous } = ctx;
    if (!previous || report.year === null || previous.year !== report.year - 1 ||
      !sameAgency(report, previous)) return [];
    const v = versionOf(report);
    const py = previous.year;
    const rels = relationsFor(report).filter((r) => r.scope === 'crossYear' &&
      (!r.id.startsWith('T2.crossYear.items.') || versionOf(previous) === '2019'));
    return checkRelations(rule, ctx, rels, (rel, ev) => {
      const data = { version: v, key: rel.lhs[0], previousYear: py, lhs: ev.lhs, rhs: ev.rhs };
      if (rel.id.startsWith('T3.crossYear.carry.')) return { messageId: 'cross-year.carry', data };
      if (rel.id.startsWith('T2.crossYear.valid.')) return { messageId: 'cross-year.valid', data };
      return { messageId: 'cross-year.items', data };
    });
  },
};

export default rule;
