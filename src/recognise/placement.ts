// Placing the values of rows that are not simply read as printed, and proving each placement unique. A delimited
// row is read by the positions of its fields (positions.ts); a row whose fields do not say where its values go
// keeps every reading its printed numbers allow — by position beside its empty fields, or as a row that lost a
// field in transcription (its row sum then gives the lost value, as the seeds' truth records it). The table's
// relations drop readings that cannot hold; a cell is placed only where every remaining reading agrees, and a row
// left (partly) out says how many readings fit. A printed blank is never given a value: in a positional reading it
// is BLANK, and a reading that would fill it is a lost-field reading, kept only where no empty field was printed.
import type { Diagnostic } from '../model/report.js';
import type { TableDef } from '../model/template.js';
import {
  agreedOf, BLANK, consistentWith, gapReadings, pruneReadings, rowCandidates, rowSumsHold, solveTable,
  type Candidate, type RowSum,
} from './align.js';
import { columnRelations, CUT_REASON, diag, endsAt, shortReason, type RowRead } from './assemble-parts.js';
import {
  learnNorms, NO_NORMS, positionalReadings, runNumbers, shapeOf, type Norms, type Reading, type Shape,
} from './positions.js';
import { valuesOf, type Token } from './tokens.js';
import { openIfShifted, settlePositioned } from './trailing-blanks.js';
import type { Observation, OrphanRun } from './walk.js';

/**
 * A reading of an open row: by the positions of its fields, as a row that lost a field (the row sum gives it back),
 * or as a whitespace-separated row whose missing values are printed blanks ('gap').
 */
export interface OpenReading { values: Candidate; tokens: (Token | null)[] | null; kind: 'position' | 'lost' | 'gap' }

/**
 * A positional reading as an open reading: a literal of the same shape as the lost-field readings' (a spread copy
 * has a hidden class of its own, and V8 deoptimised the code reading both kinds when one of them first came).
 */
function positional(r: Reading): OpenReading {
  return { values: r.values, tokens: r.tokens, kind: 'position' };
}

/**
 * Lost-field readings appended to `out` (a loop and push, not a spread of .map: an optimised .map makes a holey
 * array where the unoptimised one made a packed one, and the code reading them deoptimised on the other kind).
 */
export function pushLost(out: OpenReading[], cands: readonly Candidate[]): OpenReading[] {
  for (const values of cands) out.push({ values, tokens: null, kind: 'lost' });
  return out;
}

/**
 * A whitespace-separated row's readings (gapReadings) appended to `out`, each column's token the printed value it
 * holds (none at a blank).
 */
export function pushGaps(out: OpenReading[], numbers: Token[], width: number, sums: RowSum[]): OpenReading[] {
  for (const g of gapReadings(valuesOf(numbers), width, sums)) {
    const tokens: (Token | null)[] = [];
    for (let c = 0; c < g.from.length; c++) tokens.push(g.from[c] < 0 ? null : numbers[g.from[c]]);
    out.push({ values: g.values, tokens, kind: 'gap' });
  }
  return out;
}

export const GAP_REASON = '空格分隔的行印出的数少于列数，缺少的数按印为空白处理（空白单元格在此不留痕迹），' +
  '各数所在列由合计关系唯一确定 / a whitespace-separated row printed fewer values than columns: the missing ones ' +
  'are printed blanks (an empty cell leaves no trace there); the columns are fixed by the sums';

/** A row with more than one possible reading, or one positional reading still to be checked (`strong`). */
export interface OpenRow {
  obs: Observation;
  readings: OpenReading[];
  /** lost-field readings of a strong positional row, used only if positions prove unreliable in this table */
  alt: Candidate[];
  strong: boolean;
}

const MAX_COMBINATIONS = 200_000;

export const POSITION_REASON = '按该行各字段的位置读出，空白字段记为空白 / ' +
  'read by the positions of the row\'s fields; empty fields are blanks';

const levelsMemo = new WeakMap<TableDef, Map<string, number>>();

/** A row's level in its table (0 when the table has no such row); the template's levels, indexed once per table. */
function levelOf(table: TableDef, row: string): number {
  let levels = levelsMemo.get(table);
  if (!levels) {
    levels = new Map();
    for (const r of table.rows) if (!levels.has(r.key)) levels.set(r.key, r.level ?? 0);
    levelsMemo.set(table, levels);
  }
  return levels.get(row) ?? 0;
}

/** The field structure of the table's delimited rows that print every value. */
export function tableNorms(
  table: TableDef, stream: (Observation | OrphanRun)[],
): { norms: Norms; shapes: Map<Observation, Shape> } {
  const full: { level: number; shape: Shape; start: number; labelEnd: number }[] = [];
  let padded = false;
  const shapes = new Map<Observation, Shape>(); // each row's shape, computed once
  for (const e of stream) {
    if (e.kind !== 'row' || !e.slots || e.split) continue;
    const shape = shapeOf(e.slots);
    if (!shape) continue;
    shapes.set(e, shape);
    if (e.padded) padded = true;
    if (shape.run.length === table.columns.length) {
      full.push({ level: levelOf(table, e.row), shape, start: e.fieldAt + shape.lead, labelEnd: e.fieldAt });
    }
  }
  return { norms: full.length ? learnNorms(full, padded) : NO_NORMS, shapes };
}


