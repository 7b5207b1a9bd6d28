// The PDF reader: pdf.js (legacy build, in-process "fake" worker, CJK cMaps) gives each page's text items and
// operator list (pdf-page; vertical-font text: pdf-vertical); ruled tables are rebuilt from the drawn rules
// (pdf-grid, continued across pages by pdf-tables), the rest is laid out into lines, unruled tables and
// paragraphs (pdf-text, pdf-unruled, pdf-layout). Scanned pages (images, no text layer), undecodable text,
// encrypted, broken and over-long files are reported as InputError, or as notes when other pages are readable.
// Decode bombs are refused before pdf.js parses anything (pdf-bounds.ts), and counted again inside it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from './pdfjs.js';
import type { GDocument } from '../document/model.js';
import { InputError } from '../errors.js';
import { limitError, PDF_MAX_DOCUMENT_BYTES, PDF_MAX_PAGES, PDF_MAX_STREAM_BYTES } from './limits.js';
import { checkPdfStreams, pdfBoundError } from './pdf-bounds.js';
import { fillGrids, findGrids } from './pdf-grid.js';
import { dropChrome, layoutBlocks, type PageLayout } from './pdf-layout.js';
import { readPage, type PdfItem } from './pdf-page.js';
import { groupLines } from './pdf-text.js';

/** The decode bounds pdfjs-patch.ts reads from globalThis.gongkaiDecodeLimit. */
interface DecodeLimit { perStream: number; perDocument: number; total: number; exceeded: false | 'stream' | 'document' }

/** the most pages read from one file (limits.ts) */
export const MAX_PAGES = PDF_MAX_PAGES;
/** a page with fewer text characters than this, and an image, has no usable text layer */
const MIN_TEXT_CHARS = 10;
/** characters of a text layer that did not decode: private use, replacement, controls */
const UNDECODED = /[\ue000-\uf8ff\ufffd\u0000-\u001f]/g;

const pdfjsRoot = (() => {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
})();

async function open(bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdf.js may take ownership of the buffer: give it a copy
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    wasmUrl: join(pdfjsRoot, 'wasm') + '/',
    isEvalSupported: false,
    useSystemFonts: false,
    // Fonts are never rendered here. With font faces "disabled" (pdf.js's default in Node) the worker turns
    // every glyph drawn into a path for the canvas; with them enabled it sends each font to this thread to be
    // bound to the page (base64 into a CSS rule), which skipFontBinding turns off. Text and operators are
    // the same either way.
    disableFontFace: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    skipFontBinding(doc);
    return doc;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const err = e as { name?: string; message?: string };
    if (err.name === 'PasswordException')
      throw new InputError(name, 'PDF 文件已加密（需要密码），无法读取',
        'the PDF is encrypted (a password is required); it cannot be read');
    throw new InputError(name, `PDF 文件已损坏或不是有效的 PDF：${err.message ?? String(e)}`,
      `the PDF is broken or not a valid PDF: ${err.message ?? String(e)}`);
  }
}

/**
 * Make binding a font to the (absent) document a no-op. If pdf.js's internals ever change shape this does
 * nothing, and pdf.js, finding no document to bind to, falls back to glyph paths: slower, the same result.
 */
function skipFontBinding(doc: PDFDocumentProxy): void {
  const loader = (doc as unknown as { _transport?: { fontLoader?: { bind?: unknown } } })._transport?.fontLoader;
  if (loader && typeof loader.bind === 'function') loader.bind = async () => undefined;
}

const textOf = (items: PdfItem[]) => items.map((it) => it.text).join('').replace(/\s+/g, '');
const isGarbled = (text: string) => text.length >= MIN_TEXT_CHARS &&
  (text.match(UNDECODED) ?? []).length > 0.3 * text.length;

/**
 * Whether a page's drawn content is needed: a page whose text is too thin to tell a scan from a text page
 * (images decide), or undecodable, or with text written vertically or turned, or with any line whose text
 * stands in columns apart (a table row, ruled or not). A page of prose — every line one run — has no table
 * for rules to rebuild.
 */
export function mayHoldTable(items: PdfItem[], page: number): boolean {
  const text = textOf(items);
  if (text.length < MIN_TEXT_CHARS || isGarbled(text)) return true;
  if (items.some((it) => it.vertical || it.rotated)) return true;
  return groupLines(items, page).some((line) => line.runs.length > 1);
}

