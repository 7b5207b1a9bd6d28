// Damage seen in real texts, applied to a report model: rows of table 三 that lost a zero ('short-rows'), one
// wrong number ('inconsistent'), cells printed blank ('blanks': mostly zeros left empty, and rows that print only
// their 总计). Tables lost and truncation are handled by the document builder and the truth.
import type { TemplateVersion } from '../model/template.js';
import type { CellValue, GridRow, Injected } from './model.js';
import { APPLICANTS, outcomeRows } from './numbers.js';
import type { Rng } from './random.js';

/** Change one value of table 三 or 四 so that a relation breaks; returns what was injected. */
export function injectInconsistency(printed: Record<string, CellValue>, rng: Rng): Injected {
  const keys = Object.keys(printed).filter((k) => k.startsWith('applications/') || k.startsWith('reviewLitigation/'));
  const nonZero = keys.filter((k) => printed[k].value > 0);
  const totals = keys.filter((k) => k.endsWith('/total') || k.endsWith('.total'));
  const key = rng.pick(nonZero.length > 0 && rng.chance(0.6) ? nonZero : totals);
  const old = printed[key].value;
  const delta = rng.pick([1, 1, 2, 3, 10]);
  const printedValue = old > 0 && rng.chance(0.5) ? Math.max(0, old - delta) : old + delta;
  const fixed = printedValue === old ? old + 1 : printedValue;
  printed[key] = { value: fixed, text: String(fixed) };
  return { key, consistentValue: old, printedValue: fixed };
}

/**
 * Drop one zero from some table-三 rows whose organisation columns are all zero (so the row sum still forces
 * every cell). Returns the keys no longer printed.
 */
export function shortenRows(grid: GridRow[], rng: Rng): string[] {
  const dropped: string[] = [];
  const rate = rng.pick([0.3, 0.6, 0.9]);
  for (const row of grid) {
    const values = row.filter((c) => c.key);
    if (values.length !== 7) continue;
    const orgsZero = values.slice(1, 6).every((c) => c.text === '0') && values[0].text === values[6].text;
    if (!orgsZero || !rng.chance(rate)) continue;
    const allZero = values.every((c) => c.text === '0');
    // keep the anchors whole: with 一 and （七）总计 printed in full (and non-zero carry rows), the column sums
    // decide where a short row's values belong; without them the text itself is ambiguous
    const row0 = values[0].key?.split('/')[1] ?? '';
    if (row0 === 'newReceived' || row0 === 'outcome.total' ||
      (!allZero && (row0 === 'carriedOver' || row0 === 'carriedForward'))) continue;
    const victim = allZero ? rng.pick(values) : values[rng.int(1, 5)];
    row.splice(row.indexOf(victim), 1);
    if (victim.key) dropped.push(victim.key);
  }
  return dropped;
}

export function shortRowNote(dropped: string[]): string {
  const rows = [...new Set(dropped.map((k) => k.split('/')[1]))];
  return `SHORT ROWS: ${rows.length} table-三 rows print 6 of 7 values (${rows.join(', ')}). In each, the ` +
    'organisation columns are all 0 (or the whole row is 0), so the row sum 总计 = ' +
    `${APPLICANTS.length} applicant columns forces the unprinted cell to 0; all 7 cells are recorded.`;
}

/**
 * Print some value cells blank, as lazily filled forms do: mostly cells whose value is 0 (so the relations imply
 * 0 for them), now and then a row of table 三 that prints only its 总计 (its six applicant cells blank, whatever
 * they held). Returns the keys printed blank; the truth records them as null.
 */
export function sprinkleBlanks(
  printed: Record<string, CellValue>, rng: Rng, innerOnly = false, noReview = false,
): string[] {
  const blanks = new Set<string>();
  const rate = rng.pick([0.02, 0.05, 0.12]);
  for (const key of Object.keys(printed)) {
    if (key.startsWith('art20_') && (innerOnly || !rng.chance(0.3))) continue;
    if ((innerOnly && !INNER.test(key)) || (noReview && key.startsWith('reviewLitigation/'))) continue;
    if (printed[key].value === 0 ? rng.chance(rate) : rng.chance(rate / 10)) blanks.add(key);
  }
  if (!innerOnly && rng.chance(0.5)) {
    const rows = [
      ...new Set(Object.keys(printed).filter((k) => k.startsWith('applications/')).map((k) => k.split('/')[1])),
    ];
    const row = rng.pick(rows);
    for (const col of APPLICANTS) blanks.add(`applications/${row}/${col}`);
    blanks.delete(`applications/${row}/total`);
  }
  for (const key of blanks) printed[key] = { value: printed[key].value, text: '' };
  return [...blanks];
}

/** Cells between two others of their row: the five organisation columns, and 四's parts after the first. */
const INNER = new RegExp(
  '^applications/[^/]+/(commercialEnterprise|researchInstitution|publicWelfareOrg|legalServiceOrg|otherOrg)$|' +
  '^reviewLitigation/cases/(review\\.(corrected|other|pending|total)|litigationDirect\\.|' +
  'litigationAfterReview\\.(upheld|corrected|other|pending))',
);

export function blanksNote(blanks: string[]): string {
  return `BLANKS: ${blanks.length} value cells are printed blank (recorded null; blank is not zero): ` +
    `${blanks.slice(0, 12).join(', ')}${blanks.length > 12 ? ' …' : ''}.`;
}

const COLUMNS = [...APPLICANTS, 'total'];

/**
 * Choose a block of 2–4 consecutive outcome rows of table 三 to print apart from their labels (as PDF-to-text
 * dumps do). With `swap`, two rows of the block whose totals are equal have their values exchanged in print (the
 * column sums still hold: nothing but the printed order tells which row is which, and the truth is as printed).
 */
export function detachRows(version: TemplateVersion, printed: Record<string, CellValue>, swap: boolean,
  valuesFirst: boolean, rng: Rng, notes: string[]): { rows: string[]; valuesFirst: boolean } | undefined {
  const outcome = outcomeRows(version);
  const k = rng.int(2, 4);
  const total = (row: string): number => printed[`applications/${row}/total`].value;
  let start = rng.int(0, outcome.length - k);
  if (swap) {
    const starts = Array.from({ length: outcome.length - k + 1 }, (_, i) => i).filter((i) => {
      const block = outcome.slice(i, i + k);
      return block.some((a, x) => block.some((b, y) => y > x && total(a) === total(b)));
    });
    if (!starts.length) return undefined;
    start = rng.pick(starts);
  }
  const rows = outcome.slice(start, start + k);
  if (swap) {
    const pairs = rows.flatMap(
      (a, x) => rows.filter((b, y) => y > x && total(a) === total(b)).map((b) => [a, b] as const),
    );
    const [a, b] = rng.pick(pairs);
    for (const c of COLUMNS) {
      const ka = `applications/${a}/${c}`;
      const kb = `applications/${b}/${c}`;
      [printed[ka], printed[kb]] = [printed[kb], printed[ka]];
    }
    notes.push(`SWAPPED: rows ${a} and ${b} (equal totals) print each other's values; recorded as printed.`);
  }
  notes.push(
    `DETACHED: rows ${rows.join(', ')} of table 三 print their labels apart from their values (values ` +
      `${valuesFirst ? 'before' : 'after'} the labels, in the same order).`,
  );
  return { rows, valuesFirst };
}
