// The document model every reader produces and the recogniser consumes: headings, paragraphs and table grids,
// each with its source position. Readers know formats; the recogniser knows only this. A grid row keeps its empty
// cells in place (a printed blank is a cell with empty text), so the recogniser can tell which column is blank.
import type { ReaderNoteCode, SourceFormat, SourceRef } from '../model/report.js';

export interface TableCell {
  text: string;
  pos: SourceRef;
  rowSpan?: number;
  colSpan?: number;
  /**
   * Space-aligned text (pdftotext -layout): the display column where the cell ends (CJK counts 2). Values are
   * right-aligned under their column, so an empty column — a blank cell — is a gap at a known place.
   */
  x?: number;
  /**
   * `x` with East Asian ambiguous characters (“ ” — … ①) counted 1, as terminals and formatters outside a CJK
   * locale count them (`x` counts them 2, as a CJK font prints them): a table is aligned by one count or the other.
   */
  xn?: number;
}

export interface TableRow {
  cells: TableCell[];
  pos: SourceRef;
  /**
   * The row was split at whitespace (pdftotext -layout, a scrape with its tabs turned to spaces): an empty cell
   * prints as nothing there, so a value missing from the row is a printed blank, never a field lost in transcription
   * for a row sum to give back.
   */
  spaced?: boolean;
}

export interface HeadingBlock { kind: 'heading'; level: number; text: string; pos: SourceRef }
export interface ParagraphBlock { kind: 'paragraph'; text: string; pos: SourceRef }
/**
 * A table. `grid`: each row is a real table row (tabs, pipes, aligned columns, <tr>). `stream`: one cell per
 * line, where row boundaries were lost (pdftotext default mode, some scrapes).
 */
export interface TableBlock {
  kind: 'table';
  layout: 'grid' | 'stream';
  rows: TableRow[];
  pos: SourceRef;
  /**
   * Every row holds as many fields (a converter padded them to one width: a +---+ grid, an org or AsciiDoc table):
   * the empty fields a row ends with may be the padding's (a flag of the table, not of each row: a property some
   * rows have and others lack gives them two hidden classes, and every reader of rows slowed).
   */
  padded?: boolean;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface DocumentSource {
  name: string;
  /** the reader's format: 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'xlsx' | 'doc' */
  format: SourceFormat;
  /** the shape detected by the reader, e.g. 'tab', 'pipe', 'layout', 'cell-per-line' */
  shape: string;
  encoding: string;
}

export interface GDocument {
  source: DocumentSource;
  blocks: Block[];
  /** reader-level problems (undecodable bytes, scanned pages, ...) */
  notes: { code: ReaderNoteCode; message: string; messageEn: string; pos?: SourceRef }[];
}
