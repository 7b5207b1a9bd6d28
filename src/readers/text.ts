// Reader for text-like sources (plain text, markdown, scraped pages, pdftotext output): splits each line into
// cells by its own delimiter — tabs, pipes, or runs of spaces (pdftotext -layout) — and keeps one-cell lines
// as paragraphs, so tab tables, markdown/pipe tables, one-cell-per-line dumps and aligned columns all become
// the same document model.
import type { Block, GDocument, TableCell, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import { parseNumberCell, plainSpaces } from '../text/normalise.js';

const PAGE_NUMBER = /^\s*[-—－]\s*\d{1,3}\s*[-—－]\s*$|^\s*第\s*\d+\s*页(\s*共\s*\d+\s*页)?\s*$/;
const PIPE_FILLER = /^[\s|｜]*$/;
const SECTION_HEADING = /^\s*[一二三四五六七八九十]+、\S{2,30}$/;

interface RawCell { text: string; start: number }

/** Split a line into cells; returns the cells and the shape that split it. */
export function splitLine(line: string): { cells: RawCell[]; shape: 'tab' | 'pipe' | 'layout' | 'single' } {
  if (line.includes('\t')) return { cells: splitOn(line, /\t/g), shape: 'tab' };
  const pipeCount = (line.match(/[|｜]/g) ?? []).length;
  if (pipeCount > 0) {
    const cells = splitOn(line, /[|｜]/g).filter((c) => c.text.trim() !== '');
    if (cells.length >= 2) return { cells: cells.map(trimCell), shape: 'pipe' };
    if (cells.length === 1) return { cells: [trimCell(cells[0])], shape: 'single' };
    return { cells: [], shape: 'single' };
  }
  const plain = plainSpaces(line);
  const layout = splitOn(plain, / {2,}/g).filter((c) => c.text.trim() !== '').map(trimCell);
  const cells = layout.length ? layout : [{ text: line.trim(), start: line.length - line.trimStart().length }];
  // "规章 0 0 0" or "10 1 0 0": peel trailing whitespace-separated numbers off the last cell
  const last = cells[cells.length - 1];
  const peeled = peelNumbers(last);
  if (peeled.length > 1 || (peeled.length === 1 && cells.length > 1)) {
    cells.pop();
    for (const p of peeled) cells.push(p); // no spread: a line may hold 100k numbers
  }
  return { cells, shape: cells.length > 1 ? 'layout' : 'single' };
}

function splitOn(line: string, re: RegExp): RawCell[] {
  const out: RawCell[] = [];
  let start = 0;
  for (const m of line.matchAll(re)) {
    out.push({ text: line.slice(start, m.index), start });
    start = (m.index ?? 0) + m[0].length;
  }
  out.push({ text: line.slice(start), start });
  return out;
}

function trimCell(c: RawCell): RawCell {
  const lead = c.text.length - c.text.trimStart().length;
  return { text: c.text.trim(), start: c.start + lead };
}

/** 'label 1 0 2' → ['label','1','0','2'] when the label part is short; a prose sentence stays whole. */
function peelNumbers(cell: RawCell): RawCell[] {
  const parts = splitOn(cell.text, / +/g).map(trimCell).filter((p) => p.text !== '');
  let i = parts.length;
  while (i > 0 && parseNumberCell(parts[i - 1].text)) i--;
  if (i === parts.length) return [cell];
  const head = parts.slice(0, i).map((p) => p.text).join(' ');
  if (i > 0 && (head.length > 40 || /[。；;]/.test(head))) return [cell];
  const label: RawCell[] = i > 0 ? [{ text: head, start: cell.start }] : [];
  return [...label, ...parts.slice(i).map((p) => ({ text: p.text, start: cell.start + p.start }))];
}

/** A line with no delimiter and no trailing number is one paragraph: the common case, kept cheap. */
const PLAIN_LINE = /^[^\t|｜#\u00a0\u3000]*$/;
const ENDS_IN_DIGIT = /[0-9０-９]\s*$/;

/** Read a decoded text into the document model. */
export function readText(text: string, name: string, encoding: string, format = 'text'): GDocument {
  const blocks: Block[] = [];
  const shapes = new Map<string, number>();
  const count = (shape: string) => shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  let table: TableRow[] | null = null;
  let offset = 0;
  const lines = text.split('\n');
  const flush = () => {
    if (table && table.length) blocks.push({ kind: 'table', layout: 'grid', rows: table, pos: table[0].pos });
    table = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i];
    const lineStart = offset;
    offset += rawLine.length + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const pos = (column: number): SourceRef => ({ line: i + 1, column: column + 1, offset: lineStart + column });
    if (PLAIN_LINE.test(line) && !line.includes('  ') && !ENDS_IN_DIGIT.test(line)) {
      if (PAGE_NUMBER.test(line)) continue;
      flush();
      count('single');
      const at = line.length - line.trimStart().length;
      blocks.push(SECTION_HEADING.test(trimmed) ? { kind: 'heading', level: 2, text: trimmed, pos: pos(at) } : { kind: 'paragraph', text: trimmed, pos: pos(at) });
      continue;
    }
    if (PAGE_NUMBER.test(line) || PIPE_FILLER.test(line)) continue;
    const md = /^(#{1,6})\s+(.*)$/.exec(trimmed);
    if (md) {
      flush();
      blocks.push({ kind: 'heading', level: md[1].length, text: md[2].trim(), pos: pos(line.indexOf(md[2])) });
      count('markdown');
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line) && /^[\s|:\-]+$/.test(line)) continue; // markdown separator row
    const { cells, shape } = splitLine(line);
    if (!cells.length) continue;
    count(shape);
    if (cells.length === 1) {
      flush();
      const c = cells[0];
      const isHeading = SECTION_HEADING.test(c.text);
      blocks.push(isHeading ? { kind: 'heading', level: 2, text: c.text, pos: pos(c.start) } : { kind: 'paragraph', text: c.text, pos: pos(c.start) });
      continue;
    }
    const row: TableRow = { cells: cells.map((c): TableCell => ({ text: c.text.trim(), pos: pos(c.start) })), pos: pos(cells[0].start) };
    (table ??= []).push(row);
  }
  flush();
  const shape = [...shapes.entries()].filter(([k]) => k !== 'single').sort((a, b) => b[1] - a[1])[0]?.[0]
    ?? ((shapes.get('single') ?? 0) > 0 ? 'lines' : 'empty');
  return { source: { name, format, shape, encoding }, blocks, notes: [] };
}
