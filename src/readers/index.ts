// Reader dispatch: bytes → document model. The format is sniffed from the content (the extension only breaks
// ties); each format has one reader file.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Block, GDocument } from '../document/model.js';
import { InputError } from '../errors.js';
import { looksTraditional, toSimplifiedChinese } from '../text/traditional.js';
import { decodeBytes } from './decode.js';
import { checkBytes, checkChars, limitError, maxInputBytes } from './limits.js';
import { sniffFormat, type SniffedFormat } from './sniff.js';
import { readText } from './text.js';
import { joinCellLines } from './text-cell-lines.js';
import { restoreLineBreaks } from './text-runon.js';
import { expandArchive, isArchive } from './zip.js';

export interface ReadResult { doc: GDocument; text: string; traditional: boolean }

/** The formats a reader exists for (sniffFormat's answers other than 'zip' and 'unknown'). */
export type ReaderFormat = Exclude<SniffedFormat, 'zip' | 'unknown'>;

/** A reader: bytes → the document model and the text its positions refer to (as printed). */
export type Reader = (bytes: Uint8Array, name: string) => Promise<{ doc: GDocument; text: string }>;

/**
 * The reader registry: one entry per format. Each library loads only when its format comes (parse5 for HTML,
 * ~50 ms where cheerio took ~¼ s; pdf.js, exceljs, cheerio for DOCX, word-extractor). The CLI and the API read
 * through readBytes, which picks from here.
 */
export const READERS: Record<ReaderFormat, Reader> = {
  text: async (bytes, name) => {
    checkBytes(name, bytes.length);
    const decoded = decodeText(bytes, name);
    checkChars(name, decoded.text.length); // before the text reader, whose time and memory grow with it
    // a text that lost its line breaks gets them back first (text-runon.ts); offsets stay those of the source
    const runOn = restoreLineBreaks(decoded.text);
    // a table whose cells and tabs stand on lines of their own gets its rows back on one line each (the same way)
    const cellLines = joinCellLines(runOn?.text ?? decoded.text);
    const text = cellLines?.text ?? runOn?.text ?? decoded.text;
    const notes = [...decoded.notes];
    if (runOn) notes.push(runOnNote(runOn.breaks));
    if (cellLines) notes.push(cellLinesNote(cellLines.rows));
    const doc = readText(text, name, decoded.encoding, isMarkdown(text) ? 'markdown' : 'text');
    return { doc: documentOf(doc.source, doc.blocks, [...notes, ...doc.notes]), text };
  },
  html: async (bytes, name) => {
    checkBytes(name, bytes.length, 'HTML_MAX_CHARS');
    const { text, encoding, notes } = decodeText(bytes, name);
    checkChars(name, text.length, 'HTML_MAX_CHARS'); // before the parser, whose time and memory grow with it
    const doc = (await import('./html.js')).readHtml(text, name, encoding);
    return { doc: documentOf(doc.source, doc.blocks, [...notes, ...doc.notes]), text };
  },
  pdf: async (bytes, name) => {
    const pdf = await import('./pdf.js');
    const doc = await pdf.readPdf(bytes, name);
    return { doc, text: pdf.pdfText(doc) };
  },
  docx: async (bytes, name) => (await import('./docx.js')).readDocx(bytes, name),
  xlsx: async (bytes, name) => (await import('./xlsx.js')).readXlsx(bytes, name),
  doc: async (bytes, name) => (await import('./doc.js')).readDoc(bytes, name),
};

type Note = GDocument['notes'][number];

const runOnNote = (breaks: number): Note => ({ code: 'text.run-on',
  message: `文本缺少换行，已在${breaks}处按报告结构恢复换行；行号、列号按恢复后的行计，字符位置不变`,
  messageEn: `the text had lost its line breaks: ${breaks} restored where the report's structure had them; line ` +
    'and column numbers count the restored lines, character offsets are unchanged' });

