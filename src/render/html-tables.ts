// The three official tables as HTML with the official merged cells: section 二's 4-column sub-tables, table 三
// (corner 3×3, 申请人情况, 法人或其他组织, the 3-column label area with rowspans) and table 四 (3-row header).
import type { Report, Severity } from '../model/report.js';
import { cellKey, type ColumnDef, type RowDef, type TableDef, type TemplateVersion } from '../model/template.js';
import { APPLICANT_GROUPS, APPLICATIONS_CORNER, REVIEW_GROUPS, dataDescendants, formatCell, tableRows } from './layout.js';

/** Escape text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface TableContext {
  report: Report;
  version: TemplateVersion;
  /** cell key → the worst severity of a finding that names it */
  flags: Map<string, Severity>;
}

function span(rowspan: number, colspan: number): string {
  return (rowspan > 1 ? ` rowspan="${rowspan}"` : '') + (colspan > 1 ? ` colspan="${colspan}"` : '');
}

function th(text: string, rowspan = 1, colspan = 1, cls?: string): string {
  return `<th${cls ? ` class="${cls}"` : ''}${span(rowspan, colspan)}>${esc(text)}</th>`;
}

/** One value cell: data-key, and classes for absent / blank / inferred / flagged cells. */
function td(ctx: TableContext, table: string, row: string, column: ColumnDef, colspan = 1): string {
  const key = cellKey(table, row, column.key);
  const cell = ctx.report.cells[key];
  const cls = ['num'];
  let title = '';
  if (!cell) {
    cls.push('absent');
    title = '原文缺失';
  } else if (cell.value === null) {
    cls.push('blank');
    title = '原文空白';
  } else if (cell.how !== 'direct') {
    cls.push(cell.how);
    title = cell.reason?.zh ?? cell.how;
  }
  const flag = ctx.flags.get(key);
  if (flag) cls.push(`flag-${flag}`);
  const attrs = `class="${cls.join(' ')}" data-key="${esc(key)}"${span(1, colspan)}${title ? ` title="${esc(title)}"` : ''}`;
  return `<td ${attrs}>${esc(formatCell(cell, column))}</td>`;
}

function tr(cells: string[]): string {
  return `<tr>${cells.join('')}</tr>`;
}

/** Consecutive runs of items with the same key. */
function runs<T>(items: T[], keyOf: (x: T) => string): { key: string; items: T[] }[] {
  const out: { key: string; items: T[] }[] = [];
  for (const x of items) {
    const k = keyOf(x);
    const last = out[out.length - 1];
    if (last && last.key === k) last.items.push(x);
    else out.push({ key: k, items: [x] });
  }
  return out;
}

/** A section 二 sub-table on a 4-column grid; with fewer than 3 value columns the last one spans the rest. */
export function activeTableHtml(ctx: TableContext, t: TableDef): string {
  const spans = t.columns.map((_, i) => (i === t.columns.length - 1 ? 4 - t.columns.length : 1));
  const lines = [
    `<table class="t2" data-table="${esc(t.key)}">`,
    tr([th(t.caption ?? t.key, 1, 4, 'caption')]),
    tr([th('信息内容', 1, 1, 'label'), ...t.columns.map((c, i) => th(c.label, 1, spans[i]))]),
    ...t.rows.map((r) => tr([th(r.label ?? '', 1, 1, 'label'), ...t.columns.map((c, i) => td(ctx, t.key, r.key, c, spans[i]))])),
    '</table>',
  ];
  return lines.join('\n');
}

function applicationsHeader(t: TableDef): string[] {
  const groupRuns = runs(t.columns, (c) => c.group ?? `:${c.key}`);
  const row2 = groupRuns.map((g) =>
    g.items.length === 1 && !g.items[0].group ? th(g.items[0].label, 2) : th(APPLICANT_GROUPS[g.key] ?? g.key, 1, g.items.length));
  const row3 = t.columns.filter((c) => c.group).map((c) => th(c.label));
  return [
    tr([th(APPLICATIONS_CORNER, 3, 3, 'corner'), th('申请人情况', 1, t.columns.length)]),
    tr(row2),
    tr(row3),
  ];
}

/** Label cells of one data row of table 三: merged ancestors on their first data row, then the row's own. */
function applicationsLabels(rows: RowDef[], r: RowDef, opened: Set<string>): string[] {
  const cells: string[] = [];
  for (const a of rows.filter((x) => !x.isData && r.key.startsWith(`${x.key}.`))) {
    if (opened.has(a.key)) continue;
    opened.add(a.key);
    cells.push(th(a.label ?? '', dataDescendants(rows, a.key).length, 1, `label level${a.level}`));
  }
  cells.push(th(r.label ?? '', 1, 3 - r.level, `label level${r.level}`));
  return cells;
}

/** Table 三 with the official 3-row header and 3-column label area. */
export function applicationsTableHtml(ctx: TableContext, t: TableDef): string {
  const rows = tableRows(ctx.report, ctx.version, t);
  const opened = new Set<string>();
  const body = rows
    .filter((r) => r.isData)
    .map((r) => tr([...applicationsLabels(rows, r, opened), ...t.columns.map((c) => td(ctx, t.key, r.key, c))]));
  return [`<table class="t3" data-table="${esc(t.key)}">`, '<thead>', ...applicationsHeader(t), '</thead>', '<tbody>', ...body, '</tbody>', '</table>'].join('\n');
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10) over 未经复议直接起诉 (5) and 复议后起诉 (5); one data row. */
export function reviewTableHtml(ctx: TableContext, t: TableDef): string {
  const groups = runs(t.columns, (c) => c.group ?? '');
  const tops = runs(groups, (g) => (REVIEW_GROUPS[g.key] ?? [g.key, null])[0]);
  const row1 = tops.map((top) => th(top.key, 1, top.items.reduce((n, g) => n + g.items.length, 0)));
  const row2: string[] = [];
  const row3: string[] = [];
  for (const g of groups) {
    const second = (REVIEW_GROUPS[g.key] ?? ['', null])[1];
    if (second === null) row2.push(...g.items.map((c) => th(c.label, 2)));
    else {
      row2.push(th(second, 1, g.items.length));
      row3.push(...g.items.map((c) => th(c.label)));
    }
  }
  const body = t.rows.map((r) => tr(t.columns.map((c) => td(ctx, t.key, r.key, c))));
  return [`<table class="t4" data-table="${esc(t.key)}">`, '<thead>', tr(row1), tr(row2), tr(row3), '</thead>', '<tbody>', ...body, '</tbody>', '</table>'].join('\n');
}
