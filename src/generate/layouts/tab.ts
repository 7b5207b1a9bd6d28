// 'tab' layout, like seeds 000–002: a web scrape with blank lines between paragraphs and each table row as
// tab-separated fields (caption rows with trailing empty fields, merged cells leaving empty fields). Also the
// base of 'text-gbk', 'traditional' and (compact, no tables) 'prose'.
import { Out } from '../out.js';
import type { ReportModel } from '../model.js';
import type { Rng } from '../random.js';
import { flattenBlock, writeTable, writeTokens, type LayoutSpec } from './common.js';

export function renderTab(model: ReportModel, rng: Rng, compact = false): Out {
  const out = new Out();
  const gap = compact ? '\n' : '\n\n';
  if (!compact) out.text('\n\n');
  for (const b of model.blocks) {
    if (b.kind === 'title') out.text(b.text + gap);
    else if (b.kind === 'heading') out.text(b.text + gap);
    else if (b.kind === 'para') {
      writeTokens(out, b.tokens);
      out.text(gap);
    } else {
      writeTable(out, b.group, flattenBlock(b.grid, b.group, rng), (o, fields) => {
        fields.forEach((f, i) => o.text(i > 0 ? '\t' : '').cell(f.key, f.text));
        o.text('\n');
      });
      out.text(compact ? '' : '\n');
    }
  }
  return out;
}

export const tab: LayoutSpec = { render: (model, rng) => renderTab(model, rng), encoding: 'utf-8', extension: '.txt' };
