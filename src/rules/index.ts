// The rules layer: every check, and checkReport() to run them all on a report (optionally against last year's).
//
// Coverage of the strict (error-level) rules, for the property "any single cell changed ⇒ an error naming it":
// - every section 三 (applications) cell is in exactly one row-total equation (D2), and the outcome, carried-over,
//   carried-forward and new-received cells are also in the outcome-total (D1) and balance (O1) equations;
// - every section 四 (review) cell is in its group's total equation (D3);
// - a printed group subtotal is in its G1 equation and its own row total;
// - section 二 (art20_*) cells are in no strict equation: only the domain rule (≥ 0, integer) constrains them, so
//   changing one to another non-negative integer (or, for amounts, decimal) cannot be detected within a report.
//   The soft cross-year and S4 checks may notice it, as warnings.
// A changed value therefore always breaks an equation it appears in with coefficient 1, since the others stay put.
import type { Finding, Report, Severity } from '../model/report.js';
import type { Rule, RuleContext } from './rule.js';
import { cellKeysOf, withCellKeys } from '../model/memo.js';
import balance from './balance.js';
import blankCell from './blank-cell.js';
import crossYear from './cross-year.js';
import domain from './domain.js';
import groupSubtotal from './group-subtotal.js';
import missingSection from './missing-section.js';
import missingTable from './missing-table.js';
import narrativeVsTable from './narrative-vs-table.js';
import outcomeTotal from './outcome-total.js';
import partialTable from './partial-table.js';
import plausibility from './plausibility.js';
import publishedLeTotal from './published-le-total.js';
import reviewTotals from './review-totals.js';
import rowTotal from './row-total.js';
import templateYear from './template-year.js';
import titlePattern from './title-pattern.js';
import notAReport from './not-a-report.js';
import truncated from './truncated.js';
import emptyForm from './empty-form.js';
import misfiled from './misfiled.js';
import { oneDefectOneFinding } from './lib/merge.js';
import yearMismatch from './year-mismatch.js';
import otherYearFigures from './other-year-figures.js';

export type { Rule, RuleContext } from './rule.js';

export const ALL_RULES: readonly Rule[] = [
  notAReport, truncated, emptyForm, misfiled, balance, outcomeTotal, rowTotal, reviewTotals, groupSubtotal, domain,
  missingTable, blankCell, missingSection, partialTable, templateYear, narrativeVsTable, plausibility, crossYear,
  publishedLeTotal, titlePattern, yearMismatch, otherYearFigures,
];

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Run every rule; one defect gives one finding (lib/merge.ts: a file that is no report or a blank form is said
 * once, a named diagnosis replaces the failures it explains, a warning repeating an error is dropped); findings
 * sorted errors first, then warnings, then info (stable within a level).
 */
export function checkReport(report: Report, previous?: Report): Finding[] {
  // the cells do not change while the rules run: list their keys once for all of them; one context for all rules,
  // so that they share its relations, evaluated once (lib/evaluate.ts relationsOfContext)
  const ctx: RuleContext = { report, previous };
  const findings = oneDefectOneFinding(withCellKeys(report, () => runAll(ctx)));
  return bySeverity(findings);
}

/** Errors, then warnings, then info, each level in the order given (a stable sort by ORDER, in one pass). */
function bySeverity(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const levels: Finding[][] = [[], [], []];
  for (const f of findings) levels[ORDER[f.severity]].push(f);
  return levels[0].concat(levels[1], levels[2]);
}

/**
 * Every rule's findings in rule order (a loop: flatMap's generic flattening cost more than most rules). On a report
 * with no cell the rules that read only cells find nothing (Rule.cellsOnly) and are not run: half the corpus reports
 * have no table read, and for them those rules and the relations they set up were most of checkReport's time
 * (2,000 corpus reports, one process: checkReport 314 → 263 ms in all; `check --json` 9.52 → 9.39 G instructions
 * under callgrind, bench/corpus-throughput.mjs's fastest round 2.47 → 2.37 s).
 */
function runAll(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const noCells = cellKeysOf(ctx.report).length === 0;
  for (const rule of ALL_RULES) {
    if (noCells && rule.cellsOnly) continue;
    const found = rule.check(ctx);
    for (let i = 0; i < found.length; i++) out.push(found[i]);
  }
  return out;
}

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
