// 'markdown' layout, like seed 004 and an HTML→Markdown conversion: '#'…'####' headings and GFM pipe tables
// ('| a | b |') whose first grid row is the header, followed by a '| --- |' separator line.
import { flatten } from '../flatten.js';
import { Out } from '../out.js';
import type { ReportModel } from '../model.js';
import type { Rng } from '../random.js';
import { arrangeRows, writeTable, writeTokens, type LayoutSpec } from './common.js';

function render(model: ReportModel, rng: Rng): Out {
  const out = new Out();
  const deep = rng.chance(0.3); // seed 004 puts 四、五、六 under '####'
  for (const b of model.blocks) {
    if (b.kind === 'title') out.text(`# ${b.text}\n\n`);
    else if (b.kind === 'heading') {
      const h = b.level === 2 ? '###' : deep && /^[四五六]、/.test(b.text) ? '####' : '##';
      out.text(`${h} ${b.text}\n\n`);
    } else if (b.kind === 'para') {
      writeTokens(out, b.tokens);
      out.text('\n\n');
    } else {
      const flat = flatten(b.grid, { colspan: 'full', rowspan: true, trailing: false });
      const rows = b.group === 'applications' ? arrangeRows(flat, model, rng) : flat;
      const widthCols = Math.max(...rows.map((r) => r.length));
      let first = true;
      writeTable(out, b.group, rows, (o, fields) => {
        o.text('|');
        for (let i = 0; i < Math.max(fields.length, first ? widthCols : 0); i++) {
          const f = fields[i];
          o.text(' ').cell(f?.key, f?.text ?? '').text(' |');
        }
        o.text('\n');
        if (first) o.text('|' + ' --- |'.repeat(widthCols) + '\n');
        first = false;
      });
      out.text('\n');
    }
  }
  return out;
}

export const markdown: LayoutSpec = { render, encoding: 'utf-8', extension: '.txt' };
