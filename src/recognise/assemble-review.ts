// Table 四 (行政复议、行政诉讼): one row of 15 values, printed as one delimited row (read by position, blanks kept),
// as runs of numbers (placed by the group sums where one placement fits), interleaved with its header (grouped by
// the group totals, the 行政复议 group told by the prose), or with every cell empty (blank).
import { bilingual, type Cell, type Diagnostic } from '../model/report.js';
import { cellKey, type TableDef } from '../model/template.js';
import { agreedOf, BLANK, rowCandidates, rowSumsHold, type Candidate, type RowSum } from './align.js';
import {
  CUT_REASON, diag, endsAt, rowCellKeys, rowSums, shortReason, type Assembled,
} from './assemble-parts.js';
import { GAP_REASON, POSITION_REASON } from './placement.js';
import { NO_NORMS, positionalReadings, shapeOf } from './positions.js';
import { groupReviewRuns, reviewGroupByProse } from './review-runs.js';
import { valuesOf, type Token } from './tokens.js';
import type { Observation, OrphanRun } from './walk.js';

/**
 * Table 四's value row printed as one delimited row with blanks: read by position when its fields fill the 15
 * columns (or its run does); a shorter run with a blank inside is placed only where one offset satisfies the group
 * sums. Null when the row holds no blank (the plain reading of its numbers applies).
 */
function reviewByPosition(slots: Token[], width: number, sums: RowSum[], cut: boolean, spaced: boolean):
  { values: Candidate | null; tokens: (Token | null)[]; how: Cell['how']; reason?: string; run: number;
    fits: number } | null {
  const shape = shapeOf(slots);
  if (!shape || !slots.some((t) => t.kind === 'blank') || shape.run.length > width) return null;
  if (cut) {
    // cut inside the row: the fields fill the columns from the left, as printed; past the cut nothing is known
    if (shape.lead > 0 || !shape.blankInside) return null;
    const values: Candidate = Array(width).fill(null);
    shape.run.forEach((t, c) => (values[c] = t.kind === 'number' ? t.number.value : BLANK));
    return { values, tokens: shape.run, how: 'direct', reason: CUT_REASON, run: shape.run.length, fits: 1 };
  }
  if (shape.run.length === width) {
    if (!shape.blankInside) return null; // every value printed: the plain reading
    const values = shape.run.map((t) => (t.kind === 'number' ? t.number.value : BLANK));
    return { values, tokens: shape.run, how: 'direct', run: width, fits: 1 };
  }
  const { strong, weak } = positionalReadings(shape, width, 0, NO_NORMS);
  if (strong) return { values: strong.values, tokens: strong.tokens, how: 'direct', run: shape.run.length, fits: 1 };
  // the empty fields at the ends may be blanks or a scrape's filler, and the row may have lost a value: keep what
  // every reading that satisfies the group sums agrees on
  const fits = weak.filter((r) => rowSumsHold(r.values, sums));
  const lost = shape.blankInside ? [] : rowCandidates(shape.run.map((t) => t.number?.value ?? 0), width, sums, spaced);
  const all = [...fits.map((r) => r.values), ...lost];
  if (fits.length === 1 && !lost.length) return {
    values: fits[0].values, tokens: fits[0].tokens, how: 'inferred', reason: POSITION_REASON, run: shape.run.length,
    fits: 1,
  };
  const agreed = all.length ? agreedOf(all) : null;
  if (!agreed || agreed.every((v) => v === null)) return {
    values: null, tokens: [], how: 'inferred', run: shape.run.length, fits: all.length,
  };
  return { values: agreed, tokens: [], how: 'inferred', run: shape.run.length, fits: all.length,
    reason: `复议诉讼表一行有${all.length}种读法符合合计关系，只取各读法一致的单元格 / ` +
      `${all.length} readings of the row fit the group sums; only the cells they agree on are kept` };
}

/** A value row of table 四 printed with every cell empty: its cells are blank (not zero, not missing). */
function blankReviewRow(table: TableDef, stream: (Observation | OrphanRun)[]): Cell[] {
  const blank = stream.find(
    (e): e is Observation => e.kind === 'row' && e.row === 'cases' && e.blanks >= table.columns.length,
  );
  if (!blank) return [];
  const keys = rowCellKeys(table, 'cases');
  return table.columns.map((col, c) => ({
    key: keys[c], table: table.key, row: 'cases', column: col.key, value: null, raw: '', source: blank.label.pos,
    how: 'direct',
  }));
}

