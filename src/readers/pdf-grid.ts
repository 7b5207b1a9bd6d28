// Ruled tables: the page's rules are merged into lines, lines that touch form a table, the distinct rule
// positions give the column and row boundaries, a missing rule between two slots merges them (rowSpan /
// colSpan), and every text item goes into the cell holding its centre. Text wrapped inside a cell is joined.
import type { PageContent, PdfItem, Rule } from './pdf-page.js';
import { joinText, lineText } from './pdf-text.js';

export interface GridCell {
  r0: number;
  c0: number;
  /** exclusive */
  r1: number;
  c1: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  items: PdfItem[];
  text: string;
}

export interface Grid {
  page: number;
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

const SAME = 2; // points: rules this close are one rule
const TOUCH = 2.5; // points: a rule ending this close to another touches it

/** Collinear pieces → whole lines (a table border is often drawn cell by cell). */
export function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const bands: Rule[][] = [];
  for (const r of sorted) {
    const band = bands[bands.length - 1];
    if (band && Math.abs(r.at - band[0].at) <= SAME) band.push(r);
    else bands.push([r]);
  }
  const out: Rule[] = [];
  for (const band of bands) {
    const at = band.reduce((s, r) => s + r.at, 0) / band.length;
    const pieces = band.sort((a, b) => a.from - b.from);
    let cur: Rule | null = null;
    for (const p of pieces) {
      if (cur && p.from <= cur.to + TOUCH) cur.to = Math.max(cur.to, p.to);
      else {
        if (cur) out.push(cur);
        cur = { at, from: p.from, to: p.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

function cluster(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (out.length && v - out[out.length - 1] <= SAME) continue;
    out.push(v);
  }
  return out;
}

const crosses = (h: Rule, v: Rule) =>
  v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH;

/** The ruled tables of a page (a lone box or a one-column frame is not a table). */
export function findGrids(content: PageContent): Grid[] {
  const hs = mergeRules(content.hRules);
  const vs = mergeRules(content.vRules);
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  hs.forEach((h, i) => vs.forEach((v, j) => {
    if (crosses(h, v)) parent[find(i)] = find(hs.length + j);
  }));
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  hs.forEach((h, i) => { const g = groups.get(find(i)) ?? { h: [], v: [] }; g.h.push(h); groups.set(find(i), g); });
  vs.forEach((v, j) => { const g = groups.get(find(hs.length + j)) ?? { h: [], v: [] }; g.v.push(v);
    groups.set(find(hs.length + j), g); });
  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = buildGrid(content.page, h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0] - b.ys[0]);
}

function buildGrid(page: number, h: Rule[], v: Rule[]): Grid | null {
  const xs = cluster(v.map((r) => r.at));
  const ys = cluster(h.map((r) => r.at));
  // open sides: horizontal rules that run past the outermost vertical one (and the other way round)
  const [minX, maxX] = [Math.min(...h.map((r) => r.from)), Math.max(...h.map((r) => r.to))];
  const [minY, maxY] = [Math.min(...v.map((r) => r.from)), Math.max(...v.map((r) => r.to))];
  if (minX < xs[0] - 4) xs.unshift(minX);
  if (maxX > xs[xs.length - 1] + 4) xs.push(maxX);
  if (minY < ys[0] - 4) ys.unshift(minY);
  if (maxY > ys[ys.length - 1] + 4) ys.push(maxY);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 2) return null;
  const margin = (a: number, b: number) => Math.min(3, (b - a) / 3);
  const vWall = (k: number, r: number) => {
    const m = margin(ys[r], ys[r + 1]);
    return v.some((l) => Math.abs(l.at - xs[k]) <= SAME && l.from <= ys[r] + m && l.to >= ys[r + 1] - m);
  };
  const hWall = (k: number, c: number) => {
    const m = margin(xs[c], xs[c + 1]);
    return h.some((l) => Math.abs(l.at - ys[k]) <= SAME && l.from <= xs[c] + m && l.to >= xs[c + 1] - m);
  };
  const slot = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => { parent[find(a)] = find(b); };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !vWall(c + 1, r)) join(slot(r, c), slot(r, c + 1));
      if (r + 1 < rows && !hWall(r + 1, c)) join(slot(r, c), slot(r + 1, c));
    }
  }
  const byRoot = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(slot(r, c));
      const cell = byRoot.get(root);
      if (!cell) byRoot.set(root, { r0: r, c0: c, r1: r + 1, c1: c + 1, x0: 0, y0: 0, x1: 0, y1: 0, items: [],
        text: '' });
      else {
        cell.r0 = Math.min(cell.r0, r); cell.c0 = Math.min(cell.c0, c);
        cell.r1 = Math.max(cell.r1, r + 1); cell.c1 = Math.max(cell.c1, c + 1);
      }
    }
  }
  const cells = [...byRoot.values()].map((cell) =>
    ({ ...cell, x0: xs[cell.c0], x1: xs[cell.c1], y0: ys[cell.r0], y1: ys[cell.r1] }));
  if (cells.length < 2) return null;
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return { page, xs, ys, cells };
}

