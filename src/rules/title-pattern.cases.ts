// Cases for title-pattern.
import type { RuleCases } from './rule.js';
import { makeReport } from './testing.js';

const cases: RuleCases = {
  valid: [
    { name: 'standard title', report: makeReport({ title: '汤阴县人民政府2022年政府信息公开工作年度报告' }) },
    {
      name: '年度 variant with a stray space',
      report: makeReport({ agency: '新下陆街道办事处', title: '新下陆街道办事处2022年度 政府信息公开工作年度报告' }),
    },
    { name: '工作 missing', report: makeReport({ year: 2021, title: '某某局2021年政府信息公开年度报告' }) },
    { name: 'in book-title brackets', report: makeReport({ year: 2024, title: '《东宝区2024年政府信息公开工作年度报告》' }) },
  ],
  invalid: [
    {
      name: 'no title',
      report: makeReport({ title: null }),
      expect: { count: 1, severity: 'warning', messageIncludes: '未找到报告标题' },
    },
    {
      name: 'year before the agency (金石镇)',
      report: makeReport({ year: 2020, template: '2019', title: '2020年金石镇政府信息公开工作年度报告' }),
      expect: { count: 1, severity: 'info' },
    },
    {
      name: '政府 missing (左贡县)',
      report: makeReport({ year: 2021, title: '左贡县人民政府2021年度信息公开年度报告' }),
      expect: { count: 1, severity: 'info' },
    },
    {
      name: 'title year differs from the report year',
      report: makeReport({ year: 2022, title: '示例县人民政府2021年政府信息公开工作年度报告' }),
      expect: { count: 1, severity: 'info', messageIncludes: '2021与报告年度2022不一致' },
    },
  ],
};

export default cases;
