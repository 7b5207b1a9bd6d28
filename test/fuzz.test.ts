// Bounded, seeded fuzz: generated reports in several layouts, damaged at random (lines deleted, duplicated or
// swapped, characters deleted, random CJK/digits/tabs/pipes inserted, truncation, random bytes), then parsed,
// checked and rendered to every format. Nothing may throw except InputError (unusable input), and no input may
// take long — a hang guard, not a performance test.
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { encodeGbk } from '../src/generate/gbk.js';
import { generateReport, type GeneratedReport, type LayoutName } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { render, RENDER_FORMATS } from '../src/render/index.js';
import { checkReport } from '../src/rules/index.js';
import { rng } from './seeded.js';

/** 300 in `npm test`; GONGKAI_FUZZ_MUTANTS=5200 for the larger run (figures printed). */
const MUTANTS = Number(process.env.GONGKAI_FUZZ_MUTANTS ?? 300);
const MAX_MS_PER_INPUT = 2000;
const LAYOUTS: LayoutName[] = ['tab', 'markdown', 'pipe', 'cell-per-line', 'layout', 'pdf-default', 'html', 'html-gbk',
  'text-gbk', 'traditional', 'prose'];


const PIECES = ['\t', '|', '||', ' | ', '\n', '  ', '　', '0', '7', '12', '-3-', '３', '（七）总计', '一、本年新收政府信息公开申请数量', '三、',
  '第二十条第（一）项', '总计', '结果维持', '政府', '年', '<td>', '</tr>', '&nbsp;', '#', '---', '2024年', '.', '-', '+'];

function mutateText(text: string, next: () => number): { text: string; ops: string[] } {
  const int = (n: number) => Math.floor(next() * n);
  const ops: string[] = [];
  let t = text;
  const count = 1 + int(4);
  for (let i = 0; i < count; i++) {
    const lines = t.split('\n');
    const op = int(7);
    if (op === 0 && lines.length > 1) {
      const at = int(lines.length);
      const n = 1 + int(8);
      lines.splice(at, n);
      ops.push(`delete lines ${at}+${n}`);
    } else if (op === 1) {
      const at = int(lines.length);
      const n = 1 + int(5);
      lines.splice(at, 0, ...lines.slice(at, at + n));
      ops.push(`duplicate lines ${at}+${n}`);
    } else if (op === 2 && lines.length > 1) {
      const a = int(lines.length);
      const b = int(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      ops.push(`swap lines ${a},${b}`);
    } else if (op === 3) {
      const at = int(t.length);
      const n = 1 + int(40);
      t = t.slice(0, at) + t.slice(at + n);
      ops.push(`delete chars ${at}+${n}`);
      continue;
    } else if (op === 4) {
      const n = 1 + int(12);
      for (let k = 0; k < n; k++) {
        const at = int(t.length + 1);
        const piece = next() < 0.3 ? String.fromCharCode(0x4e00 + int(0x5000)) : PIECES[int(PIECES.length)];
        t = t.slice(0, at) + piece + t.slice(at);
      }
      ops.push(`insert ${n} pieces`);
      continue;
    } else if (op === 5) {
      const at = int(t.length);
      t = t.slice(0, at);
      ops.push(`truncate at ${at}`);
      continue;
    } else {
      // a line's numbers shuffled among themselves
      const at = int(lines.length);
      const nums = lines[at].match(/\d+/g) ?? [];
      let k = 0;
      const shuffled = [...nums].sort(() => next() - 0.5);
      lines[at] = lines[at].replace(/\d+/g, () => shuffled[k++]);
      ops.push(`shuffle numbers of line ${at}`);
    }
    t = lines.join('\n');
  }
  return { text: t, ops };
}

function mutant(base: GeneratedReport, index: number): { bytes: Uint8Array; name: string; ops: string[] } {
  const next = rng(0x9e3779b9 ^ (index * 2654435761));
  const { text, ops } = mutateText(base.text, next);
  let bytes = base.encoding === 'gbk' ? encodeGbk(text) : new TextEncoder().encode(text);
  if (next() < 0.2) {
    // random bytes: overwrite a few, or splice in a run of garbage
    bytes = Uint8Array.from(bytes);
    const n = 1 + Math.floor(next() * 20);
    for (let k = 0; k < n && bytes.length; k++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
    if (next() < 0.3) {
      const at = Math.floor(next() * bytes.length);
      const junk = Uint8Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() * 256));
      bytes = Uint8Array.from([...bytes.subarray(0, at), ...junk, ...bytes.subarray(at)]);
    }
    ops.push('random bytes');
  }
  return { bytes, name: base.name + base.extension, ops };
}

