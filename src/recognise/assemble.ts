// Turns the walk's observations into cells, table by table: rows printed whole are read as printed; rows that
// printed too few or too many values, and values printed apart from their labels, are placed only where the
// table's relations leave one possibility — otherwise they are left out with a diagnostic saying why.
import type { Cell, Diagnostic } from '../model/report.js';
import { cellKey, tableDef, type TableDef, type TemplateVersion } from '../model/template.js';
import { rowCandidates, solveTable, type Candidate, type RowSum, type TableSum } from './align.js';
import type { Token } from './tokens.js';
import type { Observation, OrphanRun, TableEvent } from './walk.js';
import { groupReviewRuns, reviewGroupByProse } from './review-runs.js';

export interface Assembled { cells: Cell[]; diagnostics: Diagnostic[] }

interface RowRead { row: string; tokens: (Token | null)[]; values: Candidate; how: Cell['how']; reason?: string }

const rowSumsMemo = new WeakMap<TableDef, RowSum[]>();

/** Row sums within one row, by column index (computed once per table definition). */
export function rowSums(table: TableDef): RowSum[] {
  let sums = rowSumsMemo.get(table);
  if (!sums) rowSumsMemo.set(table, (sums = computeRowSums(table)));
  return sums;
}

function computeRowSums(table: TableDef): RowSum[] {
  const idx = (k: string) => table.columns.findIndex((c) => c.key === k);
  if (table.key === 'applications') return [{ total: idx('total'), parts: [0, 1, 2, 3, 4, 5] }];
  if (table.key === 'reviewLitigation')
    return ['review', 'litigationDirect', 'litigationAfterReview'].map((g) => ({
      total: idx(`${g}.total`), parts: ['upheld', 'corrected', 'other', 'pending'].map((p) => idx(`${g}.${p}`)),
    }));
  return [];
}

const dataRowsMemo = new WeakMap<TableDef, Map<boolean, string[]>>();

/** Data rows in template order; a 2021 report printing one （六）其他处理 row uses it instead of the items. */
function dataRows(table: TableDef, singleOther: boolean): string[] {
  let byOther = dataRowsMemo.get(table);
  if (!byOther) dataRowsMemo.set(table, (byOther = new Map()));
  let rows = byOther.get(singleOther);
  if (!rows) byOther.set(singleOther, (rows = computeDataRows(table, singleOther)));
  return rows;
}

function computeDataRows(table: TableDef, singleOther: boolean): string[] {
  const rows = table.rows.filter((r) => r.isData).map((r) => r.key);
  if (table.key !== 'applications' || !singleOther || rows.includes('outcome.other')) return rows;
  const i = rows.findIndex((r) => r.startsWith('outcome.other.'));
  return [...rows.filter((r) => !r.startsWith('outcome.other.')).slice(0, i), 'outcome.other', ...rows.slice(i).filter((r) => !r.startsWith('outcome.other.'))];
}

function diag(code: string, message: string, messageEn: string, tok?: Token, cells?: string[]): Diagnostic {
  return { code, severity: 'warning', message, messageEn, source: tok?.pos, cells };
}

/** Column relations of table 三 (outcome total, balance) over the rows read. */
function columnRelations(rows: string[], present: Set<string>): TableSum[] {
  const outcome = rows.filter((r) => r.startsWith('outcome.') && r !== 'outcome.total');
  const rel: TableSum[] = [];
  for (let c = 0; c < 7; c++) {
    if (present.has('outcome.total') && outcome.every((r) => present.has(r)))
      rel.push({ lhs: [['outcome.total', c]], rhs: outcome.map((r) => [r, c] as [string, number]) });
    if (['newReceived', 'carriedOver', 'outcome.total', 'carriedForward'].every((r) => present.has(r)))
      rel.push({ lhs: [['newReceived', c], ['carriedOver', c]], rhs: [['outcome.total', c], ['carriedForward', c]] });
  }
  return rel;
}

/**
 * `cutAt`: the position of the document's last token when the text is cut short; a row that ends there printed
 * only its first values, which are then certain (columns fill from the left).
 */
