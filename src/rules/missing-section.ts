// A section of the six required ones (一 总体情况 … 六 其他需要报告的事项) was not found. Skipped for a truncated
// text, where the missing tail is explained by the cut.
import type { Finding } from '../model/report.js';
import { TEMPLATES } from '../model/template.js';
import { makeFinding, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'missing-section',
  severity: 'warning',
  messageId: 'rule.missing-section',
  check(ctx) {
    const { report } = ctx;
    if (report.truncated) return [];
    const out: Finding[] = [];
    const v = versionOf(report);
    for (const def of TEMPLATES[v].sections) {
      const s = report.sections.find((x) => x.no === def.no);
      if (s && s.source !== null) continue;
      out.push(
        makeFinding(rule, report, {
          messageId: 'missing-section.section',
          data: { version: v, no: def.no },
          cells: [],
        }),
      );
    }
    return out;
  },
};

export default rule;
