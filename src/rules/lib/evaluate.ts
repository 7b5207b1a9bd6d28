// Evaluating one relation on a report: sums both sides (blank counts as 0 for arithmetic, but is remembered),
// skips relations with a cell the report does not contain, and turns a failure into a finding.
import type { Finding, Report } from '../../model/report.js';
import { parseTerm, type Relation, type Term } from '../../model/relations.js';
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
  for (const rel of relations) {
    if (nothingToReport(rel, ctx.report, ctx.previous)) continue;
    const ev = evaluate(rel, ctx.report, ctx.previous);
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
