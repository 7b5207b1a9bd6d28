// 'html-gbk' layout: the html page declared <meta charset="gbk"> and encoded as GBK bytes.
import type { LayoutSpec } from './common.js';
import { renderHtml } from './html.js';

export const htmlGbk: LayoutSpec = {
  render: (model, rng) => renderHtml(model, rng, 'gbk'),
  encoding: 'gbk',
  extension: '.html',
  note: 'HTML encoded GBK, declared <meta charset="gbk">.',
};
