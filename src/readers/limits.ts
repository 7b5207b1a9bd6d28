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
/**
 * PDF: bytes one decoded stream (Flate and the other filters) may grow to, and decoded bytes over all streams of
 * one document. Checked twice: on the file's Flate streams before pdf.js runs (pdf-bounds.ts), then on all that
 * pdf.js decodes (pdfjs-patch.ts, where a page's content, decoded for its text and again for its drawing, counts
 * twice). A real report decodes to a few MB; pdf.js parses decoded content at some tens of MB/s on a busy core,
 * so the document bound is what keeps a file of near-bound content under two seconds (at 128 MiB: three).
 */
export const PDF_MAX_STREAM_BYTES = 32 * 1024 * 1024;
export const PDF_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** XLSX: the last row and column a sheet may declare or use (a report has under 100 rows and 30 columns). */
export const XLSX_MAX_ROWS = 100_000;
export const XLSX_MAX_COLUMNS = 1_024;
/**
 * XLSX: cells a sheet may hold, and rows × columns of the grid one sheet is read into. A report has some thousands
 * of cells; exceljs takes about 15 µs and 1 KB a cell (190k cells: 2.9 s of CPU, 274 MB).
 */
export const XLSX_MAX_CELLS = 50_000;
export const XLSX_MAX_GRID = 2_000_000;
/** XLSX: cells covered by merged ranges over one sheet (exceljs makes each one a cell: 999k took 5.5 s, 474 MB). */
export const XLSX_MAX_MERGED_CELLS = 50_000;
/**
 * XLSX: uncompressed bytes of all XML parts (a report's workbook is well under 1 MB; exceljs takes about 0.15 s of
 * CPU a MB: a sheet of 30 MB took 4 s).
 */
export const XLSX_MAX_XML_BYTES = 8 * 1024 * 1024;

/**
 * HTML: the depth start and end tags reach before parsing (unclosed tags counted, those whose end tag may be left
 * out not), the element nesting depth of the parsed tree, and the elements and table cells (td, th) of a page.
 */
export const HTML_MAX_TAG_DEPTH = 4_096;
export const HTML_MAX_DEPTH = 512;
export const HTML_MAX_ELEMENTS = 100_000;
export const HTML_MAX_CELLS = 50_000;

/**
 * Office XML parts (DOCX): element nesting depth; the bytes of one part and the elements in it, checked by a
 * linear scan before the XML is parsed into a tree (which takes some hundreds of bytes an element: a part of
 * millions of small paragraphs would take gigabytes). A report's document.xml is some hundreds of KB and tens of
 * thousands of elements.
 */
export const XML_MAX_DEPTH = 512;
export const XML_MAX_PART_BYTES = 32 * 1024 * 1024;
export const XML_MAX_ELEMENTS = 500_000;

/**
 * Text: characters of one report (the decoded text of a text file, or the text a reader takes from any document;
 * an HTML page's markup does not count). A real report has some tens of thousands; reading time and memory grow
 * with it (a 47 MB text of valid report lines took 52 s of CPU and 1.5 GB), so a million is the bound.
 */
export const TEXT_MAX_CHARS = 1_000_000;
/**
 * HTML: characters of a page's source, markup included (a report's page is some hundreds of KB). The HTML parser
 * takes about 0.6 s of CPU and 80 MB a million characters (a 90 MB page took 2 GB and 77 s).
 */
export const HTML_MAX_CHARS = 2_000_000;

const SIZE_LIMITS = {
  TEXT_MAX_CHARS: { limit: TEXT_MAX_CHARS, zh: '文本过长', en: 'the text is too long' },
  HTML_MAX_CHARS: { limit: HTML_MAX_CHARS, zh: '网页过大', en: 'the page is too large' },
} as const;

/** The InputError for a text (or a page's source) of more characters than its bound, or nothing. */
export function checkChars(name: string, chars: number, bound: keyof typeof SIZE_LIMITS = 'TEXT_MAX_CHARS'): void {
  const { limit, zh, en } = SIZE_LIMITS[bound];
  if (chars > limit) throw limitError(name, `${zh}（${chars} 个字符）`, `${en} (${chars} characters)`, bound, limit);
}

/**
 * The same bound on a file's bytes, before decoding them (decoding 95 MB of single-byte text takes over 500 MB):
 * a character is at most 4 bytes, and CRLF line ends become one, so more than 8 bytes a character is too many.
 */
export function checkBytes(name: string, bytes: number, bound: keyof typeof SIZE_LIMITS = 'TEXT_MAX_CHARS'): void {
  const { limit, zh, en } = SIZE_LIMITS[bound];
  if (bytes > 8 * limit)
    throw limitError(name, `${zh}（${bytes} 字节，在任何编码下都多于 ${limit} 个字符）`,
      `${en} (${bytes} bytes: more than ${limit} characters in any encoding)`, bound, limit);
}

/** Text: characters in one line, and cells one line may split into. */
export const TEXT_MAX_LINE_CHARS = 100_000;
export const TEXT_MAX_ROW_CELLS = 2_000;

/** The InputError for an exceeded limit: what was found, and the named limit. */
export function limitError(file: string, zh: string, en: string, limitName: string, limit: number): InputError {
  return new InputError(file, `${zh}，超过上限 ${limit}（${limitName}）`,
    `${en}, over the limit of ${limit} (${limitName})`, limitName);
}
