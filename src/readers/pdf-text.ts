// Text assembly for PDF pages: items on one baseline become a line, a line splits into runs where a wide gap
// separates its items (columns of an unruled table), and wrapped pieces are joined — CJK without a space,
// Latin words and numbers with one. pdf.js reports spaces as separate items with unreliable widths: they
// are used only as "there was a space here".
import type { PdfItem } from './pdf-page.js';

export interface Run { text: string; x0: number; x1: number; y0: number; y1: number; base: number; size: number }

export interface Line extends Run {
  page: number;
  runs: Run[];
  /** its items (spaces left out), left to right */
  items: PdfItem[];
}

/** a gap wider than this many font sizes separates two runs of a line */
export const RUN_GAP = 1.5;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’]/;
const CJK_SPACE = new RegExp(`(${CJK.source}) +(?=${CJK.source})`, 'g');
const ASCII_WORD_END = /[A-Za-z0-9%.,)]$/;
const ASCII_WORD_START = /^[A-Za-z0-9(]/;

/** Join pieces of one text (wrapped lines of a cell or a paragraph): CJK without a space, Latin with one. */
export function joinText(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (!part) continue;
    out = out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(part) ? `${out} ${part}` : out + part;
  }
  return out;
}

const isSpace = (it: PdfItem) => !/\S/.test(it.text);

/** Items of one line (any order) as runs, left to right. */
export function runsOf(items: PdfItem[]): Run[] {
  // glyphs stacked at one x (vertical writing drawn glyph by glyph): CJK punctuation follows its character
  const punct = (it: PdfItem) => (/^[、，。：；！？）」』]$/.test(it.text) ? 1 : 0);
  const sorted = [...items].sort((a, b) =>
    (Math.abs(a.x0 - b.x0) < 0.2 * Math.max(a.size, b.size) ? punct(a) - punct(b) || a.x0 - b.x0 : a.x0 - b.x0));
  const runs: Run[] = [];
  let cur: (Run & { parts: string[] }) | null = null;
  let spaced = false;
  for (const it of sorted) {
    if (isSpace(it)) {
      spaced = true;
      continue;
    }
    const text = it.text.replace(/\s+/g, ' ');
    const gap = cur ? it.x0 - cur.x1 : Infinity;
    if (!cur || gap > RUN_GAP * Math.max(it.size, cur.size)) {
      if (cur) runs.push(finish(cur));
      cur = { text: '', parts: [text], x0: it.x0, x1: it.x1, y0: it.y0, y1: it.y1, base: it.base, size: it.size };
    } else {
      const prev = cur.parts[cur.parts.length - 1];
      const ascii = ASCII_WORD_END.test(prev) && ASCII_WORD_START.test(text);
      // a space between two CJK characters is layout (letter-spacing, justification), not text
      const cjkPair = CJK.test(prev.slice(-1)) && CJK.test(text[0]);
      if ((spaced && !cjkPair) || (ascii && gap > 0.2 * it.size)) cur.parts.push(' ');
      cur.parts.push(text);
      cur.x1 = Math.max(cur.x1, it.x1);
      cur.y0 = Math.min(cur.y0, it.y0);
      cur.y1 = Math.max(cur.y1, it.y1);
      cur.size = Math.max(cur.size, it.size);
    }
    spaced = false;
  }
  if (cur) runs.push(finish(cur));
  return runs;
}

function finish(r: Run & { parts: string[] }): Run {
  const { parts, ...run } = r;
  return { ...run, text: parts.join('').replace(/ {2,}/g, ' ').replace(CJK_SPACE, '$1').trim() };
}

/** The text of items on one line (inside a table cell, where gaps do not split). */
export function lineText(items: PdfItem[]): string {
  return runsOf(items.map((it) => ({ ...it }))).map((r) => r.text).join(' ');
}

/** Group items into lines by baseline, top to bottom; each line's runs left to right. */
export function groupLines(items: PdfItem[], page: number): Line[] {
  const sorted = [...items].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: PdfItem[][] = [];
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const ref = g?.find((x) => !isSpace(x)) ?? g?.[0];
    if (g && ref && Math.abs(it.base - ref.base) <= 0.4 * Math.max(it.size, ref.size)) g.push(it);
    else groups.push([it]);
  }
  const lines: Line[] = [];
  for (const g of groups) {
    let runs = runsOf(g).filter((r) => r.text !== '');
    if (!runs.length) continue;
    // a letter-spaced title ('前　　言', '年 度 报 告'): single CJK characters far apart are one run
    if (runs.length > 1 && runs.every((r) => r.text.length <= 2 && [...r.text].every((c) => CJK.test(c))))
      runs = [{ ...runs[0], text: runs.map((r) => r.text).join(''), x1: runs[runs.length - 1].x1,
        y0: Math.min(...runs.map((r) => r.y0)), y1: Math.max(...runs.map((r) => r.y1)) }];
    lines.push({
      page, runs, text: runs.map((r) => r.text).join(' '),
      items: g.filter((it) => !isSpace(it)).sort((a, b) => a.x0 - b.x0),
      x0: runs[0].x0, x1: runs[runs.length - 1].x1,
      y0: Math.min(...runs.map((r) => r.y0)), y1: Math.max(...runs.map((r) => r.y1)),
      base: runs[0].base, size: Math.max(...runs.map((r) => r.size)),
    });
  }
  return lines;
}
