// The findings a previous year adds to a report's own: checkReport(report, previous) computed from
// checkReport(report) and the rules that read ctx.previous — the cross-year rule, the only one — instead of every
// rule again. For callers that hold a report's own findings already: the import checks each report alone in its
// worker threads and learns only later, on the main thread, which reports have a stored previous year.
//
// Why the result is checkReport's: the other rules do not read ctx.previous, so their findings are the same with or
// without it; one-defect-one-finding (merge.ts) filters the union again (the cross-year findings name `prev:`
// cells, which no within-report finding does, so they drop nothing of the report's own); and the order is
// checkReport's — by severity, then by rule in ALL_RULES order, then as each rule gave them.
// test/rules-previous-year.test.ts compares the two on generated pairs of years.
import type { Finding, Report, Severity } from '../../model/report.js';
import { withCellKeys } from '../../model/relations.js';
import crossYear from '../cross-year.js';
import { ALL_RULES } from '../index.js';
import { oneDefectOneFinding } from './merge.js';
import type { Rule } from '../rule.js';

/** The rules that read ctx.previous: with no previous year they find nothing. */
export const PREVIOUS_YEAR_RULES: readonly Rule[] = [crossYear];

/** checkReport's order of severities */
const SEVERITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

let ruleRank: Map<string, number> | undefined; // each rule's place in ALL_RULES, made on first use

/**
 * checkReport(report, previous), given `own` = checkReport(report) (the same report, not changed since): only the
 * previous-year rules run.
 */
export function withPreviousYear(report: Report, previous: Report, own: Finding[]): Finding[] {
  const added = withCellKeys(report, () => PREVIOUS_YEAR_RULES.flatMap((r) => r.check({ report, previous })));
  if (added.length === 0) return own;
  const rank = (ruleRank ??= new Map(ALL_RULES.map((r, i) => [r.id, i])));
  // own is in checkReport's order; the added findings come after it within one rule (there are none of theirs
  // in own): a stable sort by severity and rule puts every finding where checkReport puts it
  return oneDefectOneFinding([...own, ...added]).map((f, i) => ({ f, i })).sort((a, b) =>
    SEVERITY[a.f.severity] - SEVERITY[b.f.severity] || rank.get(a.f.ruleId)! - rank.get(b.f.ruleId)! || a.i - b.i,
  ).map((x) => x.f);
}
