// The PDF decode bounds, enforced in our own code before pdf.js sees a byte: every Flate stream of the file is
// inflated once, counting its output and keeping none of it, against PDF_MAX_STREAM_BYTES per stream and
// PDF_MAX_DOCUMENT_BYTES over the document. A Flate bomb (one stream, or many pages each under the stream
// bound) is thus refused in a fraction of a second, whatever pdf.js version runs — the stock build included.
//
// Streams are found by their keyword, not through the object graph: after each `stream` + end of line, data
// that starts with a zlib header (what a /FlateDecode stream holds; other filters and raw content do not start
// so) is inflated up to its end marker. Object and xref streams are counted like the rest (pdf.js inflates them
// too). Not seen here: streams whose first filter is not Flate ([/ASCII85Decode /FlateDecode], LZW, RunLength),
// and encrypted streams. Those stay bounded by the second line, in pdf.js itself (pdfjs-patch.ts: the same two
// limits counted where every pdf.js decoder grows its buffer), which test/readers-pdfjs.test.ts requires to be
// applied.
import { createInflate, inflateSync } from 'node:zlib';
import { limitError, PDF_MAX_DOCUMENT_BYTES, PDF_MAX_STREAM_BYTES } from './limits.js';
import type { InputError } from '../errors.js';

/** Which bound a document went over. */
export type PdfBound = 'stream' | 'document';

/** The InputError for a PDF over one of its decode bounds (here or in pdf.js). */
export function pdfBoundError(name: string, bound: PdfBound): InputError {
  const [what, limit] = bound === 'document'
    ? ['PDF_MAX_DOCUMENT_BYTES', PDF_MAX_DOCUMENT_BYTES] as const
    : ['PDF_MAX_STREAM_BYTES', PDF_MAX_STREAM_BYTES] as const;
  return limitError(name, 'PDF 的数据流解压后过大，疑为压缩炸弹', 'a PDF stream decodes to too many bytes (a decompression bomb?)',
    what, limit);
}

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');
// output is counted, never kept: a chunk this size is what one inflate step holds at a time
const CHUNK = 256 * 1024;
// streams inflating to at most this are inflated at once, in this thread (most are small: one event-loop turn per
// stream would cost more than the inflating); a larger one is counted chunk by chunk, holding no more than CHUNK
const AT_ONCE = 2 * 1024 * 1024;

/** Whether two bytes are a zlib header with the deflate method and no preset dictionary (RFC 1950). */
function zlibHeader(b: Uint8Array, at: number): boolean {
  if (at + 1 >= b.length) return false;
  const cmf = b[at];
  const flg = b[at + 1];
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** The bytes a zlib stream inflates to, counting up to `cap` (cap + 1 when over it); broken data counts what came. */
function inflatedSize(data: Uint8Array, cap: number): number | Promise<number> {
  try {
    return inflateSync(data, { maxOutputLength: Math.min(cap, AT_ONCE) }).length;
  } catch {
    // over AT_ONCE, or broken (a broken stream is counted below, up to where it breaks)
  }
  return new Promise((resolve) => {
    let n = 0;
    const z = createInflate({ chunkSize: CHUNK });
    const done = () => {
      z.removeAllListeners('data');
      resolve(n);
    };
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        z.destroy();
        done();
      }
    });
    z.on('end', done);
    z.on('error', done); // pdf.js reads what a broken stream gives; so is it counted
    z.on('close', done);
    z.end(data);
  });
}

/**
 * The Flate streams of a PDF's bytes, inflated and counted; throws the InputError of PDF_MAX_STREAM_BYTES or
 * PDF_MAX_DOCUMENT_BYTES for a file over either.
 */
export async function checkPdfStreams(bytes: Uint8Array, name: string): Promise<void> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = b.indexOf(STREAM); at >= 0; at = b.indexOf(STREAM, at + STREAM.length)) {
    if (at >= 3 && b[at - 3] === 0x65 && b[at - 2] === 0x6e && b[at - 1] === 0x64) continue; // 'endstream'
    let start = at + STREAM.length;
    if (b[start] === 0x0d) start++;
    if (b[start] === 0x0a) start++;
    if (start === at + STREAM.length || !zlibHeader(b, start)) continue;
    const end = b.indexOf(END, start);
    const stop = end < 0 ? b.length : end;
    const cap = Math.min(PDF_MAX_STREAM_BYTES, PDF_MAX_DOCUMENT_BYTES - total);
    const size = await inflatedSize(b.subarray(start, stop), cap);
    if (size > cap)
      throw pdfBoundError(name, PDF_MAX_STREAM_BYTES <= PDF_MAX_DOCUMENT_BYTES - total ? 'stream' : 'document');
    total += size;
    at = stop;
  }
}