const pageList = (pages: number[]) => pages.join('、');
const pagesEn = (pages: number[]) => (pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`);
const have = (pages: number[]) => (pages.length === 1 ? 'has' : 'have');

/** Read a PDF report into the document model. Throws InputError for files that cannot be read. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<GDocument> {
  // the decode bounds, first in our code (every Flate stream counted), then inside pdf.js (pdfjs-patch.ts: the
  // other filters, and what pdf.js decodes again), for this document (documents are read one at a time)
  await checkPdfStreams(bytes, name);
  const limit: DecodeLimit = { perStream: PDF_MAX_STREAM_BYTES, perDocument: PDF_MAX_DOCUMENT_BYTES, total: 0,
    exceeded: false };
  (globalThis as { gongkaiDecodeLimit?: DecodeLimit }).gongkaiDecodeLimit = limit;
  const overLimit = () => pdfBoundError(name, limit.exceeded === 'document' ? 'document' : 'stream');
  let doc: PDFDocumentProxy;
  try {
    doc = await open(bytes, name);
  } catch (e) {
    delete (globalThis as { gongkaiDecodeLimit?: DecodeLimit }).gongkaiDecodeLimit;
    throw limit.exceeded ? overLimit() : e;
  }
  try {
    if (limit.exceeded) throw overLimit();
    if (doc.numPages > MAX_PAGES)
      throw limitError(name, `PDF 共 ${doc.numPages} 页`, `the PDF has ${doc.numPages} pages`,
        'PDF_MAX_PAGES', MAX_PAGES);
    const layouts: PageLayout[] = [];
    const scanned: number[] = [];
    const garbled: number[] = [];
    let textPages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let content;
      try {
        const page = await doc.getPage(n);
        content = await readPage(page, n, (items) => mayHoldTable(items, n));
        page.cleanup();
      } catch (e) {
        if (limit.exceeded) throw overLimit();
        throw new InputError(name, `PDF 第 ${n} 页无法解析：${(e as Error).message}`,
          `page ${n} of the PDF cannot be parsed: ${(e as Error).message}`);
      }
      if (limit.exceeded) throw overLimit();
      const text = textOf(content.items);
      if (isGarbled(text)) garbled.push(n);
      else if (text.length >= MIN_TEXT_CHARS || (text.length > 0 && !content.images)) textPages++;
      else if (content.images) scanned.push(n);
      if (garbled.includes(n)) content.items = [];
      const grids = findGrids(content);
      const rest = fillGrids(grids, content.items, content.height);
      layouts.push({ page: n, width: content.width, height: content.height, toUser: content.toUser, grids,
        lines: groupLines(rest, n) });
    }
    if (!textPages) {
      if (scanned.length)
        throw new InputError(name, `扫描件：第${pageList(scanned)}页没有文字层，无法读取数字（需先OCR）`,
          `scanned PDF: ${pagesEn(scanned)} ${have(scanned)} no text layer; the numbers cannot be read (OCR it first)`);
      if (garbled.length)
        throw new InputError(name, `PDF 的文字层无法解码（第${pageList(garbled)}页字体缺少编码信息），无法读取数字`,
          `the PDF's text layer cannot be decoded (fonts without encoding on ${pagesEn(garbled)}); ` +
            'the numbers cannot be read');
      throw new InputError(name, 'PDF 没有任何文字', 'the PDF contains no text');
    }
    const notes: GDocument['notes'] = [];
    if (scanned.length)
      notes.push({
        code: 'pdf.scanned-pages',
        message: `扫描件：第${pageList(scanned)}页没有文字层，这些页上的内容无法读取（需先OCR）`,
        messageEn: `scanned pages: ${pagesEn(scanned)} ${have(scanned)} no text layer; ` +
          'their content cannot be read (OCR them first)',
        pos: { line: 1, column: 1, page: scanned[0] },
      });
    if (garbled.length)
      notes.push({
        code: 'pdf.undecodable-pages',
        message: `第${pageList(garbled)}页的文字无法解码（字体缺少编码信息），这些页上的内容无法读取`,
        messageEn: `the text of ${pagesEn(garbled)} cannot be decoded (fonts without encoding); ` +
          'their content cannot be read',
        pos: { line: 1, column: 1, page: garbled[0] },
      });
    dropChrome(layouts);
    const blocks = layoutBlocks(layouts);
    const shape = layouts.some((p) => p.grids.length) ? 'pdf-ruled' : 'pdf-unruled';
    return { source: { name, format: 'pdf', shape, encoding: 'unicode' }, blocks, notes };
  } finally {
    delete (globalThis as { gongkaiDecodeLimit?: DecodeLimit }).gongkaiDecodeLimit;
    await doc.destroy().catch(() => undefined);
  }
}

/** The document as text, one line per position line: headings and paragraphs whole, table rows tab-separated. */
export function pdfText(doc: GDocument): string {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') for (const r of b.rows) lines.push(r.cells.map((c) => c.text).join('\t'));
    else lines.push(b.text);
  }
  return lines.join('\n');
}
