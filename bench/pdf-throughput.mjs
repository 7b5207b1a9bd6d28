#!/usr/bin/env node
// Benchmark: our PDF reading (pdf.js text + drawn rules → document model → recognised report) against poppler's
// `pdftotext -layout` on the same files, in the same run. Prints pages/s for both and the ratio. No assertions.
//   node bench/pdf-throughput.mjs [--rounds 5] [DIR_OR_PDF...]
// Default inputs: test/fixtures/pdf/*.pdf (not the scanned/encrypted ones) and ../shared/corpus/dev/pdf when present.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBytes } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ri = args.indexOf('--rounds');
const rounds = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 5;
const inputs = args.length ? args
  : [join(root, 'test', 'fixtures', 'pdf'), join(root, '..', 'shared', 'corpus', 'dev', 'pdf')];
const files = inputs.filter(existsSync)
  .flatMap((p) => (statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => f.endsWith('.pdf')).map((f) => join(p, f))
    : [p]))
  .filter((f) => !/scanned|encrypted/.test(f));
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  console.log('pdf bench: skipped — pdftotext (poppler-utils) not installed');
  process.exit(0);
}
const pages = (f) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))?.[1] ?? 1);
const total = files.reduce((a, f) => a + pages(f), 0);
const bytes = files.map((f) => readFileSync(f));

const time = async (fn) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};
// warm up: one pass over every file on both sides (pdf.js and our code compiled, the files in the page cache)
for (let i = 0; i < files.length; i++) await parseBytes(bytes[i], files[i]);
for (const f of files) execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
let ours = 0;
let poppler = 0;
for (let r = 0; r < rounds; r++) {
  ours += await time(async () => { for (let i = 0; i < files.length; i++) await parseBytes(bytes[i], files[i]); });
  poppler += await time(async () => {
    for (const f of files) execFileSync('pdftotext', ['-layout', f, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
  });
}
console.log(`PDFs: ${files.length} files, ${total} pages, ${rounds} rounds`);
console.log(`gongkai (read + recognise): ${(total * rounds / ours).toFixed(1)} pages/s`);
console.log(`pdftotext -layout:          ${(total * rounds / poppler).toFixed(1)} pages/s ` +
  '(a process per file, as a user runs it)');
console.log(`ratio gongkai / pdftotext:  ${(ours / poppler).toFixed(2)}×`);
