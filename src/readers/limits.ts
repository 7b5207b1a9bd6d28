// Every bound on what one input may make a reader do, in one place. Each is a named constant; exceeding one is an
// InputError naming the file and the limit (limitError), never a hang or an unbounded allocation. The values are
// generous for real reports (a few pages, three tables, a few hundred cells) and far below what a crafted file
// needs to hurt a process: every hostile input in test/hostile-input.test.ts ends in well under a second.
import { InputError } from '../errors.js';

/** Bytes of one input file (checked on the file's size before reading it); GONGKAI_MAX_INPUT_BYTES overrides. */
export const DEFAULT_MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** The input size cap in force: GONGKAI_MAX_INPUT_BYTES when set to a positive integer, else the default. */
export function maxInputBytes(): number {
  const v = Number(process.env.GONGKAI_MAX_INPUT_BYTES);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_MAX_INPUT_BYTES;
}

/** ZIP (archives of reports, DOCX and XLSX containers): entries, uncompressed bytes over an archive and all it
 * nests, the compression ratio of an entry over ZIP_RATIO_FLOOR bytes, and archives within archives. */
export const ZIP_MAX_ENTRIES = 5000;
export const ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024;
export const ZIP_MAX_RATIO = 100;
export const ZIP_RATIO_FLOOR = 1024 * 1024;
export const ZIP_MAX_DEPTH = 3;

/** PDF: pages read from one file. */
export const PDF_MAX_PAGES = 200;
/** PDF: bytes one decoded stream (Flate and the other filters) may grow to. */
export const PDF_MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** PDF: decoded bytes over all streams of one document. */
export const PDF_MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/** XLSX: the last row and column a sheet may declare or use (a report has under 100 rows and 30 columns). */
export const XLSX_MAX_ROWS = 100_000;
export const XLSX_MAX_COLUMNS = 1_024;
/** XLSX: cells a sheet may hold, and rows × columns of the grid one sheet is read into. */
export const XLSX_MAX_CELLS = 200_000;
export const XLSX_MAX_GRID = 2_000_000;
/** XLSX: cells covered by merged ranges over one sheet. */
export const XLSX_MAX_MERGED_CELLS = 1_000_000;
/** XLSX: uncompressed bytes of all XML parts (a report's workbook is well under 1 MB). */
export const XLSX_MAX_XML_BYTES = 32 * 1024 * 1024;

/**
 * HTML: the depth start and end tags reach before parsing (unclosed tags counted, those whose end tag may be left
 * out not), the element nesting depth of the parsed tree, and the elements and table cells (td, th) of a page.
 */
export const HTML_MAX_TAG_DEPTH = 4_096;
export const HTML_MAX_DEPTH = 512;
export const HTML_MAX_ELEMENTS = 100_000;
export const HTML_MAX_CELLS = 50_000;

/** Office XML parts (DOCX): element nesting depth. */
export const XML_MAX_DEPTH = 512;

/** Text: characters in one line, and cells one line may split into. */
export const TEXT_MAX_LINE_CHARS = 100_000;
export const TEXT_MAX_ROW_CELLS = 2_000;

/** The InputError for an exceeded limit: what was found, and the named limit. */
export function limitError(file: string, zh: string, en: string, limitName: string, limit: number): InputError {
  return new InputError(file, `${zh}，超过上限 ${limit}（${limitName}）`,
    `${en}, over the limit of ${limit} (${limitName})`, limitName);
}
