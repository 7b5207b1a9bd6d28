// A report cut short whose tables went with the cut: the text ends before section 六 and a table group has no
// cell. missing-table stays silent on a truncated text (the cut explains the loss); this rule is what keeps such
// a file from passing: its tables cannot be checked, and an officer must get the whole file.
import { makeFinding } from './lib/findings.js';
import { GROUPS, presentIn } from './lib/tables.js';
import type { Rule } from './rule.js';
import { isNotAReport } from './not-a-report.js';

const rule: Rule = {
  id: 'truncated',
  severity: 'error',
  messageId: 'rule.truncated',
  check({ report }) {
    if (!report.truncated || isNotAReport(report)) return [];
    const gone = GROUPS.filter((g) => presentIn(report, g).length === 0);
    if (gone.length === 0) return [];
    return [makeFinding(rule, report, { messageId: 'truncated.tablesGone', data: { groups: gone }, cells: [] })];
  },
};

export default rule;
