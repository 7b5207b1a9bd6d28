// Template types and lookups: the official table layouts as typed data, and the cell-key scheme
// `<table>/<row>/<column>` of shared/spec/cells-format.md.
import { TEMPLATE_2019, TEMPLATE_2021 } from './templates-data.js';

export type TemplateVersion = '2019' | '2021';
export type ValueType = 'integer' | 'signedInteger' | 'decimal';

export interface ColumnDef {
  key: string;
  label: string;
  valueType: ValueType | string;
  unit?: string;
  min?: number | null;
  group?: string;
}
export interface RowDef { key: string; label: string | null; parent: string | null; isData: boolean; level: number }
export interface TableDef { key: string; section: number; caption: string | null; columns: ColumnDef[]; rows: RowDef[] }
export interface SectionDef { no: number; key: string; title: string; kind: string }
export interface TemplateData {
  version: TemplateVersion | string;
  docNo: string;
  sections: SectionDef[];
  tables: TableDef[];
}

/** The three table groups the parse record reports as present or absent. */
export type TableGroup = 'active' | 'applications' | 'review';

export const TEMPLATES: Record<TemplateVersion, TemplateData> = { '2019': TEMPLATE_2019, '2021': TEMPLATE_2021 };

export function template(version: TemplateVersion): TemplateData {
  return TEMPLATES[version];
}

export function tableDef(version: TemplateVersion, key: string): TableDef | undefined {
  return TEMPLATES[version].tables.find((t) => t.key === key);
}

// table → row → column → key. Keys are built once: a fresh concatenation used as a property name must be
// flattened and hashed every time, and the engine looks cells up by key hundreds of times per report.
const keyMemo = new Map<string, Map<string, Map<string, string>>>();

export function cellKey(table: string, row: string, column: string): string {
  let rows = keyMemo.get(table);
  if (!rows) keyMemo.set(table, (rows = new Map()));
  let cols = rows.get(row);
  if (!cols) {
    if (rows.size > 1000) rows.clear(); // bounded: only template rows are expected, but callers may pass anything
    rows.set(row, (cols = new Map()));
  }
  let key = cols.get(column);
  if (key === undefined) {
    key = `${table}/${row}/${column}`;
    if (cols.size < 1000) cols.set(column, key);
  }
  return key;
}

const splitMemo = new Map<string, { table: string; row: string; column: string }>();

export function splitCellKey(key: string): { table: string; row: string; column: string } {
  let parts = splitMemo.get(key);
  if (!parts) {
    const [table, row, column] = key.split('/');
    parts = { table, row, column };
    if (splitMemo.size < 10_000) splitMemo.set(key, parts);
  }
  return parts;
}

export function tableGroupOf(tableKey: string): TableGroup {
  if (tableKey.startsWith('art20_')) return 'active';
  return tableKey === 'applications' ? 'applications' : 'review';
}

/** Every data cell key of a template, in table, row, column order. */
export function allCellKeys(version: TemplateVersion): string[] {
  const keys: string[] = [];
  for (const t of TEMPLATES[version].tables)
    for (const r of t.rows) if (r.isData) for (const c of t.columns) keys.push(cellKey(t.key, r.key, c.key));
  return keys;
}

/** Data rows of the applications table whose parent is `group` (the numbered items of a group). */
export function groupItems(version: TemplateVersion, group: string): RowDef[] {
  const t = tableDef(version, 'applications');
  return t ? t.rows.filter((r) => r.parent === group && r.isData) : [];
}

/** Human label of a cell key, e.g. "三、收到和处理… /（一）予以公开 / 自然人". */
export function cellLabel(version: TemplateVersion, key: string): string {
  const { table, row, column } = splitCellKey(key);
  const t = tableDef(version, table);
  const r = t?.rows.find((x) => x.key === row);
  const c = t?.columns.find((x) => x.key === column);
  const rowLabel = r?.label ?? (row === 'outcome.other' ? '（六）其他处理' : row);
  return [
    t?.caption ?? (table === 'applications' ? '申请情况' : table === 'reviewLitigation' ? '复议诉讼' : table),
    rowLabel,
    c?.label ?? column,
  ]
    .filter(Boolean).join(' / ');
}
