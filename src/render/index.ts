// The renderers: a report as Markdown, HTML, plain text, JSON or CSV, and one entry point by format name.
import type { Finding, Report } from '../model/report.js';
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

/** What a renderer is given besides the report: its findings (the HTML, XLSX and PDF outputs list them). */
export interface RenderOptions { findings?: Finding[] }

/** A renderer: text formats give a string (synchronously), binary formats (docx, xlsx, pdf) bytes. */
export type Renderer =
  | { kind: 'text'; text(report: Report, options: RenderOptions): string }
  | { kind: 'binary'; bytes(report: Report, options: RenderOptions): Promise<Uint8Array> };

/**
 * The renderer registry: one entry per output format, used by the CLI (and the API). DOCX, XLSX and PDF load
 * their libraries (docx, exceljs, Chromium) only when asked for.
 */
export const RENDERERS = {
  md: { kind: 'text', text: (r) => renderMarkdown(r) },
  html: { kind: 'text', text: (r, o) => renderHtml(r, o) },
  txt: { kind: 'text', text: (r) => renderText(r) },
  json: { kind: 'text', text: (r) => renderJson(r) },
  csv: { kind: 'text', text: (r) => renderCsv([r]) },
  docx: { kind: 'binary', bytes: async (r) => (await import('./docx.js')).renderDocx(r) },
  xlsx: { kind: 'binary', bytes: async (r, o) => (await import('./xlsx.js')).renderXlsx(r, o) },
  pdf: { kind: 'binary', bytes: async (r, o) => (await import('./pdf.js')).renderPdf(r, o) },
} as const satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof RENDERERS;
export const OUTPUT_FORMATS = Object.keys(RENDERERS) as OutputFormat[];

export function isOutputFormat(s: string): s is OutputFormat {
  return Object.hasOwn(RENDERERS, s);
}

/** The text formats (md, html, txt, json, csv). */
export const RENDER_FORMATS = ['md', 'html', 'txt', 'json', 'csv'] as const satisfies readonly OutputFormat[];
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Render one report in a text format (csv: a one-report CSV; html: findings optional). */
export function render(report: Report, to: RenderFormat, options: HtmlOptions = {}): string {
  return RENDERERS[to].text(report, options);
}
