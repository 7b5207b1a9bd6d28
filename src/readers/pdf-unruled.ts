// Unruled tables: a run of lines holding rows of numbers (two or more numbers side by side) is a table whose
// columns come from the x-alignment of those rows — the gaps that no item of any numeric row crosses. Every
// line of the block is cut at those column gaps into cells; a table header wrapped over several lines is
// joined cell by cell ('本年制' + '发件数'). Lines of a label wrapped around its numbers stay rows of their
// own: the recogniser pairs a label line with the numbers on the next one.
import type { PdfItem } from './pdf-geometry.js';
import { runsOf, type Line } from './pdf-text.js';

export interface UCell { text: string; col: number; x0: number; x1: number; y0: number; y1: number }
export interface URow { cells: UCell[]; line: Line }
export interface UBlock { page: number; top: number; rows: URow[]; lines: Line[] }

const NUMBER = /^[-+]?\d[\d,，]*(?:\.\d+)?%?$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、\S{2,30}$/;

/** Items cut at their inner spaces ('0   0   0' drawn as one string), positions shared out by characters. */
function pieces(line: Line): PdfItem[] {
  return line.items.flatMap((it) => {
    const words = [...it.text.matchAll(/\S+/g)];
    if (words.length < 2) return words.length ? [{ ...it, text: words[0][0] }] : [];
    const per = (it.x1 - it.x0) / Math.max(1, it.text.length);
    return words.map((w) => ({ ...it, text: w[0], x0: it.x0 + per * (w.index ?? 0),
      x1: it.x0 + per * ((w.index ?? 0) + w[0].length) }));
  });
}

/** Two or more numbers side by side, apart from each other (not '2023年1月1日' in prose). */
function numeric(line: Line): boolean {
  const p = pieces(line);
  for (let i = 1; i < p.length; i++)
    if (NUMBER.test(p[i].text) && NUMBER.test(p[i - 1].text) && p[i].x0 - p[i - 1].x1 >= 0.5 * p[i].size) return true;
  return false;
}

const numberLike = (t: string) => NUMBER.test(t) || /^[-—－/／]$/.test(t);

/** Where a numeric row's values begin: the first of its trailing run of numbers. */
function valuesStart(p: PdfItem[]): number {
  let k = p.length;
  while (k > 0 && numberLike(p[k - 1].text)) k--;
  return k;
}

/**
 * The columns of a block. Values: the gaps between the numbers of the numeric rows. Labels (left of the
 * values): a column starts where the pieces of three or more lines start (left-aligned cells: group labels
 * such as （三）不予公开, then the row labels).
 */
interface Columns { labelEdge: number; labelBounds: number[]; valueBounds: number[] }

function columnsOf(rows: Line[], all: Line[]): Columns {
  const values = rows.flatMap((row) => {
    const p = pieces(row);
    return p.slice(valuesStart(p));
  });
  const size = values[0]?.size ?? 10;
  const labelEdge = Math.min(...values.map((v) => v.x0)) - 0.25 * size;
  const valueBounds: number[] = [];
  let end = -Infinity;
  for (const v of [...values].sort((a, b) => a.x0 - b.x0)) {
    if (end > -Infinity && v.x0 - end >= 0.3 * v.size) valueBounds.push((v.x0 + end) / 2);
    end = Math.max(end, v.x1);
  }
  const starts = all.flatMap(pieces).filter((p) => (p.x0 + p.x1) / 2 < labelEdge)
    .map((p) => p.x0).sort((a, b) => a - b);
  const clusters: number[] = [];
  for (let i = 0; i < starts.length;) {
    let j = i;
    while (j + 1 < starts.length && starts[j + 1] - starts[i] <= 2) j++;
    if (j - i >= 2) clusters.push(starts[i]);
    i = j + 1;
  }
  const labelBounds = clusters.filter((x) => x > starts[0] + 2).map((x) => x - 0.5);
  return { labelEdge, labelBounds, valueBounds };
}

/** Cut a line into cells: label pieces by where they start, values (and their headers) by their middle. */
function cellsOf(line: Line, cols: Columns): UCell[] {
  const byCol = new Map<number, PdfItem[]>();
  const labelCols = cols.labelBounds.length + 1;
  for (const p of pieces(line)) {
    const mid = (p.x0 + p.x1) / 2;
    const col = mid < cols.labelEdge
      ? cols.labelBounds.filter((b) => b < p.x0).length
      : labelCols + cols.valueBounds.filter((b) => b < mid).length;
    (byCol.get(col) ?? byCol.set(col, []).get(col)!).push(p);
  }
  return [...byCol.entries()].sort((a, b) => a[0] - b[0]).map(([col, items]) => ({
    text: runsOf(items).map((r) => r.text).join(' '), col,
    x0: Math.min(...items.map((i) => i.x0)), x1: Math.max(...items.map((i) => i.x1)),
    y0: Math.min(...items.map((i) => i.y0)), y1: Math.max(...items.map((i) => i.y1)),
  }));
}

/**
 * The unruled tables among one page's flow lines (top to bottom). `prose` tells a line of running text,
 * which never belongs to a table.
 */
export function findUnruled(lines: Line[], prose: (l: Line) => boolean): UBlock[] {
  const blocks: UBlock[] = [];
  const near = (a: Line, b: Line) => b.y0 - a.y1 <= 1.5 * Math.max(a.size, b.size);
  const stop = (l: Line) => prose(l) || SECTION_HEADING.test(l.text);
  let i = 0;
  while (i < lines.length) {
    if (!numeric(lines[i]) || stop(lines[i])) {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    // down: numeric rows, and label or header lines between them
    for (let j = i + 1; j < lines.length && near(lines[j - 1], lines[j]) && !stop(lines[j]); j++) {
      if (numeric(lines[j])) end = j;
      else if (!lines.slice(j + 1, j + 4).some((l, k) => numeric(l) && near(lines[j + k], l))) break;
    }
    // up: the header above the first numeric row
    while (start > 0 && i - start < 8 && near(lines[start - 1], lines[start]) && !stop(lines[start - 1])) start--;
    const block = lines.slice(start, end + 1);
    blocks.push(buildBlock(block, block.filter(numeric)));
    i = end + 1;
  }
  return blocks;
}

function buildBlock(lines: Line[], numericRows: Line[]): UBlock {
  const cols = columnsOf(numericRows, lines);
  const labelCols = cols.labelBounds.length + 1;
  const rows: URow[] = [];
  let header: URow | null = null;
  let headerBottom = 0;
  let body = false;
  for (const line of lines) {
    const row: URow = { cells: cellsOf(line, cols), line };
    body ||= numericRows.includes(line);
    // a column header wrapped onto the next line joins the cell above it (never a row label)
    const target = header;
    if (!body && target && row.cells.every((c) => c.col >= labelCols && target.cells.some((h) => h.col === c.col))
      && line.y0 - headerBottom < 1.0 * line.size) {
      for (const c of row.cells) {
        const h = target.cells.find((x) => x.col === c.col);
        if (h) [h.text, h.y1] = [h.text + c.text, Math.max(h.y1, c.y1)];
      }
      headerBottom = line.y1;
      continue;
    }
    if (!body && row.cells.length >= 2) [header, headerBottom] = [row, line.y1];
    rows.push(row);
  }
  return { page: lines[0].page, top: lines[0].y0, rows, lines };
}

/** A line of several runs outside any block (a label and its value far apart): one row, a cell per run. */
export function runRow(line: Line): URow {
  return { line, cells: line.runs.map((r, col) => ({ text: r.text, col, x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1 })) };
}