const cellLinesNote = (rows: number): Note => ({ code: 'text.cell-lines',
  message: `表格的单元格各占一行（网页文本），已将${rows}行表格各自合为一行；行号、列号按合并后的行计，字符位置不变`,
  messageEn: `the tables' cells stood on lines of their own (a page's text): ${rows} ` +
    'rows joined onto one line each; line and column numbers count the joined lines, character offsets are ' +
    'unchanged' });

/**
 * A document as one object literal. Not `{ ...doc, notes }`: V8 gave the spread copies of a batch two hidden classes
 * (the copy's class changed after the first dozen reports), so every reader of a document met two shapes where a
 * literal gives one (an optimised reader that has seen one deoptimises on the other).
 */
function documentOf(source: GDocument['source'], blocks: Block[], notes: Note[]): GDocument {
  return { source, blocks, notes };
}

/**
 * A Markdown heading at the start of some line. Most reports hold no '#': one native search answers for them, where
 * the multiline regex tried every line start of the text (a percent of a `parse --json` batch).
 */
function isMarkdown(text: string): boolean {
  return text.includes('#') && /^#{1,6}\s/m.test(text);
}

/**
 * decodeBytes, with what a partial decoding lost said: byte runs the encoding could not decode, and stray NUL
 * characters (dropped, so a valid report with one bad byte still reads).
 */
function decodeText(bytes: Uint8Array, name: string): { text: string; encoding: string; notes: Note[] } {
  const decoded = decodeBytes(bytes, name);
  const notes: Note[] = [];
  if (decoded.lost) notes.push(lossNote(decoded.lost, decoded.encoding));
  if (!decoded.text.includes('\0')) return { ...decoded, notes };
  notes.push(strayNuls(decoded.text));
  return { text: decoded.text.replaceAll('\0', ''), encoding: decoded.encoding, notes };
}

/** The note for byte runs the encoding could not decode: the rest of the text was read. */
function lossNote(lost: { runs: number; line: number }, encoding: string): Note {
  return {
    code: 'decode.undecodable-bytes',
    message: `有 ${lost.runs} 处字节无法按 ${encoding} 解码（首处在第 ${lost.line} 行），`
      + '已显示为 �，其中的文字已丢失；其余内容照常读取',
    messageEn: `${lost.runs} byte run(s) do not decode as ${encoding} (the first on line ${lost.line}); `
      + 'shown as �, their text is lost; the rest was read',
    pos: { line: lost.line, column: 1 },
  };
}

/** The note for NUL characters dropped from a text. */
function strayNuls(text: string): Note {
  const first = text.indexOf('\0');
  const line = text.slice(0, first).split('\n').length;
  const count = text.split('\0').length - 1;
  return {
    code: 'decode.stray-nul',
    message: `文本中有 ${count} 个空字符（NUL，首个在第 ${line} 行），已删除；其余内容照常读取`,
    messageEn: `${count} NUL character(s) in the text (the first on line ${line}) were removed; the rest was read`,
    pos: { line, column: 1 },
  };
}

/**
 * The 繁体 step, once for every reader: a document printed in 繁体 is matched in 简体, converted character for
 * character (positions stay valid); `text` stays as printed, for quoting.
 */
function simplifiedOnce(doc: GDocument, text: string): ReadResult {
  if (!looksTraditional(text)) return { doc, text, traditional: false };
  const f = toSimplifiedChinese;
  const blocks = doc.blocks.map((b): Block =>
    b.kind === 'table'
      ? { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, text: f(c.text) })) })) }
      : { ...b, text: f(b.text) });
  return { doc: documentOf(doc.source, blocks, doc.notes), text, traditional: true };
}

/** The characters of a document's blocks (for HTML: the page's text, not its markup). */
function documentChars(doc: GDocument): number {
  let n = 0;
  for (const b of doc.blocks) {
    if (b.kind !== 'table') n += b.text.length;
    else for (const r of b.rows) for (const c of r.cells) n += c.text.length;
  }
  return n;
}

