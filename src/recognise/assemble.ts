// Turns the walk's observations into cells, table by table: rows printed whole are read as printed; rows that
// printed too few or too many values, and values printed apart from their labels, are placed only where the
// table's relations leave one possibility — otherwise they are left out with a diagnostic saying why.
import { bilingual, type Cell, type Diagnostic, type DiagnosticCode } from '../model/report.js';
import { cellKey, tableDef, type TableDef, type TemplateVersion } from '../model/template.js';
import {
  agreedOf, BLANK, consistentWith, rowCandidates, rowSumsHold, type Candidate, type RowSum, type TableSum,
} from './align.js';
import {
  GAP_REASON, POSITION_REASON, pushGaps, pushLost, readByPosition, resolveOpen, tableNorms, type OpenRow,
} from './placement.js';
import { positionalReadings, shapeOf } from './positions.js';
import { valuesOf, type Token } from './tokens.js';
import { readByX, xAnchors } from './x-columns.js';
import { orphanRun, withNumbers, type Observation, type OrphanRun, type TableEvent } from './walk.js';
import { groupReviewRuns, reviewGroupByProse } from './review-runs.js';

export interface Assembled { cells: Cell[]; diagnostics: Diagnostic[] }

/** A row read. Every site sets `reason` (undefined when there is none): one hidden class for V8 (walk.ts says why). */
export interface RowRead {
  row: string;
  tokens: (Token | null)[];
  values: Candidate;
  how: Cell['how'];
  reason: string | undefined;
}

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
  return [
    ...rows.filter((r) => !r.startsWith('outcome.other.')).slice(0, i),
    'outcome.other',
    ...rows.slice(i).filter((r) => !r.startsWith('outcome.other.')),
  ];
}

/**
 * A diagnostic, 'warning' unless said (one literal for every severity, not spread copies: see documentOf in
 * readers/index.ts).
 */
export function diag(
  code: DiagnosticCode, message: string, messageEn: string, tok?: Token, cells?: string[],
  severity: Diagnostic['severity'] = 'warning',
): Diagnostic {
  return { code, severity, message, messageEn, source: tok?.pos, cells };
}

/** Column relations of table 三 (outcome total, balance) over the rows read. */
export function columnRelations(rows: string[], present: Set<string>): TableSum[] {
  const outcome = rows.filter((r) => r.startsWith('outcome.') && r !== 'outcome.total');
  // which relations apply does not depend on the column: asked once, not per column
  const total = present.has('outcome.total') && outcome.every((r) => present.has(r));
  const balance = ['newReceived', 'carriedOver', 'outcome.total', 'carriedForward'].every((r) => present.has(r));
  const rel: TableSum[] = [];
  for (let c = 0; c < 7; c++) {
    if (total) {
      // a loop, not .map: see valuesOf in tokens.ts (the relations' code deoptimised on the other array kind)
      const rhs: [string, number][] = [];
      for (const r of outcome) rhs.push([r, c]);
      rel.push({ lhs: [['outcome.total', c]], rhs });
    }
    if (balance)
      rel.push({ lhs: [['newReceived', c], ['carriedOver', c]], rhs: [['outcome.total', c], ['carriedForward', c]] });
  }
  return rel;
}

/**
 * `cutAt`: the position of the document's last token when the text is cut short; a row that ends there printed
 * only its first values, which are then certain (columns fill from the left).
 */
