// Layouts real scrapes and conversions print that the generator does not make (bench/probe-layouts.mjs measures
// them at scale): hard-wrapped text whose cuts split rows and numbers, bold numbers in markdown tables, WeChat
// article bodies hidden until a script shows them, pdftotext pages with running headers in the middle of a
// table, and a year written 二〇二〇 in the body only. Generated reports are rewritten into each layout and read
// back: no number read is wrong, and the layout's cells are read.
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate/index.js';
import { paddedTabs } from '../src/generate/scrapes.js';
import { parseBytes } from '../src/parse.js';
import { lineFacts, wrapWidth } from '../src/readers/text-wrap.js';
import { runningHeaders } from '../src/readers/text-pages.js';
import type { LayoutName } from '../src/generate/model.js';

type Rewrite = (text: string, year: number) => string;

async function rewritten(seed: number, layout: LayoutName, rewrite: Rewrite, name = 'rewritten.txt') {
  const g = generateReport({ seed, layout, template: seed % 2 ? '2019' : '2021' });
  const text = rewrite(g.text, g.truth.year!);
  const report = await parseBytes(new TextEncoder().encode(text), name);
  let wrong = 0;
  let read = 0;
  for (const [key, want] of Object.entries(g.truth.cells)) {
    const got = report.cells[key]?.value;
    if (got === undefined || got === null) continue;
    read++;
    if (got !== want) wrong++;
  }
  const expected = Object.values(g.truth.cells).filter((v) => v !== null).length;
  return { report, truth: g.truth, wrong, read, expected };
}

/** Every line cut after `n` characters, as a fixed-width export does. */
const hardWrap = (n: number): Rewrite => (text) => text.split('\n').flatMap((line) => {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += n) out.push(line.slice(i, i + n));
  return out.length ? out : [''];
}).join('\n');

describe('hard-wrapped text', () => {
  for (const [layout, width] of [['tab', 38], ['tab', 50], ['pipe', 38], ['markdown', 40], ['layout', 60]] as const) {
    it(`${layout} cut at ${width}: every cell read, none a fragment of a cut number`, async () => {
      for (const seed of [11, 12, 13]) {
        const r = await rewritten(seed, layout, hardWrap(width));
        expect(r.wrong).toBe(0);
        expect(r.read).toBe(r.expected);
      }
    });
  }

  it('a cell on a continuation line keeps its own line and column', async () => {
    const { report } = await rewritten(11, 'tab', hardWrap(38));
    const lines = hardWrap(38)(generateReport({ seed: 11, layout: 'tab', template: '2019' }).text, 0).split('\n');
    let checked = 0;
    let continued = 0;
    for (const cell of Object.values(report.cells)) {
      if (cell.value === null || cell.how !== 'direct') continue;
      const ref = cell.source;
      // the number printed where its source points, on the line and at the column
      expect(lines[ref.line - 1].slice(ref.column - 1)).toMatch(/^[+-]?\d/);
      checked++;
      if (lines[ref.line - 2]?.length === 38) continued++;
    }
    expect(checked).toBeGreaterThan(150);
    expect(continued).toBeGreaterThan(0); // some of them on a line a cut continues
  });

  it('natural text and padded tables are not taken for hard-wrapped', () => {
    const prose = ['标题', '第一段话写完了。', '第二段话也写完了，比第一段长一些。', '短'];
    expect(wrapWidth(prose)).toBe(0);
    const padded = Array.from({ length: 12 }, (_, i) => `| 行${String(i).padStart(2, '0')} | 0 | 1 | 2 |`);
    expect(wrapWidth(padded)).toBe(0); // every row the same length, each one whole
    const long = '这是一段很长的文字，'.repeat(20) + '\n\n' + '另一段也很长的文字，'.repeat(12);
    const wrapped = hardWrap(20)(long, 0).split('\n');
    expect(wrapWidth(wrapped)).toBe(20);
  });
});

