// Decides the template version from the labels printed (本年制发件数 vs 本年新制作数量, 第二十条第（九）项,
// the split （六）其他处理), cross-checked with the year; a 2021-or-later report in the 2019 layout stays 2019.
import type { Diagnostic } from '../model/report.js';
import type { TemplateVersion } from '../model/template.js';
import type { Walk } from './walk.js';

export function decideVersion(walk: Walk, year: number | null, anyTable: boolean): {
  version: TemplateVersion | null;
  evidence: string[];
  diagnostics: Diagnostic[];
} {
  const votes = { '2019': 0, '2021': 0 };
  const evidence: string[] = [];
  for (const e of walk.evidence) {
    votes[e.version]++;
    const tag = `${e.version}: ${e.what}`;
    if (!evidence.includes(tag)) evidence.push(tag);
  }
  const byYear: TemplateVersion | null = year === null ? null : year <= 2020 ? '2019' : '2021';
  let version: TemplateVersion | null;
  if (!anyTable) version = null;
  else if (votes['2019'] || votes['2021']) {
    version = votes['2019'] > votes['2021'] ? '2019' : votes['2021'] > votes['2019'] ? '2021' : byYear ?? '2021';
  }
  else version = anyTable ? byYear ?? '2021' : null;
  const diagnostics: Diagnostic[] = [];
  if (version && byYear && version !== byYear && (votes['2019'] || votes['2021']))
    diagnostics.push({
      code: 'layout-year-mismatch', severity: 'warning',
      message: `${year}年度报告使用了${version}版表格格式（依据：${evidence.join('；')}），按${version}版读取。`,
      messageEn: `a ${year} report printed in the ${version} table layout (${evidence.join('; ')}); read as ${version}`,
    });
  return { version, evidence, diagnostics };
}
