// Cases for missing-table: a lost table (no value of a table group read, text not truncated).
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'all three tables', report: makeReport() },
    { name: 'truncated before the tables', report: makeReport({ base: 'empty', truncated: true }) },
    {
      name: 'one row of each table is enough',
      report: makeReport({ omit: /^(art20_[568]|applications\/(?!newReceived)|reviewLitigation\/cases\/review)/ }),
    },
  ],
  invalid: [
    {
      name: 'all three tables missing (seed 003)',
      report: makeReport({ base: 'empty' }),
      expect: { count: 3, severity: 'error', messageIncludes: '第二部分' },
    },
    {
      name: 'section 四 table seen but unreadable',
      report: makeReport({ omit: /^reviewLitigation\//, tables: { review: true } }),
      expect: { count: 1, messageIncludes: '未能读出任何数值' },
    },
  ],
};

export default cases;
