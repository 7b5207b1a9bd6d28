// One PDF page as plain geometry: text items with boxes, horizontal and vertical rules (stroked lines, thin
// filled rectangles and rectangle edges, traced through the operator list with its transforms), and the number
// of images painted. Coordinates are top-down page points (pdf.js viewport at scale 1: x right, y down).
import { OPS, type PDFPageProxy } from './pdfjs.js';
import { apply, compose, invert, canonicalChars, type Matrix, type PdfItem, type Rule } from './pdf-geometry.js';
import { VerticalText } from './pdf-vertical.js';

export type { Matrix, PdfItem, Rule } from './pdf-geometry.js';

export interface PageContent {
  page: number;
  width: number;
  height: number;
  items: PdfItem[];
  hRules: Rule[];
  vRules: Rule[];
  images: number;
  /** PDF user space → top-down page points, and back (for bboxes in user space) */
  toPage: Matrix;
  toUser: Matrix;
}

const asMatrix = (v: unknown): Matrix | null =>
  Array.isArray(v) || ArrayBuffer.isView(v) ? (Array.from(v as ArrayLike<number>).slice(0, 6) as Matrix) : null;

interface RawTextItem { str: string; dir?: string; transform: number[]; width: number; height: number }
const isTextItem = (v: unknown): v is RawTextItem =>
  typeof v === 'object' && v !== null && typeof (v as RawTextItem).str === 'string' &&
    Array.isArray((v as RawTextItem).transform);

