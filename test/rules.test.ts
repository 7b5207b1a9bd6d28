// Runs every case of every rule (valid → no finding from that rule; invalid → the findings it expects), checks that
// every rule module has a cases file with both kinds, compares the derived relations with the spec JSON, and tests
// the property: a consistent complete report has no error, and any single changed section 三/四 cell gives an error
// naming that cell.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutOf, relationsFor, relationsOf, type Relation } from '../src/model/relations.js';
import { formatFinding, formatMessage } from '../src/model/messages.js';
import type { Finding } from '../src/model/report.js';
import { allCellKeys, type TemplateVersion } from '../src/model/template.js';
import { ALL_RULES, checkReport } from '../src/rules/index.js';
import type { Case, InvalidCase, Rule, RuleCases } from '../src/rules/rule.js';
import { makeReport, withCells } from '../src/rules/testing.js';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'rules');
/** Files of src/rules that are not rules (subfolders such as lib/ are support code too). */
const SUPPORT = new Set(['index.ts', 'rule.ts', 'testing.ts']);

const ruleFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.cases.ts') &&
    !e.name.endsWith('.test.ts') && !SUPPORT.has(e.name))
  .map((e) => e.name.replace(/\.ts$/, ''));

async function load<T>(file: string): Promise<T> {
  const mod = (await import(pathToFileURL(join(RULES_DIR, file)).href)) as { default: T };
  return mod.default;
}

function run(rule: Rule, c: Case): Finding[] {
  return rule.check({ report: c.report, previous: c.previous });
}

function show(fs: Finding[]): string {
  return fs.map((f) => `${f.severity} ${f.message} [${f.cells.map((c) => c.key).join(' ')}]`).join('\n');
}

describe('rule inventory', () => {
  it('finds rule modules', () => expect(ruleFiles.length).toBeGreaterThan(10));
  for (const id of ruleFiles)
    it(`${id}: id, registration and cases`, async () => {
      const rule = await load<Rule>(`${id}.ts`);
      expect(rule.id, 'rule id equals file name').toBe(id);
      expect(ALL_RULES.some((r) => r.id === id), 'listed in ALL_RULES').toBe(true);
      expect(formatMessage(rule.messageId, {}, 'zh').length, 'description (zh)').toBeGreaterThan(4);
      expect(formatMessage(rule.messageId, {}, 'en').length, 'description (en)').toBeGreaterThan(4);
      expect(existsSync(join(RULES_DIR, `${id}.cases.ts`)), `${id}.cases.ts exists`).toBe(true);
      const cases = await load<RuleCases>(`${id}.cases.ts`);
      expect(cases.valid.length, 'valid cases').toBeGreaterThan(0);
      expect(cases.invalid.length, 'invalid cases').toBeGreaterThan(0);
    });
  it('ALL_RULES has no rule without a module', () => {
    for (const r of ALL_RULES) expect(ruleFiles).toContain(r.id);
  });
});

describe('rule cases', async () => {
  for (const id of ruleFiles) {
    if (!existsSync(join(RULES_DIR, `${id}.cases.ts`))) continue;
    const rule = await load<Rule>(`${id}.ts`);
    const cases = await load<RuleCases>(`${id}.cases.ts`);
    describe(id, () => {
      for (const c of cases.valid)
        it(`valid: ${c.name}`, () => {
          const fs = run(rule, c);
          expect(fs, show(fs)).toHaveLength(0);
        });
      for (const c of cases.invalid as InvalidCase[])
        it(`invalid: ${c.name}`, () => {
          const fs = run(rule, c);
          const e = c.expect;
          expect(fs, show(fs)).toHaveLength(e.count);
          for (const f of fs) {
            expect(f.ruleId).toBe(id);
            expect(f.message.length).toBeGreaterThan(0);
            expect(f.messageEn.length).toBeGreaterThan(0);
            // the rendered messages are the catalogue's, and survive a JSON round trip of the data
            const wire = JSON.parse(JSON.stringify(f)) as Finding;
            expect(formatFinding(wire, 'zh')).toBe(f.message);
            expect(formatFinding(wire, 'en')).toBe(f.messageEn);
            if (e.severity) expect(f.severity).toBe(e.severity);
          }
          const named = new Set(fs.flatMap((f) => f.cells.map((x) => x.key)));
          for (const k of e.cells ?? []) expect(named.has(k), `${k} named in\n${show(fs)}`).toBe(true);
          if (e.expected !== undefined) expect(fs[0].expected).toBe(e.expected);
          if (e.messageIncludes) expect(fs[0].message).toContain(e.messageIncludes);
          const firstPresent = fs[0]?.cells.find((x) => c.report.cells[x.key]);
          if (firstPresent) expect(fs[0].source).toEqual(c.report.cells[firstPresent.key].source);
        });
    });
  }
});

