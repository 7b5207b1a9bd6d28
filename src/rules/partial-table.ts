// Some rows of a present table are missing (or have missing cells): lists them. A table group with no cells at
// all is missing-table's business, not this rule's.
import type { Finding } from '../model/report.js';
import { columnLabel, rowLabel, tableLabel } from './lib/labels.js';
import { GROUPS, GROUP_LABELS, presentIn, rowGaps, type RowGap } from './lib/tables.js';
import { makeFinding, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';

function partsEn(whole: RowGap[], part: RowGap[]): string {
  const out: string[] = [];
  if (whole.length) out.push(`${whole.length} row(s) missing (${whole.map((g) => `${g.table}/${g.row}`).join(', ')})`);
  if (part.length) out.push(`${part.length} row(s) incomplete (${part.map((g) => `${g.table}/${g.row}`).join(', ')})`);
  return out.join('; ');
}

const rule: Rule = {
  id: 'partial-table',
  severity: 'warning',
  description: '表格不完整：部分行或单元格缺失',
  descriptionEn: 'Incomplete table: some rows or cells are missing',
  check(ctx) {
    const { report } = ctx;
    const v = versionOf(report);
    const out: Finding[] = [];
    const name = (g: RowGap): string =>
      g.table === 'reviewLitigation' ? '复议诉讼数据行' : `${g.table.startsWith('art20_') ? tableLabel(v, g.table) : ''}“${rowLabel(v, g.table, g.row)}”`;
    for (const group of GROUPS) {
      if (presentIn(report, group).length === 0) continue;
      const gaps = rowGaps(report, group);
      if (gaps.length === 0) continue;
      const whole = gaps.filter((g) => g.whole);
      const part = gaps.filter((g) => !g.whole);
      const parts: string[] = [];
      if (whole.length) parts.push(`缺少${whole.length}行：${whole.map(name).join('、')}`);
      if (part.length)
        parts.push(`${part.length}行不完整：${part.map((g) => `${name(g)}缺${g.missing.map((k) => columnLabel(v, g.table, k.split('/')[2])).join('、')}`).join('；')}`);
      const cut = report.truncated ? '（正文被截断）' : '';
      out.push(makeFinding(rule, report, {
        message: `${GROUP_LABELS[group].zh}的表格不完整${cut}：${parts.join('；')}`,
        messageEn: `The table of ${GROUP_LABELS[group].en} is incomplete: ${partsEn(whole, part)}`,
        cells: gaps.flatMap((g) => g.missing),
      }));
    }
    return out;
  },
};

export default rule;
