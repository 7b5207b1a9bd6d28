// D4, domains: every number is ≥ 0 except the 2019 本年增/减 columns (signed); every number is an integer except
// the amounts (2021 art20_8/fees/amount 本年收费金额, 2019 art20_9/centralizedProcurement/totalAmount 采购总金额).
import type { Finding } from '../model/report.js';
import { TEMPLATES, type ColumnDef } from '../model/template.js';
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
  messageId: 'rule.domain',
  cellsOnly: true,
  check(ctx) {
    const { report } = ctx;
    const v = versionOf(report);
    const out: Finding[] = [];
    for (const cell of cellsOf(report)) {
      const value = cell.value;
      // most cells are whole, non-negative numbers: the column's type is looked up only for the others
      if (value === null || (value >= 0 && Number.isInteger(value))) continue;
      const type = columnDef(cell.table, cell.column)?.valueType ?? 'integer';
      const key = cell.key;
      if (!Number.isFinite(value))
        out.push(makeFinding(rule, report, { messageId: 'domain.notFinite', data: { version: v, key }, cells: [key] }));
      else if (value < 0 && type !== 'signedInteger')
        out.push(
          makeFinding(rule, report, { messageId: 'domain.negative', data: { version: v, key, value }, cells: [key] }),
        );
      else if (!Number.isInteger(value) && type !== 'decimal')
        out.push(
          makeFinding(rule, report, { messageId: 'domain.notInteger', data: { version: v, key, value }, cells: [key] }),
        );
    }
    return out;
  },
};

export default rule;