// checkReport skips a cellsOnly rule on a report with no cell (rules/index.ts runAll): such a rule must find
// nothing there, whatever else the report holds, with or without a previous year
describe('cellsOnly rules on a report with no cell', async () => {
  for (const id of ruleFiles) {
    const rule = await load<Rule>(`${id}.ts`);
    if (!rule.cellsOnly) continue;
    const cases = await load<RuleCases>(`${id}.cases.ts`);
    it(`${id}: no finding in any of its cases with the cells taken away`, () => {
      for (const c of [...cases.valid, ...cases.invalid]) {
        const fs = run(rule, { ...c, report: { ...c.report, cells: {} } });
        expect(fs, `${c.name}\n${show(fs)}`).toHaveLength(0);
      }
    });
  }
  it('the rules that need no cell are not marked', () => {
    const unmarked = ALL_RULES.filter((r) => !r.cellsOnly).map((r) => r.id).sort();
    expect(unmarked).toEqual([
      'missing-section', 'missing-table', 'not-a-report', 'other-year-figures', 'template-year', 'title-pattern',
      'truncated', 'year-mismatch',
    ]);
  });
});

describe('relations', () => {
  const specDir = join(RULES_DIR, '..', '..', '..', 'shared', 'spec');
  for (const v of ['2019', '2021'] as const)
    it.skipIf(!existsSync(join(specDir, `template-${v}.json`)))(`${v}: same relations as the spec JSON`, () => {
      const json = JSON.parse(readFileSync(join(specDir, `template-${v}.json`), 'utf8')) as {
        relations: { id: string; lhs: string[]; rhs: string[] }[];
      };
      const norm = (r: { id: string; lhs: string[]; rhs: string[] }): string =>
        `${r.id}: ${[...r.lhs].sort()} | ${[...r.rhs].sort()}`;
      const ours = relationsOf(v).map((r: Relation) => norm(r)).sort();
      expect(ours).toEqual(json.relations.map(norm).sort());
    });
});

describe('property: single changed cell', () => {
  for (const v of ['2019', '2021'] as TemplateVersion[]) {
    const strictKeys = allCellKeys(v).filter((k) => k.startsWith('applications/') || k.startsWith('reviewLitigation/'));
    it(`${v}: consistent complete report has no error; any changed section 三/四 cell is named by an error`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 40 }),
          fc.constantFrom(...strictKeys),
          fc.nat({ max: 500 }),
          (values, key, delta) => {
            const report = makeReport({ template: v, pick: (_k, i) => values[i % values.length] });
            expect(checkReport(report).filter((f) => f.severity === 'error')).toEqual([]);
            const old = report.cells[key].value ?? 0;
            const changed = withCells(report, { [key]: delta === old ? delta + 1 : delta });
            const errors = checkReport(changed).filter((f) => f.severity === 'error');
            expect(errors.some((f) => f.cells.some((c) => c.key === key))).toBe(true);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
  it('2021 report with a single 其他处理 row is covered too', () => {
    const report = makeReport({ other: 'single', pick: () => 2 });
    expect(checkReport(report).filter((f) => f.severity === 'error')).toEqual([]);
    for (const key of Object.keys(report.cells).filter((k) => k.startsWith('applications/'))) {
      const errors = checkReport(withCells(report, { [key]: (report.cells[key].value ?? 0) + 3 }))
        .filter((f) => f.severity === 'error');
      expect(errors.some((f) => f.cells.some((c) => c.key === key)), key).toBe(true);
    }
  });
});

describe('checkReport', () => {
  it('sorts errors first', () => {
    const report = makeReport({
      title: null, cells: { 'applications/newReceived/total': 1000, 'art20_1/regulations/made': null },
    });
    const fs = checkReport(report);
    const levels = fs.map((f) => f.severity);
    expect(levels.indexOf('error')).toBe(0);
    expect(levels.lastIndexOf('error')).toBeLessThan(levels.indexOf('warning'));
  });
});

describe('per-report memos', () => {
  // layouts and relations are remembered for the last report only: alternating reports must never see each other's
  it('answers for the report asked about when calls alternate between reports', () => {
    const a = makeReport({ template: '2019' });
    const b = makeReport({ template: '2021' });
    const c = withCells(b, { 'applications/outcome.denied/total': 0 }); // a printed group subtotal: more relations
    const ids = (r: Relation[]): string => r.map((x) => x.id).sort().join(',');
    const fresh = [a, b, c].map((r) => ({ layout: layoutOf(r), relations: ids(relationsFor(r)) }));
    expect(fresh[0].layout.version).toBe('2019');
    expect(fresh[1].layout.version).toBe('2021');
    expect(fresh[2].relations).not.toBe(fresh[1].relations);
    for (const order of [[0, 1, 0, 2, 1, 2, 0], [2, 2, 1, 0, 0, 2]])
      for (const i of order) {
        const r = [a, b, c][i];
        expect(layoutOf(r).version).toBe(fresh[i].layout.version);
        expect(layoutOf(r).other).toBe(fresh[i].layout.other);
        expect(ids(relationsFor(r))).toBe(fresh[i].relations);
      }
  });

  it('sees cells added to a report after it was asked about', () => {
    const r = makeReport({ template: '2021' });
    const before = ids(relationsFor(r));
    r.cells = { ...r.cells, ...withCells(r, { 'applications/outcome.denied/naturalPerson': 0 }).cells };
    expect(ids(relationsFor(r))).not.toBe(before);
  });
});

function ids(r: Relation[]): string {
  return r.map((x) => x.id).sort().join(',');
}