const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat]);
const STROKE_OPS = new Set([OPS.stroke, OPS.closeStroke]);
const FILL_OPS = new Set([OPS.fill, OPS.eoFill, OPS.rawFillPath]);
const BOTH_OPS = new Set([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** the thickest filled rectangle still read as a rule, in points */
const THIN = 2.5;

/** '#rrggbb' → true when (nearly) white: rules drawn in white are invisible. */
const isWhite = (c: unknown): boolean => typeof c === 'string' && /^#[ef][0-9a-f][ef][0-9a-f][ef][0-9a-f]$/i.test(c);

/**
 * Read a page: its text content, then — when `drawn` says the text may sit in a table (or is too thin to
 * tell a scan from a text page) — its operator list for rules, images and vertical text. The operator list
 * costs as much again as the text, and prose pages have no use for it.
 */
export async function readPage(page: PDFPageProxy, pageNo: number,
  drawn: (items: PdfItem[]) => boolean = () => true): Promise<PageContent> {
  const vp = page.getViewport({ scale: 1 });
  const toPage = vp.transform.slice(0, 6) as Matrix;
  const content = await page.getTextContent();
  const items: PdfItem[] = [];
  for (const it of content.items) {
    if (!isTextItem(it) || !it.str) continue;
    const item = placeItem(canonicalChars(it.str), compose(toPage, it.transform.slice(0, 6) as Matrix), it,
      Math.hypot(toPage[0], toPage[1]));
    if (item) items.push(item);
  }
  const { hRules, vRules, images, vertical } =
    drawn(items) ? await traceOps(page, toPage) : { hRules: [], vRules: [], images: 0, vertical: [] };
  // vertical runs: ours from the operator list, unless pdf.js found more of them
  const chars = (list: PdfItem[]) => list.reduce((k, it) => k + it.text.replace(/\s+/g, '').length, 0);
  const theirs = items.filter((it) => it.vertical);
  const merged = chars(vertical) >= chars(theirs) ? [...items.filter((it) => !it.vertical), ...vertical] : items;
  return { page: pageNo, width: vp.width, height: vp.height, items: dedupe(merged), hRules, vRules, images, toPage,
    toUser: invert(toPage) };
}

/**
 * The box of a text item from its matrix in page points: horizontal text from its baseline origin; a vertical
 * run ('ttb', origin at the top centre) downwards; rotated text (a label turned 90°) from its four corners,
 * with the baseline set so that its centre is the middle of the box.
 */
function placeItem(text: string, m: Matrix, it: RawTextItem, scale: number): PdfItem | null {
  const size = Math.hypot(m[2], m[3]) || it.height || 1;
  const [x, base] = [m[4], m[5]];
  if (it.dir === 'ttb') {
    const [w, h] = [it.width * scale, it.height * scale];
    return { text, x0: x - w / 2, x1: x + w / 2, y0: base, y1: base + h,
      base: base + h / 2 + 0.35 * size, size, vertical: true };
  }
  const len = it.width * scale;
  if (Math.abs(m[1]) < 0.05 * Math.abs(m[0]) + 1e-6 && m[0] > 0)
    return { text, x0: x, x1: x + len, y0: base - 0.85 * size, y1: base + 0.15 * size, base, size };
  const dir = Math.hypot(m[0], m[1]) || 1;
  const along = [(m[0] / dir) * len, (m[1] / dir) * len];
  const corners = [[x, base], [x + along[0], base + along[1]], [x + m[2], base + m[3]],
    [x + along[0] + m[2], base + along[1] + m[3]]];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  return { text, x0: Math.min(...xs), x1: Math.max(...xs), y0, y1,
    base: (y0 + y1) / 2 + 0.35 * size, size, rotated: true };
}

/** Text drawn twice a fraction of a point apart (simulated bold) is one text. */
function dedupe(items: PdfItem[]): PdfItem[] {
  const seen = new Map<string, PdfItem[]>();
  return items.filter((it) => {
    if (!/\S/.test(it.text)) return true;
    const same = seen.get(it.text) ?? [];
    if (same.some((o) => Math.abs(o.x0 - it.x0) < 1.2 && Math.abs(o.base - it.base) < 1.2)) return false;
    seen.set(it.text, [...same, it]);
    return true;
  });
}

interface GState { ctm: Matrix; stroke: unknown; fill: unknown }

/** Walk the operator list: rules from painted paths, images counted, vertical text runs. */
async function traceOps(page: PDFPageProxy,
  toPage: Matrix): Promise<{ hRules: Rule[]; vRules: Rule[]; images: number; vertical: PdfItem[] }> {
  const ops = await page.getOperatorList();
  const hRules: Rule[] = [];
  const vRules: Rule[] = [];
  let images = 0;
  const vertical = new VerticalText();
  let g: GState = { ctm: toPage, stroke: '#000000', fill: '#000000' };
  const stack: GState[] = [];
  const segment = (a: [number, number], b: [number, number]) => {
    const [dx, dy] = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
    if (dy < 0.8 && dx >= 2) hRules.push({ at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]),
      to: Math.max(a[0], b[0]) });
    else if (dx < 0.8 && dy >= 2) vRules.push({ at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]),
      to: Math.max(a[1], b[1]) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args: unknown[] = Array.isArray(ops.argsArray[i]) ? ops.argsArray[i] : [];
    vertical.op(fn, args, g.ctm);
    if (fn === OPS.save) stack.push({ ...g });
    else if (fn === OPS.restore) g = stack.pop() ?? g;
    else if (fn === OPS.transform) g.ctm = compose(g.ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ...g });
      const m = asMatrix(args[0]);
      if (m) g.ctm = compose(g.ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) g = stack.pop() ?? g;
    else if (fn === OPS.setStrokeRGBColor) g.stroke = args[0];
    else if (fn === OPS.setFillRGBColor) g.fill = args[0];
    else if (IMAGE_OPS.has(fn)) images++;
    else if (fn === OPS.constructPath) {
      const op = args[0];
      const data = Array.isArray(args[1]) ? args[1][0] : null;
      if (typeof op !== 'number' || !data || !(ArrayBuffer.isView(data) || Array.isArray(data))) continue;
      const stroke = (STROKE_OPS.has(op) || BOTH_OPS.has(op)) && !isWhite(g.stroke);
      const fill = (FILL_OPS.has(op) || BOTH_OPS.has(op)) && !isWhite(g.fill);
      if (!stroke && !fill) continue;
      for (const poly of subpaths(Array.from(data as ArrayLike<number>), g.ctm)) {
        if (stroke) for (let k = 1; k < poly.length; k++) segment(poly[k - 1], poly[k]);
        else if (fill) thinRectangle(poly, segment);
      }
    }
  }
  return { hRules, vRules, images, vertical: vertical.items };
}

/** Split pdf.js path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) into polylines. */
function subpaths(d: number[], ctm: Matrix): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < d.length;) {
    const code = d[i++];
    if (code === 0) {
      if (cur.length) out.push(cur);
      cur = [apply(ctm, d[i], d[i + 1])];
      i += 2;
    } else if (code === 1) {
      cur.push(apply(ctm, d[i], d[i + 1]));
      i += 2;
    } else if (code === 2) {
      cur.push(apply(ctm, d[i + 4], d[i + 5]));
      i += 6;
    } else if (code === 3) {
      cur.push(apply(ctm, d[i + 2], d[i + 3]));
      i += 4;
    } else if (code === 4) {
      if (cur.length) cur.push(cur[0]);
    } else break;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A filled axis-aligned rectangle no thicker than THIN is a rule along its long side. */
function thinRectangle(poly: [number, number][], segment: (a: [number, number], b: [number, number]) => void): void {
  if (poly.length < 4 || poly.length > 6) return;
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const axis = poly.every((p, k) => k === 0 || Math.abs(p[0] - poly[k - 1][0]) < 0.5 ||
    Math.abs(p[1] - poly[k - 1][1]) < 0.5);
  if (!axis) return;
  if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) segment([x0, (y0 + y1) / 2], [x1, (y0 + y1) / 2]);
  else if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) segment([(x0 + x1) / 2, y0], [(x0 + x1) / 2, y1]);
}
