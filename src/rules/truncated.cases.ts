// Cases for truncated: the text ends before section 六 and tables went with it.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'a complete report', report: makeReport() },
    {
      name: 'cut after the tables (every table group read)',
      report: makeReport({ truncated: true, missingSections: [6] }),
    },
    { name: 'tables lost but not cut (missing-table says so)', report: makeReport({ base: 'empty' }) },
  ],
  invalid: [
    {
      name: 'cut before any table',
      report: makeReport({ base: 'empty', truncated: true, missingSections: [2, 3, 4, 5, 6] }),
      expect: { count: 1, severity: 'error', messageIncludes: '第二部分' },
    },
    {
      name: 'cut inside section 三: section 四 gone',
      report: makeReport({ omit: /^reviewLitigation\//, truncated: true, missingSections: [4, 5, 6] }),
      expect: { count: 1, severity: 'error', messageIncludes: '第四部分' },
    },
  ],
};

export default cases;
