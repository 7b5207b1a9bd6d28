// Per-report memos for the rules: the report's cell keys listed once while all rules run (withCellKeys), and
// answers remembered for the last report asked about (lastReportMemo: layoutOf, relationsFor, the rules' keys by
// table group). Why module-level and not a context object passed to every rule: the rules and their helpers
// take a Report (as do the server's and the web app's callers), and bench/parse-throughput.mjs measured the
// alternative of a WeakMap keyed by the report slower (every report of a batch promoted to the old generation;
// see lastReportMemo). Both memos hold one report at most and notice a report's cells gaining or losing keys.
// (The other module-level maps of src/model — cell keys, parsed terms, relations by layout, row labels — memoise
// pure functions of the static templates, not of any report.)
import type { Report } from './report.js';

/**
 * The cell keys of a report. Inside `withCellKeys(report, …)` (what checkReport does) they are listed once for
 * all rules; elsewhere every call lists them afresh, so a caller that adds or removes cells is always seen.
 */
let snapshot: { cells: object; keys: string[]; values: Report['cells'][string][] | null } | null = null;

export function cellKeysOf(report: Pick<Report, 'cells'>): string[] {
  return snapshot && snapshot.cells === report.cells ? snapshot.keys : Object.keys(report.cells);
}

/** The report's cells as a list (listed once inside withCellKeys, like the keys). */
export function cellsOf(report: Pick<Report, 'cells'>): Report['cells'][string][] {
  if (snapshot && snapshot.cells === report.cells) {
    return (snapshot.values ??= valuesByKey(report.cells, snapshot.keys));
  }
  return valuesByKey(report.cells, Object.keys(report.cells));
}

// Object.values on a large (dictionary-mode) object costs several times a lookup per key
function valuesByKey(cells: Report['cells'], keys: string[]): Report['cells'][string][] {
  const out = new Array<Report['cells'][string]>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = cells[keys[i]];
  return out;
}

/** Run `fn` with the report's cell keys listed once (the cells must not gain or lose keys meanwhile). */
export function withCellKeys<T>(report: Pick<Report, 'cells'>, fn: () => T): T {
  const outer = snapshot;
  snapshot = { cells: report.cells, keys: Object.keys(report.cells), values: null };
  try {
    return fn();
  } finally {
    snapshot = outer;
  }
}

/**
 * `compute` for a report, remembered for the last report only: rules ask the same report the same questions, and
 * the answer is recomputed when another cells object comes, or when cells were added or removed. Not a WeakMap
 * keyed by the report: V8 keeps a WeakMap's young entries through minor collections, so every report of a batch
 * would be promoted to the old generation (measured: scavenges ~2× longer, twice the full collections).
 */
export function lastReportMemo<R extends Pick<Report, 'cells'>, T>(compute: (report: R) => T): (report: R) => T {
  let last: { cells: object; count: number; value: T } | null = null;
  return (report) => {
    const count = cellKeysOf(report).length;
    if (last && last.cells === report.cells && last.count === count) return last.value;
    const value = compute(report);
    last = { cells: report.cells, count, value };
    return value;
  };
}