const centreY = (it: PdfItem) => it.base - 0.35 * it.size;

/** The slot i with bounds[i] ≤ v < bounds[i+1], clamped to the grid. */
function slotIndex(bounds: number[], v: number): number {
  let i = 0;
  while (i < bounds.length - 2 && bounds[i + 1] <= v) i++;
  return i;
}

/** The cell of the grid holding a point, or null. */
function cellAt(grid: Grid, x: number, y: number): GridCell | null {
  const { xs, ys } = grid;
  if (x < xs[0] - 1 || x > xs[xs.length - 1] + 1 || y < ys[0] - 1 || y > ys[ys.length - 1] + 1) return null;
  const c = slotIndex(xs, x);
  const r = slotIndex(ys, y);
  return grid.cells.find((k) => r >= k.r0 && r < k.r1 && c >= k.c0 && c < k.c1) ?? null;
}

/** An item whose words straddle cell walls ('0   0   0' drawn as one string) is cut at its spaces. */
function splitAcross(grid: Grid, it: PdfItem): PdfItem[] {
  const words = [...it.text.matchAll(/\S+/g)];
  if (words.length < 2 || it.x1 <= it.x0) return [it];
  const first = cellAt(grid, it.x0 + 0.5, centreY(it));
  const last = cellAt(grid, it.x1 - 0.5, centreY(it));
  if (first === last) return [it];
  const per = (it.x1 - it.x0) / it.text.length;
  return words.map((w) => ({ ...it, text: w[0], x0: it.x0 + per * (w.index ?? 0),
    x1: it.x0 + per * ((w.index ?? 0) + w[0].length) }));
}

/**
 * A cell's text that overflows below the table's bottom rule at a page break (a spanning cell cut by the
 * break): the item starts right at the bottom of the last grid on the page and nothing but the page
 * footer follows it.
 */
function overflowCell(grids: Grid[], item: PdfItem, items: PdfItem[], pageHeight: number): GridCell | null {
  const g = grids[grids.length - 1];
  if (!g || item.vertical || item.rotated) return null;
  const bottom = g.ys[g.ys.length - 1];
  if (item.y0 < bottom - 1 || item.y0 > bottom + 0.6 * item.size) return null;
  if (items.some((o) => o.y0 > item.y1 && o.y0 < pageHeight * 0.9 && /\S/.test(o.text))) return null;
  const x = (item.x0 + item.x1) / 2;
  return g.cells.find((c) =>
    c.r1 === g.ys.length - 1 && x > c.x0 && x < c.x1 && item.x0 >= c.x0 - 1 && item.x1 <= c.x1 + 1) ?? null;
}

/** Put items into the grids' cells; returns the items outside every grid. */
export function fillGrids(grids: Grid[], items: PdfItem[], pageHeight: number): PdfItem[] {
  const rest: PdfItem[] = [];
  for (const item of items) {
    const grid = grids.find((g) => cellAt(g, (item.x0 + item.x1) / 2, centreY(item)));
    if (!grid) {
      const cell = overflowCell(grids, item, items, pageHeight);
      if (cell) cell.items.push(item);
      else rest.push(item);
      continue;
    }
    for (const piece of splitAcross(grid, item))
      cellAt(grid, (piece.x0 + piece.x1) / 2, centreY(piece))?.items.push(piece);
  }
  for (const g of grids) for (const cell of g.cells) cell.text = cellText(cell.items);
  return rest;
}

/** The text of a cell: its items in lines top to bottom, the lines joined (CJK without a space). */
export function cellText(items: PdfItem[]): string {
  const sorted = [...items].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: PdfItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.base - line[0].base) <= 0.45 * Math.max(it.size, line[0].size)) line.push(it);
    else lines.push([it]);
  }
  return joinText(lines.map((l) => lineText(l)));
}