describe('fuzz: damaged generated reports', () => {
  it(`${MUTANTS} mutants: parse, check and render never throw (except InputError) and never hang`, async () => {
    const bases = LAYOUTS.flatMap((layout, i) => [
      generateReport({ seed: 500 + i, layout, template: '2021' }),
      generateReport({ seed: 600 + i, layout, template: '2019', damage: i % 2 ? ['short-rows'] : [] }),
    ]);
    const failures: string[] = [];
    let inputErrors = 0;
    let slowest = { ms: 0, what: '' };
    for (let i = 0; i < MUTANTS; i++) {
      const base = bases[i % bases.length];
      const { bytes, name, ops } = mutant(base, i);
      const what = `mutant ${i} of ${base.name} (${ops.join('; ')})`;
      const start = performance.now();
      try {
        const report = await parseBytes(bytes, name);
        const findings = checkReport(report);
        for (const to of RENDER_FORMATS) {
          const out = render(report, to, { findings });
          if (typeof out !== 'string' || out.length === 0) failures.push(`${what}: empty ${to} output`);
        }
      } catch (e) {
        if (e instanceof InputError) inputErrors++;
        else failures.push(`${what}: ${(e as Error).stack ?? e}`);
      }
      const ms = performance.now() - start;
      if (ms > slowest.ms) slowest = { ms, what };
    }
    if (process.env.GONGKAI_FUZZ_MUTANTS) {
      console.log(`fuzz: ${MUTANTS} mutants, ${failures.length} crashes, ${inputErrors} InputErrors, ` +
        `slowest ${slowest.ms.toFixed(0)} ms (${slowest.what.slice(0, 80)})`);
    }
    expect(failures).toEqual([]);
    expect(slowest.ms, slowest.what).toBeLessThan(MAX_MS_PER_INPUT);
    // most mutants are still text: InputError is the exception, not the rule
    expect(inputErrors).toBeLessThan(MUTANTS / 4);
  });

  it('a space-aligned row the assembler splits keeps one display column per value (mutant 2142 of 5,200)', async () => {
    // the larger run found it: a row with more values than columns was cut to the first `width` values but kept
    // the display columns of all of them, and the column anchors read past the table's width (a TypeError)
    const base = generateReport({ seed: 504, layout: 'layout', template: '2021' });
    const { bytes, name } = mutant(base, 2142);
    const report = await parseBytes(bytes, name);
    expect(report.template).toBe('2021');
    expect(() => checkReport(report)).not.toThrow();
  });

  it('adversarial texts: every row short, thousands of stray numbers or labels, long rows', async () => {
    const { readFileSync } = await import('node:fs');
    const tab = readFileSync(new URL('./fixtures/text/tab-complete.txt', import.meta.url), 'utf8');
    const cases: Record<string, string> = {
      // every table-三 row loses its first value and its zeros become 3s: no row can be placed by its sums
      everyRowShort: tab.replace(/^(.*\t)(\d+)((?:\t\d+){6})$/gm,
        (_m, a: string, _b: string, c: string) => a + c.slice(1)).replace(/\t0(?=\t|$)/g, '\t3'),
      strayNumbers: '青山县人民政府2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n'
        + Array.from({ length: 5000 }, (_, i) => String(i % 97)).join('\n'),
      repeatedRow: '三、收到和处理政府信息公开申请情况\n' +
        Array.from({ length: 3000 }, (_, r) =>
        `（一）予以公开\t${Array.from({ length: 6 }, (_, i) => (i * r) % 7).join('\t')}`).join('\n'),
      labelsOnly: Array.from({ length: 5000 },
        (_, i) => ['1.属于国家秘密', '（七）总计', '四、结转下年度继续办理', '5', '行政复议'][i % 5]).join('\n'),
      // a long row just under the cells-per-row bound (TEXT_MAX_ROW_CELLS) is read; over it, see below
      longLine: `三、收到和处理政府信息公开申请情况\n（七）总计 ${Array.from({ length: 1900 }, (_, i) => i % 10).join(' ')}`,
    };
    const over = `三、收到和处理政府信息公开申请情况\n（七）总计 ${Array.from({ length: 20000 }, (_, i) => i % 10).join(' ')}`;
    const start = performance.now();
    await expect(parseBytes(new TextEncoder().encode(over), 'longerLine.txt'))
      .rejects.toMatchObject({ limit: 'TEXT_MAX_ROW_CELLS' });
    expect(performance.now() - start, 'longerLine').toBeLessThan(MAX_MS_PER_INPUT);
    for (const [name, text] of Object.entries(cases)) {
      const start = performance.now();
      const report = await parseBytes(new TextEncoder().encode(text), `${name}.txt`);
      const findings = checkReport(report);
      for (const to of RENDER_FORMATS) render(report, to, { findings });
      expect(performance.now() - start, name).toBeLessThan(MAX_MS_PER_INPUT);
    }
  });

  it('InputError is what unusable bytes give', async () => {
    const binary = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256);
    await expect(parseBytes(binary, 'noise.bin')).rejects.toBeInstanceOf(InputError);
    await expect(parseBytes(new Uint8Array(0), 'empty.pdf')).rejects.toBeInstanceOf(InputError);
  });
});
