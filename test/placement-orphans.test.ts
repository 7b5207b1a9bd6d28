// Every placement that is not direct is proven unique (issue 8 §2): values printed apart from their labels — after a
// block of labels, before it, with two rows of equal totals exchanged, or with long labels split over two lines —
// are placed only when one placement keeps the printed order and fits every sum; otherwise they are left out with a
// diagnostic that says how many placements fit.
import { describe, expect, it } from 'vitest';
import { generateReport, type DamageName } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';

async function parsed(text: string, ext = '.txt') {
  return parseBytes(new TextEncoder().encode(text), `case${ext}`);
}

function values(cells: Record<string, { value: number | null }>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]));
}

describe('values printed apart from their labels', () => {
  it('values cut into runs that are not whole rows (a PDF\'s text in column order) are not placed by row order',
    async () => {
      // pdftotext without -layout on a table drawn column by column: 0 0 1 1 are the first two columns of both
      // rows, 0 6 the third; read in row order they would put 1 under 规章 and 1, 0 under 规范性文件
      const report = await parsed(['某县统计局2019年政府信息公开工作年度报告', '二、主动公开政府信息情况', '信息内容', '规章',
        '规范性文件', '第二十条第（一）项', '本年新制作数量', '本年新公开数量', '0', '0', '1', '1', '对外公开总数量', '0', '6',
        '三、收到和处理政府信息公开申请情况', ''].join('\n'));
      expect(Object.keys(report.cells).filter((k) => k.startsWith('art20_1/'))).toEqual([]);
      expect(report.diagnostics.some((d) => d.code === 'values-unplaced' && d.message.includes('不成整行'))).toBe(true);
    });

  it.each([['detached'], ['moved'], ['swapped'], ['split-labels']] as [DamageName][])('%s: read exactly as the truth',
    async (damage) => {
    let detached = 0;
    for (let seed = 21; seed <= 26; seed++) {
      for (const layout of ['tab', 'pipe', 'markdown'] as const) {
        const g = generateReport({ seed, layout, damage: [damage] });
        const report = await parseBytes(g.bytes, g.name + g.extension);
        expect(values(report.cells), `${layout} seed ${seed}`).toEqual(g.truth.cells);
        detached += Object.values(report.cells).filter((c) => c.how === 'ordered').length;
      }
    }
    // the damage really detaches rows (split labels keep their values on the label's second line)
    if (damage !== 'split-labels') expect(detached).toBeGreaterThan(0);
  });

  it('a value row missing from a detached block: no placement is certain, the rows are left out and the count is said',
    async () => {
    const g = generateReport({ seed: 31, layout: 'tab', template: '2021', damage: ['detached'] });
    const lines = g.text.split('\n');
    const isValues = (l: string) => /^[\d\t]+$/.test(l) && /\d/.test(l);
    const first = lines.findIndex((l, i) => isValues(l) && i > 0 && !isValues(lines[i - 1]) &&
      /[^\d\t]/.test(lines[i - 1]) && lines[i - 1].split('\t').every((f) => !/^\d+$/.test(f)));
    expect(first).toBeGreaterThan(0);
    lines.splice(first, 1); // the block's first value row is lost
    const report = await parsed(lines.join('\n'));
    const d = report.diagnostics.find((x) => x.code === 'values-unplaced');
    expect(d?.messageEn).toMatch(/(\d+|more than \d+) placements keep the printed order and fit every sum/);
    for (const [key, c] of Object.entries(report.cells))
      if (c.how === 'ordered') expect(c.value, key).toBe(g.truth.cells[key]);
  });
});