export function assembleTable(
  version: TemplateVersion, tableKey: string, events: TableEvent[], cutAt: Token['pos'] | null = null,
  proseReviews?: number,
): Assembled {
  const table = tableDef(version, tableKey);
  if (!table) return { cells: [], diagnostics: [] };
  const width = table.columns.length;
  const sums = rowSums(table);
  const singleOther = events.some((e) => e.kind === 'row' && e.row === 'outcome.other' && e.numbers.length > 0);
  const order = dataRows(table, singleOther);
  const diagnostics: Diagnostic[] = [];
  const reads = new Map<string, RowRead>();
  // 1. split over-long streams, collect anchors and orphan numbers between them
  const stream: (Observation | OrphanRun)[] = [];
  let emptyBefore = 0; // labels printed just before this event without values
  for (const e of events) {
    if (e.kind === 'row' && !e.numbers.length) {
      stream.push(e);
      emptyBefore++;
      continue;
    }
    if (e.kind === 'row' && !e.sameRow && emptyBefore > 0 && e.numbers.length > width &&
      e.numbers.length % width === 0) {
      // a block of labels printed together, then the block's values: the values are not the last label's alone;
      // they are placed as values printed apart from their labels (in printed order, proven by the sums)
      stream.push(withNumbers(e, [], 0, e.split === true, e.numbers.length), orphanRun(e.table, e.numbers, e.seq));
      emptyBefore = 0;
      continue;
    }
    emptyBefore = 0;
    if (e.kind === 'row' && e.numberRows > 1 && e.numbers.length > width) {
      // more values after a label than the row has columns: the dump may be scrambled column-major, so the
      // first values count as this row's only if they satisfy its own sums (checked below)
      stream.push(
        withNumbers(e, e.numbers.slice(0, width), e.numberRows, true),
        orphanRun(e.table, e.numbers.slice(width), e.seq),
      );
    } else stream.push(e);
  }
  if (tableKey === 'reviewLitigation') return assembleReview(table, stream, diagnostics, cutAt, proseReviews);
  const { norms, shapes } = tableNorms(table, stream);
  const anchors = xAnchors(table, stream);
  const open = new Map<string, OpenRow>();
  for (const e of stream) {
    if (e.kind !== 'row' || !order.includes(e.row) || reads.has(e.row) || open.has(e.row)) continue;
    const printed = valuesOf(e.numbers);
    if (!printed.length) {
      if (e.blanks >= width) {
        reads.set(e.row, {
          row: e.row, tokens: Array(width).fill(e.label), values: Array(width).fill(null), how: 'direct',
          reason: undefined,
        });
      }
      continue;
    }
    // space-aligned text: a value's column is where it ends; an empty column is a blank
    if (printed.length < width && anchors && !endsAt(e.numbers, cutAt) && readByX(table, e, anchors, reads)) continue;
    // a delimited row: its empty fields are kept, and positions say which columns are blank
    const shape = shapes.get(e) ?? null;
    if (shape && readByPosition(table, e, shape, norms, sums, cutAt, reads, open, diagnostics)) continue;
    if (printed.length === width) {
      if (e.split && sums.length && rowCandidates(printed, width, sums).length !== 1) {
        diagnostics.push(diag('row-scrambled', `「${e.label.text}」之后印有多于一行的数值，且紧随其后的${width}个数不满足行合计，可能是表格被按列打乱，已略去。`,
          `more values follow "${e.label.text}" than one row holds and the first ${width} fail the row sum (the dump ` +
            'may be scrambled column-major); left out', e.label));
        continue;
      }
      reads.set(e.row, { row: e.row, tokens: e.numbers, values: printed, how: 'direct', reason: undefined });
      continue;
    }
    if (printed.length < width && endsAt(e.numbers, cutAt)) {
      reads.set(e.row, {
        row: e.row,
        tokens: e.numbers,
        values: [...printed, ...Array(width - printed.length).fill(null)],
        how: 'direct',
        reason: CUT_REASON,
      });
      diagnostics.push(
        diag(
          'row-cut',
          `文本在「${e.label.text}」一行中断，只读到前${printed.length}个数。`,
          `the text stops inside row "${e.label.text}"; only its first ${printed.length} values were read`,
          e.label,
        ),
      );
      continue;
    }
    // split at whitespace, a missing value is a printed blank; elsewhere the row lost a field (seeds 001/002)
    const gaps = e.spaced && printed.length < width;
    const readings = gaps ? pushGaps([], e.numbers, width, sums) : pushLost([], rowCandidates(printed, width, sums));
    if (readings.length === 1) {
      reads.set(e.row, {
        row: e.row, tokens: readings[0].tokens ?? [], values: readings[0].values, how: 'inferred',
        reason: gaps ? GAP_REASON : shortReason(printed.length, width),
      });
    } else if (readings.length > 1) {
      open.set(e.row, { obs: e, readings, alt: [], strong: false });
    } else {
      diagnostics.push(diag('row-unplaceable',
        `「${e.label.text}」一行印有${printed.length}个数，表格有${width}列，无法确定各数所在列，已略去。`,
        `row "${e.label.text}" prints ${printed.length} values for ${width} columns and no placement satisfies ` +
          'its sums; left out', e.label));
    }
  }
  placeOrphans(table, order, stream, reads, sums, diagnostics, new Set(open.keys()));
  if (table.key === 'applications') dropUncheckedOrdered(order, reads, diagnostics);
  if (open.size) resolveOpen(table, order, reads, open, diagnostics);
  const cells: Cell[] = [];
  for (const row of order) {
    const r = reads.get(row);
    if (r) rowCells(table, tableKey, row, r, events, diagnostics, cells);
  }
  return { cells, diagnostics };
}

