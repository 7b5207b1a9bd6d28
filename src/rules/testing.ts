// Builders for rule cases and tests: a complete, consistent report of either template (every relation holds),
// with overrides, omissions, narrative figures and missing sections. No test-framework imports here.
import { applicationsTable, layoutTables, type OtherLayout } from '../model/relations.js';
import type { Cell, NarrativeFigure, Report, Section } from '../model/report.js';
import {
  TEMPLATES, cellKey, splitCellKey, tableGroupOf, type TableGroup, type TemplateVersion,
} from '../model/template.js';

/** Supplies the free values of a consistent table: `i` counts the free cells in order. */
export type ValuePicker = (key: string, i: number) => number;

/** Small, varied, deterministic values (many zeros, as in real reports). */
export const defaultPick: ValuePicker = (_key, i) => [0, 2, 0, 1, 0, 0, 3, 0, 1, 0, 0, 0, 4][i % 13];

/**
 * A complete set of cells for which every strict relation holds. Applicant cells of outcome rows, carried-over,
 * carried-forward, section 四 parts and section 二 values come from `pick`; totals and 新收 are computed.
 */
export function consistentCells(
  version: TemplateVersion, pick: ValuePicker = defaultPick, other?: OtherLayout,
): Record<string, number> {
  const layout = { version, other: other ?? (version === '2019' ? 'single' : 'items') } as const;
  const cells: Record<string, number> = {};
  let i = 0;
  const next = (key: string): number => pick(key, i++);
  for (const t of layoutTables(layout).filter((x) => x.key.startsWith('art20_')))
    for (const r of t.rows.filter((x) => x.isData))
      for (const c of t.columns) {
        const k = cellKey(t.key, r.key, c.key);
        // 2019: a decision count that is not the item count; a total published at least the newly published
        if (c.key === 'changeThisYear') cells[k] = next(k) - 1;
        else if (c.key === 'decisions') cells[k] = next(k) + 20;
        else if (c.key === 'totalPublished') cells[k] = (cells[cellKey(t.key, r.key, 'newlyPublished')] ?? 0) + next(k);
        else if (c.key === 'amount' || c.key === 'totalAmount') cells[k] = next(k) + 0.25;
        else cells[k] = next(k);
      }
  const app = applicationsTable(layout.other);
  const applicant = app.columns.map((c) => c.key).filter((c) => c !== 'total');
  const outcomeRows = app.rows.filter((r) => r.isData && r.key.startsWith('outcome.') && r.key !== 'outcome.total');
  const a = (row: string, col: string): string => cellKey('applications', row, col);
  for (const col of applicant) {
    let outcome = 0;
    for (const r of outcomeRows) outcome += cells[a(r.key, col)] = next(a(r.key, col));
    cells[a('outcome.total', col)] = outcome;
    const forward = (cells[a('carriedForward', col)] = next(a('carriedForward', col)));
    const over = (cells[a('carriedOver', col)] = Math.min(next(a('carriedOver', col)), outcome + forward));
    cells[a('newReceived', col)] = outcome + forward - over;
  }
  for (const r of app.rows.filter((x) => x.isData))
    cells[a(r.key, 'total')] = applicant.reduce((s, col) => s + cells[a(r.key, col)], 0);
  for (const g of ['review', 'litigationDirect', 'litigationAfterReview']) {
    let total = 0;
    for (const p of ['upheld', 'corrected', 'other', 'pending']) {
      const k = cellKey('reviewLitigation', 'cases', `${g}.${p}`);
      total += cells[k] = next(k);
    }
    cells[cellKey('reviewLitigation', 'cases', `${g}.total`)] = total;
  }
  return cells;
}

export interface ReportSpec {
  template?: TemplateVersion | null;
  year?: number | null;
  agency?: string | null;
  /** default `${agency}${year}年政府信息公开工作年度报告` */
  title?: string | null;
  /** 'complete' (default): consistentCells(template); 'empty': no cells */
  base?: 'complete' | 'empty';
  /** how a complete base prints 其他处理 */
  other?: OtherLayout;
  pick?: ValuePicker;
  /** cells set over the base (null = printed blank) */
  cells?: Record<string, number | null>;
  /** keys removed from the base: exact keys, or a pattern */
  omit?: string[] | RegExp;
  narrative?: Record<string, number>;
  /** numbers (1–6) of sections not found */
  missingSections?: number[];
  truncated?: boolean;
  tables?: Partial<Record<TableGroup, boolean>>;
}

function cellOf(key: string, value: number | null, line: number): Cell {
  const { table, row, column } = splitCellKey(key);
  return {
    key, table, row, column, value, raw: value === null ? '' : String(value), source: { line, column: 1 },
    how: 'direct',
  };
}

/** A Report with sensible defaults: a county government's complete, consistent report, all six sections found. */
export function makeReport(spec: ReportSpec = {}): Report {
  const template = spec.template === undefined ? '2021' : spec.template;
  const version = template ?? '2021';
  const year = spec.year === undefined ? (version === '2019' ? 2019 : 2022) : spec.year;
  const agency = spec.agency === undefined ? '示例县人民政府' : spec.agency;
  const title = spec.title === undefined ? `${agency ?? ''}${year ?? ''}年政府信息公开工作年度报告` : spec.title;
  const values: Record<string, number | null> = spec.base === 'empty'
    ? {}
    : consistentCells(version, spec.pick, spec.other);
  const omit = spec.omit;
  if (omit) for (const k of Object.keys(values)) if (Array.isArray(omit)
    ? omit.includes(k)
    : omit.test(k)) delete values[k];
  Object.assign(values, spec.cells ?? {});
  const cells: Record<string, Cell> = {};
  Object.entries(values).forEach(([k, v], i) => (cells[k] = cellOf(k, v, 100 + i)));
  const tables: Record<TableGroup, boolean> = { active: false, applications: false, review: false };
  for (const k of Object.keys(cells)) tables[tableGroupOf(splitCellKey(k).table)] = true;
  Object.assign(tables, spec.tables ?? {});
  const sections: Section[] = TEMPLATES[version].sections.map((s) => {
    const missing = spec.missingSections?.includes(s.no) ?? false;
    return {
      no: s.no,
      key: s.key,
      title: missing ? null : s.title,
      text: '',
      source: missing ? null : { line: s.no * 10, column: 1 },
    };
  });
  const narrative: NarrativeFigure[] = Object.entries(spec.narrative ?? {}).map(([key, value], i) => ({
    key, value, text: `${key} ${value}`, source: { line: 2 + i, column: 1 },
  }));
  return {
    file: 'case.txt', format: 'text', encoding: 'utf-8', title, agency, year, template,
    layoutEvidence: [], sections, tables, cells, narrative, diagnostics: [], truncated: spec.truncated ?? false,
  };
}

/** A copy of `report` with some cells set (null = blank) — the original is not changed. */
export function withCells(report: Report, values: Record<string, number | null>): Report {
  const cells = { ...report.cells };
  for (const [k, v] of Object.entries(values))
    cells[k] = cells[k] ? { ...cells[k], value: v, raw: v === null ? '' : String(v) } : cellOf(k, v, 900);
  return { ...report, cells };
}

export type { Case, Expectation, InvalidCase, RuleCases } from './rule.js';
