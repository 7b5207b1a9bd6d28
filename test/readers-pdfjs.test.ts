// Loading pdf.js through src/readers/pdfjs.ts: its legacy build replaces some working built-ins with slower
// core-js polyfills (Array.prototype.push, JSON.parse/stringify, Function.prototype.toString); they are put
// back, while what pdf.js adds for Node 20 stays. A file of its own: the built-ins are taken before anything
// here loads pdf.js.
import { describe, expect, it } from 'vitest';

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
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeDefined();
  });
});
