// Types of the generator: the report model every layout renders, the blocks and table grids it is made of,
// and the truth file written beside each generated report (shared/spec/cells-format.md).
import type { TemplateVersion, TableGroup } from '../model/template.js';

export const LAYOUTS = [
  'tab', 'markdown', 'pipe', 'cell-per-line', 'layout', 'pdf-default', 'html', 'html-gbk', 'text-gbk', 'prose',
  'traditional',
] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const DAMAGES = [
  'short-rows', 'lost-tables', 'truncated', 'inconsistent', 'blanks', 'detached', 'split-labels', 'moved', 'swapped',
] as const;
export type DamageName = (typeof DAMAGES)[number];

export type AgencyLevel = 'city' | 'county' | 'district' | 'town' | 'township' | 'street' | 'department' | 'office';

/** A cell value and the text it is printed as ('+19', '12.5000', '0'). */
export interface CellValue { value: number; text: string }

/** Label variants seen in real reports; chosen once per report. */
export interface LabelStyle {
  /** '（一）予以公开' | '(一)予以公开' | '(一) 予以公开' */
  brackets: 'full' | 'half' | 'halfSpace';
  /** 社会组织 instead of 社会公益组织 (seed 000) */
  socialOrg: boolean;
  /** Henan labels: 本年收费金额（单位：万元，保留4位小数）, 采购总金额（单位：万元，保留4位小数） */
  henan: boolean;
  /** print positive 2019 本年增/减 values with '+' */
  plusSign: boolean;
  /** label variants seen in real reports, keys of VARIANTS in labels.ts */
  variants: string[];
}

/** A piece of prose; a figure token is a number the truth records under `narrative[figure]`. */
export interface Token { text: string; figure?: string; value?: number }

export interface GridCell {
  text: string;
  key?: string;
  colspan?: number;
  rowspan?: number;
  header?: boolean;
  /** natural break points of a header cell ('社会公益', '组织') for layouts that shred or <br> it */
  parts?: string[];
}
export type GridRow = GridCell[];

export type Block =
  | { kind: 'title'; text: string; agency: string; rest: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; tokens: Token[] }
  | { kind: 'table'; group: TableGroup; grid: GridRow[] };

export interface Injected { key: string; consistentValue: number; printedValue: number }

export interface ReportModel {
  seed: number;
  agency: string;
  level: AgencyLevel;
  year: number;
  template: TemplateVersion;
  title: string;
  style: LabelStyle;
  /** consistent values, every relation holds */
  numbers: Record<string, CellValue>;
  /** values as printed (differs from `numbers` only where damage injected a wrong value) */
  printed: Record<string, CellValue>;
  blocks: Block[];
  /** table tables were dropped from the text (lost-tables damage or the prose layout) */
  tablesLost: boolean;
  /** cells printed nowhere because their row lost one value (short-rows damage) */
  dropped: string[];
  /** cells printed blank (blanks damage); the truth records null */
  blanks: string[];
  /**
   * Table 三 printed apart from its labels (detached, moved, swapped damage): these data rows print their labels
   * on lines of their own and their values on lines of their own — after the labels, or before them ('moved')
   */
  detached?: { rows: string[]; valuesFirst: boolean };
  /** labels of table 三 split over two lines, the values on the second (split-labels damage) */
  splitLabels?: boolean;
  injected: Injected[];
  notes: string[];
}

export type TruthTemplate = TemplateVersion | 'unknown';

/** The truth file (cells-format.md), plus generator extras (layout, damage, injected). */
export interface Truth {
  source: string;
  agency: string | null;
  year: number | null;
  template: TruthTemplate;
  level: AgencyLevel;
  shape: string;
  truncated: boolean;
  tables: Record<TableGroup, boolean>;
  cells: Record<string, number | null>;
  narrative: Record<string, number>;
  notes: string;
  layout: LayoutName;
  damage: DamageName[];
  injected?: Injected[];
}