/**
 * The cells of one row read (appended to `cells`), and the diagnostic of a row not read as printed. A function of
 * its own: this is the hot part of assembling a table, and V8 compiles a small function sooner and at a fraction of
 * the cost of assembleTable around it (whose compile, the largest of a batch, came too late in 2,000 reports to
 * pay back).
 */
function rowCells(table: TableDef, tableKey: string, row: string, r: RowRead, events: TableEvent[],
  diagnostics: Diagnostic[], cells: Cell[]): void {
  // the row's observation is looked up (a scan of the events) at most once per row, and only when a diagnostic
  // or a cell without its own token needs it; the reason is split once per row, not once per cell: an inferred
  // table 三 (seeds 001/002) spent more in this loop than in placing its values (bench/assemble-rows.mjs)
  let obs: Observation | undefined | null = null;
  const observed = (): Observation | undefined =>
    obs === null ? (obs = events.find((x) => x.kind === 'row' && x.row === row) as Observation | undefined) : obs;
  if (r.how !== 'direct') {
    const label = observed()?.label;
    const name = label?.text ?? row;
    const zh = reasonPart(r.reason, 0);
    diagnostics.push(diag(r.how === 'inferred' ? 'row-damaged' : 'row-detached',
      r.how === 'inferred'
        ? `「${name}」一行印出的数值个数与列数不符：${zh}。`
        : `「${name}」一行的数值与行标签分离印出：${zh}。`,
      `row "${name}": ${reasonPart(r.reason, 1) ?? r.reason ?? ''}`, label ?? firstOf(observed()),
      [`${tableKey}/${row}`], 'info'));
  }
  const keys = rowCellKeys(table, row);
  const why = r.reason === undefined ? undefined : bilingual(r.reason);
  for (let c = 0; c < r.values.length; c++) {
    const v = r.values[c];
    if (v === null && (r.how !== 'direct' || r.reason === CUT_REASON)) continue;
    const tok = r.tokens[c] ?? null;
    const col = table.columns[c];
    cells.push({
      key: keys[c], table: tableKey, row, column: col.key, value: v === BLANK ? null : v,
      raw: tok && tok.kind === 'number' ? tok.text : '', unit: tok?.number?.unit,
      source: (tok ?? firstOf(observed()))?.pos ?? { line: 0, column: 0 },
      how: r.how, reason: why === undefined ? undefined : { zh: why.zh, en: why.en },
    });
  }
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

export const CUT_REASON = '文本在此行中断，已印出的数值按列自左向右读取 / ' +
  'the text is cut inside this row; the printed values fill the columns from the left';

export function endsAt(tokens: Token[], cutAt: Token['pos'] | null): boolean {
  const last = tokens[tokens.length - 1];
  return !!cutAt && !!last && last.pos.line === cutAt.line && last.pos.column === cutAt.column;
}

/** A row's first printed token: its first value, else its label. */
function firstOf(e: Observation | undefined): Token | undefined {
  return e?.numbers[0] ?? e?.label;
}

/** `reason.split(' / ')[k]` (reasons read 'zh / en'), without the array and its strings. */
function reasonPart(reason: string | undefined, k: 0 | 1): string | undefined {
  if (reason === undefined) return undefined;
  const i = reason.indexOf(' / ');
  if (k === 0) return i < 0 ? reason : reason.slice(0, i);
  if (i < 0) return undefined;
  const j = reason.indexOf(' / ', i + 3);
  return j < 0 ? reason.slice(i + 3) : reason.slice(i + 3, j);
}

export function shortReason(printed: number, width: number): string {
  return printed < width
    ? `该行只印有${printed}个数（应为${width}个），由行合计与非负性唯一确定 / ` +
      `row printed ${printed} of ${width} values; placed by the row sum and non-negativity`
    : `该行印有${printed}个数（应为${width}个），多余的数由合计关系排除 / ` +
      `row printed ${printed} values for ${width} columns; the stray one is excluded by the sums`;
}

/**
 * Values printed apart from their labels: runs of whole rows are assigned to the rows missing between the anchors
 * around them (rows read with their values), keeping the printed order. When the labels seen there without values
 * are as many as the value rows, those are the rows; otherwise every order-keeping choice among the missing rows is
 * tried (bounded) against the row sums and the column relations. Placed only when exactly one fits; otherwise
 * left out with a diagnostic that says how many fit.
 */
function placeOrphans(table: TableDef, order: string[], stream: (Observation | OrphanRun)[],
  reads: Map<string, RowRead>, sums: RowSum[], diagnostics: Diagnostic[], open: ReadonlySet<string> = new Set()): void {
  const width = table.columns.length;
  const seenEmpty = new Set(
    stream.filter((e): e is Observation => e.kind === 'row' && !e.numbers.length).map((e) => e.row),
  );
  let prevAnchor = -1;
  let pendingNumbers: Token[] = [];
  let brokenRuns = false; // a run of values that is not whole rows (see below)
  const flushGap = (nextAnchor: number) => {
    if (!pendingNumbers.length) return;
    const gapRows = order.slice(
      prevAnchor + 1, nextAnchor < 0 ? order.length : nextAnchor,
    ).filter((r) => !reads.has(r) && !open.has(r));
    const tokens = pendingNumbers;
    pendingNumbers = [];
    const broken = brokenRuns;
    brokenRuns = false;
    const groups = tokens.length / width;
    if (broken && Number.isInteger(groups)) {
      // printed row by row, values come in whole rows between the words around them; a run cut elsewhere (a column
      // header between 0 0 1 1 and 0 6: a PDF's text in column order) says the order is not the rows'
      diagnostics.push(diag('values-unplaced', `有${tokens.length}个数印在行标签之外，且被表头等文字隔成不成整行的几段（可能按列印出），无法确定其所属行，已略去。`,
        `${tokens.length} values printed apart from any row label come in runs that are not whole rows (words such ` +
          'as column headers between them: perhaps printed column by column); their rows are not certain; left out',
        tokens[0]));
      return;
    }
    if (!Number.isInteger(groups) || groups > gapRows.length || !groups) {
      diagnostics.push(diag('values-unplaced', `有${tokens.length}个数印在行标签之外，无法确定其所属行，已略去。`,
        `${tokens.length} values printed apart from any row label could not be assigned to rows; left out`, tokens[0]));
      return;
    }
    const slices = Array.from({ length: groups }, (_, i) => tokens.slice(i * width, (i + 1) * width));
    const values = slices.map(valuesOf);
    const bad = values.findIndex((v) => rowCandidates(v, width, sums).length !== 1);
    if (bad >= 0) {
      diagnostics.push(diag('values-unplaced', `印在行标签之外的一组数不满足行合计，这${groups}组数未放置。`,
        `a group of values printed apart from labels fails its row sum; these ${groups} groups are not placed`,
        slices[bad][0]));
      return;
    }
    const seen = gapRows.filter((r) => seenEmpty.has(r));
    const fits = seen.length === groups && fitsRelations(order, reads, seen, values)
      ? [seen]
      : orderedChoices(order, reads, gapRows, values);
    if (fits === null || fits.length !== 1) {
      const n = fits === null ? `超过${MAX_CHOICES}` : String(fits.length);
      diagnostics.push(diag('values-unplaced', `有${groups}行数值印在行标签之外，按印出顺序有${n}种放法符合各合计关系，无法确定其所属行，已略去。`,
        `${groups} rows of values printed apart from their labels: ` +
          `${fits === null ? `more than ${MAX_CHOICES}` : fits.length} placements keep the printed order and fit ` +
          'every sum, so their rows are not certain; left out', tokens[0]));
      return;
    }
    fits[0].forEach((row, i) => reads.set(row, { row, tokens: slices[i], values: values[i], how: 'ordered',
      reason: '数值与行标签分离印出，按印出顺序与模板行序放置；符合各合计关系的放法只有这一种 / ' +
        'printed apart from its label; placed by row order as printed, the only placement that fits every sum' }));
  };
  for (const e of stream) {
    if (e.kind === 'orphans') {
      for (const n of e.numbers) pendingNumbers.push(n);
      if (e.numbers.length % width !== 0) brokenRuns = true;
      continue;
    }
    const idx = order.indexOf(e.row);
    if (idx < 0 || !reads.has(e.row) || (reads.get(e.row)!.how === 'ordered')) continue;
    flushGap(idx);
    prevAnchor = Math.max(prevAnchor, idx);
  }
  flushGap(-1);
}

const MAX_CHOICES = 5000;

/** Every choice of rows (in template order) for the value rows that fits the relations; null past the bound. */
function orderedChoices(
  order: string[], reads: Map<string, RowRead>, rows: string[], values: Candidate[],
): string[][] | null {
  const out: string[][] = [];
  let tried = 0;
  const pick = (start: number, acc: string[]): boolean => {
    if (acc.length === values.length) {
      if (++tried > MAX_CHOICES) return false;
      if (fitsRelations(order, reads, acc, values)) out.push([...acc]);
      return true;
    }
    for (let i = start; i <= rows.length - (values.length - acc.length); i++) {
      acc.push(rows[i]);
      const ok = pick(i + 1, acc);
      acc.pop();
      if (!ok) return false;
    }
    return true;
  };
  return pick(0, []) ? out : null;
}

/** The column relations hold (where every cell is known) with `values` placed in `rows`. */
function fitsRelations(order: string[], reads: Map<string, RowRead>, rows: string[], values: Candidate[]): boolean {
  const fixed = new Map([...reads].map(([k, r]) => [k, r.values] as [string, Candidate]));
  rows.forEach((r, i) => fixed.set(r, values[i]));
  const relations = columnRelations(order, new Set(fixed.keys()));
  const none = new Map<string, Candidate>();
  return rows.every((r, i) => consistentWith(r, values[i], fixed, none, relations));
}

/** Rows placed by template order must leave the table's column sums intact; otherwise they are withdrawn. */
function dropUncheckedOrdered(order: string[], reads: Map<string, RowRead>, diagnostics: Diagnostic[]): void {
  const ordered = [...reads.values()].filter((r) => r.how === 'ordered');
  if (!ordered.length) return;
  const value = (row: string, c: number) => {
    const v = reads.get(row)?.values[c] ?? null;
    return v === BLANK ? null : v; // a blank may stand for anything: no sum is checked through it
  };
  const broken = columnRelations(order, new Set(reads.keys())).some((rel) => {
    const side = (cells: [string, number][]) => cells.reduce<number | null>(
      (a, [r, c]) => (a === null || value(r, c) === null ? null : a + (value(r, c) as number)),
      0,
    );
    const l = side(rel.lhs);
    const r = side(rel.rhs);
    return l !== null && r !== null && Math.abs(l - r) > 1e-9;
  });
  if (!broken) return;
  for (const r of ordered) reads.delete(r.row);
  diagnostics.push(diag('values-unplaced', `有${ordered.length}行数值与行标签分离印出，按模板行序放置后表格列平衡不成立，已略去这些行。`,
    `${ordered.length} rows printed apart from their labels would break the column sums when placed by template ` +
      'order; left out'));
}

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
  const { strong, weak } = positionalReadings(shape, width, 0, { lead: new Map(), trail: null, learned: false });
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

function assembleReview(
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
