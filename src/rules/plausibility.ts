// Soft plausibility checks, each with its likelier explanation: a town or sub-district reporting 规章 (towns have no
// rule-making power); a 2019 处理决定数量 equal to 上一年项目数量 + 本年增/减 (looks like an item count); a total
// printed as 0 while its parts are not (the total was probably left unfilled, not the parts mistaken).
import type { Finding, Report } from '../model/report.js';
import { cellKeysOf, relationsWithPrefix } from '../model/relations.js';
import { relationsOfContext } from './lib/evaluate.js';
import { makeFinding, num, versionOf } from './lib/findings.js';
import type { Rule, RuleContext } from './rule.js';

/** 镇/乡/街道 as the reporting body (not 城乡建设局, 乡村振兴局 …): the name ends with the township level. */
export function isTownship(agency: string | null): boolean {
  if (!agency) return false;
  return /(?:镇|乡|街道)(?:人民政府|政府|办事处|街道办事处|办)?(?:办公室|党政办公室)?$/u.test(agency.replace(/\s+/g, ''));
}

function townRegulations(report: Report): Finding[] {
  if (!isTownship(report.agency)) return [];
  const keys = cellKeysOf(report).filter((k) => k.startsWith('art20_1/regulations/') && (num(report, k) ?? 0) > 0);
  if (keys.length === 0) return [];
  return [
    makeFinding(rule, report, {
      messageId: 'plausibility.townRegulations',
      data: { agency: report.agency ?? '' },
      cells: keys,
    }),
  ];
}

/** A 2019 处理决定数量 cell's key. */
const DECISIONS = /^art20_[56]\/[^/]+\/decisions$/;

function decisionsLookLikeItems(report: Report): Finding[] {
  const out: Finding[] = [];
  const v = versionOf(report);
  for (const k of cellKeysOf(report)) {
    if (!k.endsWith('/decisions') || !DECISIONS.test(k)) continue;
    const base = k.slice(0, -'decisions'.length);
    const [decisions, prior, change] = [
      num(report, k), num(report, `${base}priorYearItems`), num(report, `${base}changeThisYear`),
    ];
    if (decisions === undefined || prior === undefined || change === undefined || decisions === 0) continue;
    if (decisions !== prior + change) continue;
    out.push(makeFinding(rule, report, {
      messageId: 'plausibility.decisionsLikeItems',
      data: { version: v, key: k, decisions, prior, change },
      cells: [k, `${base}priorYearItems`, `${base}changeThisYear`],
    }));
  }
  return out;
}

function zeroTotals(ctx: RuleContext): Finding[] {
  const { report } = ctx;
  const out: Finding[] = [];
  // the two lists in turn (not a spread copy of both, made for every report)
  for (const rels of [relationsWithPrefix(report, 'T3.rowTotal.'), relationsWithPrefix(report, 'T4.')]) {
    for (const rel of rels) {
      if (num(report, rel.lhs[0]) !== 0) continue; // only totals printed as 0 concern this check
      const ev = relationsOfContext(ctx).evaluate(rel); // row-total and review-totals evaluated it already
      if (!ev || ev.holds || ev.rhs <= 0) continue;
      const v = versionOf(report);
      out.push(makeFinding(rule, report, {
        messageId: 'plausibility.zeroTotal',
        data: { version: v, key: rel.lhs[0], parts: ev.rhs },
        cells: ev.keys,
        expected: ev.rhs,
      }));
    }
  }
  return out;
}

const rule: Rule = {
  id: 'plausibility',
  severity: 'warning',
  messageId: 'rule.plausibility',
  cellsOnly: true,
  check(ctx) {
    const { report } = ctx;
    return [...townRegulations(report), ...decisionsLookLikeItems(report), ...zeroTotals(ctx)];
  },
};

export default rule;
