// Reader for text-like sources (plain text, markdown, scraped pages, pdftotext output): splits each line into
// cells by its own delimiter — tabs, pipes, or runs of spaces (pdftotext -layout) — and keeps one-cell lines
// as paragraphs, so tab tables, markdown/pipe tables, one-cell-per-line dumps and aligned columns all become
// the same document model.
import type { Block, GDocument, TableCell, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import { parseNumberCell, plainSpaces } from '../text/normalise.js';
import { limitError, TEXT_MAX_LINE_CHARS, TEXT_MAX_ROW_CELLS } from './limits.js';
import {
  dialectOf, isBoxRule, peelGluedValue, splitSeparated, unbox, unemphasise, unquoteCells,
} from './text-dialect.js';
import { runningHeaders } from './text-pages.js';
import { ASCII_RULE, joinWrapped, lineFacts, wrapWidth, type Seam } from './text-wrap.js';
import { isLatexChrome, latexCells } from './text-latex.js';

const PAGE_NUMBER = /^\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$|^\s*第\s*\d+\s*页(\s*共\s*\d+\s*页)?\s*$/;
const PIPE_FILLER = /^[\s|｜]*$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、\S{2,30}$/;

interface RawCell { text: string; start: number }

/**
 * Split a line into cells; returns the cells, the shape that split it, and where the cells peeled off at single
 * spaces begin (`cells.length` when none were): their display columns say nothing about alignment.
 */
export function splitLine(line: string): {
  cells: RawCell[]; shape: 'tab' | 'pipe' | 'layout' | 'single'; peeledFrom: number;
} {
  if (line.includes('\t')) {
    const cells = splitRuns(line, TAB, TAB, 1, false);
    if (line.includes('"')) unquoteCells(cells); // a TSV export quotes its fields
    return { cells, shape: 'tab', peeledFrom: cells.length };
  }
  if (line.includes('|') || line.includes('｜')) {
    const cells = splitPipes(line);
    let filled = 0;
    for (const c of cells) if (c.text !== '') filled++;
    // a line with one filled cell ('标题 |', '0 |') is a paragraph; empty cells matter only inside a table row
    if (filled < 2) {
      const kept = filled === cells.length ? cells : cells.filter((c) => c.text !== '');
      return { cells: kept, shape: 'single', peeledFrom: kept.length };
    }
    return { cells, shape: 'pipe', peeledFrom: cells.length };
  }
  const plain = plainSpaces(line);
  const layout = splitRuns(plain, SPACE, SPACE, 2, true);
  const cells = layout.length ? layout : [{ text: line.trim(), start: line.length - line.trimStart().length }];
  // "规章 0 0 0" or "10 1 0 0": peel trailing whitespace-separated numbers off the last cell
  const last = cells[cells.length - 1];
  if (!last.text.includes(' ')) {
    return { cells, shape: cells.length > 1 ? 'layout' : 'single', peeledFrom: cells.length }; // nothing to peel
  }
  const peeled = peelNumbers(last);
  let peeledFrom = cells.length;
  if (peeled.length > 1 || (peeled.length === 1 && cells.length > 1)) {
    cells.pop();
    // the peeled label (when the cell began with one) stands where the cell stood; the numbers after it were split
    // at single spaces
    peeledFrom = cells.length + (parseNumberCell(peeled[0].text) ? 0 : 1);
    for (const p of peeled) cells.push(p); // no spread: a line may hold 100k numbers
  }
  return { cells, shape: cells.length > 1 ? 'layout' : 'single', peeledFrom };
}

const TAB = 0x09;
const SPACE = 0x20;
const PIPE = 0x7c;
const FULL_PIPE = 0xff5c;

/**
 * Split `line` at runs of at least `minRun` separator characters (`a` or `b`). With `trim`, each cell is trimmed
 * (its start moves past the leading spaces) and empty cells are dropped. A hand-written scan: this runs on every
 * line of every report, and a regex iterator costs several times more.
 */
function splitRuns(line: string, a: number, b: number, minRun: number, trim: boolean): RawCell[] {
  const out: RawCell[] = [];
  let start = 0;
  let i = 0;
  const n = line.length;
  while (i <= n) {
    let run = 0;
    while (i + run < n && (line.charCodeAt(i + run) === a || line.charCodeAt(i + run) === b)) run++;
    if (i === n || run >= minRun) {
      const text = line.slice(start, i);
      if (!trim) out.push({ text, start });
      else {
        const t = text.trim();
        if (t !== '') out.push({ text: t, start: start + text.length - text.trimStart().length });
      }
      if (i === n) break;
      i += trim ? run : 1; // untrimmed (tabs): every separator ends a cell, so empty fields survive
      start = i;
    } else i += run || 1;
  }
  return out;
}

/**
 * Split a pipe row: every pipe ends a cell, so the empty cells between pipes are kept with their positions (a blank
 * cell, or a merged cell's empty field: '| 本年新收 | | | 5 |', 'label | || 0 |'). The empty text after the
 * closing pipe is not a cell.
 */
function splitPipes(line: string): RawCell[] {
  const out: RawCell[] = [];
  let start = 0;
  const n = line.length;
  for (let i = 0; i <= n; i++) {
    if (i < n && !isPipe(line.charCodeAt(i))) continue;
    const text = line.slice(start, i);
    const t = text.trim();
    // after the last pipe there is no cell; before a leading pipe there may be one (an empty first field, as pipe
    // scrapes print it: '| 0 | 0 |' with a blank first cell), so it is kept: it lies before any label, and only a
    // row of values without a label reads it
    if (t !== '' || i < n) out.push({ text: t, start: start + text.length - text.trimStart().length });
    start = i + 1;
  }
  return out;
}

/** 'label 1 0 2' → ['label','1','0','2'] when the label part is short; a prose sentence stays whole. */
function peelNumbers(cell: RawCell): RawCell[] {
  const parts = splitRuns(cell.text, SPACE, SPACE, 1, true);
  let i = parts.length;
  while (i > 0 && parseNumberCell(parts[i - 1].text)) i--;
  if (i === parts.length) return [cell];
  const head = parts.slice(0, i).map((p) => p.text).join(' ');
  // a label runs to about 45 characters, 48 with its group's before it (（六）其他处理 2.申请人逾期未按收费通知要求…)
  if (i > 0 && (head.length > 60 || /[。；;]/.test(head))) return [cell];
  const label: RawCell[] = i > 0 ? [{ text: head, start: cell.start }] : [];
  return [...label, ...parts.slice(i).map((p) => ({ text: p.text, start: cell.start + p.start }))];
}

/**
 * Each cell's end as a display column (CJK and full-width characters count 2), for space-aligned rows. Given to the
 * cells as they are made (every cell of this reader has `x`, undefined off space-aligned rows): setting it on made
 * cells gave them a second hidden class, and V8 deoptimised readText, tokenRows and their callers for it.
 */
function displayEnds(line: string, cells: RawCell[]): { wide: number[]; narrow: number[] } {
  const out: number[] = [];
  const narrow: number[] = [];
  let col = 0;
  let ambiguous = 0; // of the characters counted 2, those a narrow count takes as 1
  let i = 0;
  for (let k = 0; k < cells.length; k++) {
    const end = cells[k].start + cells[k].text.length;
    for (; i < end && i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) continue; // a surrogate pair counts once
      if (!wide(c)) col++;
      else {
        col += 2;
        if (c >= 0x2010 && c <= 0x2e7f) ambiguous++;
      }
    }
    out.push(col);
    narrow.push(col - ambiguous);
  }
  return { wide: out, narrow };
}

