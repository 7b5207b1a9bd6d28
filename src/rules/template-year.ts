// The table layout does not match the year: reports for 2019–2020 use the 2019 (试行) format, reports for 2021 on
// the 2021 format (国办公开办函〔2021〕30号). E.g. a 2022 report printed in the 2019 layout.
import { makeFinding } from './lib/findings.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'template-year',
  severity: 'warning',
  description: '表格格式与报告年度不符（2020年及以前用2019年格式，2021年起用2021年格式）',
  descriptionEn: 'The table layout does not match the year (≤2020: 2019 format; ≥2021: 2021 format)',
  check(ctx) {
    const { report } = ctx;
    if (report.year === null || report.template === null) return [];
    const expected = report.year <= 2020 ? '2019' : '2021';
    if (report.template === expected) return [];
    const doc = report.template === '2019' ? '2019年《格式（试行）》' : '2021年修订的格式';
    const want = expected === '2019' ? '2019年《格式（试行）》（国办公开办函〔2019〕60号）' : '2021年格式（国办公开办函〔2021〕30号）';
    return [makeFinding(rule, report, {
      message: `${report.year}年度报告使用了${doc}的表格，应使用${want}`,
      messageEn: `A ${report.year} report uses the ${report.template} table layout; the ${expected} format applies`,
      cells: [],
    })];
  },
};

export default rule;
