// The one place pdf.js is loaded. Its legacy build (the one that runs on Node 20) installs core-js polyfills
// process-wide when it is imported, and a few of them *replace* working built-ins with much slower JavaScript:
// Array.prototype.push (6× slower, for an edge case of non-writable lengths), JSON.parse and JSON.stringify
// (for JSON.rawJSON, which pdf.js never uses) and Function.prototype.toString. After the first PDF every
// push in the process — the recogniser's, the checks' — would pay for it. So: take the built-ins before pdf.js
// loads, load pdf.js and its worker code (the "fake worker" runs in this thread; loading it here, once,
// also spares getDocument its dynamic import), then put back the ones that were replaced. Polyfills that only
// add what Node 20 lacks (Promise.withResolvers, Map.prototype.getOrInsertComputed, iterator helpers, …) stay:
// pdf.js needs them.
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
// (a variable specifier: the worker module ships no type declarations; it sets globalThis.pdfjsWorker)
const workerModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
await import(workerModule);

for (const [target, key, d] of saved) {
  const now = Object.getOwnPropertyDescriptor(target, key);
  if (now?.value !== d.value) Object.defineProperty(target, key, d);
}

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
