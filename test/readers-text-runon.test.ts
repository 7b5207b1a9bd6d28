// Run-on text (src/readers/text-runon.ts): a report that lost its line breaks is read after they are restored —
// every offset kept, no number the source does not print, the year and the tables found — and a text that has its
// line breaks is read exactly as before.
import { describe, expect, it } from 'vitest';
import { generateReport, parseBytes } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { restoreLineBreaks } from '../src/readers/text-runon.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const generated = (seed: number, layout: 'tab' | 'cell-per-line' | 'layout') =>
  new TextDecoder().decode(generateReport({ seed, layout }).bytes);
const valuesOf = (r: Report) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));

describe('run-on text', () => {
  it('leaves a text with its line breaks alone', () => {
    for (const seed of [1, 2, 3]) expect(restoreLineBreaks(generated(seed, 'tab'))).toBeNull();
    expect(restoreLineBreaks('短文本 一、总体情况 二、主动公开')).toBeNull();
    // one long line, but no report structure in it
    expect(restoreLineBreaks('本单位全年共办理事项 12 件。'.repeat(80))).toBeNull();
  });

  it('turns whitespace into line breaks one for one: offsets stay those of the source', () => {
    const flat = generated(4, 'tab').replace(/\n/g, ' ');
    const r = restoreLineBreaks(flat)!;
    expect(r.breaks).toBeGreaterThan(20);
    expect(r.text.length).toBe(flat.length);
    for (let i = 0; i < flat.length; i++) {
      if (r.text[i] !== flat[i]) expect([r.text[i], /\s/.test(flat[i])]).toEqual(['\n', true]);
    }
  });

  it('breaks a run-on text without tabs only where its prose had seams', () => {
    const prose = '某县统计局2023年政府信息公开工作年度报告 一、总体情况 2023 年，我局主动公开信息 12 条。 ' +
      '二、主动公开政府信息情况 规章 0 0 0 规范性文件 3 2 11 三、收到和处理政府信息公开申请情况 '.repeat(20);
    const lines = restoreLineBreaks(prose)!.text.split('\n');
    expect(lines.slice(0, 2)).toEqual(['某县统计局2023年政府信息公开工作年度报告',
      '一、总体情况 2023 年，我局主动公开信息 12 条。']);
    // the tables' rows stay together: where a run-on lost them is not certain
    expect(lines).toHaveLength(3);
  });

  it('reads a tab report whose lines were joined by spaces as the report itself', async () => {
    for (const seed of [5, 6, 7]) {
      const text = generated(seed, 'tab');
      const whole = await parseBytes(utf8(text), `${seed}.txt`);
      const flat = await parseBytes(utf8(text.replace(/\n/g, ' ')), `${seed}-flat.txt`);
      expect(valuesOf(flat)).toEqual(valuesOf(whole));
      expect([flat.year, flat.agency, flat.template]).toEqual([whole.year, whole.agency, whole.template]);
      expect(flat.diagnostics.some((d) => d.code === 'text.run-on')).toBe(true);
      // a cell's offset points at its number in the run-on source
      const cell = Object.values(flat.cells).find((c) => c.value !== null && c.value > 9)!;
      const flatText = text.replace(/\n/g, ' ');
      expect(flatText.slice(cell.source.offset!, cell.source.offset! + cell.raw.length)).toBe(cell.raw);
    }
  });

  it('finds the year and prints no number the source lacks, whatever the layout or damage', async () => {
    const layouts = ['tab', 'cell-per-line', 'layout', 'markdown', 'pipe'] as const;
    const damages = [[], ['blanks'], ['short-rows'], ['detached'], ['split-labels']] as const;
    for (let i = 0; i < 10; i++) {
      const g = generateReport({ seed: 40 + i, layout: layouts[i % 5], damage: [...damages[i % 5]] });
      const text = new TextDecoder().decode(g.bytes);
      const whole = await parseBytes(g.bytes, `${i}.txt`);
      for (const flatText of [text.replace(/\n/g, ' '), text.replace(/\s+/g, ' ')]) {
        const flat = await parseBytes(utf8(flatText), `${i}-flat.txt`);
        expect(flat.year).toBe(whole.year);
        for (const [key, cell] of Object.entries(flat.cells))
          expect([key, cell.value]).toEqual([key, whole.cells[key]?.value]);
      }
    }
  });
});
