// The synthetic report generator: determinism, every table relation on the generated numbers (checked here
// with plain sums), every layout non-empty with its title, GBK round trip, truth cell counts, damage truth.
import { describe, expect, it } from 'vitest';
import { DAMAGES, generateCorpus, generateReport, LAYOUTS, type LayoutName } from '../src/generate/index.js';
import { encodeGbk } from '../src/generate/gbk.js';
import { buildModel } from '../src/generate/document.js';
import { Rng } from '../src/generate/random.js';
import { generateNumbers, outcomeRows } from '../src/generate/numbers.js';
import type { AgencyLevel, LabelStyle } from '../src/generate/model.js';
import type { TemplateVersion } from '../src/model/template.js';

const APPLICANTS = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicWelfareOrg',
  'legalServiceOrg', 'otherOrg'];
const STYLE: LabelStyle = { brackets: 'full', socialOrg: false, henan: false, plusSign: true, variants: [] };
const LEVELS: AgencyLevel[] = ['city', 'county', 'district', 'town', 'township', 'street', 'department', 'office'];

function decode(r: { bytes: Uint8Array; encoding: string }): string {
  return new TextDecoder(r.encoding === 'gbk' ? 'gbk' : 'utf-8').decode(r.bytes);
}

/** Every strict relation of the spec, written out with plain sums; returns the failures. */
function relationFailures(version: TemplateVersion, v: Record<string, number>): string[] {
  const bad: string[] = [];
  const a = (row: string, col: string): number => v[`applications/${row}/${col}`];
  const outcomes = outcomeRows(version);
  for (const col of [...APPLICANTS, 'total']) {
    if (a('newReceived', col) + a('carriedOver', col) !== a('outcome.total', col) +
      a('carriedForward', col)) bad.push(`balance ${col}`);
    if (outcomes.reduce((s, r) => s + a(r, col), 0) !== a('outcome.total', col)) bad.push(`outcome total ${col}`);
  }
  for (const row of ['newReceived', 'carriedOver', ...outcomes, 'outcome.total', 'carriedForward']) {
    if (APPLICANTS.reduce((s, c) => s + a(row, c), 0) !== a(row, 'total')) bad.push(`row total ${row}`);
  }
  for (const g of ['review', 'litigationDirect', 'litigationAfterReview']) {
    const c = (p: string): number => v[`reviewLitigation/cases/${g}.${p}`];
    if (c('upheld') + c('corrected') + c('other') + c('pending') !== c('total')) bad.push(`group total ${g}`);
  }
  for (const [k, x] of Object.entries(v)) {
    if (!k.endsWith('/changeThisYear') && x < 0) bad.push(`negative ${k}`);
    if (!/amount|totalAmount/i.test(k) && !Number.isInteger(x)) bad.push(`non-integer ${k}`);
  }
  return bad;
}

describe('random', () => {
  it('is deterministic for a seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(new Rng(1).next()).not.toBe(new Rng(2).next());
  });
});

describe('numbers', () => {
  it('satisfy every relation, for both templates and every level', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const version: TemplateVersion = seed % 2 ? '2019' : '2021';
      const cells = generateNumbers(new Rng(seed), version, LEVELS[seed % LEVELS.length], STYLE);
      const values = Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]));
      expect(relationFailures(version, values), `seed ${seed}`).toEqual([]);
      expect(Object.keys(values).length).toBe(version === '2021' ? 200 : 198);
    }
  });

  it('are sparse, dominated by natural persons, with towns at 规章 = 0', () => {
    let zeros = 0;
    let cells = 0;
    let natural = 0;
    let organisations = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const level = LEVELS[seed % LEVELS.length];
      const n = generateNumbers(new Rng(seed), '2021', level, STYLE);
      for (const [k, c] of Object.entries(n)) {
        if (!k.startsWith('applications/')) continue;
        cells++;
        if (c.value === 0) zeros++;
      }
      natural += n['applications/newReceived/naturalPerson'].value;
      organisations += n['applications/newReceived/total'].value - n['applications/newReceived/naturalPerson'].value;
      if (level === 'town' || level === 'township' || level === 'street') {
        for (const col of ['made', 'repealed', 'valid']) expect(n[`art20_1/regulations/${col}`].value).toBe(0);
      }
    }
    expect(zeros / cells).toBeGreaterThan(0.6);
    expect(natural).toBeGreaterThan(organisations * 3);
  });

  it('print 2019 changes signed and amounts as decimals', () => {
    const texts = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const n = generateNumbers(new Rng(seed), '2019', 'county', STYLE);
      for (const [k, c] of Object.entries(n))
        if (k.endsWith('changeThisYear')) texts.add(c.text[0] === '+' ? '+' : c.value < 0 ? '-' : '0');
    }
    expect(texts).toEqual(new Set(['+', '-', '0']));
    const amounts = Array.from({ length: 100 },
      (_, s) => generateNumbers(new Rng(s), '2021', 'county', STYLE)['art20_8/fees/amount'].value);
    expect(amounts.some((x) => !Number.isInteger(x))).toBe(true);
    expect(amounts.some((x) => x === 0)).toBe(true);
  });
});

