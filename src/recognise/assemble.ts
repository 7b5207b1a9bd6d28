// Turns the walk's observations into cells, table by table: rows printed whole are read as printed; rows that
// printed too few or too many values, and values printed apart from their labels, are placed only where the
// table's relations leave one possibility — otherwise they are left out with a diagnostic saying why. Values
// printed apart from their labels are placed by assemble-orphans.ts, table 四 by assemble-review.ts.
import { bilingual, type Cell, type Diagnostic } from '../model/report.js';
import { tableDef, type TableDef, type TemplateVersion } from '../model/template.js';
import { BLANK, rowCandidates } from './align.js';
import {
  CUT_REASON, diag, endsAt, rowCellKeys, rowSums, shortReason, type Assembled, type RowRead,
} from './assemble-parts.js';
import { dropUncheckedOrdered, placeOrphans } from './assemble-orphans.js';
import { assembleReview } from './assemble-review.js';
import {
  GAP_REASON, pushGaps, pushLost, readByPosition, resolveOpen, tableNorms, type OpenRow,
} from './placement.js';
import { valuesOf, type Token } from './tokens.js';
import { readByX, xAnchors } from './x-columns.js';
import { orphanRun, withNumbers, type Observation, type OrphanRun, type TableEvent } from './walk.js';

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
    if (printed.length < width && anchors && !endsAt(e.numbers, cutAt) &&
      readByX(table, e, anchors, sums, reads, open, diagnostics)) continue;
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
