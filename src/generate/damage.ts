// Damage seen in real texts, applied to a report model: rows of table 三 that lost a zero ('short-rows'), one
// wrong number ('inconsistent'). Tables lost and truncation are handled by the document builder and the truth.
import type { CellValue, GridRow, Injected } from './model.js';
import { APPLICANTS } from './numbers.js';
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
    if (row0 === 'newReceived' || row0 === 'outcome.total' || (!allZero && (row0 === 'carriedOver' || row0 === 'carriedForward'))) continue;
    const victim = allZero ? rng.pick(values) : values[rng.int(1, 5)];
    row.splice(row.indexOf(victim), 1);
    if (victim.key) dropped.push(victim.key);
  }
  return dropped;
}

export function shortRowNote(dropped: string[]): string {
  const rows = [...new Set(dropped.map((k) => k.split('/')[1]))];
  return `SHORT ROWS: ${rows.length} table-三 rows print 6 of 7 values (${rows.join(', ')}). In each, the organisation columns are all 0 ` +
    `(or the whole row is 0), so the row sum 总计 = ${APPLICANTS.length} applicant columns forces the unprinted cell to 0; all 7 cells are recorded.`;
}
