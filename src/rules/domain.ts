// D4, domains: every number is ≥ 0 except the 2019 本年增/减 columns (signed); every number is an integer except
// the amounts (2021 art20_8/fees/amount 本年收费金额, 2019 art20_9/centralizedProcurement/totalAmount 采购总金额).
import type { Finding } from '../model/report.js';
import { TEMPLATES, type ColumnDef } from '../model/template.js';
import { cellText, cellTextEn } from './lib/labels.js';
import { makeFinding, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';
import { cellsOf } from '../model/relations.js';

/** The column definition of a cell in either template (column keys do not clash between them). */
const columnDefs = new Map<string, Map<string, ColumnDef | undefined>>();

function columnDef(table: string, column: string): ColumnDef | undefined {
  let byColumn = columnDefs.get(table);
  if (!byColumn) columnDefs.set(table, (byColumn = new Map()));
  if (!byColumn.has(column)) byColumn.set(column, findColumnDef(table, column));
  return byColumn.get(column);
}

function findColumnDef(table: string, column: string): ColumnDef | undefined {
  for (const v of ['2021', '2019'] as const) {
    const c = TEMPLATES[v].tables.find((t) => t.key === table)?.columns.find((x) => x.key === column);
    if (c) return c;
  }
  return undefined;
}

const rule: Rule = {
  id: 'domain',
  severity: 'error',
  description: '数值范围：除2019年格式“本年增/减”外不得为负数；除金额外应为整数',
  descriptionEn: 'Domains: non-negative except the 2019 change columns; integers except amounts',
  check(ctx) {
    const { report } = ctx;
    const v = versionOf(report);
    const out: Finding[] = [];
    for (const cell of cellsOf(report)) {
      const value = cell.value;
      // most cells are whole, non-negative numbers: the column's type is looked up only for the others
      if (value === null || (value >= 0 && Number.isInteger(value))) continue;
      const type = columnDef(cell.table, cell.column)?.valueType ?? 'integer';
      // the cell's name is built only for a finding: this loop runs over every cell of every report
      const where = (): string => cellText(v, cell.key);
      if (!Number.isFinite(value))
        out.push(makeFinding(rule, report, { message: `${where()}的数值无效`, messageEn: `${cellTextEn(cell.key)} is not a finite number`, cells: [cell.key] }));
      else if (value < 0 && type !== 'signedInteger')
        out.push(makeFinding(rule, report, {
          message: `${where()}为${value}，不应为负数`,
          messageEn: `${cellTextEn(cell.key)} is ${value}; it cannot be negative`,
          cells: [cell.key],
        }));
      else if (!Number.isInteger(value) && type !== 'decimal')
        out.push(makeFinding(rule, report, {
          message: `${where()}为${value}，应为整数（件数、项数不能有小数）`,
          messageEn: `${cellTextEn(cell.key)} is ${value}; counts must be whole numbers`,
          cells: [cell.key],
        }));
    }
    return out;
  },
};

export default rule;
