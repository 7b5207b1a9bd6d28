// withPreviousYear (src/rules/lib/previous-year.ts) against checkReport: given a report's own findings, running
// only the rules that read a previous year gives exactly — same findings, same order — what checking the report
// again with the previous year gives, over generated pairs of years in both templates, every layout and every kind
// of damage, and pairs the cross-year rule must not pair (another body, a year apart, a file that is no report).
import { describe, expect, it } from 'vitest';
import { DAMAGES, LAYOUTS, checkReport, generateReport, parseBytes } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { ALL_RULES } from '../src/rules/index.js';
import { PREVIOUS_YEAR_RULES, withPreviousYear } from '../src/rules/lib/previous-year.js';

const read = (o: Parameters<typeof generateReport>[0]): Promise<Report> => {
  const g = generateReport(o);
  return parseBytes(g.bytes, `${o.seed}${g.extension}`);
};

async function pairs(): Promise<{ name: string; report: Report; previous: Report }[]> {
  const out: { name: string; report: Report; previous: Report }[] = [];
  for (let i = 0; i < 40; i++) {
    const template = i % 4 === 0 ? '2019' as const : '2021' as const;
    const year = template === '2019' ? 2020 : 2023;
    const agency = i % 2 ? '青山县人民政府' : '白溪县统计局';
    const damage = i % 3 === 0 ? [] : [DAMAGES[i % DAMAGES.length]];
    const layout = LAYOUTS[i % LAYOUTS.length];
    out.push({
      name: `${template} ${layout} ${damage.join() || 'clean'} #${i}`,
      report: await read({ seed: 9000 + i, agency, year, template, layout, damage }),
      previous: await read({ seed: 8000 + i, agency, year: year - 1, template,
        layout: LAYOUTS[(i + 1) % LAYOUTS.length] }),
    });
  }
  const base = await read({ seed: 7001, agency: '青山县人民政府', year: 2023, layout: 'tab' });
  out.push({ name: 'another body', report: base,
    previous: await read({ seed: 7002, agency: '临江区教育局', year: 2022, layout: 'tab' }) });
  out.push({ name: 'two years apart', report: base,
    previous: await read({ seed: 7003, agency: '青山县人民政府', year: 2021, layout: 'tab' }) });
  // a warning of a rule after cross-year's in ALL_RULES (title-pattern: no title), so the order is tested
  out.push({ name: 'no title', report: { ...out[3].report, title: null }, previous: out[3].previous });
  const notAReport = await parseBytes(new TextEncoder().encode('会议纪要\n今天天气很好。\n'.repeat(20)), 'x.txt');
  out.push({ name: 'no report', report: notAReport, previous: base });
  return out;
}

describe('withPreviousYear', () => {
  it('gives checkReport(report, previous) from checkReport(report), findings and order alike', async () => {
    let crossYear = 0;
    for (const p of await pairs()) {
      const full = checkReport(p.report, p.previous);
      expect(withPreviousYear(p.report, p.previous, checkReport(p.report)), p.name).toEqual(full);
      if (full.some((f) => f.ruleId === 'cross-year')) crossYear++;
    }
    // the comparison means something only where the previous year adds findings: most generated pairs do
    expect(crossYear).toBeGreaterThan(20);
  });

  it('lists every rule that reads a previous year: the others find the same without one', async () => {
    const others = ALL_RULES.filter((r) => !PREVIOUS_YEAR_RULES.includes(r));
    let changed = 0;
    for (const p of await pairs()) {
      for (const r of others) {
        expect(r.check({ report: p.report, previous: p.previous }), `${r.id}: ${p.name}`)
          .toEqual(r.check({ report: p.report }));
      }
      for (const r of PREVIOUS_YEAR_RULES) if (r.check({ report: p.report, previous: p.previous }).length) changed++;
    }
    expect(changed).toBeGreaterThan(20);
  });
});
