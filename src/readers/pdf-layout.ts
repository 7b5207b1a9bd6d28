// Page geometry → document blocks, in reading order: page headers, footers and page numbers dropped; ruled
// grids as grid tables (continued across pages, a repeated header row dropped); lines of several runs as
// unruled grid rows with columns from their x-alignment; hard-wrapped prose joined into paragraphs (a line
// that reaches the right margin continues on the next); '一、总体情况' lines as headings.
import type { Block, TableBlock, TableCell, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import type { Grid, GridCell } from './pdf-grid.js';
import { apply, type Matrix } from './pdf-page.js';
import { joinText, type Line } from './pdf-text.js';

export interface PageLayout { page: number; width: number; height: number; toUser: Matrix; grids: Grid[]; lines: Line[] }

const PAGE_NUMBER = /^[-—－–_\s]*\d{1,3}[-—－–_\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、\S{2,30}$/;
const ITEM_START = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[、．.](?!\d))/;

/** Drop page numbers and the lines repeated at the top or bottom of most pages. */
export function dropChrome(pages: PageLayout[]): void {
  const band = (p: PageLayout, l: Line) => l.y1 < p.height * 0.1 || l.y0 > p.height * 0.9;
  const key = (l: Line) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#');
  const seen = new Map<string, Set<number>>();
  for (const p of pages) for (const l of p.lines) if (band(p, l)) (seen.get(key(l)) ?? seen.set(key(l), new Set()).get(key(l))!).add(p.page);
  const repeated = (l: Line) => pages.length >= 2 && (seen.get(key(l))?.size ?? 0) >= Math.max(2, pages.length / 2);
  for (const p of pages) p.lines = p.lines.filter((l) => !(PAGE_NUMBER.test(l.text.trim()) && (band(p, l) || /[-—－–]/.test(l.text))) && !(band(p, l) && repeated(l)));
}

function percentile(values: number[], q: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
}

function userBox(p: PageLayout, x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
  const [a, b] = [apply(p.toUser, x0, y0), apply(p.toUser, x1, y1)];
  const r = (v: number) => Math.round(v * 10) / 10;
  return [r(Math.min(a[0], b[0])), r(Math.min(a[1], b[1])), r(Math.max(a[0], b[0])), r(Math.max(a[1], b[1]))];
}

function unionBox(a: SourceRef['bbox'], b: SourceRef['bbox']): SourceRef['bbox'] {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

type Element = { kind: 'line'; line: Line; top: number } | { kind: 'grid'; grid: Grid; top: number };

/** the table last emitted, while nothing but page chrome followed it */
interface Open { table: TableBlock; grid: Grid; page: PageLayout }

/** Build the blocks of a whole document from its laid-out pages. */
export function layoutBlocks(pages: PageLayout[]): Block[] {
  const flow = pages.flatMap((p) => p.lines);
  const left = percentile(flow.map((l) => l.x0), 0.1);
  const right = percentile(flow.filter((l) => l.text.length >= 8).map((l) => l.x1), 0.9);
  const blocks: Block[] = [];
  let lineNo = 0;
  let para: { lines: Line[]; page: PageLayout; pos: SourceRef } | null = null;
  let unruled: { rows: { line: Line; pos: SourceRef }[]; page: PageLayout } | null = null;
  let open: Open | null = null;

  const flushPara = () => {
    if (para) blocks.push({ kind: 'paragraph', text: joinText(para.lines.map((l) => l.text)), pos: para.pos });
    para = null;
  };
  const flushUnruled = () => {
    if (unruled) blocks.push(unruledTable(unruled.rows, unruled.page));
    unruled = null;
  };
  const reaches = (l: Line) => l.x1 >= right - 1.5 * l.size;
  const continues = (prev: Line, next: Line, newPage: boolean) =>
    reaches(prev) && !ITEM_START.test(next.text) && next.x0 <= left + 1.2 * next.size && Math.abs(prev.size - next.size) <= 1.5 &&
    (newPage || next.y0 - prev.y1 <= 1.2 * next.size);

  for (const page of pages) {
    const elements: Element[] = [
      ...page.lines.map((line): Element => ({ kind: 'line', line, top: line.y0 })),
      ...page.grids.map((grid): Element => ({ kind: 'grid', grid, top: grid.ys[0] })),
    ].sort((a, b) => a.top - b.top);
    elements.forEach((el, idx) => {
      const first = idx === 0;
      if (el.kind === 'grid') {
        flushPara();
        flushUnruled();
        const cont = open && first && open.page.page === page.page - 1 && sameColumns(open.grid, el.grid);
        if (cont && open) {
          lineNo = appendGrid(open.table, el.grid, page, lineNo, open.grid);
          open = { ...open, page };
        } else {
          const table: TableBlock = { kind: 'table', layout: 'grid', rows: [], pos: { line: lineNo + 1, column: 1, page: page.page } };
          lineNo = appendGrid(table, el.grid, page, lineNo, null);
          if (table.rows.length) {
            table.pos = table.rows[0].pos;
            blocks.push(table);
            open = { table, grid: el.grid, page };
          }
        }
        return;
      }
      const line = el.line;
      open = null;
      const pos: SourceRef = { line: lineNo + 1, column: 1, page: page.page, bbox: userBox(page, line.x0, line.y0, line.x1, line.y1) };
      if (line.runs.length > 1) {
        flushPara();
        if (!unruled) unruled = { rows: [], page };
        unruled.rows.push({ line, pos });
        lineNo++;
        return;
      }
      flushUnruled();
      if (SECTION_HEADING.test(line.text)) {
        flushPara();
        blocks.push({ kind: 'heading', level: 2, text: line.text.trim(), pos });
        lineNo++;
        return;
      }
      const prev = para?.lines[para.lines.length - 1];
      if (para && prev && continues(prev, line, prev.page !== line.page)) {
        para.lines.push(line);
        if (line.page === para.page.page) para.pos.bbox = unionBox(para.pos.bbox, pos.bbox);
        return;
      }
      flushPara();
      para = { lines: [line], page, pos };
      lineNo++;
    });
  }
  flushPara();
  flushUnruled();
  return blocks;
}

/** The continuation of a table on the next page has the same outer edges and mostly the same column rules. */
function sameColumns(a: Grid, b: Grid): boolean {
  const near = (x: number, xs: number[]) => xs.some((v) => Math.abs(v - x) <= 3);
  if (!near(b.xs[0], [a.xs[0]]) || !near(b.xs[b.xs.length - 1], [a.xs[a.xs.length - 1]])) return false;
  const inner = b.xs.slice(1, -1);
  return !inner.length || inner.filter((x) => near(x, a.xs)).length >= 0.6 * inner.length;
}

const rowKey = (cells: GridCell[]) => cells.map((c) => c.text.replace(/\s+/g, '')).join('|');

/** Append a grid's rows to a table (`head`: the grid the table began with, when this one continues it). */
function appendGrid(table: TableBlock, grid: Grid, page: PageLayout, lineNo: number, head: Grid | null): number {
  const rows = grid.ys.slice(0, -1).map((_, r) => grid.cells.filter((c) => c.r0 === r).sort((a, b) => a.c0 - b.c0));
  let bodies = rows.filter((cells) => cells.some((c) => c.text !== ''));
  if (head) {
    // a header repeated on the continuation page: its first rows equal the table's first rows
    const headRows = head.ys.slice(0, -1).map((_, r) => head.cells.filter((c) => c.r0 === r).sort((a, b) => a.c0 - b.c0))
      .filter((cells) => cells.some((c) => c.text !== ''));
    let k = 0;
    while (k < Math.min(3, bodies.length - 1, headRows.length) && rowKey(bodies[k]) === rowKey(headRows[k])) k++;
    bodies = bodies.slice(k);
  }
  const column = (c: GridCell) => {
    if (!head) return c.c0 + 1;
    const i = head.xs.findIndex((x) => Math.abs(x - c.x0) <= 3);
    return (i >= 0 ? i : c.c0) + 1;
  };
  for (const cells of bodies) {
    lineNo++;
    const out: TableCell[] = [];
    let prevCol = 0;
    for (const c of cells) {
      const col = Math.max(column(c), prevCol + 1);
      prevCol = col;
      const cell: TableCell = { text: c.text, pos: { line: lineNo, column: col, page: page.page, bbox: userBox(page, c.x0, c.y0, c.x1, c.y1) } };
      if (c.r1 - c.r0 > 1) cell.rowSpan = c.r1 - c.r0;
      if (c.c1 - c.c0 > 1) cell.colSpan = c.c1 - c.c0;
      out.push(cell);
    }
    table.rows.push({ cells: out, pos: out[0].pos });
  }
  return lineNo;
}

/** Lines of several runs: one row each, a cell per run, columns from the runs' x-extents across the rows. */
function unruledTable(rows: { line: Line; pos: SourceRef }[], page: PageLayout): TableBlock {
  const bands: [number, number][] = [];
  for (const r of rows.flatMap((x) => x.line.runs).sort((a, b) => a.x0 - b.x0)) {
    const b = bands[bands.length - 1];
    if (b && r.x0 <= b[1]) b[1] = Math.max(b[1], r.x1);
    else bands.push([r.x0, r.x1]);
  }
  const out: TableRow[] = rows.map(({ line, pos }) => {
    let prevCol = 0;
    const cells = line.runs.map((run): TableCell => {
      const band = bands.findIndex((b) => run.x0 >= b[0] - 0.5 && run.x0 <= b[1] + 0.5);
      const col = Math.max(band + 1, prevCol + 1);
      prevCol = col;
      return { text: run.text, pos: { line: pos.line, column: col, page: line.page, bbox: userBox(page, run.x0, run.y0, run.x1, run.y1) } };
    });
    return { cells, pos: cells[0].pos };
  });
  return { kind: 'table', layout: 'grid', rows: out, pos: out[0].pos };
}