export function assembleTable(version: TemplateVersion, tableKey: string, events: TableEvent[], cutAt: Token['pos'] | null = null, proseReviews?: number): Assembled {
  const table = tableDef(version, tableKey);
  if (!table) return { cells: [], diagnostics: [] };
  const width = table.columns.length;
  const sums = rowSums(table);
  const singleOther = events.some((e) => e.kind === 'row' && e.row === 'outcome.other' && e.numbers.length > 0);
  const order = dataRows(table, singleOther);
  const diagnostics: Diagnostic[] = [];
  const reads = new Map<string, RowRead>();
  const ambiguous = new Map<string, { cands: Candidate[]; obs: Observation }>();
  // 1. split over-long streams, collect anchors and orphan numbers between them
  const stream: (Observation | OrphanRun)[] = [];
  for (const e of events) {
    if (e.kind === 'row' && e.numberRows > 1 && e.numbers.length > width) {
      // more values after a label than the row has columns: the dump may be scrambled column-major, so the
      // first values count as this row's only if they satisfy its own sums (checked below)
      stream.push({ ...e, numbers: e.numbers.slice(0, width), split: true }, { kind: 'orphans', table: e.table, numbers: e.numbers.slice(width), seq: e.seq });
    } else stream.push(e);
  }
  if (tableKey === 'reviewLitigation') return assembleReview(table, stream, diagnostics, cutAt, proseReviews);
  for (const e of stream) {
    if (e.kind !== 'row' || !order.includes(e.row) || reads.has(e.row)) continue;
    const printed = e.numbers.map((n) => n.number!.value);
    if (!printed.length) {
      if (e.blanks >= width) reads.set(e.row, { row: e.row, tokens: Array(width).fill(e.label), values: Array(width).fill(null), how: 'direct' });
      continue;
    }
    if (printed.length === width) {
      if (e.split && sums.length && rowCandidates(printed, width, sums).length !== 1) {
        diagnostics.push(diag('row-scrambled', `「${e.label.text}」之后印有多于一行的数值，且紧随其后的${width}个数不满足行合计，可能是表格被按列打乱，已略去。`,
          `more values follow "${e.label.text}" than one row holds and the first ${width} fail the row sum (the dump may be scrambled column-major); left out`, e.label));
        continue;
      }
      reads.set(e.row, { row: e.row, tokens: e.numbers, values: printed, how: 'direct' });
      continue;
    }
    if (printed.length < width && endsAt(e.numbers, cutAt)) {
      reads.set(e.row, { row: e.row, tokens: e.numbers, values: [...printed, ...Array(width - printed.length).fill(null)], how: 'direct', reason: CUT_REASON });
      diagnostics.push(diag('row-cut', `文本在「${e.label.text}」一行中断，只读到前${printed.length}个数。`, `the text stops inside row "${e.label.text}"; only its first ${printed.length} values were read`, e.label));
      continue;
    }
    const cands = rowCandidates(printed, width, sums);
    if (cands.length === 1) reads.set(e.row, { row: e.row, tokens: [], values: cands[0], how: 'inferred', reason: shortReason(printed.length, width) });
    else if (cands.length > 1) ambiguous.set(e.row, { cands, obs: e });
    else diagnostics.push(diag('row-unplaceable', `「${e.label.text}」一行印有${printed.length}个数，表格有${width}列，无法确定各数所在列，已略去。`,
      `row "${e.label.text}" prints ${printed.length} values for ${width} columns and no placement satisfies its sums; left out`, e.label));
  }
  placeOrphans(table, order, stream, reads, sums, diagnostics);
  if (table.key === 'applications') dropUncheckedOrdered(order, reads, diagnostics);
  if (ambiguous.size) solveAmbiguous(order, reads, ambiguous, diagnostics);
  const cells: Cell[] = [];
  for (const row of order) {
    const r = reads.get(row);
    if (!r) continue;
    if (r.how !== 'direct') {
      const label = (events.find((x) => x.kind === 'row' && x.row === row) as Observation | undefined)?.label;
      const name = label?.text ?? row;
      diagnostics.push({ ...diag(r.how === 'inferred' ? 'row-damaged' : 'row-detached',
        r.how === 'inferred' ? `「${name}」一行印出的数值个数与列数不符：${r.reason?.split(' / ')[0]}。` : `「${name}」一行的数值与行标签分离印出：${r.reason?.split(' / ')[0]}。`,
        `row "${name}": ${r.reason?.split(' / ')[1] ?? r.reason ?? ''}`, label ?? firstToken(events, row), [`${tableKey}/${row}`]), severity: 'info' });
    }
    const keys = rowCellKeys(table, row);
    for (let c = 0; c < r.values.length; c++) {
      const v = r.values[c];
      if (v === null && (r.how !== 'direct' || r.reason === CUT_REASON)) continue;
      const tok = r.tokens[c] ?? null;
      const col = table.columns[c];
      cells.push({
        key: keys[c], table: tableKey, row, column: col.key, value: v,
        raw: tok && tok.kind === 'number' ? tok.text : '', unit: tok?.number?.unit, source: (tok ?? firstToken(events, row))?.pos ?? { line: 0, column: 0 },
        how: r.how, reason: r.reason,
      });
    }
  }
  return { cells, diagnostics };
}

const rowKeysMemo = new WeakMap<TableDef, Map<string, string[]>>();

