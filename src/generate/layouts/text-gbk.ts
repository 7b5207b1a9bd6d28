// 'text-gbk' layout: the tab layout as GB18030/GBK bytes without a BOM, as older sites and archives serve it.
import type { LayoutSpec } from './common.js';
import { renderTab } from './tab.js';

export const textGbk: LayoutSpec = {
  render: (model, rng) => renderTab(model, rng), encoding: 'gbk', extension: '.txt', note: 'Encoded GBK, no BOM.',
};
