// A named diagnosis: a number entered in the wrong column of table 三. The rows' 总计 all hold, the 总计 column
// balances, and exactly two applicant columns are off against their column sums by +n and −n (balance, or
// （七）总计 against the outcome rows). That is one defect — n cases filed under the wrong applicant — not two
// bare failures; checkReport drops the balance / outcome-total findings this one explains.
import type { Finding, Report } from '../model/report.js';
import { relationsWithPrefix, type Relation } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { relationsOfContext } from './lib/evaluate.js';
import { makeFinding, num, sameNumber, versionOf } from './lib/findings.js';
import type { Rule, RuleContext } from './rule.js';

type Family = 'balance' | 'outcome-total';
const PREFIX: Record<Family, string> = { balance: 'T3.balance.', 'outcome-total': 'T3.outcomeTotal.' };

interface Off { column: string; diff: number; rel: Relation }

/** Rows whose cell could hold the misfiled n: a row of the sum side that has ≥ n where n went (minus side). */
function candidateRows(report: Report, rel: Relation, plus: string, minus: string, n: number): string[] {
  const rows = new Set<string>();
  const at = (key: string, column: string) => key.replace(/\/[^/]+$/, `/${column}`);
  // lhs rows printed n too many in `plus`, or rhs rows printed n too many in `minus` (the sign of diff = lhs − rhs)
  for (const k of rel.lhs) if ((num(report, at(k, plus)) ?? 0) >= n) rows.add(splitCellKey(k).row);
  for (const k of rel.rhs) if ((num(report, at(k, minus)) ?? 0) >= n) rows.add(splitCellKey(k).row);
  return [...rows];
}

function diagnose(ctx: RuleContext, family: Family): Finding[] {
  const { report } = ctx;
  // the same relations as the balance, outcome-total and row-total rules: evaluated once for all of them
  const evaluated = relationsOfContext(ctx);
  const rels = relationsWithPrefix(report, PREFIX[family]);
  if (rels.length === 0 || rels.every((r) => evaluated.nothingToReport(r))) return [];
  // every row of table 三 whose 总计 is printed must hold: otherwise a single cell is wrong, not misfiled
  if (!relationsWithPrefix(report, 'T3.rowTotal.').every((r) => evaluated.nothingToReport(r))) return [];
  const off: Off[] = [];
  for (const rel of rels) {
    const ev = evaluated.evaluate(rel);
    if (!ev) return [];
    if (ev.holds) continue;
    if (ev.blanks.length > 0) return []; // a blank may be the fault: no diagnosis
    off.push({ column: splitCellKey(rel.lhs[0]).column, diff: ev.lhs - ev.rhs, rel });
  }
  if (off.length !== 2 || off.some((o) => o.column === 'total')) return [];
  const [a, b] = off;
  if (!sameNumber(a.diff, -b.diff)) return [];
  const [plus, minus] = a.diff > 0 ? [a, b] : [b, a];
  const amount = plus.diff;
  const rows = candidateRows(report, plus.rel, plus.column, minus.column, amount);
  return [makeFinding(rule, report, {
    messageId: 'misfiled.columns',
    data: {
      version: versionOf(report), family, table: 'applications', plus: plus.column, minus: minus.column, amount, rows,
    },
    cells: [...plus.rel.lhs, ...plus.rel.rhs, ...minus.rel.lhs, ...minus.rel.rhs],
  })];
}

const rule: Rule = {
  id: 'misfiled',
  severity: 'error',
  messageId: 'rule.misfiled',
  cellsOnly: true,
  check(ctx) {
    return [...diagnose(ctx, 'outcome-total'), ...diagnose(ctx, 'balance')];
  },
};

export default rule;
