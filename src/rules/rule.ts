// The rule contract: one module per check, each with a default-exported Rule and a `<id>.cases.ts` beside it.
import type { MessageId } from '../model/messages.js';
import type { Finding, Report, RuleId, Severity } from '../model/report.js';
import type { ReportRelations } from './lib/evaluate.js';

export interface RuleContext {
  report: Report;
  /** the same agency's report for the year before, when the caller has one */
  previous?: Report;
  /** the report's relations, evaluated once for all rules (lib/evaluate.ts relationsOfContext; made on first ask) */
  relations?: ReportRelations;
}

export interface Rule {
  /** short kebab-case id, equal to the module's file name */
  id: RuleId;
  /** the most severe level the rule reports (a finding may be milder, e.g. when blanks are involved) */
  severity: Severity;
  /** what the rule checks, in the message catalogue (`rule.<id>`; formatMessage gives it per language) */
  messageId: MessageId;
  /**
   * True for a rule that reads only the report's cells (and the relations among them): on a report with no cell it
   * finds nothing, and checkReport does not run it there (half the reports of the corpus have no table read).
   * test/rules.test.ts runs every such rule's cases with the cells taken away to hold it to that.
   */
  cellsOnly?: boolean;
  check(ctx: RuleContext): Finding[];
}

/** What an invalid case must produce from its rule. */
export interface Expectation {
  /** number of findings from the rule */
  count: number;
  /** cell keys every one of which must be named by some finding */
  cells?: string[];
  /** severity every finding must have */
  severity?: Severity;
  /** the `expected` value of the first finding */
  expected?: number;
  /** a fragment the first finding's Chinese message must contain */
  messageIncludes?: string;
}

export interface Case {
  name: string;
  report: Report;
  previous?: Report;
}

export interface InvalidCase extends Case {
  expect: Expectation;
}

export interface RuleCases {
  valid: Case[];
  invalid: InvalidCase[];
}
