// Blank is not zero: a cell printed blank where a number belongs. One warning per table row, naming its blanks,
// and for each blank the value the relations imply for it ("印为空白；行合计推得应为0") — a finding, never a cell
// value: the reader keeps the blank as printed. (Relations count a blank as 0, and report a failure that involves
// a blank as a warning.)
import type { Cell, Finding, Report } from '../model/report.js';
import { makeFinding, round, versionOf } from './lib/findings.js';
import type { Rule } from './rule.js';
import { cellsOf, parseTerm, relationsFor, type Relation } from '../model/relations.js';

type Implied = { column: string; value: number; by: 'row' | 'column' };

const rule: Rule = {
  id: 'blank-cell',
  severity: 'warning',
  messageId: 'rule.blank-cell',
  cellsOnly: true,
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
    const relations = rows.size ? blankRelations(report) : [];
    for (const cells of rows.values()) {
      const { table, row } = cells[0];
      const implied = cells.map((c) => impliedValue(report, c, relations)).filter((i): i is Implied => i !== null);
      out.push(makeFinding(rule, report, {
        messageId: 'blank-cell.row',
        data: { version: v, table, row, columns: cells.map((c) => c.column), ...(implied.length ? { implied } : {}) },
        cells: cells.map((c) => c.key),
        ...(implied.length === 1 ? { expected: implied[0].value } : {}),
      }));
    }
    return out;
  },
};

/** The strict within-report equalities (row totals first: a row's own total is the plainest evidence). */
function blankRelations(report: Report): Relation[] {
  const rels = relationsFor(report).filter(
    (r) => r.strength === 'strict' && r.op === '=' && r.scope === 'withinReport',
  );
  return [...rels.filter(isRowSum), ...rels.filter((r) => !isRowSum(r))];
}

function isRowSum(r: Relation): boolean {
  return r.id.startsWith('T3.rowTotal.') || r.id.startsWith('T4.');
}

/** The value the first relation that has this cell as its only blank (every other cell printed) implies for it. */
function impliedValue(report: Report, cell: Cell, relations: Relation[]): Implied | null {
  for (const rel of relations) {
    let sign = 0;
    let sum = 0; // Σ lhs − Σ rhs over the other cells
    let ok = true;
    for (const [terms, side] of [[rel.lhs, 1], [rel.rhs, -1]] as const) {
      for (const term of terms) {
        const t = parseTerm(term);
        if (t.key === cell.key && !t.prev) {
          sign = t.sign * side;
          continue;
        }
        const v = report.cells[t.key]?.value;
        if (t.prev || v === null || v === undefined) ok = false;
        else sum += t.sign * side * v;
      }
    }
    if (!ok || sign === 0) continue;
    const value = round(-sum / sign);
    if (value >= 0) return { column: cell.column, value, by: isRowSum(rel) ? 'row' : 'column' };
  }
  return null;
}

export default rule;
