// The legacy Word (.doc, OLE compound file) reader: word-extractor gives the body text, in which every table cell
// ends with a tab but row ends are kept only sometimes (a row mark may come out as a tab, a newline or nothing)
// and a cell's own paragraphs break its text into lines. Rows therefore cannot be trusted: the text is read one
// cell per line (the text reader's cell-per-line shape), where each row label is followed by its values in order
// (blank cells are lost, as in any one-cell-per-line source). A document without any table cell gets a note.
import { createRequire } from 'node:module';
import type { GDocument } from '../document/model.js';
import { InputError } from '../errors.js';
import { readText } from './text.js';

/** The part of word-extractor this reader uses (the package ships no types). */
interface WordDocument { getBody(options?: { filterUnicode?: boolean }): string }
interface WordExtractorClass { new (): { extract(source: Buffer | string): Promise<WordDocument> } }

function extractor(): WordExtractorClass {
  return createRequire(import.meta.url)('word-extractor') as WordExtractorClass;
}

/** Body text of a .doc file. Throws InputError when the file cannot be read as Word 97–2003. */
export async function docText(bytes: Uint8Array, name: string): Promise<string> {
  const Extractor = extractor();
  try {
    const doc = await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new InputError(name, `无法读取 Word 97-2003（.doc）文件，文件可能已损坏：${(e as Error).message}`,
      `cannot read the Word 97-2003 (.doc) file; it may be damaged: ${(e as Error).message}`);
  }
}

/** The extracted text as the text reader's input: one table cell per line; whether any table cell was seen. */
export function docTextLines(body: string): { text: string; cells: number } {
  const normalised = body.replace(/\r\n?/g, '\n').replace(/\u000b/g, '\n');
  const cells = (normalised.match(/\t/g) ?? []).length;
  return { text: normalised.replace(/\t/g, '\n').replace(/\n{3,}/g, '\n\n'), cells };
}

/** Read .doc bytes into the document model (through the text reader) and the text its lines refer to. */
export async function readDoc(bytes: Uint8Array, name: string): Promise<{ doc: GDocument; text: string }> {
  const { text, cells } = docTextLines(await docText(bytes, name));
  if (!text.trim()) throw new InputError(name, '.doc 文件中没有可读的文字', 'the .doc file holds no readable text');
  const read = readText(text, name, 'utf-16le', 'doc');
  const doc: GDocument = { ...read, source: { ...read.source,
    shape: cells > 0 ? 'cell-per-line' : read.source.shape } };
  if (cells === 0)
    doc.notes.push({
      code: 'doc.no-table',
      message: '未能从 .doc 文件中恢复任何表格：文件中没有表格单元格，表格数值只能从正文文字中读取',
      messageEn: 'no table could be recovered from the .doc file: it holds no table cells, ' +
        'so table values can only be read from its running text',
    });
  return { doc, text };
}