describe('other conversions', () => {
  it('bold numbers in markdown table cells (**12**) are read', async () => {
    const bold: Rewrite = (t) => t.split('\n').map((l) => (l.startsWith('|')
      ? l.replace(/\| ([+-]?\d+(?:\.\d+)?) (?=\|)/g, '| **$1** ') : l)).join('\n');
    for (const seed of [21, 22]) {
      const r = await rewritten(seed, 'markdown', bold, 'bold.md');
      expect(r.wrong).toBe(0);
      expect(r.read).toBe(r.expected);
    }
  });

  it('a WeChat article body hidden until its script runs is read; a hidden block without a table is not', async () => {
    const wechat: Rewrite = (t) => t.replace('<div class="content">',
      '<div style="visibility:hidden">2099年虚设段落</div>' +
      '<div class="rich_media_content" id="js_content" style="visibility: hidden;">');
    const r = await rewritten(23, 'html', wechat, 'wechat.html');
    expect(r.wrong).toBe(0);
    expect(r.read).toBe(r.expected);
    expect(JSON.stringify(r.report)).not.toContain('虚设段落');
  });

  it('pdftotext pages: a running header and a footer between the cells of a table', async () => {
    for (const formFeed of [true, false]) {
      const pages: Rewrite = (text) => {
        const title = text.split('\n').find((l) => l.includes('年度报告'))!.trim();
        const out: string[] = [];
        const cells = text.split('\n').flatMap((x) => (x.includes('\t') ? x.split('\t').filter((f) => f.trim()) : [x]));
        for (const l of cells) {
          if (!l.trim()) continue;
          out.push(l);
          if (out.length % 37 === 0) out.push(`第 ${out.length} 页`, (formFeed ? '\f' : '') + title);
        }
        return out.join('\n');
      };
      const r = await rewritten(24, 'tab', pages);
      expect(r.wrong).toBe(0);
      expect(r.read).toBe(Object.values(r.truth.cells).filter((v) => v !== null).length);
    }
  });

  it('running headers: a title printed twice at the top stays; repeats further down are headers', () => {
    const lines = ['X县2023年政府信息公开工作年度报告', '', 'X县人民政府', 'X县2023年政府信息公开工作年度报告',
      ...Array.from({ length: 12 }, (_, i) => `第${i}行`), 'X县2023年政府信息公开工作年度报告', '0'];
    expect([...runningHeaders(lines, lineFacts(lines))]).toEqual([16]);
    const body = ['正文', '\f页眉文字', '1', '\f页眉文字', '2'];
    expect([...runningHeaders(body, lineFacts(body))].sort()).toEqual([1, 3]);
  });

  it('the year written 二〇二〇 in the body only, the title without it', async () => {
    const words: Rewrite = (text, year) => {
      const w = [...String(year)].map((d) => '〇一二三四五六七八九'[+d]).join('');
      return text.replace(new RegExp(`${year}年度?政府信息公开工作年度报告`), '政府信息公开工作年度报告')
        .replaceAll(`${year}年`, `${w}年`)
        .replace(/1月1日至12月31日/g, '一月一日至十二月三十一日');
    };
    for (const seed of [25, 26]) {
      const r = await rewritten(seed, 'tab', words);
      expect(r.report.year).toBe(r.truth.year);
      expect(['period', 'body']).toContain(r.report.yearFrom); // the period's own wording decides which
    }
  });
});

describe('a ragged table padded to one width', () => {
  // a converter (a spreadsheet, pandoc, an org or AsciiDoc export) pads every row of a tab table to the widest: a
  // row whose blank 总计 is its last field then ends like a row that lost a field, in the padding
  const pad: Rewrite = (text) => paddedTabs(text);
  it('reads no number the source does not print, and a blank 总计 stays blank', async () => {
    const g = generateReport({ seed: 1809293101, layout: 'tab', template: '2021', damage: ['blanks'] });
    const report = await parseBytes(new TextEncoder().encode(pad(g.text, g.truth.year!)), 'padded.txt');
    const blankTotals = Object.entries(g.truth.cells).filter(([k, v]) => v === null && k.endsWith('/total'));
    expect(blankTotals.length).toBeGreaterThan(0);
    for (const [key] of blankTotals) expect(report.cells[key]?.value ?? null, key).toBeNull();
    const wrong = Object.entries(g.truth.cells).filter(([k, want]) =>
      report.cells[k] !== undefined && report.cells[k].value !== want);
    expect(wrong).toEqual([]);
  });
  it('a row that lost a field, padded at its end, moves no value into 其他', async () => {
    // `N 0 0 0 0 N ␣` reads by position as 其他 N with a blank 总计, and as the row that lost a 0: the sums of the
    // columns decide, or the cells they cannot decide are left out (these seeds put N under 其他 before)
    let placed = 0;
    for (const seed of [9, 11, 17, 64, 69]) {
      const g = generateReport({ seed, layout: 'tab', template: '2021', damage: ['short-rows'] });
      const report = await parseBytes(new TextEncoder().encode(pad(g.text, g.truth.year!)), 'padded.txt');
      const read = Object.entries(g.truth.cells).filter(([k]) => (report.cells[k]?.value ?? null) !== null);
      const wrong = read.filter(([k, want]) => report.cells[k].value !== want).map(([k]) => `${seed} ${k}`);
      expect(wrong).toEqual([]);
      placed += read.filter(([k]) => k.startsWith('applications/outcome.')).length;
    }
    expect(placed).toBeGreaterThan(5 * 120); // most of each table 三 is still read
  });
  it('a row a stray field displaced keeps its blank first cell blank', async () => {
    // '⇥⇥⇥6.属于四类过程性信息⇥⇥0⇥0⇥0⇥0⇥0⇥0⇥': a stray field before the label, 自然人 printed blank; padded, the row
    // ends in one empty field fewer than the rows beside it, which no longer says where its values end
    const g = generateReport({ seed: 500125, layout: 'tab', damage: ['blanks'] });
    const report = await parseBytes(new TextEncoder().encode(pad(g.text, g.truth.year!)), 'padded.txt');
    const blanks = ['outcome.denied.processInfo', 'outcome.other'].map((row) => `applications/${row}/naturalPerson`);
    for (const key of blanks) {
      expect(g.truth.cells[key], key).toBeNull();
      expect(report.cells[key]?.value ?? null, key).toBeNull();
    }
    expect(report.cells['applications/outcome.denied.processInfo/commercialEnterprise']?.value).toBe(0);
  });
});
