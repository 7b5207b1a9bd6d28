// Reader dispatch: bytes → document model. The format is sniffed from the content (the extension only breaks
// ties); each format has one reader file.
import { readFileSync } from 'node:fs';
import type { GDocument } from '../document/model.js';
import { InputError } from '../errors.js';
import { looksTraditional, toSimplifiedChinese } from '../text/normalise.js';
import { decodeBytes } from './decode.js';
import { sniffFormat } from './sniff.js';
import { readText } from './text.js';
import { expandArchive, isArchive } from './zip.js';

export interface ReadResult { doc: GDocument; text: string; traditional: boolean }

/** Decode and read one report given as bytes. Throws InputError for input no reader can use. */
export async function readBytes(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const format = sniffFormat(bytes, name);
  if (format === 'html' || format === 'text') {
    const { text, encoding } = decodeBytes(bytes, name);
    const traditional = looksTraditional(text);
    // 繁体 is matched in 简体; the character-for-character conversion keeps positions valid
    const work = traditional ? toSimplifiedChinese(text) : text;
    // the HTML reader (cheerio, ~¼ s to load) is loaded only when an HTML file comes
    const doc = format === 'html' ? (await import('./html.js')).readHtml(work, name, encoding) : readText(work, name, encoding, /^#{1,6}\s/m.test(work) ? 'markdown' : 'text');
    return { doc, text, traditional };
  }
  if (format === 'pdf') return (await import('./pdf.js')).readPdfResult(bytes, name); // pdf.js loads only when needed
  if (format === 'zip' || ((format === 'docx' || format === 'xlsx') && isArchive(bytes, name))) {
    // an archive given as one report: read its only file; the CLI expands archives with expandFile()
    const files = expandArchive(bytes, name);
    if (files.length === 1) return readBytes(files[0].bytes, files[0].name);
    throw new InputError(name, `压缩包内有 ${files.length} 个文件，须逐个读取`, `the archive holds ${files.length} files; read them one by one`);
  }
  // office formats load their libraries only when needed
  if (format === 'docx') return (await import('./docx.js')).readDocxResult(bytes, name);
  if (format === 'xlsx') return (await import('./xlsx.js')).readXlsxResult(bytes, name);
  if (format === 'doc') return (await import('./doc.js')).readDocResult(bytes, name);
  throw new InputError(name, `不支持的文件类型（${format}）`, `unsupported file type (${format})`);
}

export async function readPath(path: string): Promise<ReadResult> {
  return readBytes(readInput(path), path);
}

/**
 * The reports one input file holds: itself, or the files of a ZIP archive (nested archives expanded, within the
 * limits of zip.ts), named `archive.zip/inner/name.docx`. Throws InputError for an unreadable file or a zip bomb.
 */
export function expandFile(path: string): { name: string; bytes: Uint8Array }[] {
  const bytes = readInput(path);
  return isArchive(bytes, path) ? expandArchive(bytes, path) : [{ name: path, bytes }];
}

function readInput(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(path, `无法读取文件：${(e as Error).message}`, `cannot read the file: ${(e as Error).message}`);
  }
  if (!bytes.length) throw new InputError(path, '文件为空', 'the file is empty');
  return bytes;
}