function isReaderFormat(format: SniffedFormat): format is ReaderFormat {
  return Object.hasOwn(READERS, format);
}

/** Decode and read one report given as bytes. Throws InputError for input no reader can use. */
export async function readBytes(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const format = sniffFormat(bytes, name);
  if (format === 'zip' || ((format === 'docx' || format === 'xlsx') && isArchive(bytes, name))) {
    // an archive given as one report: read its only file; the CLI expands archives with expandFile()
    const files = expandArchive(bytes, name);
    if (files.length === 1) return readBytes(files[0].bytes, files[0].name);
    throw new InputError(name, `压缩包内有 ${files.length} 个文件，须逐个读取`,
      `the archive holds ${files.length} files; read them one by one`);
  }
  if (!isReaderFormat(format)) throw new InputError(name, `不支持的文件类型（${format}）`, `unsupported file type (${format})`);
  const { doc, text } = await READERS[format](bytes, name);
  checkChars(name, documentChars(doc)); // what the recogniser is given, from any format
  return simplifiedOnce(doc, text);
}

export async function readPath(path: string): Promise<ReadResult> {
  return readBytes(readInput(path), path);
}

/**
 * The reports one input file holds: itself, or the files of a ZIP archive (nested archives expanded, within the
 * limits of zip.ts), named `archive.zip/inner/name.docx`. Throws InputError for an unreadable file or a zip bomb.
 */
export function expandFile(path: string, cap = maxInputBytes()): { name: string; bytes: Uint8Array }[] {
  const bytes = readInput(path, cap);
  return isArchive(bytes, path) ? expandArchive(bytes, path) : [{ name: path, bytes }];
}

/**
 * One input file's bytes. Only a regular file is read (a FIFO would block for ever, a device never ends, a
 * socket is no file): it is opened without blocking and checked by fstat, and its size is checked against the
 * cap before a byte is read.
 */
export function readInput(path: string, cap = maxInputBytes()): Uint8Array {
  const cannot = (e: unknown) => {
    const [zh, en] = systemReason(e);
    return new InputError(path, `无法读取文件：${zh}`, `cannot read the file: ${en}`);
  };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw cannot(e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(path, '这是目录，不是文件', 'this is a directory, not a file');
    if (!st.isFile()) {
      const kind = st.isFIFO() ? ['命名管道', 'a named pipe'] : st.isSocket() ? ['套接字', 'a socket'] : ['设备文件', 'a device'];
      throw new InputError(path, `不是普通文件（${kind[0]}），不予读取`, `not a regular file (${kind[1]}); it is not read`);
    }
    if (st.size > cap)
      throw limitError(path, `文件过大（${st.size} 字节）`,
        `the file is too large (${st.size} bytes)`, 'GONGKAI_MAX_INPUT_BYTES', cap);
    if (st.size === 0) throw new InputError(path, '文件为空', 'the file is empty');
    const bytes = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break; // the file shrank while being read: what is there is read
      got += n;
    }
    return got === bytes.length ? bytes : bytes.subarray(0, got);
  } catch (e) {
    throw e instanceof InputError ? e : cannot(e);
  } finally {
    closeSync(fd);
  }
}

/** The reason of a system error in Chinese and English, without its code and path: "no such file or directory". */
export function systemReason(e: unknown): [string, string] {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, [string, string]> = {
    ENOENT: ['文件不存在', 'no such file or directory'], EACCES: ['没有读取权限', 'permission denied'],
    EPERM: ['没有读取权限', 'permission denied'], EISDIR: ['这是目录', 'is a directory'],
    ELOOP: ['符号链接循环', 'symbolic link loop'], ENOTDIR: ['路径中有一段不是目录', 'a part of the path is not a directory'],
  };
  const message = err.message ?? String(e);
  return (err.code ? known[err.code] : undefined) ?? [message, message];
}
