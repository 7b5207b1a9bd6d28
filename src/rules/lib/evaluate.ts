// Evaluating one relation on a report: sums both sides (blank counts as 0 for arithmetic, but is remembered),
// skips relations with a cell the report does not contain, and turns a failure into a finding.
import type { Finding, Report } from '../../model/report.js';
import { cellKeysOf, cellsOf, parseTerm, relationsFor, type Relation, type Term } from '../../model/relations.js';
import type { MessageArgs, MessageId } from '../../model/messages.js';
import type { Rule, RuleContext } from '../rule.js';
import { makeFinding, round, sameNumber, type FindingInput } from './findings.js';

export interface Evaluation {
  holds: boolean;
  lhs: number;
  rhs: number;
  /** the terms' cell keys, `prev:` kept */
  keys: string[];
  /** keys of involved cells printed blank */
  blanks: string[];
}

const parsedTerms = new WeakMap<Relation, { lhs: Term[]; rhs: Term[] }>();

function termsOf(rel: Relation): { lhs: Term[]; rhs: Term[] } {
  let t = parsedTerms.get(rel);
  if (!t) parsedTerms.set(rel, (t = { lhs: rel.lhs.map(parseTerm), rhs: rel.rhs.map(parseTerm) }));
  return t;
}

/**
 * Σ sign·value over the terms; null when a cell is missing. Blank cells count 0 and, given a list, are noted in
 * it (without one, nothing is allocated: the common check of a relation that holds).
 */
function sumSide(terms: Term[], report: Report, previous: Report | undefined, blanks: string[] | null): number | null {
  let sum = 0;
  for (const t of terms) {
    const cell = (t.prev ? previous : report)?.cells[t.key];
    if (!cell) return null;
    if (cell.value === null) blanks?.push(t.prev ? `prev:${t.key}` : t.key);
    else sum += t.sign * cell.value;
  }
  return round(sum);
}

/** An evaluation; its key list is built only when asked for (i.e. for a failure). */
class RelationEvaluation implements Evaluation {
  constructor(
    private readonly rel: Relation, readonly holds: boolean, readonly lhs: number, readonly rhs: number,
    readonly blanks: string[],
  ) {}
  get keys(): string[] {
    return [...this.rel.lhs, ...this.rel.rhs].map((t) => t.replace(/^-/, ''));
  }
}

function holds(rel: Relation, lhs: number, rhs: number): boolean {
  return rel.op === '=' ? sameNumber(lhs, rhs) : lhs <= rhs + 1e-9;
}

/**
 * True when the relation holds or cannot be evaluated (a cell is missing): nothing to report. The common case,
 * decided without building an evaluation.
 */
export function nothingToReport(rel: Relation, report: Report, previous?: Report): boolean {
  const { lhs: l, rhs: r } = termsOf(rel);
  const lhs = sumSide(l, report, previous, null);
  const rhs = lhs === null ? null : sumSide(r, report, previous, null);
  return lhs === null || rhs === null || holds(rel, lhs, rhs);
}

/** Null when a cell of the relation is missing (or a previous-year term has no previous report). */
export function evaluate(rel: Relation, report: Report, previous?: Report): Evaluation | null {
  // parsed terms are cached, and keys are built only for a failure
  const { lhs: l, rhs: r } = termsOf(rel);
  const blanks: string[] = [];
  const lhs = sumSide(l, report, previous, blanks);
  if (lhs === null) return null;
  const rhs = sumSide(r, report, previous, blanks);
  if (rhs === null) return null;
  return new RelationEvaluation(rel, holds(rel, lhs, rhs), lhs, rhs, blanks);
}

/**
 * The terms of a list of relations (relationsFor's lists are shared per layout), numbered: each distinct cell
 * (this year's or the previous year's) is one slot, and each relation a run of (slot, sign) pairs, left side
 * first. Static data of the templates, memoised per list.
 */
interface Plan {
  index: Map<Relation, number>;
  keys: string[];
  /** the slot of each cell key read from this year's report, and from the previous year's */
  slotOfKey: Map<string, number>;
  slotOfPrevKey: Map<string, number>;
  /** per slot: 1 = a previous-year cell */
  prev: Uint8Array;
  slot: Int32Array;
  sign: Int8Array;
  /** per relation i: its terms are [start[i], start[i + 1]); the right side starts at rhs[i] */
  start: Int32Array;
  rhs: Int32Array;
}