/** The cell keys of one row of a table, by column index (built once per table and row). */
function rowCellKeys(table: TableDef, row: string): string[] {
  let byRow = rowKeysMemo.get(table);
  if (!byRow) rowKeysMemo.set(table, (byRow = new Map()));
  let keys = byRow.get(row);
  if (!keys) byRow.set(row, (keys = table.columns.map((c) => cellKey(table.key, row, c.key))));
  return keys;
}

const CUT_REASON = '文本在此行中断，已印出的数值按列自左向右读取 / the text is cut inside this row; the printed values fill the columns from the left';

function endsAt(tokens: Token[], cutAt: Token['pos'] | null): boolean {
  const last = tokens[tokens.length - 1];
  return !!cutAt && !!last && last.pos.line === cutAt.line && last.pos.column === cutAt.column;
}

function firstToken(events: TableEvent[], row: string): Token | undefined {
  const e = events.find((x) => x.kind === 'row' && x.row === row) as Observation | undefined;
  return e?.numbers[0] ?? e?.label;
}

function shortReason(printed: number, width: number): string {
  return printed < width
    ? `该行只印有${printed}个数（应为${width}个），由行合计与非负性唯一确定 / row printed ${printed} of ${width} values; placed by the row sum and non-negativity`
    : `该行印有${printed}个数（应为${width}个），多余的数由合计关系排除 / row printed ${printed} values for ${width} columns; the stray one is excluded by the sums`;
}

/** Values printed apart from their labels: assign runs of whole rows to the rows missing between anchors. */
function placeOrphans(table: TableDef, order: string[], stream: (Observation | OrphanRun)[], reads: Map<string, RowRead>, sums: RowSum[], diagnostics: Diagnostic[]): void {
  const width = table.columns.length;
  let prevAnchor = -1;
  let pendingNumbers: Token[] = [];
  const flushGap = (nextAnchor: number) => {
    if (!pendingNumbers.length) return;
    const gapRows = order.slice(prevAnchor + 1, nextAnchor < 0 ? order.length : nextAnchor).filter((r) => !reads.has(r));
    const tokens = pendingNumbers;
    pendingNumbers = [];
    if (tokens.length % width !== 0 || tokens.length / width !== gapRows.length) {
      diagnostics.push(diag('values-unplaced', `有${tokens.length}个数印在行标签之外，无法确定其所属行，已略去。`,
        `${tokens.length} values printed apart from any row label could not be assigned to rows; left out`, tokens[0]));
      return;
    }
    gapRows.forEach((row, i) => {
      const slice = tokens.slice(i * width, (i + 1) * width);
      const values = slice.map((t) => t.number!.value);
      const ok = rowCandidates(values, width, sums).length === 1;
      if (ok) reads.set(row, { row, tokens: slice, values, how: 'ordered', reason: '数值与行标签分离印出，按模板行序放置并经行合计核对 / printed apart from its label; placed by template row order and checked by the row sum' });
      else diagnostics.push(diag('values-unplaced', `印在行标签之外的一组数不满足行合计，未放入「${row}」。`, `a group of values printed apart from labels fails its row sum; not placed in ${row}`, slice[0]));
    });
  };
  for (const e of stream) {
    if (e.kind === 'orphans') {
      for (const n of e.numbers) pendingNumbers.push(n);
      continue;
    }
    const idx = order.indexOf(e.row);
    if (idx < 0 || !reads.has(e.row) || (reads.get(e.row)!.how === 'ordered')) continue;
    flushGap(idx);
    prevAnchor = Math.max(prevAnchor, idx);
  }
  flushGap(-1);
}

/** Rows placed by template order must leave the table's column sums intact; otherwise they are withdrawn. */
function dropUncheckedOrdered(order: string[], reads: Map<string, RowRead>, diagnostics: Diagnostic[]): void {
  const ordered = [...reads.values()].filter((r) => r.how === 'ordered');
  if (!ordered.length) return;
  const value = (row: string, c: number) => reads.get(row)?.values[c] ?? null;
  const broken = columnRelations(order, new Set(reads.keys())).some((rel) => {
    const side = (cells: [string, number][]) => cells.reduce<number | null>((a, [r, c]) => (a === null || value(r, c) === null ? null : a + (value(r, c) as number)), 0);
    const l = side(rel.lhs);
    const r = side(rel.rhs);
    return l !== null && r !== null && Math.abs(l - r) > 1e-9;
  });
  if (!broken) return;
  for (const r of ordered) reads.delete(r.row);
  diagnostics.push(diag('values-unplaced', `有${ordered.length}行数值与行标签分离印出，按模板行序放置后表格列平衡不成立，已略去这些行。`,
    `${ordered.length} rows printed apart from their labels would break the column sums when placed by template order; left out`));
}

