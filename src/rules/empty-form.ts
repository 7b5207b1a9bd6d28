// A blank template: the tables were read, and every cell is printed blank. Such a file is a form, not a filed
// report; blank-cell would say it once per row (dozens of warnings), this rule says it once, as an error
// (checkReport then drops the blank-cell warnings it explains).
import { cellsOf } from '../model/memo.js';
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

/** The number of blank cells when every cell read is blank (0 when there is no cell or any value). */
export function blankFormCells(report: Parameters<typeof cellsOf>[0]): number {
  const cells = cellsOf(report);
  if (cells.length === 0) return 0;
  for (const c of cells) if (c.value !== null) return 0;
  return cells.length;
}

const rule: Rule = {
  id: 'empty-form',
  severity: 'error',
  messageId: 'rule.empty-form',
  cellsOnly: true,
  check({ report }) {
    const blanks = blankFormCells(report);
    if (blanks === 0) return [];
    return [makeFinding(rule, report, { messageId: 'empty-form.blank', data: { blanks }, cells: [] })];
  },
};

export default rule;
