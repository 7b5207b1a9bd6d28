// The text states another year's figures as this year's: in a 2022 report, 「2021年，我镇主动公开政府信息32条」
// where the sentence speaks of the year reported on — a sign of a report copied from an earlier one, which
// evaluators score. Comparisons (较2021年, 与上年相比), carried-over applications (2021年结转), ranges and dates are
// not such statements (the recogniser does not record them); nor are plans for later years.
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'other-year-figures',
  severity: 'warning',
  messageId: 'rule.other-year-figures',
  check(ctx) {
    const { report } = ctx;
    const year = report.year;
    const statements = report.yearStatements ?? [];
    if (year === null) return [];
    const body = statements.filter((s) => s.from === 'body');
    // the text must otherwise speak of the report's year: a wholly different year is year-mismatch's finding
    if (!statements.some((s) => s.year === year && s.from !== 'title')) return [];
    const stale = body.filter((s) => s.figures && s.year < year);
    if (stale.length * 2 >= body.length) return [];
    return stale.map((s) => {
      const f = makeFinding(rule, report, {
        messageId: 'other-year-figures.statement',
        data: { year: s.year, reportYear: year, quote: s.text.slice(0, 60) },
        cells: [],
      });
      f.source = s.source;
      return f;
    });
  },
};

export default rule;
