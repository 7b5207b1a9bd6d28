// Walks the token rows once and records, per table, what was printed: labelled rows with the numbers that
// follow them ("observations") and runs of numbers that no label claims ("orphans"), in source order.
import type { SourceRef } from '../model/report.js';
import { headerKind, type Row, type Token } from './tokens.js';

export interface Observation {
  kind: 'row';
  table: string;
  row: string;
  label: Token;
  numbers: Token[];
  /** how many source rows the numbers came from (1 = printed on one line: the order is reliable) */
  numberRows: number;
  /** the label and its numbers were on one grid row */
  sameRow: boolean;
  /** empty cells printed in the row (a grid row with no numbers and blanks is a blank row) */
  blanks: number;
  /** the first values of a longer run of numbers after the label (set by the assembler) */
  split?: boolean;
  /**
   * For a label printed with its values on one delimited row (tabs, pipes, <tr>): every field after the label in
   * order — numbers and blanks, empty fields included — so that positions can tell which column is blank.
   */
  slots?: Token[];
  /** one cell per line: the numbers after the label with the empty cells between them ('|' lines), in order */
  flow?: Token[];
  /** space-aligned text: the display column where each of `numbers` ends (absent when any is unknown) */
  xs?: number[];
  /** the same with ambiguous characters counted narrow (TableCell.xn) */
  xns?: number[];
  /** some of `numbers` came from a row split at whitespace: a value missing from them is a printed blank */
  spaced: boolean;
  /** the row's table was padded to one width (TableBlock.padded) */
  padded: boolean;
  /** the index among the row's fields of the first of `slots` (-1 without slots) */
  fieldAt: number;
  seq: number;
}

export interface OrphanRun {
  kind: 'orphans';
  table: string;
  numbers: Token[];
  seq: number;
  /** a run of one delimited row: all its fields in order, empty fields included (table 四's value row) */
  slots?: Token[];
  /** one value per line: the values with the empty cells ('|' lines) between them, while the run is read */
  flow?: Token[];
  /** some of `numbers` came from a row split at whitespace (Observation.spaced) */
  spaced: boolean;
}

export type TableEvent = Observation | OrphanRun;

/**
 * An observation with every field present, in one order (absent ones undefined), and likewise an orphan run:
 * optional fields added later gave the objects several hidden classes, and V8 re-optimised the assembler's loops
 * over them several times per process (assembleTable's compile is the largest of a batch).
 */
export function observation(table: string, row: string, label: Token, numbers: Token[], numberRows: number,
  sameRow: boolean, blanks: number, seq: number): Observation {
  return { kind: 'row', table, row, label, numbers, numberRows, sameRow, blanks, split: false, slots: undefined,
    flow: undefined, xs: undefined, xns: undefined, spaced: false, padded: false,
    fieldAt: -1, seq };
}

/**
 * `e` with other numbers, made by observation() rather than a spread: a spread copy has a hidden class of its own,
 * and meeting one first in a late report deoptimised the assembler (assembleTable was compiled again for it).
 */
export function withNumbers(e: Observation, numbers: Token[], numberRows: number, split: boolean,
  count = numbers.length): Observation {
  const copy = observation(e.table, e.row, e.label, numbers, numberRows, e.sameRow, e.blanks, e.seq);
  copy.split = split;
  copy.slots = e.slots;
  copy.flow = e.flow;
  copy.xs = e.xs?.slice(0, count);
  copy.xns = e.xns?.slice(0, count);
  copy.spaced = e.spaced;
  copy.padded = e.padded;
  copy.fieldAt = e.fieldAt;
  return copy;
}

export function orphanRun(table: string, numbers: Token[], seq: number): OrphanRun {
  return { kind: 'orphans', table, numbers, seq, slots: undefined, flow: undefined, spaced: false };
}

export interface Walk {
  events: TableEvent[];
  /** tables whose captions, headers or labels were seen (present even without values) */
  seen: Set<string>;
  evidence: { version: '2019' | '2021'; what: string; pos: SourceRef }[];
}

/** Value cells of table 四 (5 for 行政复议, 5 each for the two kinds of 行政诉讼), in both templates. */
const REVIEW_WIDTH = 15;

const PIPES = /^[|｜]+$/;

const SECTION_CONTEXT: Record<number, string | null> = {
  1: null, 2: 'active', 3: 'applications', 4: 'reviewLitigation', 5: null, 6: null,
};

