// Building findings: cell values, the source of the first involved cell, and number formatting for messages.
import type { Finding, FindingCell, Report, Severity } from '../../model/report.js';
import { formatMessage, type MessageArgs, type MessageData, type MessageId } from '../../model/messages.js';
import type { Rule } from '../rule.js';

/** The version used for labels and column types (the report's, else inferred, else 2021): the model decides. */
export { versionOf } from '../../model/layout.js';

/**
 * The FindingCell of a key: its value in `report`, or in `previous` for `prev:` keys. A cell the report does not
 * contain is listed with value null (only rules about missing cells name such keys).
 */
export function findingCell(key: string, report: Report, previous?: Report): FindingCell {
  if (key.startsWith('prev:')) return { key, value: previous?.cells[key.slice(5)]?.value ?? null };
  return { key, value: report.cells[key]?.value ?? null };
}

export type FindingInput = {
  [K in MessageId]: { messageId: K; data: MessageArgs[K]; cells: string[]; expected?: number; severity?: Severity };
}[MessageId];

export function makeFinding(
  rule: Pick<Rule, 'id' | 'severity'>, report: Report, input: FindingInput, previous?: Report,
): Finding {
  // most findings name no cell (truncated, title-pattern, missing-table …): no set, no search for them
  const none = input.cells.length === 0;
  const cells = none ? [] : [...new Set(input.cells)].map((k) => findingCell(k, report, previous));
  const first = none ? undefined : input.cells.find((k) => report.cells[k] !== undefined);
  const f: Finding = {
    ruleId: rule.id,
    severity: input.severity ?? rule.severity,
    messageId: input.messageId,
    data: input.data as MessageData,
    message: formatMessage(input.messageId, input.data, 'zh'),
    messageEn: formatMessage(input.messageId, input.data, 'en'),
    cells,
  };
  if (input.expected !== undefined) f.expected = round(input.expected);
  if (first) f.source = report.cells[first].source;
  return f;
}

/** Sums of decimals without binary noise (0.1 + 0.2 → 0.3). */
export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** A cell's value when it exists and is printed (not blank), else undefined. */
export function num(report: Report | undefined, key: string): number | undefined {
  const v = report?.cells[key]?.value;
  return v === null || v === undefined ? undefined : v;
}
