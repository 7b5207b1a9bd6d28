// A section of the six required ones (一 总体情况 … 六 其他需要报告的事项) was not found. Skipped for a truncated
// text, where the missing tail is explained by the cut.
import type { Finding } from '../model/report.js';
import { TEMPLATES } from '../model/template.js';
import { makeFinding, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'missing-section',
  severity: 'warning',
  description: '年度报告应包含六个部分，缺少其中一部分',
  descriptionEn: 'One of the six required sections is missing',
  check(ctx) {
    const { report } = ctx;
    if (report.truncated) return [];
    const out: Finding[] = [];
    for (const def of TEMPLATES[versionOf(report)].sections) {
      const s = report.sections.find((x) => x.no === def.no);
      if (s && s.source !== null) continue;
      out.push(makeFinding(rule, report, {
        message: `未找到第${'一二三四五六'[def.no - 1]}部分“${def.title.replace(/^.、/, '')}”`,
        messageEn: `Section ${def.no} (${def.key}) was not found`,
        cells: [],
      }));
    }
    return out;
  },
};

export default rule;
