// 'prose' layout: a report whose tables were lost (seed 003) — the headings of sections 二、三、四 remain back to
// back, with no table text; paragraphs run line after line without blank lines.
import type { LayoutSpec } from './common.js';
import { renderTab } from './tab.js';

export const prose: LayoutSpec = {
  render: (model, rng) => renderTab(model, rng, true),
  encoding: 'utf-8',
  extension: '.txt',
  tablesLost: true,
};
