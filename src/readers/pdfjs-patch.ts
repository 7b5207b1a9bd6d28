// Speed patches to pdf.js's worker code (pdfjs-dist 5.6.205, legacy build), applied to its source text when it
// is loaded (pdfjs.ts). Same results, computed faster; if any text a patch replaces is not found exactly once
// (another pdf.js version), nothing is patched and the stock code runs. test/readers-pdfjs.test.ts runs each
// patched function against the stock one, and patched pdf.js against stock pdf.js on the fixtures.
//
// 1. sanitizeGlyphLocations (TrueType loca/glyf repair, run for every embedded TrueType font of every document):
// CJK fonts as Word and WPS embed them are "subsets" that keep all ~29,000 glyph slots, most of them empty.
// pdf.js builds an object per slot, sorts the objects by offset and back by index, and records empty slots as
// keys of a dictionary object — a sixth of all the time spent reading such a PDF, and much garbage. The patch
// keeps the offsets in typed arrays, skips the sorts when the offsets are already in order (a valid loca
// table; otherwise it sorts an index list the same way: by offset, ties by index, as the stable sort did) and
// records empty slots in a Uint8Array (read only as `!missingGlyphs[glyphId]`, which gives the same answer).
// A font with no glyphs fails as before (the stock code throws reading `locaEntries.at(-2).offset`).
//
// 2. Deflate streams (content streams, fonts, CMaps): pdf.js pipes each through a web DecompressionStream, whose
// zlib work runs on the thread pool and comes back through several promise turns per chunk; for the many small
// streams of a PDF the waiting and the stream machinery cost more than the inflating. The patch inflates with
// zlib.inflateSync — the same zlib, the same errors (truncated data, bad checksum, bad header: all fall back to
// pdf.js's own decoder, as before), the same bytes. The result is handed over as a view of zlib's buffer when
// that buffer is its own (a large output: copying tens of MB cost as much as inflating them), else copied (a
// small output may sit in Node's shared pool, whose memory pdf.js must not be given).
//
// 2b. Bounds (not for speed): with globalThis.gongkaiDecodeLimit set (readers/pdf.ts sets it for each document
// it reads), the inflating above is capped by zlib's maxOutputLength, and DecodeStream.ensureBuffer — where every
// pdf.js decoder (Flate, LZW, ASCII85, …) grows its output — counts what it allocates against a per-stream and a
// per-document bound. Going over either marks the limit `exceeded` (with which) and ends that stream (pdf.js, which
// tolerates broken streams, goes on; the reader then refuses the document). Without the global, nothing changes.
//
// 3. TextState.clone (text extraction; every q operator saves the text state): the stock clone is an object whose
// prototype is the state it copies, with that state's properties copied onto it. Each copy thus has a map of
// its own and turns the original into a prototype, so every property access in text extraction is megamorphic
// and the copying itself slow. The patch makes the copy a plain TextState with the same properties. Nothing is
// looked up through the chain: every TextState property is a class field (so the copy has them all as its own)
// and is only ever assigned, never added, and only on the current state.

interface Patch { name: string; find: string; replace: string }

