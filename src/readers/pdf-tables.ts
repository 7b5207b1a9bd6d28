// Ruled grids → grid TableBlocks: one TableRow per grid row holding the cells that start in it (a spanning
// cell appears once, in its first row, with rowSpan/colSpan). A grid at the top of a page that has the
// column rules of the table ending the previous page continues it: a repeated header is dropped, and a
// spanning cell cut by the page break (an empty or text-continuing cell in the same columns) is joined
// with its part on the previous page.
import type { TableBlock, TableCell } from '../document/model.js';
import type { Grid, GridCell } from './pdf-grid.js';
import { apply, type Matrix } from './pdf-geometry.js';
import { joinText } from './pdf-text.js';

export interface PageRef { page: number; toUser: Matrix }

/** A table being built: its first grid (the column reference) and its cells touching the last part's bottom. */
export interface TablePart {
  table: TableBlock;
  head: Grid;
  page: number;
  bottom: { col: number; span: number; cell: TableCell }[];
}

const ITEM_START = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[、．.](?!\d))/;
const NUMBER = /^[\s\d.,，%+\-－—/]*$/;

export function userBox(p: PageRef, x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
  const [a, b] = [apply(p.toUser, x0, y0), apply(p.toUser, x1, y1)];
  const r = (v: number) => Math.round(v * 10) / 10;
  return [r(Math.min(a[0], b[0])), r(Math.min(a[1], b[1])), r(Math.max(a[0], b[0])), r(Math.max(a[1], b[1]))];
}

/** The continuation of a table on the next page has the same outer edges and mostly the same column rules. */
function sameColumns(a: Grid, b: Grid): boolean {
  const near = (x: number, xs: number[]) => xs.some((v) => Math.abs(v - x) <= 3);
  if (!near(b.xs[0], [a.xs[0]]) || !near(b.xs[b.xs.length - 1], [a.xs[a.xs.length - 1]])) return false;
  const inner = b.xs.slice(1, -1);
  return !inner.length || inner.filter((x) => near(x, a.xs)).length >= 0.6 * inner.length;
}

const gridRows = (g: Grid): GridCell[][] =>
  g.ys.slice(0, -1).map((_, r) => g.cells.filter((c) => c.r0 === r).sort((a, b) => a.c0 - b.c0)).filter((cells) => cells.some((c) => c.text !== ''));
const rowKey = (cells: GridCell[]) => cells.map((c) => c.text.replace(/\s+/g, '')).join('|');

/** Column index (0-based) and span of a cell in the head grid's columns. */
function placeIn(head: Grid, c: GridCell): { col: number; span: number } {
  const i = head.xs.findIndex((x) => Math.abs(x - c.x0) <= 3);
  const j = head.xs.findIndex((x) => Math.abs(x - c.x1) <= 3);
  return i >= 0 && j > i ? { col: i, span: j - i } : { col: c.c0, span: c.c1 - c.c0 };
}

/** A new table from a grid; null when the grid holds no text. */
export function startTable(grid: Grid, page: PageRef, lineNo: number): { part: TablePart | null; lineNo: number } {
  const table: TableBlock = { kind: 'table', layout: 'grid', rows: [], pos: { line: lineNo + 1, column: 1, page: page.page } };
  const part: TablePart = { table, head: grid, page: page.page, bottom: [] };
  lineNo = emit(part, grid, gridRows(grid), page, lineNo, new Set());
  if (!table.rows.length) return { part: null, lineNo };
  table.pos = table.rows[0].pos;
  return { part, lineNo };
}

/** Continue `part` with a grid at the top of the next page, or return null when the grid is another table. */
export function continueTable(part: TablePart, grid: Grid, page: PageRef, lineNo: number): { part: TablePart; lineNo: number } | null {
  if (page.page !== part.page + 1 || !sameColumns(part.head, grid)) return null;
  let rows = gridRows(grid);
  const headRows = gridRows(part.head);
  let k = 0;
  while (k < Math.min(3, rows.length - 1, headRows.length) && rowKey(rows[k]) === rowKey(headRows[k])) k++;
  rows = rows.slice(k);
  const joined = new Set<GridCell>();
  const top = rows[0]?.[0]?.r0;
  if (top !== undefined) {
    // cells cut by the page break: same columns as a cell touching the previous part's bottom
    for (const c of grid.cells.filter((x) => x.r0 === top)) {
      const { col, span } = placeIn(part.head, c);
      const prev = part.bottom.find((b) => b.col === col && b.span === span)?.cell;
      if (!prev) continue;
      const spanning = (prev.rowSpan ?? 1) > 1 || c.r1 - c.r0 > 1;
      const more = c.text !== '' && spanning && prev.text !== '' && !ITEM_START.test(c.text) && !NUMBER.test(c.text) && !NUMBER.test(prev.text);
      if (c.text !== '' && !more) continue;
      if (more) prev.text = joinText([prev.text, c.text]);
      prev.rowSpan = (prev.rowSpan ?? 1) + (c.r1 - c.r0);
      joined.add(c);
    }
  }
  const next: TablePart = { ...part, page: page.page, bottom: [] };
  // cells extended from the previous page still touch this part's bottom when they reach it
  for (const b of part.bottom) {
    const c = grid.cells.find((x) => joined.has(x) && placeIn(part.head, x).col === b.col && x.r1 === grid.ys.length - 1);
    if (c) next.bottom.push(b);
  }
  lineNo = emit(next, grid, rows, page, lineNo, joined);
  return { part: next, lineNo };
}

function emit(part: TablePart, grid: Grid, rows: GridCell[][], page: PageRef, lineNo: number, skip: Set<GridCell>): number {
  const last = grid.ys.length - 1;
  for (const cells of rows) {
    const kept = cells.filter((c) => !skip.has(c));
    if (!kept.some((c) => c.text !== '')) continue;
    lineNo++;
    const out: TableCell[] = [];
    let prevCol = 0;
    for (const c of kept) {
      const { col, span } = placeIn(part.head, c);
      const column = Math.max(col + 1, prevCol + 1);
      prevCol = column;
      const cell: TableCell = { text: c.text, pos: { line: lineNo, column, page: page.page, bbox: userBox(page, c.x0, c.y0, c.x1, c.y1) } };
      if (c.r1 - c.r0 > 1) cell.rowSpan = c.r1 - c.r0;
      if (span > 1) cell.colSpan = span;
      out.push(cell);
      if (c.r1 === last) part.bottom.push({ col, span, cell });
    }
    part.table.rows.push({ cells: out, pos: out[0].pos });
  }
  return lineNo;
}
