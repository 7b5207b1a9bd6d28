// Values printed apart from their labels (table 三): placed in the rows between the rows read around them only
// where one order-keeping placement fits the row sums and the column relations; rows placed by template order are
// withdrawn when they break the column sums.
import type { Diagnostic } from '../model/report.js';
import type { TableDef } from '../model/template.js';
import { consistentWith, rowCandidates, BLANK, type Candidate, type RowSum } from './align.js';
import { columnRelations, diag, type RowRead } from './assemble-parts.js';
import { valuesOf, type Token } from './tokens.js';
import type { Observation, OrphanRun } from './walk.js';

/**
 * Values printed apart from their labels: runs of whole rows are assigned to the rows missing between the anchors
 * around them (rows read with their values), keeping the printed order. When the labels seen there without values
 * are as many as the value rows, those are the rows; otherwise every order-keeping choice among the missing rows is
 * tried (bounded) against the row sums and the column relations. Placed only when exactly one fits; otherwise
 * left out with a diagnostic that says how many fit.
 */
export function placeOrphans(table: TableDef, order: string[], stream: (Observation | OrphanRun)[],
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
export function dropUncheckedOrdered(order: string[], reads: Map<string, RowRead>, diagnostics: Diagnostic[]): void {
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
