// 'traditional' layout: the tab layout converted to 繁体 with opencc (cn → tw), as served by big5 gateway mirrors.
// Values and figures are untouched; the truth records the agency as printed, in 繁体.
import * as OpenCC from 'opencc-js';
import type { LayoutSpec } from './common.js';
import { renderTab } from './tab.js';

let convert: ((s: string) => string) | null = null;

export function toTraditional(s: string): string {
  const c: (text: string) => string = convert ?? OpenCC.Converter({ from: 'cn', to: 'tw' });
  convert = c;
  return c(s);
}

export const traditional: LayoutSpec = {
  render: (model, rng) => renderTab(model, rng),
  encoding: 'utf-8',
  extension: '.txt',
  transform: toTraditional,
  note: 'Text converted to 繁体 (opencc cn→tw); agency recorded as printed, in 繁体.',
};
