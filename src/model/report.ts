// The report model: plain typed data shared by the engine, the renderers, the CLI and (later) the server and
// UI. Every cell carries its value (number or blank), its key and where in the source it was read.
import type { MessageData, MessageId } from './messages.js';
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

/** A text in both languages of the output. */
export interface Bilingual { zh: string; en: string }

/** A recogniser's "中文 / English" reason as a Bilingual (a text without the separator serves both). */
export function bilingual(text: string): Bilingual {
  const i = text.indexOf(' / ');
  return i < 0 ? { zh: text, en: text } : { zh: text.slice(0, i), en: text.slice(i + 3) };
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
  /** why an inferred or ordered value is certain, in Chinese and English */
  reason?: Bilingual;
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

/** A reader's note: `<reader>.<what>` (decode.undecodable-bytes, pdf.scanned-pages, docx.nested-table …). */
export type ReaderNoteCode =
  `${'decode' | 'doc' | 'docx' | 'html' | 'pdf' | 'xlsx' | 'xml' | 'text' | 'zip'}.${string}`;

/** What the recogniser could not read with certainty, or read by inference (see recognise/assemble.ts). */
export type RecogniserCode =
  | 'layout-year-mismatch' | 'extra-row' | 'positions-unreliable' | 'row-damaged' | 'row-detached' | 'row-cut'
  | 'row-partly-placed' | 'row-scrambled' | 'row-unplaceable' | 'row-blank-or-lost' | 'values-unplaced'
  | 'review-damaged' | 'review-unplaced' | 'review-litigation-unplaced';

export type DiagnosticCode = ReaderNoteCode | RecogniserCode;

/** The formats a report comes from: a reader's, an authoring form's (the web app) or a roll-up's (analysis). */
export const SOURCE_FORMATS = ['text', 'markdown', 'doc', 'html', 'pdf', 'docx', 'xlsx', 'form', 'rollup'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A format name from storage or the network, checked (e.g. ReportDetail.format → Report.format). */
export function isSourceFormat(s: string): s is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(s);
}

/** What a reader or the recogniser could not read, and why. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  messageEn: string;
  source?: SourceRef;
  /** cell keys involved */
  cells?: string[];
}

/** Where the report's year was read: its title, the statistics-period sentence, or the body's own statements. */
export type YearFrom = 'title' | 'period' | 'body';
/** Where the agency was read: the title (or the report's name quoted in its text), the signature, or the text's
 * statements about itself (本报告由…编制, 2022年，某某局…, 我局/我镇 joined with the region the text names). */
export type AgencyFrom = 'title' | 'signature' | 'self-reference';

/** A statement of the year a report covers: its title, its statistics period, or a sentence of its body. */
export interface YearStatement {
  year: number;
  from: YearFrom;
  /** the sentence states figures (条, 件, 篇…) as that year's */
  figures: boolean;
  /** the sentence (or title) as read, whitespace removed */
  text: string;
  source: SourceRef;
}

export interface Report {
  file: string;
  format: SourceFormat;
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
  /** where the year was read (null: no year) */
  yearFrom?: YearFrom | null;
  /** where the agency was read (null: no agency) */
  agencyFrom?: AgencyFrom | null;
  /** body names the text gives for itself, best first (the agency first when one was chosen) */
  agencyCandidates?: string[];
  /** every statement of the year the report covers, in text order (for the year checks) */
  yearStatements?: YearStatement[];
}

export interface FindingCell { key: string; value: number | null }

/** Every rule's id (the name of its module under src/rules). */
export type RuleId =
  | 'balance' | 'outcome-total' | 'row-total' | 'review-totals' | 'group-subtotal' | 'domain' | 'missing-table'
  | 'blank-cell' | 'missing-section' | 'partial-table' | 'template-year' | 'narrative-vs-table' | 'plausibility'
  | 'cross-year' | 'published-le-total' | 'title-pattern' | 'not-a-report' | 'truncated' | 'empty-form' | 'misfiled'
  | 'year-mismatch' | 'other-year-figures';

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** the catalogue entry (src/model/messages.ts) and its data: the message in any language is formatFinding(f, lang) */
  messageId: MessageId;
  data: MessageData;
  /** the message rendered in Chinese and English from messageId and data (kept for JSON consumers and the CLI) */
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
  yearFrom?: YearFrom | null;
  agencyFrom?: AgencyFrom | null;
  agencyCandidates?: string[];
  narrative: Record<string, number>;
  diagnostics: Diagnostic[];
  findings?: Finding[];
  sources?: Record<string, SourceRef & { how: ReadHow; raw: string; reason?: Bilingual }>;
  error?: string;
}
