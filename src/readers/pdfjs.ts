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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  if (process.env.GONGKAI_PDFJS_STOCK !== '1') {
    let dir: string | null = null;
    try {
      // byte for byte (latin1): the patches are ASCII, the file's other bytes pass through untouched
      const source = patchWorker(readFileSync(file, 'latin1'));
      if (source !== null) {
        // a module file of our own, in a private directory, removed once loaded (a data: URL would cost
        // far more to load); stack traces name the original file, and its source map (lines shifted by the
        // patches) is not referred to
        dir = mkdtempSync(join(tmpdir(), 'gongkai-pdfjs-'));
        const patched = join(dir, 'pdf.worker.mjs');
        const text = `${source.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '')}\n`;
        writeFileSync(patched, `${text}//# sourceURL=${pathToFileURL(file).href}?patched\n`, 'latin1');
        await import(pathToFileURL(patched).href);
        return true;
      }
    } catch {
      // no temporary directory, or the like: the stock code
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
  await import(pathToFileURL(file).href);
  return false;
})();

for (const [target, key, d] of saved) {
  const now = Object.getOwnPropertyDescriptor(target, key);
  if (now?.value !== d.value) Object.defineProperty(target, key, d);
}

export const { getDocument, OPS } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
