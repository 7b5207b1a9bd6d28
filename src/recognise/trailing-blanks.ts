// A row read by position whose blank cells all come after its printed values. A converter that pads every row of
// a table to its width (pipe and grid tables, space-aligned columns) prints a row that lost a field in an earlier
// transcription as a row whose last cells are blank: `101 0 0 0 0 101 ␣` reads by position as 其他 101 with a
// blank 总计, and as the row `101 0 0 0 0 0 101` that lost a 0. The text alone cannot tell them apart, so when a
// lost-field reading satisfies the row sums and puts a printed value in another column than its position does,
// both readings stay open and the table's column relations decide (placement.ts resolveOpen); a cell they
// cannot decide is left out. Otherwise the row is read as positioned.
import type { Diagnostic } from '../model/report.js';
import { BLANK, rowCandidates, type Candidate, type RowSum } from './align.js';
import { diag, type RowRead } from './assemble-parts.js';
import type { OpenReading, OpenRow } from './placement.js';
import type { Token } from './tokens.js';
import type { Observation } from './walk.js';

/** Records the row in `reads` (read as positioned) or in `open` (a shifted reading fits too). */
export function settlePositioned(e: Observation, values: Candidate, tokens: (Token | null)[], sums: RowSum[],
  reads: Map<string, RowRead>, open: Map<string, OpenRow>, diagnostics: Diagnostic[]): void {
  if (!openIfShifted(e, values, tokens, sums, open, diagnostics))
    reads.set(e.row, { row: e.row, tokens, values, how: 'direct', reason: undefined });
}

/**
 * True when a shifted reading fits too: the row is then in `open` with its positional and shifted readings. When
 * the only lost-field readings keep every printed value in its column and give the trailing blanks a value, the
 * blanks stay blank (they are printed) and a note says what the row sum would make them.
 */
export function openIfShifted(e: Observation, values: Candidate, tokens: (Token | null)[], sums: RowSum[],
  open: Map<string, OpenRow>, diagnostics: Diagnostic[]): boolean {
  const { moving, filling } = shiftedReadings(values, sums);
  if (!moving.length) {
    if (filling) diagnostics.push(blankOrLost(e, values, filling));
    return false;
  }
  const readings: OpenReading[] = [{ values, tokens, kind: 'position' }];
  for (const c of moving) readings.push({ values: c, tokens: null, kind: 'lost' });
  open.set(e.row, { obs: e, readings, alt: [], strong: false });
  return true;
}

/**
 * The lost-field readings of a row whose blanks all trail its values: those that give some printed value's column
 * another value (`moving`), and one that keeps them all and fills a trailing blank (`filling`). None when a blank
 * stands before a value, nothing is blank, or the sums rule every shift out.
 */
function shiftedReadings(values: Candidate, sums: RowSum[]): { moving: Candidate[]; filling: Candidate | null } {
  const moving: Candidate[] = [];
  let filling: Candidate | null = null;
  if (!sums.length || values[values.length - 1] !== BLANK) return { moving, filling };
  const printed: number[] = [];
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (v === BLANK) continue;
    if (v === null || printed.length < c) return { moving, filling }; // a blank before a value: not a padded row
    printed.push(v);
  }
  if (!printed.length) return { moving, filling };
  for (const c of rowCandidates(printed, values.length, sums)) {
    let moves = false;
    // a value the shifted reading leaves unknown (null) does not contradict the printed one there
    for (let i = 0; i < printed.length && !moves; i++) moves = c[i] !== null && c[i] !== printed[i];
    if (moves) moving.push(c);
    else if (!filling && c.slice(printed.length).some((v) => v !== null)) filling = c;
  }
  return { moving, filling };
}

/** The note of a row whose trailing blanks may be values a transcription lost: what the row sum makes them. */
function blankOrLost(e: Observation, values: Candidate, filling: Candidate): Diagnostic {
  const n = values.filter((v) => v !== BLANK).length;
  const k = values.length - n;
  const implied = filling.slice(n).map((v) => (v === null ? '?' : String(v)));
  return diag('row-blank-or-lost',
    `「${e.label.text}」一行印有${n}个数，其后${k}格印为空白；若是转录时丢失了数值，按行合计应为${implied.join('、')}。` +
      '按印出的空白记录。',
    `row "${e.label.text}" prints ${n} values and then ${k} blank cells; had the transcription lost values there, ` +
      `the row sum would make them ${implied.join(', ')}; recorded blank, as printed`, e.label, undefined, 'info');
}
