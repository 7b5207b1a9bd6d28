// The import's statements sent without drizzle building them (src/store/raw-sql.ts) must carry the values drizzle
// sent for the same columns, so that the rows written are the same: arrays and jsonb as drizzle's column types map
// them.
import { describe, expect, it } from 'vitest';
import { float8Array, jsonb, Params } from '../src/store/raw-sql.js';
import { audit, findings, reports } from '../src/store/schema.js';

describe('raw statement values', () => {
  it('maps a float8[] as drizzle does (blanks NaN, absent NULL, any number)', () => {
    for (const v of [[], [1], [null, NaN, 0, -0, 1.5, -2, 1e21, 3786913.2397999982, Number.MIN_VALUE, null]])
      expect(float8Array(v)).toBe(reports.vals.mapToDriverValue(v));
  });

  it('maps jsonb as drizzle does, and NULL as NULL', () => {
    const finding = { ruleId: 'r', severity: 'error', cells: [{ key: 'a/b/c', value: null }], message: '“引号” \\ "' };
    expect(jsonb(finding)).toBe(findings.finding.mapToDriverValue(finding as never));
    expect(jsonb(['甲', 'b'])).toBe(reports.agencyCandidates.mapToDriverValue(['甲', 'b']));
    expect(jsonb(null)).toBeNull();
    expect(jsonb(undefined)).toBeNull();
    expect(jsonb({ version: 1 })).toBe(audit.after.mapToDriverValue({ version: 1 }));
  });

  it('numbers its placeholders in order', () => {
    const p = new Params();
    expect([p.add('a'), p.add(null), p.add(3)]).toEqual(['$1', '$2', '$3']);
    expect(p.list).toEqual(['a', null, 3]);
  });
});
