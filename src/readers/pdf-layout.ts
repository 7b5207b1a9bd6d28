// Page geometry → document blocks, in reading order: page headers, footers and page numbers dropped; ruled
// grids as grid tables (continued across pages: pdf-tables); unruled tables (pdf-unruled) and other lines of
// several far-apart runs as grid rows; hard-wrapped prose joined into paragraphs (a line that reaches the
// right margin continues on the next, also across a page break); '一、总体情况' lines as headings. Every
// heading, paragraph and table row takes the next line number, so `pos.line` counts rows of the document.
import type { Block, TableBlock, TableCell, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import type { Matrix } from './pdf-geometry.js';
import type { Grid } from './pdf-grid.js';
import { continueTable, startTable, userBox, type TablePart } from './pdf-tables.js';
import { joinText, type Line } from './pdf-text.js';
import { findUnruled, runRow, type UBlock, type URow } from './pdf-unruled.js';

export interface PageLayout { page: number; width: number; height: number; toUser: Matrix; grids: Grid[];
  lines: Line[] }

const PAGE_NUMBER = /^[-—－–_\s]*\d{1,3}[-—－–_\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、\S{2,30}$/;
const ITEM_START = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[、．.](?!\d))/;

/** Drop page numbers and the lines repeated at the top or bottom of most pages. */
export function dropChrome(pages: PageLayout[]): void {
  const band = (p: PageLayout, l: Line) => l.y1 < p.height * 0.1 || l.y0 > p.height * 0.9;
  const key = (l: Line) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#');
  const seen = new Map<string, Set<number>>();
  for (const p of pages) for (const l of p.lines) if (band(p, l))
    (seen.get(key(l)) ?? seen.set(key(l), new Set()).get(key(l))!).add(p.page);
  const repeated = (l: Line) => pages.length >= 2 && (seen.get(key(l))?.size ?? 0) >= Math.max(2, pages.length / 2);
  for (const p of pages) p.lines = p.lines.filter((l) =>
    !(PAGE_NUMBER.test(l.text.trim()) && (band(p, l) || /[-—－–]/.test(l.text))) && !(band(p, l) && repeated(l)));
}

function percentile(values: number[], q: number): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
}

function unionBox(a: SourceRef['bbox'], b: SourceRef['bbox']): SourceRef['bbox'] {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

type Element =
  | { kind: 'line'; line: Line; top: number }
  | { kind: 'grid'; grid: Grid; top: number }
  | { kind: 'unruled'; block: UBlock; top: number };

/** Consecutive lines of several runs outside the unruled blocks: columns from the runs' x-extents. */
function runBlocks(lines: Line[], inBlock: Set<Line>): UBlock[] {
  const out: UBlock[] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (!cur.length) return;
    const bands: [number, number][] = [];
    for (const r of cur.flatMap((l) => l.runs).sort((a, b) => a.x0 - b.x0)) {
      const b = bands[bands.length - 1];
      if (b && r.x0 <= b[1]) b[1] = Math.max(b[1], r.x1);
      else bands.push([r.x0, r.x1]);
    }
    const rows = cur.map(runRow);
    for (const row of rows) for (const c of row.cells) c.col = Math.max(0,
      bands.findIndex((b) => c.x0 >= b[0] - 0.5 && c.x0 <= b[1] + 0.5));
    out.push({ page: cur[0].page, top: cur[0].y0, rows, lines: cur });
    cur = [];
  };
  for (const l of lines) {
    if (inBlock.has(l)) continue;
    if (l.runs.length > 1) cur.push(l);
    else flush();
  }
  flush();
  return out;
}

/** Build the blocks of a whole document from its laid-out pages. */
export function layoutBlocks(pages: PageLayout[]): Block[] {
  const flow = pages.flatMap((p) => p.lines);
  const left = percentile(flow.map((l) => l.x0), 0.1);
  const right = percentile(flow.filter((l) => l.text.length >= 8).map((l) => l.x1), 0.9);
  const reaches = (l: Line) => l.x1 >= right - 1.5 * l.size;
  const prose = (l: Line) => (l.text.length >= 20 && reaches(l) && l.runs.length === 1) || /[。；]$/.test(l.text.trim());
  const continues = (prev: Line, next: Line, newPage: boolean) =>
    reaches(prev) && !ITEM_START.test(next.text) && next.x0 <= left + 1.2 * next.size &&
    Math.abs(prev.size - next.size) <= 1.5 &&
    (newPage || (next.y0 - prev.y1 <= 1.2 * next.size && next.base - prev.base >= 0.9 * next.size));

  const blocks: Block[] = [];
  let lineNo = 0;
  let para: { lines: Line[]; page: PageLayout; pos: SourceRef } | null = null;
  /** the table last emitted, while nothing but page chrome followed it */
  let open: TablePart | null = null;
  const flushPara = () => {
    if (para) blocks.push({ kind: 'paragraph', text: joinText(para.lines.map((l) => l.text)), pos: para.pos });
    para = null;
  };

  for (const page of pages) {
    const unruled = findUnruled(page.lines, prose);
    const inBlock = new Set(unruled.flatMap((b) => b.lines));
    const elements: Element[] = [
      ...page.lines.filter((l) => !inBlock.has(l) && l.runs.length === 1)
        .map((line): Element => ({ kind: 'line', line, top: line.y0 })),
      ...[...unruled, ...runBlocks(page.lines, inBlock)].map((block): Element =>
        ({ kind: 'unruled', block, top: block.top })),
      ...page.grids.map((grid): Element => ({ kind: 'grid', grid, top: grid.ys[0] })),
    ].sort((a, b) => a.top - b.top);
    elements.forEach((el, idx) => {
      if (el.kind === 'grid') {
        flushPara();
        const cont = open && idx === 0 ? continueTable(open, el.grid, page, lineNo) : null;
        if (cont) ({ part: open, lineNo } = cont);
        else {
          ({ part: open, lineNo } = startTable(el.grid, page, lineNo));
          if (open) blocks.push(open.table);
        }
        return;
      }
      open = null;
      if (el.kind === 'unruled') {
        flushPara();
        const table = unruledTable(el.block.rows, page, lineNo);
        lineNo += table.rows.length;
        blocks.push(table);
        return;
      }
      const line = el.line;
      const pos: SourceRef = { line: lineNo + 1, column: 1, page: page.page,
        bbox: userBox(page, line.x0, line.y0, line.x1, line.y1) };
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
  return blocks;
}

function unruledTable(rows: URow[], page: PageLayout, lineNo: number): TableBlock {
  const out: TableRow[] = rows.map((row, i) => {
    let prevCol = 0;
    const cells = row.cells.map((c): TableCell => {
      const column = Math.max(c.col + 1, prevCol + 1);
      prevCol = column;
      return { text: c.text, pos: { line: lineNo + i + 1, column, page: page.page,
        bbox: userBox(page, c.x0, c.y0, c.x1, c.y1) } };
    });
    return { cells, pos: cells[0].pos };
  });
  return { kind: 'table', layout: 'grid', rows: out, pos: out[0].pos };
}