function wide(c: number): boolean {
  return c >= 0x1100 && c <= 0xffef && !(c >= 0xff61 && c <= 0xff9f) && !(c >= 0xd800 && c <= 0xdfff);
}

/** JavaScript's \s, plus the zero-width space. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * True for a line that is one paragraph as it stands: no delimiter (tab, pipe, '#', NBSP, ideographic space),
 * no run of two spaces, and either no trailing number or no inner space to peel it off at — a heading, a
 * sentence, a lone number of a one-cell-per-line dump. One scan instead of several regexes: every line of
 * every report passes here.
 */
function isPlainParagraph(line: string): boolean {
  let first = -1;
  let last = -1;
  let prevSpace = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c > 0x3000 && c < 0xfeff) {
      // CJK and the rest of U+3001–U+FEFE (most characters of a line): no delimiter, no space
      prevSpace = false;
      if (first < 0) first = i;
      last = i;
      continue;
    }
    if (c === 0x09 || c === 0x7c || c === 0xff5c || c === 0x23 || c === 0xa0 || c === 0x3000) return false;
    if (isSpace(c)) {
      if (c === 0x20 && prevSpace) return false;
      prevSpace = c === 0x20;
      continue;
    }
    prevSpace = false;
    if (first < 0) first = i;
    last = i;
  }
  if (last < 0) return true;
  const end = line.charCodeAt(last);
  const endsInDigit = (end >= 0x30 && end <= 0x39) || (end >= 0xff10 && end <= 0xff19);
  if (!endsInDigit) return true;
  // inner space: a space between the first and the last non-space character
  for (let i = first + 1; i < last; i++) if (isSpace(line.charCodeAt(i))) return false;
  return true;
}

