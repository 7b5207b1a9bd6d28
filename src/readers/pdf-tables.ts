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

/** A table being built: its first grid (the reference for continuations), the column rules of all its parts,
 * each cell's x-extent, and the cells touching the last part's bottom. */
export interface TablePart {
  table: TableBlock;
  head: Grid;
  page: number;
  xs: number[];
  extent: Map<TableCell, [number, number]>;
  bottom: { x0: number; x1: number; cell: TableCell }[];
}

const ITEM_START = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[、．.](?!\d))/;
const NUMBER = /^[\s\d.,，%+\-－—/]*$/;

export function userBox(p: PageRef, x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
  const [a, b] = [apply(p.toUser, x0, y0), apply(p.toUser, x1, y1)];
  const r = (v: number) => Math.round(v * 10) / 10;
  return [r(Math.min(a[0], b[0])), r(Math.min(a[1], b[1])), r(Math.max(a[0], b[0])), r(Math.max(a[1], b[1]))];
}

const near = (a: number, b: number) => Math.abs(a - b) <= 3;

/** The continuation of a table on the next page has the same outer edges and mostly the same column rules. */
function sameColumns(a: Grid, b: Grid): boolean {
  if (!near(b.xs[0], a.xs[0]) || !near(b.xs[b.xs.length - 1], a.xs[a.xs.length - 1])) return false;
  const inner = b.xs.slice(1, -1);
  return !inner.length || inner.filter((x) => a.xs.some((v) => near(v, x))).length >= 0.6 * inner.length;
}

const gridRows = (g: Grid): GridCell[][] =>
  g.ys.slice(0, -1).map((_, r) => g.cells.filter((c) => c.r0 === r).sort((a, b) => a.c0 - b.c0))
    .filter((cells) => cells.some((c) => c.text !== ''));
const rowKey = (cells: GridCell[]) => cells.map((c) => c.text.replace(/\s+/g, '')).join('|');

/** Columns and spans of every cell from the column rules of all parts (a part may lack some of them). */
function renumber(part: TablePart): void {
  const xs = [...part.xs].sort((a, b) => a - b).filter((x, i, all) => i === 0 || x - all[i - 1] > 3);
  part.xs = xs;
  const index = (x: number) => {
    const i = xs.findIndex((v) => near(v, x));
    return i >= 0 ? i : xs.filter((v) => v < x).length;
  };
  for (const row of part.table.rows) {
    let prev = 0;
    for (const cell of row.cells) {
      const [x0, x1] = part.extent.get(cell) ?? [0, 0];
      const [i, j] = [index(x0), index(x1)];
      cell.pos.column = Math.max(i + 1, prev + 1);
      prev = cell.pos.column;
      if (j - i > 1) cell.colSpan = j - i;
      else delete cell.colSpan;
    }
    row.pos = row.cells[0].pos;
  }
}

/** A new table from a grid; null when the grid holds no text. */
export function startTable(grid: Grid, page: PageRef, lineNo: number): { part: TablePart | null; lineNo: number } {
  const table: TableBlock = { kind: 'table', layout: 'grid', rows: [],
    pos: { line: lineNo + 1, column: 1, page: page.page } };
  const part: TablePart = { table, head: grid, page: page.page, xs: [...grid.xs], extent: new Map(), bottom: [] };
  lineNo = emit(part, grid, gridRows(grid), page, lineNo, new Set());
  if (!table.rows.length) return { part: null, lineNo };
  renumber(part);
  table.pos = table.rows[0].pos;
  return { part, lineNo };
}

/** Continue `part` with a grid at the top of the next page, or return null when the grid is another table. */
export function continueTable(part: TablePart, grid: Grid, page: PageRef,
  lineNo: number): { part: TablePart; lineNo: number } | null {
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
      const prev = part.bottom.find((b) => near(b.x0, c.x0) && near(b.x1, c.x1))?.cell;
      if (!prev) continue;
      const spanning = (prev.rowSpan ?? 1) > 1 || c.r1 - c.r0 > 1;
      const more = c.text !== '' && spanning && prev.text !== '' && !ITEM_START.test(c.text) &&
        !NUMBER.test(c.text) && !NUMBER.test(prev.text);
      if (c.text !== '' && !more) continue;
      // under a value cell (a number, or empty) an empty cell is a blank of its own row: value cells span no rows
      if (c.text === '' && !spanning && NUMBER.test(prev.text)) continue;
      if (more) prev.text = joinText([prev.text, c.text]);
      prev.rowSpan = (prev.rowSpan ?? 1) + (c.r1 - c.r0);
      joined.add(c);
    }
  }
  const next: TablePart = { ...part, page: page.page, xs: [...part.xs, ...grid.xs], bottom: [] };
  // cells extended from the previous page still touch this part's bottom when they reach it
  for (const b of part.bottom) {
    if (grid.cells.some((x) => joined.has(x) && near(x.x0, b.x0) && x.r1 === grid.ys.length - 1)) next.bottom.push(b);
  }
  lineNo = emit(next, grid, rows, page, lineNo, joined);
  renumber(next);
  return { part: next, lineNo };
}

function emit(part: TablePart, grid: Grid, rows: GridCell[][], page: PageRef, lineNo: number,
  skip: Set<GridCell>): number {
  const last = grid.ys.length - 1;
  for (const cells of rows) {
    const kept = cells.filter((c) => !skip.has(c));
    if (!kept.some((c) => c.text !== '')) continue;
    lineNo++;
    const out: TableCell[] = [];
    for (const c of kept) {
      const cell: TableCell = { text: c.text,
        pos: { line: lineNo, column: c.c0 + 1, page: page.page, bbox: userBox(page, c.x0, c.y0, c.x1, c.y1) } };
      if (c.r1 - c.r0 > 1) cell.rowSpan = c.r1 - c.r0;
      out.push(cell);
      part.extent.set(cell, [c.x0, c.x1]);
      if (c.r1 === last) part.bottom.push({ x0: c.x0, x1: c.x1, cell });
    }
    part.table.rows.push({ cells: out, pos: out[0].pos });
  }
  return lineNo;
}
