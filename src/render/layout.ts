// Shared layout logic for every renderer: which template a report is drawn with, the row list of each table
// (including a 2021 report printed with the single 2019-style （六）其他处理 row, and the reverse), which table
// groups are present, and how one cell value is printed.
import { otherShapeOf, versionOf, type OtherLayout } from '../model/layout.js';
import type { Cell, Report } from '../model/report.js';
import { REVIEW_GROUPS } from '../model/table-grid.js';
import {
  TEMPLATES, cellKey, cellLabel, splitCellKey, tableDef, tableGroupOf,
  type ColumnDef, type RowDef, type TableDef, type TableGroup, type TemplateVersion,
} from '../model/template.js';

// the tables' header wording lives with their grid in the model (the web app draws the same grid)
export { APPLICANT_GROUPS, APPLICATIONS_CORNER, REVIEW_GROUPS, dataDescendants } from '../model/table-grid.js';

/** Note printed where a whole table group was not found in the source. */
export const MISSING_TABLE_NOTE = '（表格缺失）';
export const OTHER_ROW_LABEL = '（六）其他处理';

/** The template a report is drawn with: the model's versionOf (its own, else by its cells, else by year, else 2021). */
export function layoutVersion(report: Report): TemplateVersion {
  return versionOf(report);
}

/** The title as printed, else the conventional {机关}{年份}年政府信息公开工作年度报告. */
export function displayTitle(report: Report): string {
  if (report.title) return report.title;
  const year = report.year !== null ? `${report.year}年` : '';
  return `${report.agency ?? ''}${year}政府信息公开工作年度报告`;
}

export type OtherShape = OtherLayout;

/** How （六）其他处理 is laid out: the model decides (otherShapeOf). */
export function otherShape(report: Report, version: TemplateVersion): OtherShape {
  return otherShapeOf(report, version);
}

const SINGLE_OTHER: RowDef = {
  key: 'outcome.other', label: OTHER_ROW_LABEL, parent: 'outcome', isData: true, level: 1,
};

function otherItemRows(): RowDef[] {
  const t = TEMPLATES['2021'].tables.find((x) => x.key === 'applications');
  return (t?.rows ?? []).filter((r) => r.key === 'outcome.other' || r.parent === 'outcome.other');
}

/** The rows a table is drawn with for this report. */
export function tableRows(report: Report, version: TemplateVersion, table: TableDef): RowDef[] {
  if (table.key !== 'applications') return table.rows;
  const shape = otherShape(report, version);
  const rows: RowDef[] = [];
  for (const r of table.rows) {
    if (r.key === 'outcome.other') rows.push(...(shape === 'single' ? [SINGLE_OTHER] : otherItemRows()));
    else if (r.parent !== 'outcome.other') rows.push(r);
  }
  return rows;
}

/** The tables of a section (2: the art20_* sub-tables; 3; 4) in template order. */
export function sectionTables(version: TemplateVersion, section: number): TableDef[] {
  return TEMPLATES[version].tables.filter((t) => t.section === section);
}

/** A table group is drawn when the report says it is present or has any cell of it. */
export function groupPresent(report: Report, group: TableGroup): boolean {
  if (report.tables[group]) return true;
  return Object.keys(report.cells).some((k) => tableGroupOf(k.split('/')[0]) === group);
}

export const SECTION_GROUP: Record<number, TableGroup> = { 2: 'active', 3: 'applications', 4: 'review' };

/** The value as shown: '' for blank or absent; signed changes keep a printed '+'; odd units are shown. */
export function formatCell(cell: Cell | undefined, column?: ColumnDef): string {
  if (!cell || cell.value === null) return '';
  let s = String(cell.value);
  if (column?.valueType === 'signedInteger' && cell.value > 0 && /^\s*[+＋]/.test(cell.raw)) s = `+${s}`;
  if (cell.unit && column?.valueType === 'decimal' && cell.unit !== column.unit) s += cell.unit;
  return s;
}

/** The cell of a table position, if the report has it. */
export function cellAt(report: Report, table: string, row: string, column: string): Cell | undefined {
  return report.cells[cellKey(table, row, column)];
}

/** Every cell key of the report in template order (with the report's （六） shape), then any others. */
export function orderedCellKeys(report: Report): string[] {
  const version = layoutVersion(report);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of TEMPLATES[version].tables)
    for (const r of tableRows(report, version, t)) {
      if (!r.isData) continue;
      for (const c of t.columns) {
        const k = cellKey(t.key, r.key, c.key);
        if (k in report.cells) {
          out.push(k);
          seen.add(k);
        }
      }
    }
  for (const k of Object.keys(report.cells)) if (!seen.has(k)) out.push(k);
  return out;
}

/** Section text split into paragraphs (non-empty trimmed lines). */
export function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** Short description of the template used, e.g. "2021（国办公开办函〔2021〕30号）". */
export function templateNote(report: Report): string {
  const v = layoutVersion(report);
  const note = `${v}（${TEMPLATES[v].docNo}）`;
  return report.template ? note : `${note}，按年度推定`;
}

/**
 * A cell's human label: cellLabel() of the model, except that the section 四 columns name their group
 * (cellLabel gives '复议诉讼 / cases / 结果维持' for all three groups alike).
 */
export function labelOfCell(version: TemplateVersion, key: string): string {
  const { table, column } = splitCellKey(key);
  const col = table === 'reviewLitigation'
    ? tableDef(version, table)?.columns.find((c) => c.key === column)
    : undefined;
  if (!col) return cellLabel(version, key);
  const [top, second] = REVIEW_GROUPS[col.group ?? ''] ?? [col.group ?? '', null];
  return ['复议诉讼', [top, second].filter(Boolean).join('·'), col.label].join(' / ');
}

export interface SectionView {
  no: number;
  /** the heading printed, else the template's */
  title: string;
  /** false when the source did not have this section */
  found: boolean;
  text: string;
}

/** The six sections in order, from the report where found, else from the template. */
export function sectionViews(report: Report): SectionView[] {
  return TEMPLATES[layoutVersion(report)].sections.map((def) => {
    const s = report.sections.find((x) => x.no === def.no) ?? report.sections.find((x) => x.key === def.key);
    return { no: def.no, title: s?.title ?? def.title, found: !!s && s.title !== null, text: s?.text ?? '' };
  });
}

export const SECTION_NOT_FOUND = '（原文未见本节）';
export const TRUNCATED_NOTE = '（原文在第六部分之前中断）';

/** How one text format draws each kind of table (Markdown and plain text share the section logic below). */
export interface TableDrawers {
  active(report: Report, t: TableDef): string[];
  applications(report: Report, version: TemplateVersion, t: TableDef): string[];
  review(report: Report, t: TableDef): string[];
}

/** The lines of a section's tables, or the missing-table note when the whole table group was lost. */
export function sectionTableLines(
  report: Report, version: TemplateVersion, no: number, draw: TableDrawers, missingNote: string,
): string[] {
  const tables = sectionTables(version, no);
  if (tables.length === 0) return [];
  if (!groupPresent(report, SECTION_GROUP[no])) return [missingNote, ''];
  const out: string[] = [];
  for (const t of tables) {
    if (no === 2) out.push(...draw.active(report, t));
    else if (t.key === 'applications') out.push(...draw.applications(report, version, t));
    else out.push(...draw.review(report, t));
    out.push('');
  }
  return out;
}