/** A page number line ('- 3 -', '第 3 页 共 9 页'), given trimmed: such lines are short, so longer ones skip the regex. */
function isPageNumber(trimmed: string): boolean {
  return trimmed.length <= 40 && PAGE_NUMBER.test(trimmed);
}

function isPipe(c: number): boolean {
  return c === PIPE || c === FULL_PIPE;
}

/** A one-cell line: a section heading (一、…) or a paragraph. */
/**
 * A first field empty in every row of a table that has a row of words is no column: the lines' indent (a tab before
 * each) or the border of a table drawn with pipes (| a | b |, +---+ grids, org and markdown tables: the empty text
 * before each row's first pipe). Dropped, so a row's blank cells keep their places among the columns: a values row
 * of table 四 that begins with that field would otherwise read each value one column on. Rows of numbers only
 * prove nothing (their first column may be blank throughout); where some rows start with a value or a label, an
 * empty first field is a blank cell (a pipe scrape's '| 0 | 0 |'). A last field empty throughout may be a blank
 * 总计 column: kept.
 */
function dropIndentField(rows: TableRow[]): void {
  if (rows.length < 2 || !rows.some((r) => r.cells.some((c) => /[\u4e00-\u9fa5]/.test(c.text)))) return;
  let shifted = false;
  while (rows.every((r) => r.cells.length >= 3 && r.cells[0].text === '')) {
    for (const r of rows) r.cells.shift();
    shifted = true;
  }
  if (shifted) for (const r of rows) r.pos = r.cells[0].pos;
}

/**
 * Rows of one table all as many fields as the widest, at least three of them, some ending in an empty field: padded
 * to one width (TableBlock.padded). A table whose rows differ in length keeps its rows' trailing fields as printed.
 */
function isPadded(rows: TableRow[]): boolean {
  const n = rows[0].cells.length;
  return rows.length >= 3 && rows.every((r) => r.cells.length === n) && rows.some((r) => r.cells[n - 1].text === '');
}

function textBlock(text: string, pos: SourceRef): Block {
  return SECTION_HEADING.test(text) ? { kind: 'heading', level: 2, text, pos } : { kind: 'paragraph', text, pos };
}

function sourceAt(lineIndex: number, lineStart: number, column: number): SourceRef {
  return { line: lineIndex + 1, column: column + 1, offset: lineStart + column };
}

/** The source position of a column of line `row`, or of a line joined from hard-wrapped pieces (the piece it
 * falls in). */
function positionOf(seams: Seam[] | null, row: number, lineStart: number, column: number): SourceRef {
  if (!seams) return sourceAt(row, lineStart, column);
  let k = seams.length - 1;
  while (k > 0 && seams[k].at > column) k--;
  return sourceAt(seams[k].line, seams[k].lineStart, column - seams[k].at);
}

