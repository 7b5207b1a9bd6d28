// What the table assembler's parts share (assemble.ts, assemble-orphans.ts, assemble-review.ts, placement.ts):
// a row read, the row sums of a table, the column relations of table 三, the diagnostics and reasons they write.
import type { Cell, Diagnostic, DiagnosticCode } from '../model/report.js';
import { cellKey, type TableDef } from '../model/template.js';
import type { Candidate, RowSum, TableSum } from './align.js';
import type { Token } from './tokens.js';

export interface Assembled { cells: Cell[]; diagnostics: Diagnostic[] }

/** A row read. Every site sets `reason` (undefined when there is none): one hidden class for V8 (walk.ts says why). */
export interface RowRead {
  row: string;
  tokens: (Token | null)[];
  values: Candidate;
  how: Cell['how'];
  reason: string | undefined;
}

const rowSumsMemo = new WeakMap<TableDef, RowSum[]>();

/** Row sums within one row, by column index (computed once per table definition). */
export function rowSums(table: TableDef): RowSum[] {
  let sums = rowSumsMemo.get(table);
  if (!sums) rowSumsMemo.set(table, (sums = computeRowSums(table)));
  return sums;
}

function computeRowSums(table: TableDef): RowSum[] {
  const idx = (k: string) => table.columns.findIndex((c) => c.key === k);
  if (table.key === 'applications') return [{ total: idx('total'), parts: [0, 1, 2, 3, 4, 5] }];
  if (table.key === 'reviewLitigation')
    return ['review', 'litigationDirect', 'litigationAfterReview'].map((g) => ({
      total: idx(`${g}.total`), parts: ['upheld', 'corrected', 'other', 'pending'].map((p) => idx(`${g}.${p}`)),
    }));
  return [];
}

/**
 * A diagnostic, 'warning' unless said (one literal for every severity, not spread copies: see documentOf in
 * readers/index.ts).
 */
export function diag(
  code: DiagnosticCode, message: string, messageEn: string, tok?: Token, cells?: string[],
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic {
  return { code, severity, message, messageEn, source: tok?.pos, cells };
}

/** Column relations of table 三 (outcome total, balance) over the rows read. */
export function columnRelations(rows: string[], present: Set<string>): TableSum[] {
  const outcome = rows.filter((r) => r.startsWith('outcome.') && r !== 'outcome.total');
  // which relations apply does not depend on the column: asked once, not per column
  const total = present.has('outcome.total') && outcome.every((r) => present.has(r));
  const balance = ['newReceived', 'carriedOver', 'outcome.total', 'carriedForward'].every((r) => present.has(r));
  const rel: TableSum[] = [];
  for (let c = 0; c < 7; c++) {
    if (total) {
      // a loop, not .map: see valuesOf in tokens.ts (the relations' code deoptimised on the other array kind)
      const rhs: [string, number][] = [];
      for (const r of outcome) rhs.push([r, c]);
      rel.push({ lhs: [['outcome.total', c]], rhs });
    }
    if (balance)
      rel.push({ lhs: [['newReceived', c], ['carriedOver', c]], rhs: [['outcome.total', c], ['carriedForward', c]] });
  }
  return rel;
}

const rowKeysMemo = new WeakMap<TableDef, Map<string, string[]>>();

/** The cell keys of one row of a table, by column index (built once per table and row). */
export function rowCellKeys(table: TableDef, row: string): string[] {
  let byRow = rowKeysMemo.get(table);
  if (!byRow) rowKeysMemo.set(table, (byRow = new Map()));
  let keys = byRow.get(row);
  if (!keys) byRow.set(row, (keys = table.columns.map((c) => cellKey(table.key, row, c.key))));
  return keys;
}

export const CUT_REASON = '文本在此行中断，已印出的数值按列自左向右读取 / ' +
  'the text is cut inside this row; the printed values fill the columns from the left';

export function endsAt(tokens: Token[], cutAt: Token['pos'] | null): boolean {
  const last = tokens[tokens.length - 1];
  return !!cutAt && !!last && last.pos.line === cutAt.line && last.pos.column === cutAt.column;
}

export function shortReason(printed: number, width: number): string {
  return printed < width
    ? `该行只印有${printed}个数（应为${width}个），由行合计与非负性唯一确定 / ` +
      `row printed ${printed} of ${width} values; placed by the row sum and non-negativity`
    : `该行印有${printed}个数（应为${width}个），多余的数由合计关系排除 / ` +
      `row printed ${printed} values for ${width} columns; the stray one is excluded by the sums`;
}
