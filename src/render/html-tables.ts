// The three official tables as HTML with the official merged cells: section 二's 4-column sub-tables, table 三
// (corner 3×3, 申请人情况, 法人或其他组织, the 3-column label area with rowspans) and table 四 (3-row header). The
// structure is the model's tableGrid (src/model/table-grid.ts), which the web app draws too; this file writes it.
import type { Report, Severity } from '../model/report.js';
import { tableGrid, type GridHead, type GridValue, type TableGrid } from '../model/table-grid.js';
import { TEMPLATES, type TableDef, type TemplateVersion } from '../model/template.js';
import { formatCell, tableRows } from './layout.js';

/** Escape text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export interface TableContext {
  report: Report;
  version: TemplateVersion;
  /** cell key → the worst severity of a finding that names it */
  flags: Map<string, Severity>;
  /**
   * the web app's markup (web/src/components/OfficialTables.tsx), for a page the server writes before the app
   * runs (src/server/report-preview.ts): class `official` on each table and its caption as a <caption> (section
   * 二's sub-table caption; 三 and 四 their section's title), so that the app's stylesheet draws both alike
   */
  web?: boolean;
}

function span(rowspan: number, colspan: number): string {
  return (rowspan > 1 ? ` rowspan="${rowspan}"` : '') + (colspan > 1 ? ` colspan="${colspan}"` : '');
}

function th(text: string, rowspan = 1, colspan = 1, cls?: string): string {
  return `<th${cls ? ` class="${cls}"` : ''}${span(rowspan, colspan)}>${esc(text)}</th>`;
}

/** One value cell: data-key, and classes for absent / blank / inferred / flagged cells. */
function td(ctx: TableContext, cell: GridValue): string {
  const key = cell.key;
  const found = ctx.report.cells[key];
  const cls = ['num'];
  let title = '';
  if (!found) {
    cls.push('absent');
    title = '原文缺失';
  } else if (found.value === null) {
    cls.push('blank');
    title = '原文空白';
  } else if (found.how !== 'direct') {
    cls.push(found.how);
    title = found.reason?.zh ?? found.how;
  }
  const flag = ctx.flags.get(key);
  if (flag) cls.push(`flag-${flag}`);
  const attrs = `class="${cls.join(' ')}" data-key="${esc(key)}"${span(1, cell.colSpan)}` +
    (title ? ` title="${esc(title)}"` : '');
  return `<td ${attrs}>${esc(formatCell(found, cell.column))}</td>`;
}

function tr(cells: string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

const headRow = (cells: GridHead[]) => tr(cells.map((h) => th(h.text, h.rowSpan, h.colSpan, h.cls ?? undefined)));
const bodyRows = (ctx: TableContext, grid: TableGrid) =>
  grid.body.map((r) => tr(r.cells.map((c) => (c.kind === 'head' ? th(c.text, c.rowSpan, c.colSpan, c.cls ?? undefined)
    : td(ctx, c)))));

/** A section 二 sub-table on a 4-column grid (tableGrid), its caption as the first row. */
export function activeTableHtml(ctx: TableContext, t: TableDef): string {
  const grid = tableGrid(t);
  const caption = t.caption ?? t.key;
  const lines = [
    `<table class="${ctx.web ? 'official ' : ''}t2" data-table="${esc(t.key)}">`,
    ctx.web ? `<caption>${esc(caption)}</caption>` : tr([th(caption, 1, 4, 'caption')]),
    ...grid.head.map(headRow),
    ...bodyRows(ctx, grid),
    '</table>',
  ];
  return lines.join('\n');
}

/** Table 三 with the official 3-row header and 3-column label area. */
export function applicationsTableHtml(ctx: TableContext, t: TableDef): string {
  return gridHtml(ctx, 't3', tableGrid(t, tableRows(ctx.report, ctx.version, t)));
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10) over 未经复议直接起诉 (5) and 复议后起诉 (5); one data row. */
export function reviewTableHtml(ctx: TableContext, t: TableDef): string {
  return gridHtml(ctx, 't4', tableGrid(t));
}

function gridHtml(ctx: TableContext, cls: string, grid: TableGrid): string {
  const section = TEMPLATES[ctx.version].sections.find((s) => s.no === grid.table.section);
  const open = ctx.web
    ? [`<table class="official ${cls}" data-table="${esc(grid.table.key)}">`,
      ...(section ? [`<caption>${esc(section.title)}</caption>`] : [])]
    : [`<table class="${cls}" data-table="${esc(grid.table.key)}">`];
  return [...open, '<thead>', ...grid.head.map(headRow),
    '</thead>', '<tbody>', ...bodyRows(ctx, grid), '</tbody>', '</table>'].join('\n');
}
