// Blank is not zero: a cell printed blank where a number belongs. One warning per table row, naming its blanks.
// (Relations count a blank as 0, and report a failure that involves a blank as a warning.)
import type { Cell, Finding } from '../model/report.js';
import { columnLabel, rowLabel, tableLabel } from './lib/labels.js';
import { makeFinding, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';
import { cellsOf } from '../model/relations.js';

const rule: Rule = {
  id: 'blank-cell',
  severity: 'warning',
  description: '应填数字的单元格为空白（空白不等于0）',
  descriptionEn: 'A cell is blank where a number belongs (blank is not zero)',
  check(ctx) {
    const { report } = ctx;
    const v = versionOf(report);
    const rows = new Map<string, Cell[]>();
    for (const cell of cellsOf(report)) {
      if (cell.value !== null) continue;
      const id = `${cell.table}/${cell.row}`;
      rows.set(id, [...(rows.get(id) ?? []), cell]);
    }
    const out: Finding[] = [];
    for (const cells of rows.values()) {
      const { table, row } = cells[0];
      const cols = cells.map((c) => columnLabel(v, table, c.column)).join('、');
      const where = table === 'reviewLitigation' ? tableLabel(v, table) : `${tableLabel(v, table)}“${rowLabel(v, table, row)}”行`;
      out.push(makeFinding(rule, report, {
        message: `${where}有${cells.length}个单元格为空白（${cols}）；空白不等于0，应填写数字`,
        messageEn: `${table}/${row}: ${cells.length} blank cell(s) (${cells.map((c) => c.column).join(', ')}); blank is not zero`,
        cells: cells.map((c) => c.key),
      }));
    }
    return out;
  },
};

export default rule;
