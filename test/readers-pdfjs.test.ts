// Loading pdf.js through src/readers/pdfjs.ts. Its legacy build replaces some working built-ins with slower
// core-js polyfills (Array.prototype.push, JSON.parse/stringify, Function.prototype.toString); they are put
// back, while what pdf.js adds for Node 20 stays (a file of its own: the built-ins are taken before anything
// here loads pdf.js). The speed patches to its worker (src/readers/pdfjs-patch.ts) compute what the stock code
// computes: each patched function against the stock one, cut out of pdf.js's source, and the whole of it
// against stock pdf.js on the fixtures.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { patchWorker } from '../src/readers/pdfjs-patch.js';

const before = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

describe('loading pdf.js', () => {
  it('leaves the replaced built-ins native and keeps the added ones', async () => {
    const pdfjs = await import('../src/readers/pdfjs.js');
    expect(typeof pdfjs.getDocument).toBe('function');
    expect(typeof pdfjs.OPS.constructPath).toBe('number');
    expect(Array.prototype.push).toBe(before.push);
    expect(JSON.parse).toBe(before.parse);
    expect(JSON.stringify).toBe(before.stringify);
    expect(Function.prototype.toString).toBe(before.toString);
    expect(typeof (Promise as unknown as { withResolvers: unknown }).withResolvers).toBe('function');
    // the worker code is loaded once, in this thread, for every document
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } })
      .pdfjsWorker?.WorkerMessageHandler).toBeDefined();
  });
});