const plans = new WeakMap<readonly Relation[], Plan>();

function planOf(relations: readonly Relation[]): Plan {
  let plan = plans.get(relations);
  if (plan) return plan;
  const slots = new Map<string, number>();
  const slotOfKey = new Map<string, number>();
  const slotOfPrevKey = new Map<string, number>();
  const keys: string[] = [];
  const prev: number[] = [];
  const slot: number[] = [];
  const sign: number[] = [];
  const start = new Int32Array(relations.length + 1);
  const rhs = new Int32Array(relations.length);
  const index = new Map<Relation, number>();
  const add = (terms: Term[]) => {
    for (const t of terms) {
      const id = `${t.prev ? 'prev:' : ''}${t.key}`;
      let n = slots.get(id);
      if (n === undefined) {
        slots.set(id, (n = keys.length));
        (t.prev ? slotOfPrevKey : slotOfKey).set(t.key, n);
        keys.push(t.key);
        prev.push(t.prev ? 1 : 0);
      }
      slot.push(n);
      sign.push(t.sign);
    }
  };
  relations.forEach((rel, i) => {
    index.set(rel, i);
    const { lhs, rhs: r } = termsOf(rel);
    start[i] = slot.length;
    add(lhs);
    rhs[i] = slot.length;
    add(r);
  });
  start[relations.length] = slot.length;
  plan = {
    index, keys, slotOfKey, slotOfPrevKey, prev: Uint8Array.from(prev), slot: Int32Array.from(slot),
    sign: Int8Array.from(sign), start, rhs,
  };
  plans.set(relations, plan);
  return plan;
}

/** A cell's state in ReportRelations: missing, printed blank, a number. */
const MISSING = 0;
const BLANK = 1;
const NUMBER = 2;
/** A relation's state in ReportRelations: not yet evaluated, a cell missing, holds, fails. */
const UNKNOWN = 0;
const ABSENT = 1;
const HOLDS = 2;
const FAILS = 3;

/**
 * The relations of one report (against its previous year, if given) while the rules run: each cell a relation reads
 * is looked up once, and each relation summed at most once, however many rules ask (misfiled, balance,
 * outcome-total, row-total and plausibility ask about the same relations). The answers are those of
 * nothingToReport and evaluate (the same sums, in the same order). Lives in the RuleContext of one checkReport
 * call, never beyond it (see `relationsOfContext`). Measured: checkReport 8–9 % less CPU per report in-process;
 * `node bench/per-report-sharing.mjs` shows what the sharing saves.
 */
export class ReportRelations {
  private readonly plan: Plan;
  private readonly values: Float64Array;
  private readonly cellState: Uint8Array;
  private readonly state: Uint8Array;
  private readonly sums: Float64Array;
  private readonly blank: Uint8Array;

  constructor(private readonly report: Report, private readonly previous?: Report) {
    this.plan = planOf(relationsFor(report));
    const { keys } = this.plan;
    this.values = new Float64Array(keys.length);
    this.cellState = new Uint8Array(keys.length);
    // the report's own cells looked up in the plan, not the plan's ~200 keys in the cells: most reports print
    // few of them, and a keyed load of an absent property from many rules' call sites is slow (megamorphic misses).
    // Measured in-process, warm, over the 27 corpus texts: this constructor 11.6 → 7.4 µs per report (with
    // relationsFor's own-key lookup of the subtotals, 4.3 → 1.8 µs)
    this.note(cellKeysOf(report), cellsOf(report), this.plan.slotOfKey);
    if (previous) this.note(Object.keys(previous.cells), Object.values(previous.cells), this.plan.slotOfPrevKey);
    const n = this.plan.start.length - 1;
    this.state = new Uint8Array(n);
    this.sums = new Float64Array(2 * n);
    this.blank = new Uint8Array(n);
  }

  /** The state and value of each cell of `keys` (with `cells` its values) that has a slot in `slots`. */
  private note(keys: string[], cells: Report['cells'][string][], slots: Map<string, number>): void {
    for (let k = 0; k < keys.length; k++) {
      const i = slots.get(keys[k]);
      const cell = cells[k];
      if (i === undefined || !cell) continue;
      if (cell.value === null) this.cellState[i] = BLANK;
      else {
        this.cellState[i] = NUMBER;
        this.values[i] = cell.value;
      }
    }
  }

