// Which cells a report's layout expects, by table group (section 二 active / 三 applications / 四 review).
import type { Report } from '../../model/report.js';
import { layoutOf, layoutTables } from '../../model/relations.js';
import { cellKey, splitCellKey, tableGroupOf, type TableDef, type TableGroup } from '../../model/template.js';

export const GROUPS: TableGroup[] = ['active', 'applications', 'review'];

export const GROUP_LABELS: Record<TableGroup, { zh: string; en: string }> = {
  active: { zh: '第二部分“主动公开政府信息情况”', en: 'section 2 (proactive disclosure)' },
  applications: { zh: '第三部分“收到和处理政府信息公开申请情况”', en: 'section 3 (applications)' },
  review: { zh: '第四部分“政府信息公开行政复议、行政诉讼情况”', en: 'section 4 (reviews and lawsuits)' },
};

/** The tables of the report's layout that belong to `group`. */
export function groupTables(report: Report, group: TableGroup): TableDef[] {
  return layoutTables(layoutOf(report)).filter((t) => tableGroupOf(t.key) === group);
}

/** Keys of cells the report contains in `group`. */
export function presentIn(report: Report, group: TableGroup): string[] {
  return Object.keys(report.cells).filter((k) => tableGroupOf(splitCellKey(k).table) === group);
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
export function rowGaps(report: Report, group: TableGroup): RowGap[] {
  const gaps: RowGap[] = [];
  for (const t of groupTables(report, group))
    for (const r of t.rows.filter((x) => x.isData)) {
      const keys = t.columns.map((c) => cellKey(t.key, r.key, c.key));
      const missing = keys.filter((k) => report.cells[k] === undefined);
      if (missing.length > 0) gaps.push({ table: t.key, row: r.key, missing, whole: missing.length === keys.length });
    }
  return gaps;
}