// sanitizeGlyphLocations (with sanitizeGlyph and the byte helpers they call), both versions run on the same
// generated loca/glyf tables: offsets in order, out of order, repeated, zero, past the end; short and long loca;
// with and without the duplicated first entry; and no glyphs at all (both throw). The deflate step, both
// versions on good, trailing-junk, truncated, bad-checksum, empty and non-deflate data. TextState, both
// versions through the same random saves, restores and changes.
describe('the pdf.js speed patches', () => {
  const require = createRequire(import.meta.url);
  const stock = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  const patched = patchWorker(stock);

  it('fits the pdf.js in use (else the stock code runs, slower)', async () => {
    expect(patched).not.toBeNull();
    expect((await import('../src/readers/pdfjs.js')).workerPatched).toBe(true);
  });

  type Table = { data: Uint8Array };
  type Sanitize = (loca: Table, glyf: Table, numGlyphs: number, isLong: boolean, hintsValid: boolean,
    dupFirstEntry: boolean, maxSize: number) =>
    { missingGlyphs: Record<number, unknown>; maxSizeOfInstructions: number };
  const cut = (source: string, from: string, to: string) => {
    const a = source.indexOf(from);
    const b = source.indexOf(to, a);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    return source.slice(a, b);
  };
  const helper = (source: string, name: string) => cut(source, `\nfunction ${name}(`, '\n}\n') + '\n}\n';
  const load = (source: string): Sanitize =>
    new Function(`${['int16', 'signedInt16', 'writeSignedInt16'].map((n) => helper(source, n)).join('')}
      ${cut(source, '    function sanitizeGlyph(', '    function readPostScriptTable(')}
      return sanitizeGlyphLocations;`)() as Sanitize;

  it('gives the same loca, glyf, missing glyphs and instruction size as the stock code', () => {
    const ours = load(patched ?? '');
    const theirs = load(stock);
    let seed = 7; // mulberry32
    const rnd = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    for (let t = 0; t < 400; t++) {
      const numGlyphs = t % 50 === 0 ? 0 : 1 + rnd(40);
      const isLong = rnd(2) === 1;
      const glyfLength = 40 + rnd(600);
      const glyf = Uint8Array.from({ length: glyfLength }, () => rnd(256));
      // glyph headers at even offsets: composite glyphs (−1 contours: copied whole) or simple ones with a few
      // contours, so that which bytes a glyph spans shows in the result
      for (let k = 0; k + 1 < glyfLength; k += 2) {
        if (rnd(3)) glyf[k] = glyf[k + 1] = 0xff;
        else { glyf[k] = 0; glyf[k + 1] = rnd(3); }
      }
      const offsets: number[] = [0];
      for (let g = 1; g <= numGlyphs; g++) offsets.push(offsets[g - 1] + 2 * rnd(20) * (rnd(3) ? 1 : 0));
      const kind = rnd(4);
      if (kind === 1) for (let k = 0; k < 3; k++) { const a = rnd(offsets.length); const b = rnd(offsets.length);
        [offsets[a], offsets[b]] = [offsets[b], offsets[a]]; }
      if (kind === 2) offsets[rnd(offsets.length)] = glyfLength + 2 * rnd(50);
      if (kind === 3) for (let k = 0; k < 1 + rnd(4); k++) offsets[k] = 0;
      const size = isLong ? 4 : 2;
      const loca = new Uint8Array(size * (numGlyphs + 2));
      offsets.forEach((o, g) => {
        if (isLong) { loca[g * 4] = o >>> 24; loca[g * 4 + 1] = (o >> 16) & 255; loca[g * 4 + 2] = (o >> 8) & 255;
          loca[g * 4 + 3] = o & 255; }
        else { loca[g * 2] = (o >> 9) & 255; loca[g * 2 + 1] = (o >> 1) & 255; }
      });
      const args = [numGlyphs, isLong, rnd(2) === 1, rnd(2) === 1, rnd(100)] as const;
      const run = (f: Sanitize) => {
        const l = { data: loca.slice() };
        const g = { data: glyf.slice() };
        try {
          const r = f(l, g, ...args);
          const missing = Object.keys(r.missingGlyphs).filter((k) => r.missingGlyphs[Number(k)]).map(Number);
          return { loca: [...l.data], glyf: [...g.data], missing, max: r.maxSizeOfInstructions };
        } catch (e) {
          return { threw: (e as Error).constructor.name };
        }
      };
      expect(run(ours), `case ${t}`).toEqual(run(theirs));
    }
  });

  it('inflates deflate streams to the same bytes as the DecompressionStream it replaces, and fails on the same ones',
    async () => {
    type Method = (this: unknown, name: string) => Promise<{ decompressed: Uint8Array | null; compressed: Uint8Array }>;
    const method = (source: string): Method => {
      const text = cut(source, '  async asyncGetBytesFromDecompressionStream(name) {', '\n  }\n') + '\n  }';
      return new Function(`return ({${text}}).asyncGetBytesFromDecompressionStream;`)() as Method;
    };
    const ours = method(patched ?? '');
    const theirs = method(stock);
    expect(ours).not.toBe(theirs);
    const good = deflateSync(Buffer.from('BT /F1 12 Tf 72 712 Td (规章 0 0 2) Tj ET '.repeat(50)));
    const cases: Record<string, Uint8Array> = {
      good, trailing: Buffer.concat([good, Buffer.from('\r\nendstream')]), truncated: good.subarray(0, good.length - 6),
      badChecksum: Buffer.concat([good.subarray(0, good.length - 1), Buffer.from([good[good.length - 1] ^ 1])]),
      noChecksum: good.subarray(0, good.length - 4), empty: Buffer.alloc(0), notDeflate: Buffer.from('garbage!'),
    };
    for (const [name, data] of Object.entries(cases)) {
      const bytes = new Uint8Array(data);
      const run = async (m: Method) => {
        const r = await m.call({ stream: { reset() {}, isAsync: false, getBytes: () => bytes } }, 'deflate');
        expect(r.compressed).toBe(bytes);
        return r.decompressed && [...r.decompressed];
      };
      expect(await run(ours), name).toEqual(await run(theirs));
    }
  });

  it('TextState.clone copies a state as the stock clone does, through saves, restores and changes', () => {
    type State = Record<string, unknown> & { clone(): State };
    type Move = (...a: number[]) => void;
    type TextStateOps = {
      setTextMatrix: Move; translateTextMatrix: Move; carriageReturn: Move; setTextLineMatrix: Move;
        translateTextLineMatrix: Move;
    };
    const textState = (source: string) => new Function(`const IDENTITY_MATRIX = [1, 0, 0, 1, 0, 0];
      const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
      ${cut(source, '\nclass TextState {', '\nclass EvalState {')}
      return TextState;`)() as new () => State;
    const machines = [textState(patched ?? ''), textState(stock)].map((T) =>
      ({ stack: [] as State[], state: new T() }));
    const FIELDS = ['ctm', 'fontName', 'fontSize', 'loadedName', 'font', 'fontMatrix', 'textMatrix', 'textLineMatrix',
      'charSpacing', 'wordSpacing', 'leading', 'textHScale', 'textRise'];
    const view = (st: State) => FIELDS.map((f) =>
      (ArrayBuffer.isView(st[f]) || Array.isArray(st[f]) ? [...(st[f] as number[])] : st[f]));
    let seed = 11;
    const rnd = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
    const font = { name: 'F', vertical: false };
    for (let step = 0; step < 3000; step++) {
      const op = rnd(9);
      const v = rnd(50) - 10;
      for (const m of machines) {
        const st = m.state as State & TextStateOps;
        if (op === 0) { m.stack.push(st); m.state = st.clone(); }
        else if (op === 1) m.state = m.stack.pop() ?? st;
        else if (op === 2) st.setTextMatrix(1, 0, 0, 1, v, v / 2);
        else if (op === 3) st.translateTextMatrix(v, -v);
        else if (op === 4) { st.leading = v; st.carriageReturn(); }
        else if (op === 5) { st.fontSize = v; st.fontName = `F${v}`; st.font = font; }
        else if (op === 6) { st.charSpacing = v / 10; st.wordSpacing = -v; st.textRise = v; }
        else if (op === 7) st.setTextLineMatrix(v, 0, 0, v, 1, 2);
        else st.translateTextLineMatrix(v, v);
      }
      expect(view(machines[0].state), `step ${step}`).toEqual(view(machines[1].state));
      expect(machines[0].stack.map(view)).toEqual(machines[1].stack.map(view));
    }
  });

  // end to end: the text content and operator list of every page of the fixtures, from the built code with the
  // patch and without (GONGKAI_PDFJS_STOCK=1), each in a process of its own
  const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'readers', 'pdfjs.js');
  const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pdf');
  it.skipIf(!existsSync(DIST))(
    'reads every fixture page to the same text content and operator list as stock pdf.js', () => {
    const files = ['ruled', 'unruled', 'radicals', 'half-scanned'].map((n) => join(FIXTURES, `${n}.pdf`));
    const script = `
      import { readFileSync } from 'node:fs';
      import { createHash } from 'node:crypto';
      const { getDocument, workerPatched } = await import(${JSON.stringify(pathToFileURL(DIST).href)});
      const out = [String(workerPatched)];
      for (const f of ${JSON.stringify(files)}) {
        const doc = await getDocument({ data: new Uint8Array(readFileSync(f)), verbosity: 0 }).promise;
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const text = await page.getTextContent();
          const ops = await page.getOperatorList();
          out.push(f.split('/').pop() + ' p' + n + ' ' +
            createHash('sha1').update(JSON.stringify([text.items, ops.fnArray, ops.argsArray])).digest('hex'));
        }
        await doc.destroy();
      }
      console.log(out.join('\\n'));`;
    const run = (stock: boolean) => execFileSync(process.execPath, ['--input-type=module', '-e', script],
      { env: { ...process.env, GONGKAI_PDFJS_STOCK: stock ? '1' : '' }, encoding: 'utf8' }).trim().split('\n');
    const [patchedRun, stockRun] = [run(false), run(true)];
    expect(patchedRun[0]).toBe('true');
    expect(stockRun[0]).toBe('false');
    expect(patchedRun).toHaveLength(12);
    expect(patchedRun.slice(1)).toEqual(stockRun.slice(1));
  });
});
