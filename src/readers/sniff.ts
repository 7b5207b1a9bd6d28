// Format sniffing by content: magic bytes for PDF, OOXML (docx/xlsx), other zips and OLE (.doc); markup near the
// start for HTML; otherwise text if the bytes look like text. The file extension only breaks ties.
export type SniffedFormat = 'html' | 'text' | 'pdf' | 'docx' | 'xlsx' | 'zip' | 'doc' | 'unknown';

const HTML_START = /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|table[\s>]|meta\s|title[\s>])/i;
const HTML_EXT = /\.(x?html?|shtml|jsp|aspx?|php)$/i;
const TEXT_EXT = /\.(txt|text|md|markdown|csv|tsv)$/i;

/** Guess a file's format from its bytes; `name` (its path or file name) is used only to break ties. */
export function sniffFormat(bytes: Uint8Array, name: string): SniffedFormat {
  const ext = (/\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? '').toLowerCase();
  if (bytes.length === 0) return HTML_EXT.test(ext) ? 'html' : TEXT_EXT.test(ext) ? 'text' : 'unknown';

  if (Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).indexOf('%PDF-', 0, 'latin1') >= 0) return 'pdf';
  if (hasZipMagic(bytes)) return zipKind(bytes, ext);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(bytes, ext);

  const htmlExt = HTML_EXT.test(ext);
  // only an HTML extension's test reads past the first 2,048 characters
  const head = textHead(bytes, htmlExt ? 8192 : 2048);
  if (head === null) return 'unknown';
  if (HTML_START.test(head.length > 2048 ? head.slice(0, 2048) : head)) return 'html';
  // A fragment without <html>/<table> near the start: trust an HTML extension if it holds any tag.
  if (htmlExt && /<[a-z][a-z0-9]*[\s>/]/i.test(head)) return 'html';
  return 'text';
}

/** A local file header or an empty archive's end record: sniffFormat answers zip, docx or xlsx only for these. */
export function hasZipMagic(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0x50 || b[1] !== 0x4b) return false;
  return (b[2] === 0x03 && b[3] === 0x04) || (b[2] === 0x05 && b[3] === 0x06);
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((v, i) => b[i] === v);
}

function latin1(b: Uint8Array, from: number, to: number): string {
  const start = Math.max(0, from);
  return Buffer.from(b.buffer, b.byteOffset + start, Math.max(0, Math.min(b.length, to) - start)).toString('latin1');
}

/** Zip entry names are stored uncompressed in local headers and in the central directory at the end. */
function zipKind(b: Uint8Array, ext: string): SniffedFormat {
  const names = latin1(b, 0, 65536) + latin1(b, b.length - 65536, b.length);
  if (names.includes('[Content_Types].xml')) {
    if (names.includes('word/')) return 'docx';
    if (names.includes('xl/')) return 'xlsx';
    if (ext === '.docx') return 'docx';
    if (ext === '.xlsx') return 'xlsx';
  }
  return 'zip';
}

/** OLE compound file: Word's stream is named "WordDocument" (UTF-16LE in the directory). */
function oleKind(b: Uint8Array, ext: string): SniffedFormat {
  const all = latin1(b, 0, Math.min(b.length, 4 * 1024 * 1024));
  if (all.includes('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t')) return 'doc';
  if (all.includes('W\0o\0r\0k\0b\0o\0o\0k') || /\.(xls|ppt)$/.test(ext)) return 'unknown';
  return 'doc';
}

/**
 * The first few KiB as ASCII-compatible text (UTF-16 by BOM or NUL pattern), or null when the bytes do not look
 * like text (NUL bytes or many control characters). A single-byte head is checked on the bytes themselves (8 KiB
 * of them) and given as its first `chars` characters at most.
 */
function textHead(b: Uint8Array, chars: number): string | null {
  const n = Math.min(b.length, 8192);
  const le = (b[0] === 0xff && b[1] === 0xfe) || (b[1] === 0 && b[0] !== 0 && b[3] === 0);
  const be = (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] !== 0 && b[2] === 0);
  if (le || be) {
    const head = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(b.subarray(0, n - (n % 2)));
    const units = new Uint16Array(head.length);
    for (let i = 0; i < head.length; i++) units[i] = head.charCodeAt(i);
    return plausibleText(units, units.length) ? head.replace(/^\ufeff/, '').trimStart() : null;
  }
  if (!plausibleText(b, n)) return null;
  let start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  // leading whitespace, as trimStart() would drop it from the latin1 string
  while (start < n && (b[start] === 0x20 || (b[start] >= 0x09 && b[start] <= 0x0d) || b[start] === 0xa0)) start++;
  return latin1(b, start, Math.min(n, start + chars));
}

/**
 * Next to no NUL among the first `n` units (a stray one, as a bad copy leaves, is a text's; binary data has
 * many), and control characters under 5 %.
 */
function plausibleText(units: Uint8Array | Uint16Array, n: number): boolean {
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i];
    if (c === 0 && ++nul > Math.max(2, n / 2000)) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) control++;
  }
  return control <= n * 0.05;
}