  /** Σ sign·value over terms [from, to), as sumSide; NaN when a cell is missing. Notes blanks in `blank[i]`. */
  private side(i: number, from: number, to: number): number {
    const { slot, sign } = this.plan;
    let sum = 0;
    for (let k = from; k < to; k++) {
      const s = slot[k];
      const state = this.cellState[s];
      if (state === MISSING) return NaN;
      if (state === BLANK) this.blank[i] = 1;
      else sum += sign[k] * this.values[s];
    }
    return round(sum);
  }

  /** The state of relation `i` of the plan, evaluated on first ask. */
  private stateOf(rel: Relation, i: number): number {
    if (this.state[i] !== UNKNOWN) return this.state[i];
    const { start, rhs } = this.plan;
    const l = this.side(i, start[i], rhs[i]);
    const r = Number.isNaN(l) ? NaN : this.side(i, rhs[i], start[i + 1]);
    let state = ABSENT;
    if (!Number.isNaN(r)) {
      this.sums[2 * i] = l;
      this.sums[2 * i + 1] = r;
      state = holds(rel, l, r) ? HOLDS : FAILS;
    }
    return (this.state[i] = state);
  }

  /** As nothingToReport(rel, report, previous). */
  nothingToReport(rel: Relation): boolean {
    const i = this.plan.index.get(rel);
    if (i === undefined) return nothingToReport(rel, this.report, this.previous);
    return this.stateOf(rel, i) !== FAILS;
  }

  /** As evaluate(rel, report, previous). */
  evaluate(rel: Relation): Evaluation | null {
    const i = this.plan.index.get(rel);
    if (i === undefined) return evaluate(rel, this.report, this.previous);
    const state = this.stateOf(rel, i);
    if (state !== HOLDS && state !== FAILS) return null;
    return new RelationEvaluation(rel, state === HOLDS, this.sums[2 * i], this.sums[2 * i + 1],
      this.blank[i] ? this.blanksOf(i) : []);
  }

  /** The keys of the relation's blank cells, in term order (`prev:` kept), as evaluate lists them. */
  private blanksOf(i: number): string[] {
    const { slot, keys, prev, start } = this.plan;
    const out: string[] = [];
    for (let k = start[i]; k < start[i + 1]; k++) {
      const s = slot[k];
      if (this.cellState[s] === BLANK) out.push(prev[s] ? `prev:${keys[s]}` : keys[s]);
    }
    return out;
  }
}

/**
 * The context's ReportRelations, made on first ask: checkReport passes one context object to every rule, so the
 * rules of one report share it (a rule run alone, as in its cases, makes its own).
 */
export function relationsOfContext(ctx: RuleContext): ReportRelations {
  return (ctx.relations ??= new ReportRelations(ctx.report, ctx.previous));
}

/** The message of a failed relation: its catalogue id and data (sums included; the blank note is added here). */
export type Wording = {
  [K in RelationMessage]: { messageId: K; data: Omit<MessageArgs[K], 'blanks'> };
}[RelationMessage];

type RelationMessage = {
  [K in MessageId]: MessageArgs[K] extends { lhs: number; rhs: number } ? K : never;
}[MessageId];

/**
 * Check every relation whose id starts with `prefix` and report each failure with `word`. A failure that
 * involves blank cells is reported one level milder (warning), since the blank, not the arithmetic, may be at fault.
 * `expected` is the value a single-cell left side should have.
 */
export function checkRelations(
  rule: Pick<Rule, 'id' | 'severity'>,
  ctx: RuleContext,
  relations: Relation[],
  word: (rel: Relation, ev: Evaluation) => Wording,
): Finding[] {
  const out: Finding[] = [];
  const evaluated = relationsOfContext(ctx);
  for (const rel of relations) {
    if (evaluated.nothingToReport(rel)) continue;
    const ev = evaluated.evaluate(rel);
    if (!ev || ev.holds) continue;
    const w = word(rel, ev);
    const blank = ev.blanks.length > 0;
    const milder = blank && rule.severity === 'error' ? 'warning' : rule.severity;
    // the message's id and data go together (Wording pairs them); the blank note is one more data field
    const input = { messageId: w.messageId, data: blank ? { ...w.data, blanks: true } : w.data } as FindingInput;
    out.push(makeFinding(rule, ctx.report, {
      ...input,
      cells: ev.keys,
      expected: rel.lhs.length === 1 && rel.op === '=' ? ev.rhs : undefined,
      severity: milder,
    }, ctx.previous));
  }
  return out;
}
