// Cases for empty-form: every cell read is blank (a blank template).
import { allCellKeys } from '../model/template.js';
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const blank = (keys: string[]): Record<string, null> => Object.fromEntries(keys.map((k) => [k, null]));

const cases: RuleCases = {
  valid: [
    { name: 'a complete report', report: makeReport() },
    { name: 'no cell at all (missing-table says so)', report: makeReport({ base: 'empty' }) },
    {
      name: 'one value among blanks',
      report: makeReport({
        base: 'empty',
        cells: { ...blank(allCellKeys('2021')), 'applications/newReceived/total': 0 },
      }),
    },
  ],
  invalid: [
    {
      name: 'a blank 2021 form',
      report: makeReport({ base: 'empty', cells: blank(allCellKeys('2021')) }),
      expect: { count: 1, severity: 'error', messageIncludes: '空白模板' },
    },
    {
      name: 'only table 四 read, blank',
      report: makeReport({
        base: 'empty',
        cells: blank(allCellKeys('2019').filter((k) => k.startsWith('reviewLitigation/'))),
      }),
      expect: { count: 1, severity: 'error' },
    },
  ],
};

export default cases;
