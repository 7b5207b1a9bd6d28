// Hard-wrapped text: a fixed-width export (mail clients, console dumps, some scrapers) cuts every line after N
// characters, so a paragraph, a heading or a tab/pipe table row continues on the next line, and a number can be
// cut in two ('1' / '6' for 16). Read as they stand, the first piece of such a number is a value the source never
// printed. The text reader asks `wrapWidth` once per document (from `lineFacts`, its one pass over the lines'
// lengths, which text-pages.ts shares); in a wrapped document a line exactly that long is
// joined with the line after it (the cut is undone) before it is split into cells, and each joined piece keeps
// its own source position.
import { TEXT_MAX_LINE_CHARS } from './limits.js';

/** Cut lines (exactly the widest length, continued on the next line, not ending a sentence or a pipe row) a
 * document needs to be read as hard-wrapped, and their share of its long lines (≥ 3/4 of that width): a wrap cuts
 * most long lines at exactly the width (the rest are table rows and the last lines of paragraphs); natural text
 * rarely has more than one or two lines of its greatest length, and a padded table's rows end in a pipe. */
const MIN_WRAPPED_LINES = 5;
const MIN_WRAPPED_SHARE = 0.3;
const MIN_WIDTH = 16;

/** A line that starts a section, a numbered item or a heading: a line before it that happens to end at the width
 * ended there (a cut line continues mid-sentence or mid-row, not with 二、 or （三）). */
const STARTS_ITEM = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|#)/;
/** Characters a line ends with when it ends by itself: a sentence, a clause, a pipe row. */
const ENDS = new Set(['。', '！', '？', '；', '：', '|', '｜']);

/** A rule line of a table drawn in ASCII: + or | at its ends, dashes or equals signs (and + or |) between. */
export const ASCII_RULE = /^\s*[+|][-=+|:]*[-=]{3,}[-=+|:]*[+|]\s*$/;

const strip = (l: string) => (l.endsWith('\r') ? l.slice(0, -1) : l);
const isPipe = (c: string | undefined) => c === '|' || c === '｜';

/** Whether a wrap may have cut line `i` (exactly the width) before the line after it. */
function continues(lines: string[], i: number): boolean {
  const next = lines[i + 1];
  if (next === undefined || !next.trim() || STARTS_ITEM.test(next)) return false;
  const line = strip(lines[i]);
  // a table drawn in ASCII pads every row and rule to one width: a rule, and the row before one, are whole
  if (ASCII_RULE.test(line) || ASCII_RULE.test(next)) return false;
  // a pipe row that ends in a pipe, before a line that starts with one, is a whole row before the next row
  // and a line of one cell closed by a pipe ('规章 |', one cell a line) is that cell, whole
  if (isPipe(line.trimEnd().at(-1)) && (isPipe(next.trimStart()[0]) || onePipe(line))) return false;
  // a tab row that happens to end at the width is whole when joining it would give more fields than any row
  // of its table has: the pieces of a cut row add up to a row, two rows add up to more
  const tabs = tabsIn(line);
  return tabs === 0 || tabs + tabsIn(next) <= widestRow(lines, i);
}

function onePipe(line: string): boolean {
  let n = 0;
  for (let k = 0; k < line.length && n < 2; k++) if (isPipe(line[k])) n++;
  return n === 1;
}

function tabsIn(line: string): number {
  let n = 0;
  for (let k = line.indexOf('\t'); k >= 0; k = line.indexOf('\t', k + 1)) n++;
  return n;
}

/** Rows of a tab table looked at around a line to learn its width (the most tabs a row of it holds). */
const TABLE_REACH = 40;

/** The most tabs a line of the tab table around line `i` holds (the lines with tabs next to it, within reach). */
function widestRow(lines: string[], i: number): number {
  let most = 0;
  for (let j = i - 1; j >= 0 && j >= i - TABLE_REACH && lines[j].includes('\t'); j--) {
    most = Math.max(most, tabsIn(lines[j]));
  }
  for (let j = i + 2; j < lines.length && j <= i + TABLE_REACH && lines[j].includes('\t'); j++) {
    most = Math.max(most, tabsIn(lines[j]));
  }
  return most;
}

/** What one pass over a text's lines learns for the wrap and the running headers (lengths and first characters
 * only: every text pays for this pass, so it does nothing else). */
export interface LineFacts {
  /** the greatest line length (UTF-16 units, a line's '\r' counted: a CRLF text's lines all carry one) */
  max: number;
  /** lines of that length */
  atMax: number;
  /** the first line with text, and lines further down exactly as long (candidates for repeats of it) */
  top: number;
  sameAsTop: number[];
  /** lines that start with a form feed (pdftotext starts each page so) */
  formFeeds: number[];
}

/** Lines after the first within which a repeat of it is still the report's own heading (title printed twice). */
export const TITLE_AREA = 10;

export function lineFacts(lines: string[]): LineFacts {
  let max = 0;
  let atMax = 0;
  let top = -1;
  let topLength = -1;
  const sameAsTop: number[] = [];
  const formFeeds: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i].length;
    if (n >= max) {
      if (n > max) [max, atMax] = [n, 0];
      atMax++;
    }
    if (n === 0) continue;
    if (lines[i].charCodeAt(0) === 0x0c) formFeeds.push(i);
    if (n === topLength && i >= top + TITLE_AREA) sameAsTop.push(i);
    else if (top < 0 && lines[i].trim()) [top, topLength] = [i, n];
  }
  return { max, atMax, top, sameAsTop, formFeeds };
}

/**
 * The width a hard-wrapped document's lines were cut at (as LineFacts counts lengths), or 0 when it is not
 * hard-wrapped. A text with fewer than MIN_WRAPPED_LINES lines of its greatest length (nearly every text) is
 * answered from the facts alone.
 */
export function wrapWidth(lines: string[], facts = lineFacts(lines)): number {
  const max = facts.max;
  if (max < MIN_WIDTH || facts.atMax < MIN_WRAPPED_LINES) return 0;
  let cut = 0;
  let long = 0;
  const floor = max * 0.75;
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i].length;
    if (n < floor) continue;
    long++;
    if (n === max && !ENDS.has(strip(lines[i]).at(-1)!) && continues(lines, i)) cut++;
  }
  return cut >= MIN_WRAPPED_LINES && cut >= long * MIN_WRAPPED_SHARE ? max : 0;
}

/** A piece of a joined line: where it starts in the joined text, and the source line it came from. */
export interface Seam { at: number; line: number; lineStart: number }

/**
 * From line `i` (exactly `width` long, as wrapWidth counts) on, the lines a wrap cut apart, joined: the joined text
 * (no '\r'), the index of its last source line, and its seams. A line a wrap did not cut (see `continues`) ends it.
 */
export function joinWrapped(lines: string[], i: number, lineStart: number, width: number):
  { text: string; last: number; seams: Seam[] } {
  let text = strip(lines[i]);
  const seams: Seam[] = [{ at: 0, line: i, lineStart }];
  let start = lineStart;
  let j = i;
  while (lines[j].length === width && j + 1 < lines.length) {
    const next = strip(lines[j + 1]);
    // a joined line stays within the reader's line bound (a wrapped file of one endless paragraph stays cut)
    if (!continues(lines, j) || text.length + next.length > TEXT_MAX_LINE_CHARS) break;
    start += lines[j].length + 1;
    j++;
    seams.push({ at: text.length, line: j, lineStart: start });
    text += next;
  }
  return { text, last: j, seams };
}
