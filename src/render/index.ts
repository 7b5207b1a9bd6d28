// The renderers: a report as Markdown, HTML, plain text, JSON or CSV, and one entry point by format name.
import type { Report } from '../model/report.js';
import { renderCsv } from './csv.js';
import { renderHtml, type HtmlOptions } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export { renderCsv, CSV_HEADER } from './csv.js';
export { renderHtml, type HtmlOptions } from './html.js';
export { renderJson, REPORT_SCHEMA } from './json.js';
export { renderMarkdown } from './markdown.js';
export { renderText } from './text.js';
export { displayWidth } from './width.js';
export { validateSchema } from './schema-lite.js';

export const RENDER_FORMATS = ['md', 'html', 'txt', 'json', 'csv'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Render one report in the given format (csv: a one-report CSV; html: findings optional). */
export function render(report: Report, to: RenderFormat, options: HtmlOptions = {}): string {
  switch (to) {
    case 'md': return renderMarkdown(report);
    case 'html': return renderHtml(report, options);
    case 'txt': return renderText(report);
    case 'json': return renderJson(report);
    case 'csv': return renderCsv([report]);
  }
}