/**
 * Read a delimited row by its fields' positions. Returns false when the row is left to the plain reading of its
 * numbers (a run longer than the table without blanks: a stray value, as before).
 */
export function readByPosition(table: TableDef, e: Observation, shape: Shape, norms: Norms, sums: RowSum[],
  cutAt: Token['pos'] | null, reads: Map<string, RowRead>, open: Map<string, OpenRow>,
  diagnostics: Diagnostic[]): boolean {
  const width = table.columns.length;
  const run = shape.run;
  const valueOf = (t: Token | null): number | null => (t && t.kind === 'number' ? t.number.value : BLANK);
  if (run.length === width) {
    const values: Candidate = []; // a loop, not .map: see valuesOf in tokens.ts
    for (let c = 0; c < run.length; c++) values.push(valueOf(run[c]));
    settlePositioned(e, values, run, sums, reads, open, diagnostics); // blanks trailing: maybe a padded short row
    return true;
  }
  if (run.length > width) {
    if (!shape.blankInside) return false;
    diagnostics.push(diag('row-unplaceable', `「${e.label.text}」一行印有${run.length}个字段（含空白），多于${width}列，已略去。`,
      `row "${e.label.text}" prints ${run.length} fields (blanks included) for ${width} columns; left out`, e.label));
    return true;
  }
  const numbers = runNumbers(shape);
  if (endsAt(numbers, cutAt)) {
    // cut inside the row: the fields fill the columns from the left, as printed (blanks stay blank)
    const s = norms.lead.get(levelOf(table, e.row));
    const o = s !== undefined && shape.lead >= s ? shape.lead - s : 0;
    const values: Candidate = Array(width).fill(null);
    const tokens: (Token | null)[] = Array(width).fill(null);
    for (let c = o; c < width && c - o < run.length; c++) {
      tokens[c] = run[c - o];
      values[c] = valueOf(run[c - o]);
    }
    reads.set(e.row, { row: e.row, tokens, values, how: 'direct', reason: CUT_REASON });
    diagnostics.push(diag('row-cut', `文本在「${e.label.text}」一行中断，只读到前${numbers.length}个数。`,
      `the text stops inside row "${e.label.text}"; only its first ${numbers.length} values were read`, e.label));
    return true;
  }
  const { strong, weak } = positionalReadings(shape, width, levelOf(table, e.row), norms, e.fieldAt);
  // a run with a blank inside cannot have lost a value inside it: no lost-field reading; nor can a row split at
  // whitespace, where a missing value is a blank that left no empty field (gap readings)
  const lost = shape.blankInside || e.spaced ? [] : rowCandidates(valuesOf(numbers), width, sums);
  if (strong && rowSumsHold(strong.values, sums)) {
    // a padded grid's short row lines up from both ends too: strong only when no shifted reading fits
    if (openIfShifted(e, strong.values, strong.tokens, sums, open, diagnostics)) return true;
    open.set(e.row, { obs: e, readings: [positional(strong)], alt: lost, strong: true });
    return true;
  }
  const readings: OpenReading[] = [];
  for (const r of weak) if (rowSumsHold(r.values, sums)) readings.push(positional(r));
  pushLost(readings, lost);
  if (e.spaced && !shape.blankInside) pushGaps(readings, numbers, width, sums);
  open.set(e.row, { obs: e, readings: dedupe(readings), alt: [], strong: false });
  return true;
}

/**
 * The readings without repeats, each first finding kept. Compared value by value as their JSON keys compared
 * (BLANK as 'b'; null, NaN and ±Infinity other than BLANK all print null), without making the keys: a row's readings
 * are few, and stringifying each was a tenth of placing table 三 in seeds 001/002 (bench/assemble-rows.mjs).
 */
function dedupe(readings: OpenReading[]): OpenReading[] {
  const out: OpenReading[] = [];
  for (const r of readings) if (!out.some((o) => sameKey(o.values, r.values))) out.push(r);
  return out;
}

function sameKey(a: Candidate, b: Candidate): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(printsNull(a[i]) && printsNull(b[i]))) return false;
  return true;
}

/** What JSON.stringify prints as null among a reading's values (BLANK is keyed 'b' first). */
function printsNull(v: number | null): boolean {
  return v === null || (v !== BLANK && !Number.isFinite(v));
}

/**
 * Settle the open rows against the table's relations. First, whether positions can be trusted here: a row whose
 * every positional reading breaks a relation while a lost-field reading holds shows that this transcription lost
 * fields (seeds 001/002: an empty field beside the values, a value missing inside), so no positional reading of
 * the table is used where a lost-field reading exists. Then strong positional rows are read as printed, and the
 * rest are placed where all readings that survive the relations agree.
 */
