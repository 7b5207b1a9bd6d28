// Which cells a report's layout expects, by table group (section 二 active / 三 applications / 四 review).
import type { Report } from '../../model/report.js';
import { cellsOf, lastReportMemo, layoutOf, layoutTables } from '../../model/relations.js';
import { cellKey, tableGroupOf, type TableDef, type TableGroup } from '../../model/template.js';

export const GROUPS: TableGroup[] = ['active', 'applications', 'review'];

export { GROUP_LABELS } from '../../model/labels.js';

const groupTablesMemo = new Map<string, TableDef[]>();

/** The tables of the report's layout that belong to `group` (one list per layout and group). */
export function groupTables(report: Report, group: TableGroup): TableDef[] {
  const layout = layoutOf(report);
  const id = `${layout.version}|${layout.other}|${group}`;
  let tables = groupTablesMemo.get(id);
  if (!tables) groupTablesMemo.set(id, (tables = layoutTables(layout).filter((t) => tableGroupOf(t.key) === group)));
  return tables;
}

/**
 * The report's cell keys split by group (several rules ask this of the same report). By each cell's own table
 * (a cell's table is its key's first part, as blank-cell and domain also read it), in key order: no key is split.
 */
const keysByGroup = lastReportMemo((report: Report): Record<TableGroup, string[]> => {
  const groups: Record<TableGroup, string[]> = { active: [], applications: [], review: [] };
  for (const cell of cellsOf(report)) groups[tableGroupOf(cell.table)].push(cell.key);
  return groups;
});

/** Keys of cells the report contains in `group`. */
export function presentIn(report: Report, group: TableGroup): string[] {
  return keysByGroup(report)[group];
}

export interface RowGap {
  table: string;
  row: string;
  /** expected cell keys of the row that the report does not contain */
  missing: string[];
  /** true when none of the row's cells exist */
  whole: boolean;
}

// per list of a group's tables (groupTables shares one list per layout and group)
const rowKeyLists = new WeakMap<TableDef[], { table: string; row: string; keys: string[] }[]>();

/** The expected cell keys of each data row of a group's tables (computed once per layout and group). */
function expectedRows(report: Report, group: TableGroup): { table: string; row: string; keys: string[] }[] {
  const tables = groupTables(report, group);
  let rows = rowKeyLists.get(tables);
  if (!rows) {
    rows = tables.flatMap(
      (t) => t.rows.filter((x) => x.isData).map(
        (r) => ({ table: t.key, row: r.key, keys: t.columns.map((c) => cellKey(t.key, r.key, c.key)) }),
      ),
    );
    rowKeyLists.set(tables, rows);
  }
  return rows;
}

/** Rows of `group` with missing cells, in template order. */
export function rowGaps(report: Report, group: TableGroup): RowGap[] {
  const gaps: RowGap[] = [];
  for (const { table, row, keys } of expectedRows(report, group)) {
    let missing: string[] | null = null; // no array for the usual complete row
    for (const k of keys) if (report.cells[k] === undefined) (missing ??= []).push(k);
    if (missing) gaps.push({ table, row, missing, whole: missing.length === keys.length });
  }
  return gaps;
}