/** Read a decoded text into the document model. */
export function readText(text: string, name: string, encoding: string,
  format: GDocument['source']['format'] = 'text'): GDocument {
  const blocks: Block[] = [];
  const shapes = new Map<string, number>();
  const count = (shape: string) => shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  let table: TableRow[] | null = null;
  let offset = 0;
  const lines = text.split('\n');
  const dialect = dialectOf(text, name);
  const facts = lineFacts(lines);
  const wrap = wrapWidth(lines, facts);
  const headers = runningHeaders(lines, facts);
  const flush = () => {
    if (table && table.length) {
      dropIndentField(table);
      blocks.push({ kind: 'table', layout: 'grid', rows: table, pos: table[0].pos, padded: isPadded(table) });
    }
    table = null;
  };
  let joinedTo = -1;
  let asciidoc = false; // inside an AsciiDoc table (|=== … |===)
  for (let i = 0; i < lines.length; i++) {
    // lines a hard-wrapped line took in (their offsets counted there); `i` itself is never reassigned, which
    // keeps this loop as fast as it was
    if (i <= joinedTo) continue;
    const rawLine = lines[i];
    if (rawLine.length > TEXT_MAX_LINE_CHARS)
      throw limitError(name, `第${i + 1}行过长（${rawLine.length} 个字符）`,
        `line ${i + 1} is too long (${rawLine.length} characters)`, 'TEXT_MAX_LINE_CHARS', TEXT_MAX_LINE_CHARS);
    const lineStart = offset;
    offset += rawLine.length + 1;
    if (headers.size && headers.has(i)) continue; // a running page header (pdftotext's form feed before it)
    let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    let seams: Seam[] | null = null;
    if (wrap && rawLine.length === wrap) {
      // a hard-wrapped line: the lines its cut continues on are read with it
      const joined = joinWrapped(lines, i, lineStart, wrap);
      for (let k = i + 1; k <= joined.last; k++) offset += lines[k].length + 1;
      if (joined.last > i) [seams, joinedTo] = [joined.seams, joined.last];
      line = joined.text;
    }
    if (dialect.box) {
      if (isBoxRule(line)) continue;
      line = unbox(line);
    }
    const trimmed = line.trim();
    if (!trimmed) continue;
    // a rule of a table drawn in ASCII (+----+----+, org's |----+----|): no text, and no end of the table
    if ((trimmed.charCodeAt(0) === 0x2b || trimmed.charCodeAt(0) === 0x7c) && ASCII_RULE.test(trimmed)) continue;
    if (isLatexChrome(trimmed)) continue;
    // a LaTeX tabular's row is a separated record too (& between its fields)
    const latex = trimmed.includes('&') && trimmed.includes('\\\\') ? latexCells(line) : null;
    const fields = latex ?? (dialect.separator ? splitSeparated(line, dialect.separator) : null);
    if (fields) {
      // a separated record: a row of cells, blanks kept; one with a single filled field is a line of text
      const filled = fields.filter((f) => f.text !== '');
      if (filled.length >= 2) {
        count(latex ? 'latex' : 'separated');
        const rowCells: TableCell[] = [];
        for (const c of peelGluedValue(fields, (text, start) => ({ text, start })))
          rowCells.push({ text: c.text, pos: positionOf(seams, i, lineStart, c.start), x: undefined, xn: undefined });
        (table ??= []).push({ cells: rowCells, pos: rowCells[0].pos, spaced: false });
        continue;
      }
      flush();
      const first = filled[0];
      if (first) blocks.push(textBlock(first.text, positionOf(seams, i, lineStart, first.start)));
      continue;
    }
    if (isPlainParagraph(line)) {
      if (isPageNumber(trimmed)) continue;
      flush();
      count('single');
      const at = line.length - line.trimStart().length;
      blocks.push(textBlock(trimmed, positionOf(seams, i, lineStart, at)));
      continue;
    }
    if (isPageNumber(trimmed)) continue;
    if (isPipe(trimmed.charCodeAt(0)) && PIPE_FILLER.test(trimmed)) {
      // among one-cell-per-line paragraphs a line of bare pipes stands for that many empty cells (merged cells'
      // fields, or blank cells): kept, so a blank between two values keeps its place; inside a pipe table, dropped
      const last = blocks[blocks.length - 1];
      if (!table && last?.kind === 'paragraph') {
        const at = line.length - line.trimStart().length;
        const pos = positionOf(seams, i, lineStart, at);
        blocks.push({ kind: 'paragraph', text: trimmed.replace(/[^|｜]/g, ''), pos });
      }
      continue;
    }
    const md = trimmed.charCodeAt(0) === 0x23 ? /^(#{1,6})\s+(.*)$/.exec(trimmed) : null;
    if (md) {
      flush();
      const pos = positionOf(seams, i, lineStart, line.indexOf(md[2]));
      blocks.push({ kind: 'heading', level: md[1].length, text: md[2].trim(), pos });
      count('markdown');
      continue;
    }
    // a markdown separator row
    if (line.includes('---') && /^\s*\|?\s*:?-{3,}/.test(line) && /^[\s|:\-]+$/.test(line)) continue;
    if (trimmed === '|===') {
      // an AsciiDoc table's delimiter: within it each pipe starts a cell, so a row ending in a pipe ends in an
      // empty cell (a blank), where a markdown row's last pipe only closes it
      flush();
      asciidoc = !asciidoc;
      continue;
    }
    const { cells, shape, peeledFrom } = splitLine(line);
    if (asciidoc && shape === 'pipe' && isPipe(line.trimEnd().charCodeAt(line.trimEnd().length - 1)))
      cells.push({ text: '', start: line.trimEnd().length });
    if (!cells.length) continue;
    if (cells.length > TEXT_MAX_ROW_CELLS)
      throw limitError(name, `第${i + 1}行分出 ${cells.length} 个单元格`,
        `line ${i + 1} splits into ${cells.length} cells`, 'TEXT_MAX_ROW_CELLS', TEXT_MAX_ROW_CELLS);
    count(shape);
    if (cells.length === 1) {
      flush();
      const c = cells[0];
      blocks.push(textBlock(c.text, positionOf(seams, i, lineStart, c.start)));
      continue;
    }
    // a cell peeled off at a single space has no display column: single spaces align nothing
    const ends = shape === 'layout' ? displayEnds(line, cells) : null;
    // a loop and push, not .map: an optimised .map makes a holey array where the unoptimised one made a packed
    // one, and meeting the other kind mid-batch deoptimised every reader of the cells (readText, tokenRows, …)
    const rowCells: TableCell[] = [];
    const made = shape === 'layout' ? cells : peelGluedValue(cells, (text, start) => ({ text, start }));
    for (let k = 0; k < made.length; k++) {
      const c = made[k];
      const text = c.text.trim();
      // the two checks inline: this runs for every cell of every table
      const first = text.length ? text.charCodeAt(0) : 0; // charCodeAt past the end deoptimised this
      const star = first === 0x2a || first === 0x5f;
      // a padded field ('0 \t 21') is placed at its text, not at the padding
      const at = text.length === c.text.length ? c.start : c.start + c.text.length - c.text.trimStart().length;
      const pos = seams ? positionOf(seams, i, lineStart, at) : sourceAt(i, lineStart, at);
      const aligned = ends !== null && k < peeledFrom;
      rowCells.push({ text: star ? unemphasise(text) : text, pos, x: aligned ? ends.wide[k] : undefined,
        xn: aligned ? ends.narrow[k] : undefined });
    }
    const row: TableRow = { cells: rowCells, pos: rowCells[0].pos, spaced: shape === 'layout' };
    (table ??= []).push(row);
  }
  flush();
  const shape = [...shapes.entries()].filter(([k]) => k !== 'single').sort((a, b) => b[1] - a[1])[0]?.[0]
    ?? ((shapes.get('single') ?? 0) > 0 ? 'lines' : 'empty');
  return { source: { name, format, shape, encoding }, blocks, notes: [] };
}
