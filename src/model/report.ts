// The report model: plain typed data shared by the engine, the renderers, the CLI and (later) the server and
// UI. Every cell carries its value (number or blank), its key and where in the source it was read.
import type { TemplateVersion, TableGroup } from './template.js';

/** Where something was read: 1-based line and column in the decoded text, or page and box in a PDF. */
export interface SourceRef {
  line: number;
  column: number;
  /** character offset in the decoded text */
  offset?: number;
  page?: number;
  /** [x0, y0, x1, y1] in PDF user space */
  bbox?: [number, number, number, number];
}

/** How a cell value was obtained. */
export type ReadHow =
  | 'direct' // printed in its row, in its column
  | 'inferred' // the row printed fewer or more values than columns; placed by the table's relations
  | 'ordered'; // printed apart from its label; placed by template order and checked by the relations

export interface Cell {
  key: string;
  table: string;
  row: string;
  column: string;
  /** null = printed blank (blank is not zero) */
  value: number | null;
  /** the text as printed ('' for blank, or for a value forced by the relations) */
  raw: string;
  unit?: string;
  source: SourceRef;
  how: ReadHow;
  /** why an inferred or ordered value is certain */
  reason?: string;
}

export interface Section {
  no: number;
  key: string;
  /** the heading as printed; null when the section was not found */
  title: string | null;
  text: string;
  source: SourceRef | null;
}

export interface NarrativeFigure {
  key: string;
  value: number;
  unit?: string;
  /** the sentence fragment the figure was read from */
  text: string;
  source: SourceRef;
}

export type Severity = 'error' | 'warning' | 'info';

/** What a reader or the recogniser could not read, and why. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  messageEn: string;
  source?: SourceRef;
  /** cell keys involved */
  cells?: string[];
}

export interface Report {
  file: string;
  format: string;
  encoding: string;
  title: string | null;
  agency: string | null;
  year: number | null;
  template: TemplateVersion | null;
  /** labels of the table layout found (may differ from the year's template) */
  layoutEvidence: string[];
  sections: Section[];
  tables: Record<TableGroup, boolean>;
  cells: Record<string, Cell>;
  narrative: NarrativeFigure[];
  diagnostics: Diagnostic[];
  /** the text ends before section 六 */
  truncated: boolean;
}

export interface FindingCell { key: string; value: number | null }

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  messageEn: string;
  cells: FindingCell[];
  expected?: number;
  source?: SourceRef;
}

/** The JSON Lines record `gongkai parse --json` prints (shared/spec/cells-format.md, plus more). */
export interface ParseRecord {
  file: string;
  agency: string | null;
  year: number | null;
  template: TemplateVersion | null;
  tables: Record<TableGroup, boolean>;
  cells: Record<string, number | null>;
  title: string | null;
  format: string;
  encoding: string;
  truncated: boolean;
  narrative: Record<string, number>;
  diagnostics: Diagnostic[];
  findings?: Finding[];
  sources?: Record<string, SourceRef & { how: ReadHow; raw: string; reason?: string }>;
  error?: string;
}
