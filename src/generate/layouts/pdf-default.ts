// 'pdf-default' layout, like `pdftotext` default mode on a clean table (dev 057/059, clean parts): hard-wrapped
// prose, then every table cell on its own line with blank lines between cells; each row label is followed by
// its values, one per line; header cells shredded over several lines ('商业企' / '业'); '-N-' page numbers.
import type { GridRow, ReportModel } from '../model.js';
import { Out } from '../out.js';
import type { Rng } from '../random.js';
import { spaceDigits, wrapTokens, type LayoutSpec } from './common.js';
import { chunk, Pages } from './pages.js';

function cellLines(p: Pages, text: string, max: number, key?: string): void {
  if (key) p.line([{ text, key }]);
  else for (const l of chunk(text, max)) p.line(l);
  p.blank();
}

function active(p: Pages, grid: GridRow[], spacedCaption: boolean): void {
  for (const row of grid) {
    p.keep(() => {
      for (const c of row) {
        if (!c.text) continue;
        const text = spacedCaption && row.length === 1 ? c.text.replace(/条第/, '条 第') : c.text;
        cellLines(p, text, 40, c.key);
      }
    });
  }
}

function applications(p: Pages, grid: GridRow[]): void {
  cellLines(p, '申请人情况', 40);
  cellLines(p, grid[0][0].text, 44);
  cellLines(p, '法人或其他组织', 40);
  cellLines(p, '自然人', 40);
  for (const c of grid[2]) cellLines(p, c.text, 6);
  cellLines(p, '总计', 40);
  for (const row of grid.slice(3)) {
    p.keep(() => row.forEach((c) => cellLines(p, c.text, c.key ? 40 : c.rowspan && c.rowspan > 1 ? 12 : 40, c.key)));
  }
}

function review(p: Pages, grid: GridRow[]): void {
  for (const row of grid) p.keep(() => row.forEach((c) => cellLines(p, c.text, c.key ? 40 : 4, c.key)));
}

function render(model: ReportModel, rng: Rng): Out {
  const out = new Out();
  const p = new Pages(out, rng.int(36, 44), 'default');
  const spacedCaption = rng.chance(0.5);
  for (const b of model.blocks) {
    if (b.kind === 'title') {
      p.line(b.agency);
      p.line(b.rest.replace(/^(\d+)/, '$1 '));
      p.blank();
    } else if (b.kind === 'heading') p.line(b.text);
    else if (b.kind === 'para') wrapTokens(spaceDigits(b.tokens), 58).forEach((l) => p.tokens(l));
    else {
      p.group(b.group, 'start');
      if (b.group === 'active') active(p, b.grid, spacedCaption);
      else if (b.group === 'applications') applications(p, b.grid);
      else review(p, b.grid);
      p.group(b.group, 'end');
    }
  }
  p.finish();
  return out;
}

export const pdfDefault: LayoutSpec = { render, encoding: 'utf-8', extension: '.txt', blanks: 'none' };
