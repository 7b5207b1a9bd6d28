// 'pipe' layout, like dev 045/049: one line per paragraph, table rows as 'label | 0 | 0 | 0 |' where each
// empty field left by a merged cell is a bare '|' ('第二十条第（一）项 | |||', '行政许可 | 0 | ||').
import { Out } from '../out.js';
import type { Field } from '../flatten.js';
import type { ReportModel } from '../model.js';
import type { Rng } from '../random.js';
import { arrangeRows, flattenBlock, writeTable, writeTokens, type LayoutSpec } from './common.js';

export function pipeLine(o: Out, fields: Field[]): void {
  let started = false;
  let lastEmpty = false;
  for (const f of fields) {
    if (f.text) {
      o.text(started ? ' ' : '').cell(f.key, f.text).text(' |');
      lastEmpty = false;
    } else {
      if (f.key) o.cell(f.key, ''); // a blank cell: its place is recorded for the truth
      o.text(started && !lastEmpty ? ' |' : '|');
      lastEmpty = true;
    }
    started = true;
  }
  o.text('\n');
}

function render(model: ReportModel, rng: Rng): Out {
  const out = new Out();
  for (const b of model.blocks) {
    if (b.kind === 'title' || b.kind === 'heading') out.text(b.text + '\n');
    else if (b.kind === 'para') {
      writeTokens(out, b.tokens);
      out.text('\n');
    } else {
      const rows = flattenBlock(b.grid, b.group, rng);
      writeTable(out, b.group, b.group === 'applications' ? arrangeRows(rows, model, rng) : rows, pipeLine);
    }
  }
  return out;
}

export const pipe: LayoutSpec = { render, encoding: 'utf-8', extension: '.txt' };
