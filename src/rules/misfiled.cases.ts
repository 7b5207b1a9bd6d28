// Cases for misfiled: row totals hold, two applicant columns off by +n/−n against their column sums.
import type { RuleCases } from './rule.js';
import { makeReport, withCells } from './testing.js';

const three = () => 3;
const A = (row: string, col: string): string => `applications/${row}/${col}`;

const base = makeReport({ pick: three });
const newReceived = (col: string): number => base.cells[A('newReceived', col)].value ?? 0;

const cases: RuleCases = {
  valid: [
    { name: 'a consistent report', report: makeReport({ pick: three }) },
    {
      name: 'one cell wrong (its row total breaks): not misfiled',
      report: makeReport({ pick: three, cells: { [A('outcome.granted', 'naturalPerson')]: 5 } }),
    },
    {
      name: 'two columns off by different amounts',
      report: makeReport({
        pick: three,
        cells: {
          [A('outcome.granted', 'naturalPerson')]: 1,
          [A('outcome.granted', 'commercialEnterprise')]: 4,
          [A('outcome.granted', 'total')]: 17,
        },
      }),
    },
  ],
  invalid: [
    {
      name: '2 cases of 自然人 filed under 商业企业 in （一）予以公开',
      report: makeReport({
        pick: three,
        cells: { [A('outcome.granted', 'naturalPerson')]: 1, [A('outcome.granted', 'commercialEnterprise')]: 5 },
      }),
      expect: {
        count: 1,
        severity: 'error',
        messageIncludes: '疑似归类错位',
        cells: [A('outcome.total', 'naturalPerson'), A('outcome.total', 'commercialEnterprise')],
      },
    },
    {
      name: '2 cases of 科研机构 filed under 社会公益组织 in 本年新收 (the balance is off by +2/−2)',
      report: withCells(base, {
        [A('newReceived', 'researchInstitution')]: newReceived('researchInstitution') - 2,
        [A('newReceived', 'publicWelfareOrg')]: newReceived('publicWelfareOrg') + 2,
      }),
      expect: {
        count: 1, severity: 'error', messageIncludes: '“一+二”与“三+四”相比', cells: [A('newReceived', 'researchInstitution')],
      },
    },
  ],
};

export default cases;
