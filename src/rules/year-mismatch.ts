// The title's year and the year the text reports on disagree: a report titled 2020 whose statistics period is
// 2021, or whose body states 2021's work throughout (a title left over from another year, or a misfiled report).
import type { YearStatement } from '../model/report.js';
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

/** The body's year when its first statements agree on it (at least two of the first three), else null. */
function agreedBodyYear(statements: YearStatement[]): YearStatement | null {
  const first = statements.filter((s) => s.from === 'body').slice(0, 3);
  for (const s of first) if (first.filter((t) => t.year === s.year).length >= 2) return s;
  return null;
}

const rule: Rule = {
  id: 'year-mismatch',
  severity: 'warning',
  messageId: 'rule.year-mismatch',
  check(ctx) {
    const { report } = ctx;
    const statements = report.yearStatements ?? [];
    const title = statements.find((s) => s.from === 'title');
    if (!title) return [];
    const period = statements.find((s) => s.from === 'period');
    const body = agreedBodyYear(statements);
    // the period decides when stated; otherwise the body, unless it also states the title's year early on
    const early = statements.filter((s) => s.from === 'body').slice(0, 3);
    const stated = period ?? (body && !early.some((s) => s.year === title.year) ? body : null);
    if (!stated || stated.year === title.year) return [];
    const f = makeFinding(rule, report, {
      messageId: 'year-mismatch.years',
      data: {
        titleYear: title.year, year: stated.year, where: stated.from === 'period' ? 'period' : 'body',
        quote: stated.text.slice(0, 60),
      },
      cells: [],
    });
    f.source = stated.source;
    return [f];
  },
};

export default rule;
