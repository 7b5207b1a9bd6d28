// The registry of layouts: one module per layout name.
import type { LayoutName } from '../model.js';
import { cellPerLine } from './cell-per-line.js';
import type { LayoutSpec } from './common.js';
import { htmlGbk } from './html-gbk.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { markdown } from './markdown.js';
import { pdfDefault } from './pdf-default.js';
import { pipe } from './pipe.js';
import { prose } from './prose.js';
import { tab } from './tab.js';
import { textGbk } from './text-gbk.js';
import { traditional } from './traditional.js';

export type { LayoutSpec };

export const LAYOUT_SPECS: Record<LayoutName, LayoutSpec> = {
  tab, markdown, pipe, 'cell-per-line': cellPerLine, layout, 'pdf-default': pdfDefault, html, 'html-gbk': htmlGbk,
  'text-gbk': textGbk, prose, traditional,
};
