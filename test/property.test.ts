// Property: for generated reports in every layout, both templates and each kind of damage, the parse equals the
// generator's truth — agency, year, template, table flags and EXACTLY the truth's cells (same keys, same values,
// null = blank) — and the checks agree: a consistent complete report has no error, and an injected inconsistency
// gives an error naming the changed cell. Seeds are fixed, so a failure names a reproducible input.
import { describe, expect, it } from 'vitest';
import { generateReport, LAYOUTS, type DamageName } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { checkReport } from '../src/rules/index.js';
import type { TemplateVersion } from '../src/model/template.js';

const DAMAGE_CASES: DamageName[][] = [[], ['short-rows'], ['truncated'], ['inconsistent']];
const SEEDS_PER_CASE = 3;
const TEMPLATES: TemplateVersion[] = ['2019', '2021'];

describe.each(LAYOUTS.flatMap((layout) => TEMPLATES.map((template) =>
  ({ layout, template }))))('$layout, template $template', ({ layout, template }) => {
  it('parse equals the truth; checks find exactly the injected inconsistency', async () => {
    for (const [di, damage] of DAMAGE_CASES.entries()) {
      for (let s = 1; s <= SEEDS_PER_CASE; s++) {
        const seed = 1000 * s + 97 * LAYOUTS.indexOf(layout) + 13 * di + (template === '2019' ? 5 : 0);
        const g = generateReport({ seed, layout, template, damage });
        const truth = g.truth;
        const at = `generateReport({ seed: ${seed}, layout: '${layout}', template: '${template}', ` +
          `damage: ${JSON.stringify(damage)} })`;
        const report = await parseBytes(g.bytes, g.name + g.extension);

        expect(report.agency, at).toBe(truth.agency);
        expect(report.year, at).toBe(truth.year);
        expect(report.template, at).toBe(truth.template === 'unknown' ? null : truth.template);
        expect(report.tables, at).toEqual(truth.tables);
        expect(report.truncated, at).toBe(truth.truncated);
        const cells = Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]));
        expect(cells, at).toEqual(truth.cells);

        const errors = checkReport(report).filter((f) => f.severity === 'error');
        const complete = truth.tables.active && truth.tables.applications && truth.tables.review;
        if (damage.length === 0 && complete) expect(errors.map((f) => `${f.ruleId}: ${f.messageEn}`), at).toEqual([]);
        if (damage.includes('inconsistent') && truth.injected?.length) {
          const key = truth.injected[0].key;
          expect(errors.some((f) => f.cells.some((c) => c.key === key)), `${at}: no error names ${key}`).toBe(true);
        }
      }
    }
  });
});

describe('coverage of the property', () => {
  it('every damage kind really damages, and lost tables really lose them', () => {
    const short = generateReport({ seed: 1013, layout: 'tab', template: '2021', damage: ['short-rows'] });
    expect(short.truth.notes).toMatch(/SHORT ROWS/);
    const cut = generateReport({ seed: 1026, layout: 'tab', template: '2021', damage: ['truncated'] });
    expect(cut.truth.truncated).toBe(true);
    const bad = generateReport({ seed: 1039, layout: 'tab', template: '2021', damage: ['inconsistent'] });
    expect(bad.truth.injected?.length).toBe(1);
    const prose = generateReport({ seed: 1000, layout: 'prose', template: '2021' });
    expect(prose.truth.template).toBe('unknown');
    expect(prose.truth.cells).toEqual({});
  });
});
