// The one place pdf.js is loaded.
//
// Built-ins: the legacy build (the one that runs on Node 20) installs core-js polyfills process-wide when it is
// imported, and a few of them *replace* working built-ins with much slower JavaScript: Array.prototype.push
// (6× slower, for an edge case of non-writable lengths), JSON.parse and JSON.stringify (for JSON.rawJSON, which
// pdf.js never uses) and Function.prototype.toString. After the first PDF every push in the process — the
// recogniser's, the checks' — would pay for it. So the built-ins are taken before pdf.js loads and the replaced
// ones put back afterwards. Polyfills that only add what Node 20 lacks (Promise.withResolvers,
// Map.prototype.getOrInsertComputed, iterator helpers, …) stay: pdf.js needs them.
//
// Worker: pdf.js runs its "worker" in this thread in Node (a fake worker). Its code is loaded here, once, with
// the speed patches of pdfjs-patch.ts applied to its source (the stock file when they do not fit, or when
// GONGKAI_PDFJS_STOCK=1 asks for it, to compare); it registers itself as globalThis.pdfjsWorker, where
// getDocument finds it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { patchWorker } from './pdfjs-patch.js';

const saved: [object, PropertyKey, PropertyDescriptor][] = [];
const keep = (target: object, key: PropertyKey) => {
  const d = Object.getOwnPropertyDescriptor(target, key);
  if (d) saved.push([target, key, d]);
};
keep(Array.prototype, 'push');
keep(JSON, 'parse');
keep(JSON, 'stringify');
keep(Function.prototype, 'toString');

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

/** whether the worker code running is the patched one */
export const workerPatched = await (async () => {
  const file = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const url = pathToFileURL(file).href;
  let source: string | null = null;
  if (process.env.GONGKAI_PDFJS_STOCK !== '1') {
    try {
      source = patchWorker(readFileSync(file, 'utf8'));
    } catch {
      source = null;
    }
  }
  if (source === null) {
    await import(url);
    return false;
  }
  // a module from its source text; stack traces name the original file
  await import(`data:text/javascript;base64,${Buffer.from(`${source}\n//# sourceURL=${url}?patched\n`).toString('base64')}`);
  return true;
})();

for (const [target, key, d] of saved) {
  const now = Object.getOwnPropertyDescriptor(target, key);
  if (now?.value !== d.value) Object.defineProperty(target, key, d);
}

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
