// Human labels of rows, columns, tables and cells of a layout, as printed (Chinese) and as keys (English): the
// message catalogue names cells with them, so that Chinese output shows printed labels, never internal keys.
import { applicationsTable } from './relations.js';
import { TEMPLATES, splitCellKey, tableDef, type RowDef, type TableGroup, type TemplateVersion } from './template.js';

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 7 → 七 (up to 十; beyond that digits). */
export function ordinal(n: number): string {
  return ORDINALS[n - 1] ?? String(n);
}

/** A label without its trailing remark: '（二）部分公开（区分处理的，…）' → '（二）部分公开'. */
function trimRemark(label: string): string {
  return label.replace(/(.+?)[（(][^（）()]*[）)]$/u, '$1');
}

function findRow(version: TemplateVersion, table: string, row: string): { row?: RowDef; rows: RowDef[] } {
  const candidates = table === 'applications'
    ? [applicationsTable('items'), applicationsTable('single')]
    : [tableDef(version, table)];
  for (const t of candidates) {
    const r = t?.rows.find((x) => x.key === row);
    if (t && r) return { row: r, rows: t.rows };
  }
  return { rows: [] };
}

/** Row label: '（三）不予公开 1.属于国家秘密', '一、本年新收政府信息公开申请数量', '行政许可'. */
const rowLabels = new Map<string, string>();

export function rowLabel(version: TemplateVersion, table: string, row: string): string {
  const id = `${version}/${table}/${row}`;
  let label = rowLabels.get(id);
  if (label === undefined) rowLabels.set(id, (label = computeRowLabel(version, table, row)));
  return label;
}

function computeRowLabel(version: TemplateVersion, table: string, row: string): string {
  const { row: r, rows } = findRow(version, table, row);
  if (!r?.label) return row;
  const parent = r.parent && r.parent !== 'outcome' ? rows.find((x) => x.key === r.parent) : undefined;
  const own = trimRemark(r.label);
  return parent?.label ? `${trimRemark(parent.label)} ${own}` : own;
}

/** Column label: '自然人', '本年制发件数', '行政复议 总计'. */
export function columnLabel(version: TemplateVersion, table: string, column: string): string {
  const t = tableDef(version, table) ?? tableDef(version === '2019' ? '2021' : '2019', table);
  const c = t?.columns.find((x) => x.key === column);
  if (!c) return column;
  if (table === 'reviewLitigation') return `${REVIEW_GROUPS[column.split('.')[0]] ?? ''}${c.label}`;
  return c.label;
}

export const REVIEW_GROUPS: Record<string, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReview: '行政诉讼（复议后起诉）',
};

/** 'art20_1' → '第二十条第（一）项'; applications → '第三部分表格'; review → '第四部分表格'. */
export function tableLabel(version: TemplateVersion, table: string): string {
  if (table === 'applications') return '第三部分表格';
  if (table === 'reviewLitigation') return '第四部分表格';
  return TEMPLATES[version].tables.find((t) => t.key === table)?.caption ?? table;
}

/** A cell as the reader would name it: '第三部分表格“（一）予以公开”行“自然人”列'. */
export function cellText(version: TemplateVersion, key: string): string {
  const { table, row, column } = splitCellKey(key);
  if (table === 'reviewLitigation') return `第四部分表格“${columnLabel(version, table, column)}”`;
  return `${tableLabel(version, table)}“${rowLabel(version, table, row)}”行“${columnLabel(version, table, column)}”列`;
}

/** English name of a cell for messageEn: 'applications / outcome.granted / naturalPerson'. */
export function cellTextEn(key: string): string {
  return key.split('/').join(' / ');
}

/** The three table groups as an officer knows them. */
export const GROUP_LABELS: Record<TableGroup, { zh: string; en: string }> = {
  active: { zh: '第二部分“主动公开政府信息情况”', en: 'section 2 (proactive disclosure)' },
  applications: { zh: '第三部分“收到和处理政府信息公开申请情况”', en: 'section 3 (applications)' },
  review: { zh: '第四部分“政府信息公开行政复议、行政诉讼情况”', en: 'section 4 (reviews and lawsuits)' },
};