/**
 * The display columns where `numbers` end, when the row is space-aligned text (else null), by both counts of
 * ambiguous characters (TableCell.x, .xn).
 */
function displayEnds(row: Row, numbers: Token[]): { xs: number[]; xns: number[] } | null {
  if (!row.fields || !row.cells) return null;
  const xs: number[] = [];
  const xns: number[] = [];
  for (const n of numbers) {
    const cell = row.cells[row.fields.indexOf(n)];
    if (cell?.x === undefined || cell.xn === undefined) return null;
    xs.push(cell.x);
    xns.push(cell.xn);
  }
  return { xs, xns };
}

/** The fields after `label` when all of them are numbers or blanks (else null: not a plain value row). */
function slotsAfter(fields: Token[], label: Token): Token[] | null {
  const at = fields.indexOf(label);
  if (at < 0) return null;
  const out: Token[] = [];
  for (let i = at + 1; i < fields.length; i++) {
    const t = fields[i];
    if (t.kind !== 'number' && t.kind !== 'blank') return null;
    out.push(t);
  }
  return out;
}

export function walkTables(rows: Row[]): Walk {
  const events: TableEvent[] = [];
  const seen = new Set<string>();
  const evidence: Walk['evidence'] = [];
  let ctx: string | null = null;
  let pending: Observation | null = null;
  let run: OrphanRun | null = null;
  let seq = 0;

  const finish = () => {
    if (pending) {
      // empty cells printed among its values: the positions can tell its blanks
      // (only between its first and last value: at a row's edges an empty cell is indistinguishable from the
      // empty fields of merged cells, which one-cell-per-line text prints the same way)
      const flow = pending.flow;
      if (flow && pending.numbers.length) {
        const first = flow.indexOf(pending.numbers[0]);
        const last = flow.lastIndexOf(pending.numbers[pending.numbers.length - 1]);
        if (last - first + 1 > pending.numbers.length) pending.slots = flow.slice(first, last + 1);
      }
      pending.flow = undefined;
      events.push(pending);
    }
    pending = null;
  };
  const endRun = () => {
    if (run && run.numbers.length) {
      const flow = run.flow;
      if (flow && !run.slots && flow.filter((t) => t.kind === 'number').length === run.numbers.length) {
        // one value per line with empty cells between them: the interior empty cells keep their places
        const first = flow.indexOf(run.numbers[0]);
        const last = flow.lastIndexOf(run.numbers[run.numbers.length - 1]);
        if (last - first + 1 > run.numbers.length) run.slots = flow.slice(first, last + 1);
      }
      run.flow = undefined;
      events.push(run);
    }
    run = null;
  };
  const orphan = (numbers: Token[], spaced: boolean, fields?: Token[]) => {
    if (!ctx || ctx === 'active') return; // numbers outside any table are prose
    if (!run || run.table !== ctx) {
      endRun();
      run = orphanRun(ctx, [], seq++);
      if (fields && fields.every((t) => t.kind === 'number' || t.kind === 'blank')) run.slots = fields;
    } else run.slots = undefined; // several rows: positions within one row no longer say the column
    for (const n of numbers) run.numbers.push(n);
    if (spaced) run.spaced = true;
    if (!fields) for (const n of numbers) (run.flow ??= []).push(n);
  };

  for (let ri = 0; ri < rows.length; ri++) {
    const row = rows[ri];
    const first = row.tokens[0];
    if (!first) continue;
    if (!row.grid && row.tokens.length === 1 && first.kind === 'blank' && PIPES.test(first.text)) {
      // a line of n bare pipes among one-cell-per-line values: n empty cells of the row being read
      const flow = pending ? (pending.flow ??= [...pending.numbers]) : (run as OrphanRun | null)?.flow;
      if (flow) for (let k = 0; k < first.text.length; k++) flow.push({ kind: 'blank', text: '', pos: first.pos });
      continue;
    }
    // one pass over the row's tokens (this loop runs for every row of every report)
    const numbers: Token[] = [];
    const headers: ('applications' | 'review')[] = [];
    let blanks = 0;
    let nonBlank = 0;
    let anyHeader = false;
    let anyVersion = false;
    let caption: Token | undefined;
    let dataLabel: Token | undefined;
    let groupToken: Token | undefined;
    for (const t of row.tokens) {
      if (t.version) {
        // a literal: a spread here costs a runtime call per cell
        evidence.push({ version: t.version.version, what: t.version.what, pos: t.pos });
        anyVersion = true;
      }
      if (t.kind === 'number') numbers.push(t);
      else if (t.kind === 'blank') blanks++;
      else if (t.kind === 'label') {
        if (t.label?.isData) dataLabel = t;
        else groupToken ??= t;
      } else if (t.kind === 'caption') caption ??= t;
      else if (t.kind === 'header') {
        anyHeader = true;
        const h = headerKind(t);
        if (h) headers.push(h);
      }
      if (t.kind !== 'blank') nonBlank++;
    }
    if (first.kind === 'section' && !dataLabel) {
      finish();
      endRun();
      ctx = SECTION_CONTEXT[first.section ?? 0] ?? null;
      // a table grid right under the heading is that section's table, even when its header text is cut
      const next = rows[ri + 1];
      if (ctx && next?.grid) seen.add(ctx === 'active' ? 'art20_1' : ctx);
      continue;
    }
    if (caption?.caption) {
      finish();
      endRun();
      ctx = caption.caption;
      seen.add(ctx);
    }
    // a group label (（三）不予公开) printed with values is a subtotal row: keep it apart, never as loose values
    const groupLabel = numbers.length && row.grid ? groupToken : undefined;
    const label = dataLabel ?? groupLabel;
    if (!label && headers.length && !numbers.length) {
      finish();
      endRun();
      // the first header word decides: a row of review headers opens table 四, any other header table 三
      ctx = headers[0] === 'review' ? 'reviewLitigation' : 'applications';
      seen.add(ctx);
      continue;
    }
    if (label?.label) {
      finish();
      endRun();
      const table = label.label.table;
      ctx = table;
      seen.add(table);
      const after = numbers.filter((n) => n.pos.column > label.pos.column || n.pos.line > label.pos.line);
      const obs = observation(
        table, label.label.row, label, after, after.length ? 1 : 0, after.length > 0, blanks, seq++,
      );
      obs.spaced = after.length > 0 && row.spaced === true;
      obs.padded = row.padded === true;
      if (after.length && row.grid && row.fields) {
        const slots = slotsAfter(row.fields, label);
        if (slots) {
          obs.slots = slots;
          obs.fieldAt = row.fields.indexOf(label) + 1;
        }
        const ends = displayEnds(row, after);
        if (ends) [obs.xs, obs.xns] = [ends.xs, ends.xns];
      }
      if (after.length) events.push(obs);
      else pending = obs;
      continue;
    }
    if (numbers.length && numbers.length === nonBlank) {
      // a line of numbers only
      if (pending && pending.numbers.length < 64) {
        const ends = pending.numbers.length === 0 || pending.xs ? displayEnds(row, numbers) : null;
        pending.xs = ends ? [...(pending.xs ?? []), ...ends.xs] : undefined;
        pending.xns = ends ? [...(pending.xns ?? []), ...ends.xns] : undefined;
        for (const n of numbers) pending.numbers.push(n);
        if (pending.flow) for (const n of numbers) pending.flow.push(n);
        if (row.spaced) pending.spaced = true;
        pending.numberRows++;
      } else orphan(numbers, row.spaced === true, row.grid ? row.fields : undefined);
      continue;
    }
    if (numbers.length && pending && !pending.numbers.length) {
      // the wrapped end of a label, with the values on the same line
      for (const n of numbers) pending.numbers.push(n);
      if (pending.flow) for (const n of numbers) pending.flow.push(n);
      if (row.spaced) pending.spaced = true;
      pending.numberRows++;
      continue;
    }
    // header words or text: a pending label with values is complete; one without may continue on this line
    if (pending && pending.numbers.length) finish();
    if (headers.length || anyHeader) {
      if (pending) finish();
      endRun();
      if (ctx === 'reviewLitigation' || headers.includes('review')) ctx = 'reviewLitigation';
      if (headers.includes('applications') && ctx !== 'reviewLitigation') ctx = 'applications';
      if (ctx && (headers.length || anyVersion)) seen.add(ctx);
      if (numbers.length) orphan(numbers, row.spaced === true);
      continue;
    }
    if (numbers.length && row.grid) orphan(numbers, row.spaced === true);
    else if (ctx === 'reviewLitigation' && row.grid && blanks === row.tokens.length && blanks >= REVIEW_WIDTH) {
      // table 四's value row printed with every cell empty (a blank form): the row exists, its values are blank
      finish();
      endRun();
      events.push(observation(ctx, 'cases', first, [], 0, false, blanks, seq++));
    } else endRun();
  }
  finish();
  endRun();
  return { events, seen, evidence };
}