export function assembleReview(
  table: TableDef, stream: (Observation | OrphanRun)[], diagnostics: Diagnostic[], cutAt: Token['pos'] | null,
  proseReviews?: number,
): Assembled {
  const runs = stream.filter((e): e is OrphanRun => e.kind === 'orphans');
  const tokens = runs.flatMap((r) => r.numbers);
  if (!tokens.length) return { cells: blankReviewRow(table, stream), diagnostics };
  const width = table.columns.length;
  const sums = rowSums(table);
  // one run: printed in order (one line, or one value per line with nothing between)
  const inOrder = runs.length === 1 || new Set(tokens.map((t) => t.pos.line)).size === 1;
  let values: Candidate | null = null;
  let how: Cell['how'] = 'direct';
  let reason: string | undefined;
  let placedTokens: (Token | null)[] = tokens;
  const printed = valuesOf(tokens);
  // split at whitespace, a missing value is a printed blank, not a lost field for the group sums to give back
  const spaced = runs.some((r) => r.spaced);
  let candsMemo: Candidate[] | null = null; // the search runs only when the printed order is not enough
  const cands = (): Candidate[] => (candsMemo ??= rowCandidates(printed, width, sums, spaced));
  const byPosition = runs.length === 1 && runs[0].slots
    ? reviewByPosition(runs[0].slots, width, sums, endsAt(tokens, cutAt), spaced)
    : null;
  if (byPosition) {
    ({ values, tokens: placedTokens, how, reason } = byPosition);
    if (!values) {
      diagnostics.push(diag('review-unplaced',
        `复议诉讼表一行印有${byPosition.run}个字段（含空白），空白所在列有${byPosition.fits}种读法符合合计关系，已略去。`,
        `the review/litigation row prints ${byPosition.run} fields (blanks included); ${byPosition.fits} placements ` +
          'of its blanks fit the sums; left out', tokens[0]));
      return { cells: [], diagnostics };
    }
    if (values.some((v) => v === null))
      diagnostics.push(diag('row-partly-placed',
        `复议诉讼表一行印有${byPosition.run}个字段（含空白），${byPosition.fits}种读法符合合计关系，各读法不一致的单元格已略去。`,
        `the review/litigation row prints ${byPosition.run} fields (blanks included); ${byPosition.fits} readings ` +
          'fit the sums; the cells they disagree on are left out', tokens[0]));
  } else if (printed.length === width && (inOrder || cands().length === 1)) values = printed;
  else if (printed.length < width && inOrder && endsAt(tokens, cutAt)) {
    values = [...printed, ...Array(width - printed.length).fill(null)];
    reason = CUT_REASON;
  } else if (inOrder && cands().length === 1) {
    values = cands()[0];
    how = 'inferred';
    reason = spaced && printed.length < width ? GAP_REASON : shortReason(printed.length, width);
    placedTokens = [];
  } else if (!inOrder) {
    const groups = groupReviewRuns(runs.map((r) => r.numbers));
    const review = groups && reviewGroupByProse(groups, proseReviews);
    if (review) {
      placedTokens = [...review.parts, review.total, ...Array(10).fill(null)];
      values = placedTokens.map((t) => t?.number?.value ?? null);
      how = 'ordered';
      reason = '复议诉讼表数值与表头交错印出；按组合计归组，行政复议一组由正文所述件数确定 / ' +
        'values interleaved with the header; grouped by the group totals, the 行政复议 group identified by the prose';
      diagnostics.push(diag('review-litigation-unplaced', '复议诉讼表数值与表头交错印出，两组行政诉讼数值无法确定哪组是“未经复议直接起诉”、哪组是“复议后起诉”，已略去。',
        'the review/litigation values are interleaved with the header: which litigation group is direct and which ' +
          'after review cannot be told; left out', tokens[0]));
    }
  }
  if (!values) {
    diagnostics.push(diag('review-unplaced', `复议诉讼表印有${printed.length}个数（应为${width}个），无法确定各数所在列，已略去。`,
      `the review/litigation table prints ${printed.length} values for ${width} columns and they cannot be placed ` +
        'with certainty; left out', tokens[0]));
    return { cells: [], diagnostics };
  }
  if (how !== 'direct')
    diagnostics.push(diag(
      'review-damaged',
      `复议诉讼表印有${printed.length}个数，已按合计关系确定各数所在列。`,
      `the review/litigation table printed ${printed.length} values; columns fixed by the group totals`,
      tokens[0], undefined, 'info',
    ));
  const cells: Cell[] = values.flatMap((v, c) => {
    if (v === null) return [];
    const col = table.columns[c];
    const tok = placedTokens[c];
    return [{ key: cellKey(table.key, 'cases', col.key), table: table.key, row: 'cases', column: col.key,
      value: v === BLANK ? null : v, raw: tok?.text ?? '', source: (tok ?? tokens[0]).pos, how,
      reason: reason === undefined ? undefined : bilingual(reason) }];
  });
  return { cells, diagnostics };
}