const PATCHES: Patch[] = [
  {
    name: 'sanitizeGlyphLocations: typed arrays, no sorts for an ordered loca table',
    find: `      let i, j;
      const locaEntries = [];
      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {
        let offset = itemDecode(locaData, j);
        if (offset > oldGlyfDataLength) {
          offset = oldGlyfDataLength;
        }
        locaEntries.push({
          index: i,
          offset,
          endOffset: 0
        });
      }
      locaEntries.sort((a, b) => a.offset - b.offset);
      for (i = 0; i < numGlyphs; i++) {
        locaEntries[i].endOffset = locaEntries[i + 1].offset;
      }
      locaEntries.sort((a, b) => a.index - b.index);
      for (i = 0; i < numGlyphs; i++) {
        const {
          offset,
          endOffset
        } = locaEntries[i];
        if (offset !== 0 || endOffset !== 0) {
          break;
        }
        const nextOffset = locaEntries[i + 1].offset;
        if (nextOffset === 0) {
          continue;
        }
        locaEntries[i].endOffset = nextOffset;
        break;
      }
      const last = locaEntries.at(-2);
      if (last.offset !== 0 && last.endOffset === 0) {
        last.endOffset = oldGlyfDataLength;
      }
      const missingGlyphs = Object.create(null);
      let writeOffset = 0;
      itemEncode(locaData, 0, writeOffset);
      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
        const glyphProfile = sanitizeGlyph(oldGlyfData, locaEntries[i].offset, locaEntries[i].endOffset, newGlyfData, writeOffset, hintsValid);
        const newLength = glyphProfile.length;
        if (newLength === 0) {
          missingGlyphs[i] = true;
        }`,
    replace: `      let i, j;
      if (!(numGlyphs >= 1)) {
        throw new TypeError("Cannot read properties of undefined (reading 'offset')");
      }
      const locaOffsets = new Int32Array(numGlyphs + 1);
      const locaEnds = new Int32Array(numGlyphs + 1);
      let locaInOrder = true;
      for (i = 0, j = 0; i < numGlyphs + 1; i++, j += itemSize) {
        let offset = itemDecode(locaData, j);
        if (offset > oldGlyfDataLength) {
          offset = oldGlyfDataLength;
        }
        locaOffsets[i] = offset;
        if (i > 0 && offset < locaOffsets[i - 1]) {
          locaInOrder = false;
        }
      }
      if (locaInOrder) {
        for (i = 0; i < numGlyphs; i++) {
          locaEnds[i] = locaOffsets[i + 1];
        }
      } else {
        const order = Array.from(locaOffsets.keys()).sort((a, b) => locaOffsets[a] - locaOffsets[b] || a - b);
        for (i = 0; i < numGlyphs; i++) {
          locaEnds[order[i]] = locaOffsets[order[i + 1]];
        }
      }
      for (i = 0; i < numGlyphs; i++) {
        if (locaOffsets[i] !== 0 || locaEnds[i] !== 0) {
          break;
        }
        const nextOffset = locaOffsets[i + 1];
        if (nextOffset === 0) {
          continue;
        }
        locaEnds[i] = nextOffset;
        break;
      }
      if (locaOffsets[numGlyphs - 1] !== 0 && locaEnds[numGlyphs - 1] === 0) {
        locaEnds[numGlyphs - 1] = oldGlyfDataLength;
      }
      const missingGlyphs = new Uint8Array(numGlyphs);
      let writeOffset = 0;
      itemEncode(locaData, 0, writeOffset);
      for (i = 0, j = itemSize; i < numGlyphs; i++, j += itemSize) {
        const glyphProfile = sanitizeGlyph(oldGlyfData, locaOffsets[i], locaEnds[i], newGlyfData, writeOffset, hintsValid);
        const newLength = glyphProfile.length;
        if (newLength === 0) {
          missingGlyphs[i] = 1;
        }`,
  },
  {
    name: 'deflate streams: zlib in this thread rather than a DecompressionStream',
    find: `  async asyncGetBytesFromDecompressionStream(name) {
    this.stream.reset();
    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    try {`,
    replace: `  async asyncGetBytesFromDecompressionStream(name) {
    this.stream.reset();
    const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    if (name === "deflate") {
      const limit = globalThis.gongkaiDecodeLimit;
      try {
        const out = process.getBuiltinModule("zlib").inflateSync(bytes, limit ? {
          maxOutputLength: Math.max(1, Math.min(limit.perStream, limit.perDocument - limit.total))
        } : undefined);
        if (limit) limit.total += out.length;
        return {
          decompressed: out.byteOffset === 0 && out.length === out.buffer.byteLength
            ? new Uint8Array(out.buffer) : new Uint8Array(out),
          compressed: bytes
        };
      } catch (e) {
        if (limit && e?.code === "ERR_BUFFER_TOO_LARGE") {
          limit.exceeded = limit.perDocument - limit.total < limit.perStream ? "document" : "stream";
          return {
            decompressed: new Uint8Array(0),
            compressed: bytes
          };
        }
        return {
          decompressed: null,
          compressed: bytes
        };
      }
    }
    try {`,
  },
  {
    name: 'decoded streams: bounded per stream and per document',
    find: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }`,
    replace: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }
    const limit = globalThis.gongkaiDecodeLimit;
    if (limit) {
      limit.total += requested - buffer.byteLength;
      if (requested > limit.perStream || limit.total > limit.perDocument) {
        limit.exceeded = requested > limit.perStream ? "stream" : "document";
        throw new Error("decoded stream over its limit");
      }
    }`,
  },
  {
    name: 'TextState.clone: a plain copy, not an object inheriting from the state it copies',
    find: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
    replace: `  clone() {
    const clone = Object.assign(Object.create(TextState.prototype), this);
    clone.textMatrix = this.textMatrix.slice();`,
  },
];

/** The worker source with every patch applied, or null when any patch does not fit this source exactly once. */
export function patchWorker(source: string): string | null {
  let out = source;
  for (const p of PATCHES) {
    const at = out.indexOf(p.find);
    if (at < 0 || out.indexOf(p.find, at + 1) >= 0) return null;
    out = out.slice(0, at) + p.replace + out.slice(at + p.find.length);
  }
  return out;
}
