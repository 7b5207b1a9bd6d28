// Which cells a report's layout expects, by table group (section 二 active / 三 applications / 四 review).
import type { Report } from '../../model/report.js';
import { cellKeysOf, layoutOf, layoutTables } from '../../model/relations.js';
import { cellKey, splitCellKey, tableGroupOf, type TableDef, type TableGroup } from '../../model/template.js';

export const GROUPS: TableGroup[] = ['active', 'applications', 'review'];

export const GROUP_LABELS: Record<TableGroup, { zh: string; en: string }> = {
  active: { zh: '第二部分“主动公开政府信息情况”', en: 'section 2 (proactive disclosure)' },
  applications: { zh: '第三部分“收到和处理政府信息公开申请情况”', en: 'section 3 (applications)' },
  review: { zh: '第四部分“政府信息公开行政复议、行政诉讼情况”', en: 'section 4 (reviews and lawsuits)' },
};

const groupTablesMemo = new Map<string, TableDef[]>();

/** The tables of the report's layout that belong to `group` (one list per layout and group). */
export function groupTables(report: Report, group: TableGroup): TableDef[] {
  const layout = layoutOf(report);
  const id = `${layout.version}|${layout.other}|${group}`;
  let tables = groupTablesMemo.get(id);
  if (!tables) groupTablesMemo.set(id, (tables = layoutTables(layout).filter((t) => tableGroupOf(t.key) === group)));
  return tables;
}

// the last report's keys by group (one entry, not a WeakMap: see lastLayout in model/relations.ts)
let lastPresent: { cells: object; count: number; groups: Record<TableGroup, string[]> } | null = null;

/** Keys of cells the report contains in `group`. */
export function presentIn(report: Report, group: TableGroup): string[] {
  // several rules ask this of the same report: split its keys by group once (again if cells were added)
  const keys = cellKeysOf(report);
  const known = lastPresent;
  if (known && known.cells === report.cells && known.count === keys.length) return known.groups[group];
  const groups: Record<TableGroup, string[]> = { active: [], applications: [], review: [] };
  for (const k of keys) groups[tableGroupOf(splitCellKey(k).table)].push(k);
  lastPresent = { cells: report.cells, count: keys.length, groups };
  return groups[group];
}

export interface RowGap {
  table: string;
  row: string;
  /** expected cell keys of the row that the report does not contain */
  missing: string[];
  /** true when none of the row's cells exist */
  whole: boolean;
}

/** Rows of `group` with missing cells, in template order. */
const rowKeyLists = new Map<string, { table: string; row: string; keys: string[] }[]>();

/** The expected cell keys of each data row of a group's tables (computed once per layout and group). */
function expectedRows(report: Report, group: TableGroup): { table: string; row: string; keys: string[] }[] {
  const layout = layoutOf(report);
  const id = `${layout.version}|${layout.other}|${group}`;
  let rows = rowKeyLists.get(id);
  if (!rows) {
    rows = groupTables(report, group).flatMap((t) => t.rows.filter((x) => x.isData).map((r) => ({ table: t.key, row: r.key, keys: t.columns.map((c) => cellKey(t.key, r.key, c.key)) })));
    rowKeyLists.set(id, rows);
  }
  return rows;
}

export function rowGaps(report: Report, group: TableGroup): RowGap[] {
  const gaps: RowGap[] = [];
  for (const { table, row, keys } of expectedRows(report, group)) {
    let missing: string[] | null = null; // no array for the usual complete row
    for (const k of keys) if (report.cells[k] === undefined) (missing ??= []).push(k);
    if (missing) gaps.push({ table, row, missing, whole: missing.length === keys.length });
  }
  return gaps;
}
