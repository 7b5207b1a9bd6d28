// Some rows of a present table are missing (or have missing cells): lists them. A table group with no cells at
// all is missing-table's business, not this rule's.
import type { Finding } from '../model/report.js';
import { GROUPS, presentIn, rowGaps } from './lib/tables.js';
import { makeFinding, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'partial-table',
  severity: 'warning',
  messageId: 'rule.partial-table',
  cellsOnly: true,
  check(ctx) {
    const { report } = ctx;
    const v = versionOf(report);
    const out: Finding[] = [];
    for (const group of GROUPS) {
      if (presentIn(report, group).length === 0) continue;
      const gaps = rowGaps(report, group);
      if (gaps.length === 0) continue;
      const whole = gaps.filter((g) => g.whole);
      const part = gaps.filter((g) => !g.whole);
      out.push(makeFinding(rule, report, {
        messageId: 'partial-table.rows',
        data: {
          version: v, group, truncated: report.truncated,
          whole: whole.map((g) => `${g.table}/${g.row}`),
          part: part.map((g) => ({ row: `${g.table}/${g.row}`, columns: g.missing.map((k) => k.split('/')[2]) })),
        },
        cells: gaps.flatMap((g) => g.missing),
      }));
    }
    return out;
  },
};

export default rule;
