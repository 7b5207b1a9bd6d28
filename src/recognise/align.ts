// Places the values of a damaged row — one that printed fewer or more values than the table has columns —
// only where the row's own sums and non-negativity (and, across rows, the column sums) leave one possibility.

/** total = Σ parts, by column index within a row. */
export interface RowSum { total: number; parts: number[] }

/** A possible reading of a row: a value per column, or null where it stays unknown (BLANK: printed blank). */
export type Candidate = (number | null)[];

/** In a candidate: the cell is printed blank. No sum is checked through it (a blank may stand for anything). */
export const BLANK = Number.NEGATIVE_INFINITY;

const MAX_MISSING = 2;

/**
 * The k-subsets of 0…n-1 in lexicographic order, as flags (`[subset][i]` true when i is in it). Made once per (n, k):
 * they depend on the table's width alone (k ≤ MAX_MISSING), and every damaged row asked for them again.
 */
function combinations(n: number, k: number): readonly (readonly boolean[])[] {
  const key = n * (MAX_MISSING + 1) + k;
  let out = COMBINATIONS.get(key);
  if (out) return out;
  const made: boolean[][] = [];
  const pick = (start: number, acc: number[]) => {
    if (acc.length === k) return void made.push(Array.from({ length: n }, (_, i) => acc.includes(i)));
    for (let i = start; i < n; i++) pick(i + 1, [...acc, i]);
  };
  pick(0, []);
  COMBINATIONS.set(key, (out = made));
  return out;
}

/** combinations() by n·(MAX_MISSING+1)+k: index sets, no report data; n is at most a table's width + MAX_MISSING. */
const COMBINATIONS = new Map<number, readonly (readonly boolean[])[]>();

/**
 * Fill unknowns from the row sums; false when the reading contradicts them or non-negativity. Without a closure or
 * an array per sum and pass: it runs for every placement of every damaged row (bench/parse-throughput.mjs).
 */
function resolve(values: Candidate, sums: RowSum[]): boolean {
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of sums) {
      // the unknown cells among [total, ...parts] (the first one, and how many), and the known parts' sum in order
      let unknowns = values[s.total] === null ? 1 : 0;
      let first = unknowns ? s.total : -1;
      let partSum = 0;
      for (const i of s.parts) {
        const v = values[i];
        if (v !== null) partSum += v;
        else if (unknowns++ === 0) first = i;
      }
      if (unknowns === 0) {
        if (Math.abs((values[s.total] as number) - partSum) > 1e-9) return false;
      } else if (unknowns === 1) {
        const v = first === s.total ? partSum : (values[s.total] as number) - partSum;
        if (v < 0) return false;
        values[first] = v;
        changed = true;
      } else if (values[s.total] !== null) {
        const slack = (values[s.total] as number) - partSum;
        if (slack < 0) return false;
        if (slack === 0) {
          for (const i of s.parts) if (values[i] === null) values[i] = 0;
          changed = true;
        }
      }
    }
  }
  return true;
}

/** The row's own sums hold where every cell is a number (a blank may stand for anything: not checked). */
export function rowSumsHold(values: Candidate, sums: RowSum[]): boolean {
  for (const s of sums) {
    const total = values[s.total];
    if (total === null || total === BLANK) continue;
    let sum = 0;
    let known = true;
    for (const p of s.parts) {
      const v = values[p];
      if (v === null || v === BLANK) known = false;
      else sum += v;
    }
    if (known ? Math.abs(sum - total) > 1e-9 : sum > total + 1e-9) return false;
  }
  return true;
}

/** A reading of a row that lost no field: `from[c]` is the index of the printed value column c holds (-1: blank). */
export interface GapReading { values: Candidate; from: number[] }

/**
 * Every reading of a whitespace-separated row that printed fewer values than columns: an empty cell prints as
 * nothing there, so each missing value is a printed blank (BLANK), never a value for the row sum to give back. The
 * printed values keep their order; each placement of the blanks that the row's sums allow (no sum is checked
 * through a blank) is a reading. None when more than MAX_MISSING are missing.
 */
export function gapReadings(printed: number[], width: number, sums: RowSum[]): GapReading[] {
  const out: GapReading[] = [];
  const missing = width - printed.length;
  if (missing <= 0 || missing > MAX_MISSING) return out;
  for (const gap of combinations(width, missing)) {
    const values: Candidate = [];
    const from: number[] = [];
    let p = 0;
    for (let c = 0; c < width; c++) {
      from.push(gap[c] ? -1 : p);
      values.push(gap[c] ? BLANK : printed[p++]);
    }
    if (rowSumsHold(values, sums)) out.push({ values, from });
  }
  return out;
}

/**
 * Every reading of a row that printed `printed` values in order for `width` columns, consistent with `sums`, in
 * the order first found, without repeats (a repeat takes the place of its first finding, as a Map keyed by the
 * values would: the readings hold finite numbers and nulls, so equal values are the same reading). A `spaced` row
 * (split at whitespace) that printed too few values lost none: its readings are gapReadings', blanks where values
 * are missing.
 */
export function rowCandidates(printed: number[], width: number, sums: RowSum[], spaced = false): Candidate[] {
  if (spaced && printed.length < width) return gapReadings(printed, width, sums).map((g) => g.values);
  const out: Candidate[] = [];
  const add = (values: Candidate) => {
    if (!resolve(values, sums)) return;
    for (let k = 0; k < out.length; k++) {
      if (sameCandidate(out[k], values)) {
        out[k] = values;
        return;
      }
    }
    out.push(values);
  };
  if (printed.length < width) {
    const missing = width - printed.length;
    if (missing > MAX_MISSING) return [];
    for (const gap of combinations(width, missing)) {
      const values: Candidate = [];
      let p = 0;
      for (let c = 0; c < width; c++) values.push(gap[c] ? null : printed[p++]);
      add(values);
    }
  } else if (printed.length > width) {
    const extra = printed.length - width;
    if (extra > MAX_MISSING) return [];
    for (const drop of combinations(printed.length, extra)) add(printed.filter((_, i) => !drop[i]));
  } else add([...printed]);
  return out;
}