describe('generateReport', () => {
  it('is deterministic: same seed, same bytes and truth', () => {
    for (const layout of LAYOUTS) {
      const a = generateReport({ seed: 99, layout, damage: ['truncated'] });
      const b = generateReport({ seed: 99, layout, damage: ['truncated'] });
      expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes)), layout).toBe(true);
      expect(a.truth).toEqual(b.truth);
    }
  });

  it.each(LAYOUTS.map((l) => [l]))('layout %s prints the title and a complete truth', (layout) => {
    for (const template of ['2019', '2021'] as const) {
      const r = generateReport({ seed: 5, layout: layout as LayoutName, template });
      const text = decode(r);
      expect(text.length).toBeGreaterThan(500);
      const flat = text.replace(/\s/g, '');
      const rest = layout === 'traditional' ? '政府信息公開工作年度報告' : '政府信息公开工作年度报告';
      expect(flat).toMatch(new RegExp(`${r.truth.agency}${r.truth.year}年(度)?${rest}`));
      expect(r.truth.truncated).toBe(false);
      if (layout === 'prose') {
        expect(r.truth.template).toBe('unknown');
        expect(r.truth.tables).toEqual({ active: false, applications: false, review: false });
        expect(Object.keys(r.truth.cells)).toHaveLength(0);
      } else {
        expect(r.truth.template).toBe(template);
        expect(Object.keys(r.truth.cells)).toHaveLength(template === '2021' ? 200 : 198);
        expect(r.truth.tables).toEqual({ active: true, applications: true, review: true });
        expect(relationFailures(template, r.truth.cells as Record<string, number>)).toEqual([]);
      }
    }
  });

  it('keeps narrative figures in agreement with the tables', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = generateReport({ seed, layout: 'tab' });
      const c = r.truth.cells as Record<string, number>;
      const n = r.truth.narrative;
      if ('applicationsReceived' in n) expect(n.applicationsReceived).toBe(c['applications/newReceived/total']);
      if ('applicationsCompleted' in n) expect(n.applicationsCompleted).toBe(c['applications/outcome.total/total']);
      if ('administrativeReconsiderations' in n) expect(n.administrativeReconsiderations)
        .toBe(c['reviewLitigation/cases/review.total']);
      expect(decode(r)).toMatch(/统计期限为\d{4}年1月1日至(\d{4}年)?12月31日/);
    }
  });

  it('GBK layouts round-trip through TextDecoder("gbk") and declare their charset', () => {
    for (const layout of ['html-gbk', 'text-gbk'] as const) {
      const r = generateReport({ seed: 8, layout });
      expect(r.encoding).toBe('gbk');
      const text = new TextDecoder('gbk').decode(r.bytes);
      expect(text).toBe(r.text);
      expect(text).not.toContain('\ufffd');
      expect(Buffer.from(encodeGbk(text)).equals(Buffer.from(r.bytes))).toBe(true);
      if (layout === 'html-gbk') expect(text).toContain('<meta charset="gbk">');
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(r.bytes)).toThrow();
    }
  });

  it('traditional layout is 繁体 and records the agency as printed', () => {
    const r = generateReport({ seed: 3, layout: 'traditional', agency: '青山县人民政府', year: 2022 });
    expect(r.truth.agency).toBe('青山縣人民政府');
    expect(decode(r)).toContain('政府信息公開工作年度報告');
  });
});

describe('damage', () => {
  it('short-rows drops one zero per row but the truth keeps all 7 cells', () => {
    const r = generateReport({ seed: 21, layout: 'tab', damage: ['short-rows'] });
    expect(r.truth.notes).toContain('SHORT ROWS');
    expect(Object.keys(r.truth.cells)).toHaveLength(200);
    const rows = decode(r).split('\n').filter((l) =>
      /^[\t(（一二三四五六七八\d]/.test(l) && (l.match(/\t\d+/g) ?? []).length === 6);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lost-tables keeps the headings and no cells', () => {
    const r = generateReport({ seed: 4, layout: 'html', damage: ['lost-tables'] });
    expect(decode(r)).toContain('三、收到和处理政府信息公开申请情况');
    expect(decode(r)).not.toContain('<table');
    expect(r.truth.template).toBe('unknown');
    expect(r.truth.cells).toEqual({});
  });

  it('truncated records only cells printed before the cut', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const layout = LAYOUTS[seed % LAYOUTS.length];
      const r = generateReport({ seed, layout, damage: ['truncated'] });
      const full = generateReport({ seed, layout });
      expect(r.truth.truncated).toBe(true);
      expect(r.bytes.length).toBeLessThan(full.bytes.length);
      expect(Object.keys(r.truth.cells).length).toBeLessThanOrEqual(Object.keys(full.truth.cells).length);
      for (const [k, v] of Object.entries(r.truth.cells)) expect(v, k).toBe(full.truth.cells[k]);
    }
    const cut = generateReport({ seed: 6, layout: 'tab', damage: ['truncated'], truncateAt: 4000 });
    expect(cut.bytes.length).toBeLessThanOrEqual(4000);
  });

  it('inconsistent injects one wrong number and lists it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = generateReport({ seed, layout: 'pipe', damage: ['inconsistent'] });
      expect(r.truth.injected).toHaveLength(1);
      const inj = r.truth.injected![0];
      expect(r.truth.cells[inj.key]).toBe(inj.printedValue);
      expect(inj.printedValue).not.toBe(inj.consistentValue);
      expect(relationFailures(r.truth.template as TemplateVersion, r.truth.cells as Record<string, number>)
        .length).toBeGreaterThan(0);
    }
  });

  it('builds a model for every damage without throwing', () => {
    for (const d of DAMAGES) expect(() => buildModel({ seed: 1, damage: [d], tablesLost: d === 'lost-tables' }))
      .not.toThrow();
  });
});

describe('generateCorpus', () => {
  it('cycles the layouts and names reports uniquely', () => {
    const corpus = generateCorpus({ count: LAYOUTS.length * 2, seed: 7, damage: [...DAMAGES] });
    expect(new Set(corpus.map((r) => r.truth.layout))).toEqual(new Set(LAYOUTS));
    expect(new Set(corpus.map((r) => r.name)).size).toBe(corpus.length);
    for (const r of corpus) expect(r.extension).toBe(r.truth.layout.startsWith('html') ? '.html' : '.txt');
  });
});
