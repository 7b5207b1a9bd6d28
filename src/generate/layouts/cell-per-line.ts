// 'cell-per-line' layout, like dev 042/047: each table cell on its own line, optionally ending ' |', runs of
// empty merged-cell fields as filler lines of bare pipes ('|||'); header cells broken by <br> keep a space.
import { Out } from '../out.js';
import type { ReportModel } from '../model.js';
import type { Rng } from '../random.js';
import { flattenBlock, writeTable, writeTokens, type LayoutSpec } from './common.js';

function render(model: ReportModel, rng: Rng): Out {
  const out = new Out();
  const suffix = rng.chance(0.7) ? ' |' : '';
  const spacedHeaders = rng.chance(0.4);
  const blank = suffix ? '' : '\n';
  for (const b of model.blocks) {
    if (b.kind === 'title' || b.kind === 'heading') out.text(b.text + '\n' + blank);
    else if (b.kind === 'para') {
      writeTokens(out, b.tokens);
      out.text('\n' + blank);
    } else {
      writeTable(out, b.group, flattenBlock(b.grid, b.group, rng), (o, fields) => {
        let empties = 0;
        const flush = (): void => {
          if (empties > 0) o.text('|'.repeat(empties) + '\n' + blank);
          empties = 0;
        };
        for (const f of fields) {
          if (!f.text) {
            if (f.key) o.cell(f.key, ''); // a blank cell: printed as an empty field, its place recorded for the truth
            empties++;
            continue;
          }
          flush();
          const text = spacedHeaders && f.header && f.parts && f.parts.length > 1 ? f.parts.join(' ') : f.text;
          o.cell(f.key, text).text(suffix + '\n' + blank);
        }
        flush();
      });
    }
  }
  return out;
}

export const cellPerLine: LayoutSpec = { render, encoding: 'utf-8', extension: '.txt', blanks: 'inner' };