function sameCandidate(a: Candidate, b: Candidate): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A relation across rows: Σ lhs = Σ rhs, over (row id, column) cells. */
export interface TableSum { lhs: [string, number][]; rhs: [string, number][] }

export interface SolveResult {
  /** row id → the certain values (null where the readings disagree) */
  placed: Map<string, Candidate>;
  readings: number;
}

const MAX_COMBINATIONS = 200_000;

/**
 * Choose a reading per ambiguous row so that every table relation holds; keep a value only where all
 * consistent choices agree. `fixed` rows are certain; relations touching an unknown cell are skipped.
 */
export function solveTable(
  fixed: Map<string, Candidate>, ambiguous: Map<string, Candidate[]>, relations: TableSum[],
): SolveResult {
  const ids = [...ambiguous.keys()];
  const choice = new Map<string, Candidate>(fixed);
  const agreed = new Map<string, Candidate>();
  let readings = 0;
  let combos = ids.reduce((n, id) => n * Math.max(1, ambiguous.get(id)!.length), 1);
  if (combos > MAX_COMBINATIONS) return { placed: new Map(), readings: -1 };
  const holds = () =>
    relations.every((r) => {
      const side = (cells: [string, number][]) => {
        let sum = 0;
        for (const [row, col] of cells) {
          const v = choice.get(row)?.[col];
          if (v === null || v === undefined || v === BLANK) return null;
          sum += v;
        }
        return sum;
      };
      const l = side(r.lhs);
      const rr = side(r.rhs);
      return l === null || rr === null || Math.abs(l - rr) < 1e-9;
    });
  const visit = (i: number) => {
    if (i === ids.length) {
      if (!holds()) return;
      readings++;
      for (const id of ids) {
        const c = choice.get(id)!;
        const prev = agreed.get(id);
        agreed.set(id, prev ? prev.map((v, k) => (v === c[k] ? v : null)) : [...c]);
      }
      return;
    }
    for (const cand of ambiguous.get(ids[i])!) {
      choice.set(ids[i], cand);
      visit(i + 1);
    }
    choice.delete(ids[i]);
  };
  combos = 0;
  visit(0);
  return { placed: readings ? agreed : new Map(), readings };
}

/**
 * True when `cand` for `row` breaks no relation whose other cells are known: from `fixed` rows, or agreed by every
 * reading still open for their row (`known`). A relation through an unknown or blank cell is not checked.
 */
export function consistentWith(
  row: string, cand: Candidate, fixed: Map<string, Candidate>, known: Map<string, Candidate>, relations: TableSum[],
): boolean {
  // plain loops, no closures: this runs for every reading of every open row against every relation, again on each
  // pruning pass (bench/assemble-rows.mjs)
  for (const rel of relations) {
    if (!touches(rel.lhs, row) && !touches(rel.rhs, row)) continue;
    const l = sideSum(rel.lhs, row, cand, fixed, known);
    const r = l === null ? null : sideSum(rel.rhs, row, cand, fixed, known);
    if (l !== null && r !== null && Math.abs(l - r) > 1e-9) return false;
  }
  return true;
}

function touches(cells: [string, number][], row: string): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i][0] === row) return true;
  return false;
}

/** Σ of one side of a relation, `row` read from `cand`; null when a cell is unknown or blank. */
function sideSum(
  cells: [string, number][], row: string, cand: Candidate, fixed: Map<string, Candidate>, known: Map<string, Candidate>,
): number | null {
  let sum = 0;
  for (let i = 0; i < cells.length; i++) {
    const r = cells[i][0];
    const c = cells[i][1];
    const v = r === row ? cand[c] : (fixed.get(r) ?? known.get(r))?.[c];
    if (v === null || v === undefined || v === BLANK) return null;
    sum += v;
  }
  return sum;
}

/** The values every reading agrees on (null where they differ). */
export function agreedOf(cands: Candidate[]): Candidate {
  if (!cands.length) return [];
  // loops rather than map/every closures: every open row's readings are folded here on every pruning pass
  const first = cands[0];
  const out: Candidate = [];
  for (let i = 0; i < first.length; i++) {
    let v = first[i];
    for (let k = 0; k < cands.length; k++) {
      if (cands[k][i] !== v) {
        v = null;
        break;
      }
    }
    out.push(v);
  }
  return out;
}

/**
 * Drop each open row's readings that break a relation with known cells, and repeat while something changes (a
 * pruned row may agree on more cells, which lets others be checked). Sound: only readings without any consistent
 * completion are dropped. Rows with one reading are not pruned (a report may be inconsistent as printed).
 */
export function pruneReadings(
  fixed: Map<string, Candidate>, open: Map<string, Candidate[]>, relations: TableSum[],
): Map<string, Candidate[]> {
  const left = new Map([...open].map(([k, v]) => [k, [...v]] as [string, Candidate[]]));
  for (let pass = 0; pass < 8; pass++) {
    const known = new Map([...left].map(([k, v]) => [k, agreedOf(v)] as [string, Candidate]));
    let changed = false;
    for (const [row, cands] of left) {
      if (cands.length <= 1) continue;
      const keep = cands.filter((c) => consistentWith(row, c, fixed, known, relations));
      if (keep.length !== cands.length) {
        left.set(row, keep);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return left;
}
