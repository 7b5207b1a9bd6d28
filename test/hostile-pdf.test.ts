// The PDF bounds of src/readers/limits.ts, each with a file crafted here: PDF_MAX_STREAM_BYTES and
// PDF_MAX_DOCUMENT_BYTES enforced in our code before pdf.js runs (pdf-bounds.ts), and again inside pdf.js for a
// stream the scan cannot see (pdfjs-patch.ts); PDF_MAX_PAGES. Each refusal is an InputError naming the file and
// the limit; a file just under a bound is read.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, constants as Z } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { PDF_MAX_DOCUMENT_BYTES, PDF_MAX_PAGES, PDF_MAX_STREAM_BYTES } from '../src/readers/limits.js';
import { checkPdfStreams } from '../src/readers/pdf-bounds.js';
import { readPdf } from '../src/readers/pdf.js';

const MIB = 1 << 20;

/**
 * A zlib stream of `n` zero bytes (n a multiple of 1 MiB), about 1 KiB per MiB: one fully flushed deflate
 * segment of 1 MiB repeated, an empty final block, the Adler-32 of n zeros (a = 1, b = n mod 65521).
 */
function zeros(n: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MIB), { finishFlush: Z.Z_FULL_FLUSH });
  const b = n % 65521;
  const adler = Buffer.from([(b >>> 8) & 0xff, b & 0xff, 0, 1]);
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array<Buffer>(n / MIB).fill(segment),
    Buffer.from([0x03, 0x00]), adler]);
}

/** A PDF with one page per content stream (each given with its filter), a correct xref table. */
function pdf(pages: { data: Buffer; filter: string }[]): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const add = (b: Buffer) => {
    parts.push(b);
    size += b.length;
  };
  const obj = (n: number, body: Buffer | string) => {
    offsets[n] = size;
    add(Buffer.from(`${n} 0 obj\n`));
    add(Buffer.isBuffer(body) ? body : Buffer.from(body));
    add(Buffer.from('\nendobj\n'));
  };
  add(Buffer.from('%PDF-1.4\n'));
  const ids = pages.map((_, i) => 3 + 2 * i);
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Kids [${ids.map((n) => `${n} 0 R`).join(' ')}] /Count ${ids.length} >>`);
  pages.forEach((p, i) => {
    obj(ids[i], `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${ids[i] + 1} 0 R /Resources << >> >>`);
    const filter = p.filter ? ` /Filter ${p.filter}` : '';
    obj(ids[i] + 1, Buffer.concat([Buffer.from(`<< /Length ${p.data.length}${filter} >>\nstream\n`), p.data,
      Buffer.from('\nendstream')]));
  });
  const xref = size;
  const n = offsets.length;
  const rows = offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  add(Buffer.from(
    `xref\n0 ${n}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${n} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

const flate = (data: Buffer) => ({ data, filter: '/FlateDecode' });

/** The InputError a promise rejects with (and that it rejects with one). */
async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

describe('PDF decode bounds in our code, before pdf.js (pdf-bounds.ts)', () => {
  it('PDF_MAX_STREAM_BYTES: one Flate stream inflating past it', async () => {
    const e = await inputError(checkPdfStreams(pdf([flate(zeros(PDF_MAX_STREAM_BYTES + MIB))]), 'one.pdf'));
    expect([e.file, e.limit]).toEqual(['one.pdf', 'PDF_MAX_STREAM_BYTES']);
    expect(e.problemEn).toMatch(new RegExp(`decodes to too many bytes.*over the limit of ${PDF_MAX_STREAM_BYTES}`));
  });

  it('a stream of exactly PDF_MAX_STREAM_BYTES passes', async () => {
    await expect(checkPdfStreams(pdf([flate(zeros(PDF_MAX_STREAM_BYTES))]), 'edge.pdf')).resolves.toBeUndefined();
  });

  it('PDF_MAX_DOCUMENT_BYTES: pages each under the stream bound, together over the document bound', async () => {
    const page = flate(zeros(PDF_MAX_STREAM_BYTES - MIB));
    const count = Math.floor(PDF_MAX_DOCUMENT_BYTES / (PDF_MAX_STREAM_BYTES - MIB)) + 1;
    const e = await inputError(checkPdfStreams(pdf(Array(count).fill(page)), 'pages.pdf'));
    expect([e.file, e.limit]).toEqual(['pages.pdf', 'PDF_MAX_DOCUMENT_BYTES']);
    // one page fewer is within both bounds
    await expect(checkPdfStreams(pdf(Array(count - 1).fill(page)), 'fewer.pdf')).resolves.toBeUndefined();
  });

  it('readPdf refuses a bomb before pdf.js parses it', async () => {
    const e = await inputError(readPdf(pdf([flate(zeros(PDF_MAX_STREAM_BYTES + MIB))]), 'bomb.pdf'));
    expect(e.limit).toBe('PDF_MAX_STREAM_BYTES');
  });
});

describe('PDF decode bounds inside pdf.js (pdfjs-patch.ts), for streams the scan does not inflate', () => {
  it('PDF_MAX_STREAM_BYTES: a Flate bomb behind /ASCIIHexDecode', async () => {
    const hex = Buffer.from(`${zeros(PDF_MAX_STREAM_BYTES + MIB).toString('hex')}>`);
    const file = pdf([{ data: hex, filter: '[/ASCIIHexDecode /FlateDecode]' }]);
    await expect(checkPdfStreams(file, 'hex.pdf')).resolves.toBeUndefined(); // the scan cannot see it…
    const e = await inputError(readPdf(file, 'hex.pdf')); // …pdf.js counts it
    expect([e.file, e.limit]).toEqual(['hex.pdf', 'PDF_MAX_STREAM_BYTES']);
  });
});

describe('PDF_MAX_PAGES', () => {
  const text = (s: string) => ({ data: Buffer.from(`BT /F1 12 Tf 72 720 Td (${s}) Tj ET`), filter: '' });

  it('a file of more pages is refused, naming the limit', async () => {
    const e = await inputError(readPdf(pdf(Array(PDF_MAX_PAGES + 1).fill(text('x'))), 'long.pdf'));
    expect([e.file, e.limit]).toEqual(['long.pdf', 'PDF_MAX_PAGES']);
    expect(e.problemEn).toMatch(new RegExp(`${PDF_MAX_PAGES + 1} pages.*over the limit of ${PDF_MAX_PAGES}`));
  });
});

// The scan runs whatever pdf.js build is loaded: with the stock build (no patch, no bounds inside pdf.js), a
// six-page bomb is still refused, by the built CLI, in a child process under a heap cap and a guard.
describe('the bounds hold with the stock pdf.js', () => {
  const MAIN = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
  it.skipIf(!existsSync(MAIN))('GONGKAI_PDFJS_STOCK=1: a document bomb is one clear line, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-bounds-'));
    try {
      const p = join(dir, 'bombs.pdf');
      writeFileSync(p, pdf(Array(6).fill(flate(zeros(PDF_MAX_STREAM_BYTES - MIB)))));
      const r = spawnSync(process.execPath, ['--max-old-space-size=512', MAIN, 'parse', p], {
        encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL', env: { ...process.env, GONGKAI_PDFJS_STOCK: '1' },
      });
      expect(r.signal).toBeNull();
      expect(r.stderr).toMatch(/bombs\.pdf: .*decodes to too many bytes.*PDF_MAX_DOCUMENT_BYTES/);
      expect(r.status).toBe(2);
      expect(readFileSync(p).length).toBeLessThan(PDF_MAX_STREAM_BYTES / 100); // a crafted file, not a big one
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
