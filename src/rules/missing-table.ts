// A lost table: none of a table group's cells (section 二, 三 or 四) were read, and the text is not truncated.
import type { Finding } from '../model/report.js';
import { GROUPS, presentIn } from './lib/tables.js';
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'missing-table',
  severity: 'error',
  messageId: 'rule.missing-table',
  check(ctx) {
    const { report } = ctx;
    if (report.truncated) return [];
    const out: Finding[] = [];
    for (const g of GROUPS) {
      if (presentIn(report, g).length > 0) continue;
      const seen = report.tables[g];
      out.push(
        makeFinding(rule, report, {
          messageId: seen ? 'missing-table.unread' : 'missing-table.lost',
          data: { group: g },
          cells: [],
        }),
      );
    }
    return out;
  },
};

export default rule;
