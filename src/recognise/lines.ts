// The rows' texts squeezed (text/normalise.ts: no whitespace, ASCII digits), each made at most once per report.
// Why: findMetadata squeezed the same head lines several times (a title row up to three times, its neighbours,
// the prose it joins, the signature lines), and squeeze scans the whole line even when it changes nothing. One
// object per recognise() call, handed to the metadata, year and narrative finders; nothing outlives the report.
// Measured (in-process, warm, CPU, corpus texts): sections+metadata+narrative 143–155 → 104–124 µs per report with
// this and the region table (name-table.ts) together; sharing one object between the finders, rather than one per
// finder, measured no different (`node bench/per-report-sharing.mjs`).
import { squeeze } from '../text/normalise.js';
import type { Row } from './tokens.js';

export class SqueezedLines {
  private readonly memo: (string | undefined)[] = [];

  constructor(private readonly rows: readonly Row[]) {}

  /** squeeze(rows[i].text) */
  at(i: number): string {
    return (this.memo[i] ??= squeeze(this.rows[i].text));
  }
}
