// The official tables as grids of merged cells — the one description of their structure that the HTML renderer
// (src/render/html-tables.ts, strings for files) and the web app (web/src/components/OfficialTables.tsx, React
// elements) both draw: section 二's sub-tables on a 4-column grid, table 三 (the 3×3 corner, 申请人情况,
// 法人或其他组织, the 3-column label area whose ancestors span their data rows) and table 四 (3 header rows).
// Node-free: part of `gongkai/model`.
import { cellKey, type ColumnDef, type RowDef, type TableDef } from './template.js';

/** The corner cell of table 三 (official wording). */
export const APPLICATIONS_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Group labels of the section 四 columns: [top header, second header]. */
export const REVIEW_GROUPS: Record<string, [string, string | null]> = {
  review: ['行政复议', null],
  litigationDirect: ['行政诉讼', '未经复议直接起诉'],
  litigationAfterReview: ['行政诉讼', '复议后起诉'],
};

/** Group label of the 法人或其他组织 columns of table 三. */
export const APPLICANT_GROUPS: Record<string, string> = { legalPersonOrOther: '法人或其他组织' };

/** A header or label cell: its text, spans, class (label, corner, levelN) and what it heads (for `scope`). */
export interface GridHead {
  kind: 'head';
  text: string;
  rowSpan: number;
  colSpan: number;
  cls: string | null;
  scope: 'col' | 'colgroup' | 'row' | 'rowgroup' | null;
}

/** A value cell: the report's cell key and its column. */
export interface GridValue {
  kind: 'value';
  key: string;
  column: ColumnDef;
  colSpan: number;
}

export type GridCell = GridHead | GridValue;

export interface TableGrid {
  /** 'active' (section 二), 'applications' (三), 'review' (四) */
  shape: 'active' | 'applications' | 'review';
  table: TableDef;
  head: GridHead[][];
  body: { key: string; cells: GridCell[] }[];
}

const head = (text: string, scope: GridHead['scope'], rowSpan = 1, colSpan = 1, cls: string | null = null): GridHead =>
  ({ kind: 'head', text, rowSpan, colSpan, cls, scope });

const value = (t: TableDef, row: string, column: ColumnDef, colSpan = 1): GridValue =>
  ({ kind: 'value', key: cellKey(t.key, row, column.key), column, colSpan });

/** Consecutive runs of items with the same key. */
export function runs<T>(items: T[], keyOf: (x: T) => string): { key: string; items: T[] }[] {
  const out: { key: string; items: T[] }[] = [];
  for (const x of items) {
    const k = keyOf(x);
    const last = out[out.length - 1];
    if (last && last.key === k) last.items.push(x);
    else out.push({ key: k, items: [x] });
  }
  return out;
}

/** The data rows under `parent` (recursively), in the given row order. */
export function dataDescendants(rows: RowDef[], parent: string): RowDef[] {
  return rows.filter((r) => r.isData && (r.parent === parent || r.key.startsWith(`${parent}.`)));
}

/** A section 二 sub-table on a 4-column grid; with fewer than 3 value columns the last one spans the rest. */
function activeGrid(t: TableDef): TableGrid {
  const spans = t.columns.map((_, i) => (i === t.columns.length - 1 ? 4 - t.columns.length : 1));
  return {
    shape: 'active', table: t,
    head: [[head('信息内容', 'col', 1, 1, 'label'), ...t.columns.map((c, i) => head(c.label, 'col', 1, spans[i]))]],
    body: t.rows.map((r) => ({ key: r.key, cells: [head(r.label ?? '', 'row', 1, 1, 'label'),
      ...t.columns.map((c, i) => value(t, r.key, c, spans[i]))] })),
  };
}

/** Table 三: the official 3-row header and the 3-column label area; `rows` as the report lays out （六）. */
function applicationsGrid(t: TableDef, rows: RowDef[]): TableGrid {
  const groups = runs(t.columns, (c) => c.group ?? `:${c.key}`);
  const opened = new Set<string>();
  const labels = (r: RowDef): GridHead[] => {
    const cells: GridHead[] = [];
    // an ancestor's label spans its data rows, drawn on the first of them
    for (const a of rows.filter((x) => !x.isData && r.key.startsWith(`${x.key}.`))) {
      if (opened.has(a.key)) continue;
      opened.add(a.key);
      cells.push(head(a.label ?? '', 'rowgroup', dataDescendants(rows, a.key).length, 1, `label level${a.level}`));
    }
    cells.push(head(r.label ?? '', 'row', 1, 3 - r.level, `label level${r.level}`));
    return cells;
  };
  return {
    shape: 'applications', table: t,
    head: [
      [head(APPLICATIONS_CORNER, null, 3, 3, 'corner'), head('申请人情况', 'colgroup', 1, t.columns.length)],
      groups.map((g) => (g.items.length === 1 && !g.items[0].group
        ? head(g.items[0].label, 'col', 2)
        : head(APPLICANT_GROUPS[g.key] ?? g.key, 'colgroup', 1, g.items.length))),
      t.columns.filter((c) => c.group).map((c) => head(c.label, 'col')),
    ],
    body: rows.filter((r) => r.isData)
      .map((r) => ({ key: r.key, cells: [...labels(r), ...t.columns.map((c) => value(t, r.key, c))] })),
  };
}

/** Table 四: 行政复议 (5) | 行政诉讼 (10) over 未经复议直接起诉 (5) and 复议后起诉 (5); one data row. */
function reviewGrid(t: TableDef): TableGrid {
  const groups = runs(t.columns, (c) => c.group ?? '');
  const tops = runs(groups, (g) => (REVIEW_GROUPS[g.key] ?? [g.key, null])[0]);
  const row2: GridHead[] = [];
  const row3: GridHead[] = [];
  for (const g of groups) {
    const second = (REVIEW_GROUPS[g.key] ?? ['', null])[1];
    if (second === null) row2.push(...g.items.map((c) => head(c.label, 'col', 2)));
    else {
      row2.push(head(second, 'colgroup', 1, g.items.length));
      row3.push(...g.items.map((c) => head(c.label, 'col')));
    }
  }
  return {
    shape: 'review', table: t,
    head: [tops.map((top) => head(top.key, 'colgroup', 1, top.items.reduce((n, g) => n + g.items.length, 0))), row2,
      row3],
    body: t.rows.map((r) => ({ key: r.key, cells: t.columns.map((c) => value(t, r.key, c)) })),
  };
}

/**
 * The grid of one official table. `rows`: the rows the report lays the table out with (tableRows of
 * src/render/layout.ts: table 三's （六）其他处理 as one row or as the 2021 items); the template's by default.
 */
export function tableGrid(t: TableDef, rows: RowDef[] = t.rows): TableGrid {
  if (t.section === 2) return activeGrid(t);
  return t.key === 'applications' ? applicationsGrid(t, rows) : reviewGrid(t);
}