function solveAmbiguous(order: string[], reads: Map<string, RowRead>, ambiguous: Map<string, { cands: Candidate[]; obs: Observation }>, diagnostics: Diagnostic[]): void {
  const fixed = new Map<string, Candidate>([...reads].map(([k, r]) => [k, r.values]));
  const present = new Set([...reads.keys(), ...ambiguous.keys()]);
  const result = solveTable(fixed, new Map([...ambiguous].map(([k, v]) => [k, v.cands])), columnRelations(order, present));
  for (const [row, { obs }] of ambiguous) {
    const placed = result.placed.get(row);
    const printed = obs.numbers.map((n) => n.text).join(' ');
    if (placed && placed.some((v) => v !== null)) {
      reads.set(row, { row, tokens: [], values: placed, how: 'inferred',
        reason: `该行印有「${printed}」，列位置由行合计、列平衡和（七）总计唯一确定 / printed "${printed}"; columns fixed by the row sum, the column balances and （七）总计` });
      if (placed.some((v) => v === null))
        diagnostics.push(diag('row-partly-placed', `「${obs.label.text}」一行印有「${printed}」，部分数值所在列无法确定，已略去这些单元格。`,
          `row "${obs.label.text}" printed "${printed}"; some columns cannot be determined and are left out`, obs.label));
    } else {
      diagnostics.push(diag('row-unplaceable', `「${obs.label.text}」一行印有「${printed}」，少于或多于列数，且无法由合计关系确定各数所在列，已略去。`,
        `row "${obs.label.text}" printed "${printed}": the number of values does not match the columns and the sums do not decide their places; left out`, obs.label));
    }
  }
}

/** A value row of table 四 printed with every cell empty: its cells are blank (not zero, not missing). */
function blankReviewRow(table: TableDef, stream: (Observation | OrphanRun)[]): Cell[] {
  const blank = stream.find((e): e is Observation => e.kind === 'row' && e.row === 'cases' && e.blanks >= table.columns.length);
  if (!blank) return [];
  const keys = rowCellKeys(table, 'cases');
  return table.columns.map((col, c) => ({ key: keys[c], table: table.key, row: 'cases', column: col.key, value: null, raw: '', source: blank.label.pos, how: 'direct' }));
}

function assembleReview(table: TableDef, stream: (Observation | OrphanRun)[], diagnostics: Diagnostic[], cutAt: Token['pos'] | null, proseReviews?: number): Assembled {
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
  const printed = tokens.map((t) => t.number!.value);
  let candsMemo: Candidate[] | null = null; // the search runs only when the printed order is not enough
  const cands = (): Candidate[] => (candsMemo ??= rowCandidates(printed, width, sums));
  if (printed.length === width && (inOrder || cands().length === 1)) values = printed;
  else if (printed.length < width && inOrder && endsAt(tokens, cutAt)) {
    values = [...printed, ...Array(width - printed.length).fill(null)];
    reason = CUT_REASON;
  } else if (inOrder && cands().length === 1) {
    values = cands()[0];
    how = 'inferred';
    reason = shortReason(printed.length, width);
    placedTokens = [];
  } else if (!inOrder) {
    const groups = groupReviewRuns(runs.map((r) => r.numbers));
    const review = groups && reviewGroupByProse(groups, proseReviews);
    if (review) {
      placedTokens = [...review.parts, review.total, ...Array(10).fill(null)];
      values = placedTokens.map((t) => t?.number?.value ?? null);
      how = 'ordered';
      reason = '复议诉讼表数值与表头交错印出；按组合计归组，行政复议一组由正文所述件数确定 / values interleaved with the header; grouped by the group totals, the 行政复议 group identified by the prose';
      diagnostics.push(diag('review-litigation-unplaced', '复议诉讼表数值与表头交错印出，两组行政诉讼数值无法确定哪组是“未经复议直接起诉”、哪组是“复议后起诉”，已略去。',
        'the review/litigation values are interleaved with the header: which litigation group is direct and which after review cannot be told; left out', tokens[0]));
    }
  }
  if (!values) {
    diagnostics.push(diag('review-unplaced', `复议诉讼表印有${printed.length}个数（应为${width}个），无法确定各数所在列，已略去。`,
      `the review/litigation table prints ${printed.length} values for ${width} columns and they cannot be placed with certainty; left out`, tokens[0]));
    return { cells: [], diagnostics };
  }
  if (how !== 'direct')
    diagnostics.push({ ...diag('review-damaged', `复议诉讼表印有${printed.length}个数，已按合计关系确定各数所在列。`, `the review/litigation table printed ${printed.length} values; columns fixed by the group totals`, tokens[0]), severity: 'info' });
  const cells: Cell[] = values.flatMap((v, c) => {
    if (v === null) return [];
    const col = table.columns[c];
    const tok = placedTokens[c];
    return [{ key: cellKey(table.key, 'cases', col.key), table: table.key, row: 'cases', column: col.key, value: v,
      raw: tok?.text ?? '', source: (tok ?? tokens[0]).pos, how, reason }];
  });
  return { cells, diagnostics };
}
