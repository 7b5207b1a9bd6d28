// One defect, one finding: what checkReport keeps of the rules' findings. Each rule looks at the report alone;
// here the findings are looked at together.
import type { Finding, RuleId } from '../../model/report.js';

/** Rules that, when they fire, say all there is to say: the other rules' findings are noise on such a file. */
const ALONE: RuleId[] = ['not-a-report'];
/** Findings a rule's finding makes redundant, by rule. */
const EXPLAINS: Partial<Record<RuleId, RuleId[]>> = { 'empty-form': ['blank-cell'] };

const cellSet = (f: Finding): string => f.cells.map((c) => c.key).sort().join('\u0000');

/** The failures a misfiled diagnosis explains: its family's findings on its two columns. */
function explainedByMisfiled(f: Finding, misfiled: Finding[]): boolean {
  const column = f.data.column;
  return misfiled.some((m) => m.data.family === f.ruleId && (column === m.data.plus || column === m.data.minus));
}

export function oneDefectOneFinding(findings: Finding[]): Finding[] {
  const alone = findings.filter((f) => ALONE.includes(f.ruleId));
  if (alone.length) return alone;
  const fired = new Set(findings.map((f) => f.ruleId));
  const dropped = new Set<RuleId>([...fired].flatMap((id) => EXPLAINS[id] ?? []));
  const misfiled = findings.filter((f) => f.ruleId === 'misfiled');
  // (the cell sets are sorted joins: made only when there are errors with cells to compare warnings with)
  const errors = findings.filter((f) => f.severity === 'error' && f.cells.length > 0);
  const errorCells = errors.length ? new Set(errors.map(cellSet)) : null;
  return findings.filter((f) => {
    if (dropped.has(f.ruleId)) return false;
    if (misfiled.length && f.ruleId !== 'misfiled' && explainedByMisfiled(f, misfiled)) return false;
    // a warning on exactly the cells of an error repeats it (e.g. a total printed 0 that row-total already names)
    return !(errorCells && f.severity === 'warning' && f.cells.length > 0 && errorCells.has(cellSet(f)));
  });
}
