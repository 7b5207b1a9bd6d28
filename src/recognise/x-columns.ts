// Space-aligned text (pdftotext -layout, a formatter's columns): a row that printed fewer values than columns is
// read by where each value ends — under its column's values in the rows that print every value — so an empty column
// is a printed blank at a known place. Display columns count CJK characters 2; ambiguous ones (“ ” — …) are counted
// both ways, since a CJK font prints them wide and a terminal narrow.
import type { Diagnostic } from '../model/report.js';
import type { TableDef } from '../model/template.js';
import { BLANK, type Candidate, type RowSum } from './align.js';
import type { RowRead } from './assemble-parts.js';
import type { OpenRow } from './placement.js';
import type { Token } from './tokens.js';
import { settlePositioned } from './trailing-blanks.js';
import type { Observation, OrphanRun } from './walk.js';

/** Space-aligned text's columns: where each column's values end, and by which count of ambiguous characters. */
export interface Anchors { ends: number[]; narrow: boolean }

/**
 * Space-aligned text: the display column where each column's values end, learned from the rows that print every
 * value (null unless every column's ends agree within a character and the columns are apart). Counted with ambiguous
 * characters wide (a CJK font's “ ”), else narrow (a terminal's): a table is aligned by one count or the other.
 */
export function xAnchors(table: TableDef, stream: (Observation | OrphanRun)[]): Anchors | null {
  const width = table.columns.length;
  // the rows that print every value, space-aligned: most tables are not space-aligned text, and have none
  let full: Observation[] | null = null;
  let ambiguous = false; // a full row counts differently by the two counts
  for (const e of stream) {
    // the ends are those of `numbers`, one each (a row split by the assembler keeps the first `width` of both)
    if (e.kind !== 'row' || !e.xs || !e.xns || e.numbers.length !== width || e.xs.length !== width) continue;
    (full ??= []).push(e);
    if (!ambiguous) for (let c = 0; c < width && !ambiguous; c++) ambiguous = e.xs[c] !== e.xns[c];
  }
  if (!full) return null;
  const wide = anchorsBy(full, width, false);
  if (wide) return { ends: wide, narrow: false };
  const narrow = ambiguous ? anchorsBy(full, width, true) : null;
  return narrow ? { ends: narrow, narrow: true } : null;
}

const endsOf = (e: Observation, narrow: boolean) => (narrow ? e.xns : e.xs);

/** Each column's end where the full rows agree on it within a character (null where they do not, or columns meet). */
function anchorsBy(full: Observation[], width: number, narrow: boolean): number[] | null {
  const anchors: number[] = [];
  for (let c = 0; c < width; c++) {
    const sorted = full.map((e) => endsOf(e, narrow)![c]).sort((a, b) => a - b);
    if (sorted[sorted.length - 1] - sorted[0] > 2) return null;
    anchors.push(sorted[Math.floor(sorted.length / 2)]);
  }
  for (let c = 1; c < width; c++) if (anchors[c] - anchors[c - 1] < 3) return null;
  return anchors;
}

/**
 * A space-aligned row printing fewer values than columns: each value is placed in the column that ends where it
 * ends; a column with no value there is a printed blank (a PDF's empty cell). The row may count its ambiguous
 * characters otherwise than the rows the columns were learned from (“三安全一稳定” in a label): it is placed by either
 * count when only one places it, or both place it alike. False when a value matches no column, two match one, or
 * the two counts disagree.
 */
export function readByX(table: TableDef, e: Observation, anchors: Anchors, sums: RowSum[],
  reads: Map<string, RowRead>, open: Map<string, OpenRow>, diagnostics: Diagnostic[]): boolean {
  const first = columnsAt(endsOf(e, anchors.narrow), e, anchors.ends);
  const other = columnsAt(endsOf(e, !anchors.narrow), e, anchors.ends);
  const columns = first ?? other;
  if (!columns || (first && other && first.some((c, i) => c !== other[i]))) return false;
  const width = table.columns.length;
  const values: Candidate = Array(width).fill(BLANK);
  const tokens: (Token | null)[] = Array(width).fill(null);
  for (let i = 0; i < columns.length; i++) {
    values[columns[i]] = e.numbers[i].number!.value;
    tokens[columns[i]] = e.numbers[i];
  }
  settlePositioned(e, values, tokens, sums, reads, open, diagnostics); // blanks trailing: maybe a padded short row
  return true;
}

/** The column each of the row's values ends in, left to right, or null (no column, or two values in one). */
function columnsAt(xs: number[] | undefined, e: Observation, ends: number[]): number[] | null {
  if (!xs || xs.length !== e.numbers.length) return null;
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const c = ends.findIndex((a) => Math.abs(a - xs[i]) <= 1);
    if (c < 0 || c <= (out[i - 1] ?? -1)) return null;
    out.push(c);
  }
  return out;
}
