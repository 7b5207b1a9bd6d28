// Reads a delimited row (tabs, pipes, <tr>) by the positions of its fields, so that an empty field stays a printed
// blank instead of being dropped and "found again" by a row sum. A row whose values run the table's width is read
// as printed; a shorter run is placed by the table's own field structure (the empty fields after the label and
// after the values in the rows that print every value), and where that structure does not decide, every reading
// is kept for the relations to choose from — the assembler places only what all consistent readings agree on.
import { BLANK, type Candidate } from './align.js';
import type { Token } from './tokens.js';

/** A delimited row's fields after its label: empty fields before the values, the values, empty fields after. */
export interface Shape {
  slots: Token[];
  /** empty fields between the label and the first value */
  lead: number;
  /** from the first to the last non-empty field: numbers and printed blanks ('—', '/', or empty fields between) */
  run: Token[];
  /** empty fields after the last value */
  trail: number;
  /** the run holds a blank: positions inside it are certain, so no value is missing inside it */
  blankInside: boolean;
}

const isEmpty = (t: Token): boolean => t.kind === 'blank' && t.text === '';

export function shapeOf(slots: Token[]): Shape | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < slots.length; i++) {
    if (isEmpty(slots[i])) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  const run = slots.slice(first, last + 1);
  return { slots, lead: first, run, trail: slots.length - 1 - last, blankInside: run.some((t) => t.kind === 'blank') };
}

/**
 * The field structure of a table's delimited rows, learned from the rows that print every value: how many empty
 * fields follow a label of each level (the label's merged cells), and how many end a row. A level whose full rows
 * disagree has no norm; the trailing count needs two thirds of the full rows.
 */
export interface Norms {
  lead: Map<number, number>;
  trail: number | null;
  /** full rows were seen, so a missing `trail` means they disagree (not that there was nothing to learn from) */
  learned: boolean;
  /**
   * The table was padded to one width and its full rows' values start in different fields (a ragged table, its rows
   * left-packed, then padded): the empty fields a row ends with are the padding's, not its blanks' or its columns'.
   */
  padded: boolean;
  /**
   * Rows padded to one width (a grid): the field after each level's label in its full rows, where they agree. A row
   * whose label stands elsewhere (a stray field before it) ends in fewer or more empty fields than the full rows by
   * as much: its trailing fields say nothing of where its values end. Empty when the table was not padded.
   */
  labelEnds: Map<number, number>;
}

/** The norms of a table without full rows: nothing learned. */
export const NO_NORMS: Norms = { lead: new Map(), trail: null, learned: false, padded: false, labelEnds: new Map() };

export function learnNorms(
  full: { level: number; shape: Shape; start?: number; labelEnd?: number }[], padded = false,
): Norms {
  const byLevel = new Map<number, Set<number>>();
  const ends = new Map<number, Set<number | undefined>>();
  const trails = new Map<number, number>();
  for (const { level, shape, labelEnd } of full) {
    let s = byLevel.get(level);
    if (!s) byLevel.set(level, (s = new Set()));
    s.add(shape.lead);
    if (padded) {
      let e = ends.get(level);
      if (!e) ends.set(level, (e = new Set()));
      e.add(labelEnd);
    }
    trails.set(shape.trail, (trails.get(shape.trail) ?? 0) + 1);
  }
  const lead = new Map<number, number>();
  for (const [level, s] of byLevel) if (s.size === 1) lead.set(level, [...s][0]);
  const labelEnds = new Map<number, number>();
  for (const [level, e] of ends) if (e.size === 1 && [...e][0] !== undefined) labelEnds.set(level, [...e][0]!);
  let trail: number | null = null;
  for (const [t, n] of trails) if (n * 3 >= full.length * 2) trail = t;
  // padded to one width, a grid keeps its values in the same fields; a ragged table padded does not
  const starts = new Set(full.map((f) => f.start));
  return { lead, trail, learned: true, padded: padded && starts.size > 1, labelEnds };
}

/** A reading of a row: a value per column (BLANK = printed blank) and the field each column was read from. */
export interface Reading { values: Candidate; tokens: (Token | null)[] }

/** The run placed from column `o`; the columns outside it are the empty fields beside it (printed blanks). */
function placeAt(shape: Shape, width: number, o: number): Reading | null {
  const len = shape.run.length;
  if (o < 0 || o + len > width || o > shape.lead || width - o - len > shape.trail) return null;
  const values: Candidate = [];
  const tokens: (Token | null)[] = [];
  for (let c = 0; c < width; c++) {
    const t = shape.slots[shape.lead - o + c] ?? null;
    tokens.push(t);
    values.push(t && t.kind === 'number' ? t.number.value : BLANK);
  }
  return { values, tokens };
}

/**
 * Positional readings of a row whose run is shorter than the table. From the left: the label is followed by the
 * level's usual empty fields, then the columns; from the right: the row ends with the table's usual empty fields
 * (a table without full rows is taken to have none on either side, so a row whose fields exactly fill the width
 * reads as printed). Both agreeing make the reading `strong`; a row that fits neither lost a field in
 * transcription (no positional reading). A run with a blank inside and no norm may sit wherever its empty fields
 * allow (`weak` readings, for the relations to choose from).
 */
export function positionalReadings(
  shape: Shape, width: number, level: number, norms: Norms, labelEnd = -1,
): { strong: Reading | null; weak: Reading[] } {
  const len = shape.run.length;
  const norm = norms.lead.get(level);
  const s = norm ?? 0;
  // full rows that end in different numbers of empty fields say nothing of where this row ends: no reading from
  // the right (a trailing empty field may be a blank 总计 or a stray field after a row that lost a value); nor do
  // the rows of a table padded to one width, whose trailing fields are the padding's, nor a row of a grid whose label
  // a stray field displaced
  const displaced = norms.labelEnds.has(level) && norms.labelEnds.get(level) !== labelEnd;
  const t = norms.padded || displaced ? null : norms.trail ?? (norms.learned ? null : 0);
  // from the left: columns start after the usual s empty fields; the blanks on the right come before the usual t
  const oLeft = shape.lead - s;
  const left = oLeft >= 0 && width - oLeft - len <= shape.trail - (t ?? 0) ? placeAt(shape, width, oLeft) : null;
  const oRight = t === null ? -1 : width - (shape.trail - t) - len;
  const right = t !== null && shape.trail >= t && oRight <= shape.lead - s ? placeAt(shape, width, oRight) : null;
  if (left && right && sameReading(left, right)) return { strong: left, weak: [] };
  const weak = [left, right].filter((r): r is Reading => r !== null);
  // full rows were seen, but none of this row's level: where its values start is not known, so every place its
  // empty fields allow before the table's usual trailing ones is a reading — a trailing empty field may be a blank
  // 总计, or a stray field after a blank first cell
  const unknownStart = norm === undefined && norms.learned;
  if ((!weak.length && shape.blankInside) || unknownStart) {
    for (let o = 0; o + len <= width; o++) {
      if (unknownStart && t !== null && width - o - len > shape.trail - t) continue;
      const r = placeAt(shape, width, o);
      if (r && !weak.some((w) => sameReading(w, r))) weak.push(r);
    }
  }
  return { strong: null, weak };
}

function sameReading(a: Reading, b: Reading): boolean {
  return a.tokens.every((t, i) => t === b.tokens[i]);
}

/** The numbers of a run (its blanks skipped), for the readings that treat the row as having lost a field. */
export function runNumbers(shape: Shape): Token[] {
  return shape.run.filter((t) => t.kind === 'number');
}
