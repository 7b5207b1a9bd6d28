// Cases for missing-section.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'all six sections', report: makeReport() },
    { name: 'truncated text: the tail is explained', report: makeReport({ missingSections: [5, 6], truncated: true }) },
  ],
  invalid: [
    {
      name: 'section 三 heading lost (seed 004)',
      report: makeReport({ missingSections: [3] }),
      expect: { count: 1, severity: 'warning', messageIncludes: '第三部分' },
    },
    {
      name: 'sections 五 and 六 missing',
      report: makeReport({ missingSections: [5, 6] }),
      expect: { count: 2 },
    },
  ],
};

export default cases;
