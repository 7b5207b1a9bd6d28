// Tables whose cells and tabs stand on lines of their own (src/readers/text-cell-lines.ts), as a browser's innerText
// gives a page that wraps each cell in a paragraph: each row is read back on one line, an empty cell stays a blank
// (never the value its row sum implies), every offset stays the source's, and other texts are read as before.
import { describe, expect, it } from 'vitest';
import { generateReport, parseBytes } from '../src/index.js';
import type { Report } from '../src/model/report.js';
import { scrapeText } from '../src/generate/scrapes.js';
import { joinCellLines } from '../src/readers/text-cell-lines.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const valuesOf = (r: Report) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));

describe('cells on lines of their own', () => {
  it('leaves other texts alone', () => {
    for (const layout of ['tab', 'cell-per-line', 'pipe', 'layout'] as const)
      expect(joinCellLines(new TextDecoder().decode(generateReport({ seed: 3, layout }).bytes)), layout).toBeNull();
    expect(joinCellLines('一、总体情况\n\n\t\n\n0\n')).toBeNull(); // a stray tab line or two is no table
  });

  it('joins a row onto one line, line breaks turned to spaces (offsets kept), a row ending at the next label', () => {
    const text = ('规章\n\n\t\n\n0\n\n\t\n\n\t\n\n3\n\n\n' + '规范性文件\n\n\t\n\n2\n\n\t\n\n1\n\n\t\n\n\n').repeat(6);
    const joined = joinCellLines(text)!;
    expect(joined.text.length).toBe(text.length);
    const rows = joined.text.split('\n').filter((l) => l.trim());
    expect(rows.slice(0, 2).map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['规章', '0', '', '3'], // the empty cell between two tabs is an empty field
      ['规范性文件', '2', '1', ''], // the tab before the next label was this row's last, empty, cell
    ]);
    expect(joined.rows).toBe(12);
  });

  it('reads a page\'s innerText as the page itself, blanks blank', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const g = generateReport({ seed, layout: 'html', damage: ['blanks'] });
      const page = await parseBytes(g.bytes, `${seed}.html`);
      const source = scrapeText('inner-text', new TextDecoder().decode(g.bytes));
      const lines = await parseBytes(utf8(source), `${seed}.txt`);
      expect(valuesOf(lines)).toEqual(valuesOf(page));
      expect([lines.year, lines.agency]).toEqual([page.year, page.agency]);
      const blanks = Object.entries(g.truth.cells).filter(([, v]) => v === null).map(([k]) => k);
      expect(blanks.length).toBeGreaterThan(0);
      for (const key of blanks) expect(lines.cells[key]?.value ?? null, key).toBeNull();
      expect(lines.diagnostics.some((d) => d.code === 'text.cell-lines')).toBe(true);
      // a cell's offset points at its number in the source
      const cell = Object.values(lines.cells).find((c) => c.value !== null && c.value > 9)!;
      expect(source.slice(cell.source.offset!, cell.source.offset! + cell.raw.length)).toBe(cell.raw);
    }
  });

  it('reads a page whose tags were dropped after </td> became a tab, </p> a line break', () => tagsDropped('tab-led'));
  it('reads a page whose tags were dropped after </td> became a space', () => tagsDropped('space-led'));
  it('leaves a line or two led by a tab alone', () => {
    expect(joinCellLines('一、总体情况\n\t0\n\t\n')).toBeNull();
  });
});

/**
 * Each cell on a line led by the separator before it ("label\n\t0\n\t\n\t0\n\t\n\n"): read one value a line, the
 * empty cells were lost and the row sums filled them. Read as the page itself, every blank blank, offsets kept.
 */
async function tagsDropped(scrape: 'tab-led' | 'space-led') {
  const sep = scrape === 'tab-led' ? '\t' : ' ';
  let pages = 0;
  for (let seed = 1; pages < 4; seed++) {
    const g = generateReport({ seed, layout: 'html', damage: ['blanks'] });
    const source = scrapeText(scrape, new TextDecoder().decode(g.bytes));
    if (!source.includes(`\n${sep}0\n`)) continue; // cells holding no paragraph: rows of the usual kind
    pages++;
    const page = await parseBytes(g.bytes, `${seed}.html`);
    const lines = await parseBytes(utf8(source), `${seed}.txt`);
    if (scrape === 'tab-led') expect(valuesOf(lines)).toEqual(valuesOf(page));
    else {
      // a table whose cells hold no paragraph comes out split at spaces, where a blank leaves no trace: such rows
      // may be left out, never read otherwise than the page
      const read = Object.entries(valuesOf(lines));
      expect(read.filter(([k, v]) => page.cells[k]?.value !== v)).toEqual([]);
      expect(read.length).toBeGreaterThan(Object.keys(page.cells).length * 0.75);
    }
    const blanks = Object.entries(g.truth.cells).filter(([, v]) => v === null).map(([k]) => k);
    expect(blanks.length).toBeGreaterThan(0);
    for (const key of blanks) expect(lines.cells[key]?.value ?? null, key).toBeNull();
    const cell = Object.values(lines.cells).find((c) => c.value !== null && c.value > 9)!;
    expect(source.slice(cell.source.offset!, cell.source.offset! + cell.raw.length)).toBe(cell.raw);
  }
}