export function resolveOpen(
  table: TableDef, order: string[], reads: Map<string, RowRead>, open: Map<string, OpenRow>, diagnostics: Diagnostic[],
): void {
  const relations = columnRelations(order, new Set([...reads.keys(), ...open.keys()]));
  const fixed = new Map([...reads].map(([k, r]) => [k, r.values] as [string, Candidate]));
  const known = new Map(
    [...open].map(([k, o]) => [k, agreedOf(readingValues(o.readings))] as [string, Candidate]),
  );
  let unreliable = false;
  for (const [row, o] of open) {
    const positional = o.readings.filter((r) => r.kind === 'position');
    const lost = [...o.readings.filter((r) => r.kind === 'lost').map((r) => r.values), ...o.alt];
    if (!positional.length || !lost.length) continue;
    // `known` holds this row's own agreed values too; consistentWith reads the row's cells from the candidate,
    // never from `known`, so it is passed as it is rather than copied without the row for every open row
    const posOk = positional.some((r) => consistentWith(row, r.values, fixed, known, relations));
    if (!posOk && lost.some((c) => consistentWith(row, c, fixed, known, relations))) {
      unreliable = true;
      break;
    }
  }
  if (unreliable) {
    diagnostics.push(diag('positions-unreliable', '表格有的行按字段位置读出后与合计关系矛盾，说明转录时丢失了字段；该表各行按印出的数值与合计关系读取。',
      'a row read by its field positions breaks the sums, so this transcription lost fields; the rows of this table ' +
        'are read from their printed values and the sums', undefined, undefined, 'info'));
    for (const o of open.values()) {
      const lost = pushLost(o.readings.filter((r) => r.kind === 'lost'), o.alt);
      if (!lost.length) continue;
      o.readings = dedupe(lost);
      o.alt = [];
      o.strong = false;
    }
  }
  for (const [row, o] of open) {
    if (!o.strong) continue;
    const r = o.readings[0];
    reads.set(row, { row, tokens: r.tokens ?? [], values: r.values, how: 'direct', reason: undefined });
    fixed.set(row, r.values);
    open.delete(row);
  }
  if (!open.size) return;
  const pruned = pruneReadings(
    fixed,
    new Map([...open].map(([k, o]) => [k, readingValues(o.readings)] as [string, Candidate[]])),
    relations,
  );
  const combos = [...pruned.values()].reduce((n, c) => n * Math.max(1, c.length), 1);
  const solved = combos <= MAX_COMBINATIONS && combos > 1 ? solveTable(fixed, pruned, relations) : null;
  for (const [row, o] of open) {
    const cands = pruned.get(row) ?? [];
    const placed = solved ? solved.placed.get(row) ?? null : cands.length ? agreedOf(cands) : null;
    const fits = solved ? (solved.readings > 0 ? countFits(cands, placed) : 0) : cands.length;
    place(table, row, o, cands, placed, fits, reads, diagnostics);
  }
}

/** The readings' values, in order (a loop, not .map: see valuesOf in tokens.ts; agreedOf deoptimised on it). */
function readingValues(readings: OpenReading[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < readings.length; i++) out.push(readings[i].values);
  return out;
}

/** Readings of one row that the joint solution leaves open (at least one when something was placed). */
function countFits(cands: Candidate[], placed: Candidate | null): number {
  if (!placed) return 0;
  return Math.max(1, cands.filter((c) => c.every((v, i) => placed[i] === null || v === placed[i])).length);
}

function place(table: TableDef, row: string, o: OpenRow, cands: Candidate[], placed: Candidate | null, fits: number,
  reads: Map<string, RowRead>, diagnostics: Diagnostic[]): void {
  const label = o.obs.label;
  const width = table.columns.length;
  const n = o.obs.numbers.length;
  const printed = o.obs.numbers.map((t) => t.text).join(' ');
  if (!placed || placed.every((v) => v === null)) {
    diagnostics.push(diag('row-unplaceable',
      `「${label.text}」一行印有${n}个数（「${printed}」），表格有${width}列，无法确定各数所在列（${fits}种读法符合印出的顺序与各合计关系），已略去。`,
      `row "${label.text}" prints ${n} values for ${width} columns ("${printed}"); ${fits} readings fit the printed ` +
        'order and every sum, so its columns are not certain; left out', label));
    return;
  }
  const single = cands.length === 1 ? o.readings.find((r) => sameValues(r.values, cands[0])) : undefined;
  const tokens = single?.tokens ?? [];
  const reason = single?.kind === 'position' ? POSITION_REASON : single?.kind === 'gap' ? GAP_REASON
    : single && o.readings.length === 1 ? shortReason(n, width)
      : `该行印有「${printed}」，列位置由行合计、列平衡和（七）总计唯一确定 / ` +
        `printed "${printed}"; columns fixed by the row sum, the column balances and （七）总计`;
  reads.set(row, { row, tokens, values: placed, how: 'inferred', reason });
  if (placed.some((v) => v === null))
    diagnostics.push(diag('row-partly-placed', `「${label.text}」一行印有「${printed}」，${fits}种读法均符合，部分数值所在列无法确定，已略去这些单元格。`,
      `row "${label.text}" printed "${printed}": ${fits} readings fit; some columns cannot be determined and are ` +
        'left out', label));
}

function sameValues(a: Candidate, b: Candidate): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
