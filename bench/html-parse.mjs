#!/usr/bin/env node
// Parsing report web pages into a tree with source locations, each way in a process of its own (its JIT and heap
// untouched by the others), rounds alternated, medians of CPU time: cheerio's `load` (domhandler nodes carrying
// parse5's whole location records: what the HTML reader used), parse5 with its default tree, parse5 keeping only
// where each node starts (src/readers/html-tree.ts: what the reader uses), and the whole HTML reader of this build
// (parse + walk into the document model). The pages: generated report pages (the generator's html and html-gbk
// layouts, a tenth cut short), or the .html/.htm files of --dir. No assertions: figures for the notes.
//   node bench/html-parse.mjs [--pages 400] [--rounds 5] [--dir DIR] [--dist DIR]
// Pin it to one core for steadier figures: `taskset -c 0 node bench/html-parse.mjs`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : def;
};
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = pathToFileURL(`${resolve(opt('dist', join(root, 'dist')))}/`).href;
const WAYS = ['cheerio', 'parse5', 'starts-only', 'reader'];

if (process.env.GONGKAI_HTML_BENCH_WAY) {
  // the child: parse every page of the round once, report CPU ms
  const way = process.env.GONGKAI_HTML_BENCH_WAY;
  const pages = JSON.parse(process.env.GONGKAI_HTML_BENCH_PAGES);
  const { decodeBytes } = await import(new URL('readers/decode.js', dist).href);
  const texts = pages.map((p) => decodeBytes(readFileSync(p.file ?? ''), p.name).text);
  let parseOne;
  if (way === 'cheerio') {
    const { load } = await import('cheerio');
    parseOne = (t) => load(t, { sourceCodeLocationInfo: true }).root()[0];
  } else if (way === 'parse5') {
    const { parse } = await import('parse5');
    parseOne = (t) => parse(t, { sourceCodeLocationInfo: true });
  } else if (way === 'starts-only') {
    const { parseHtml } = await import(new URL('readers/html-tree.js', dist).href);
    parseOne = parseHtml;
  } else {
    const { readHtml } = await import(new URL('readers/html.js', dist).href);
    parseOne = (t) => readHtml(t, 'page.html', 'utf-8');
  }
  const start = process.cpuUsage();
  for (const t of texts) parseOne(t);
  const used = process.cpuUsage(start);
  process.stdout.write(JSON.stringify({ ms: (used.user + used.system) / 1000 }));
  process.exit(0);
}

// the pages: files of --dir, else generated into a temporary directory
const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const given = opt('dir', null);
const count = Number(opt('pages', '400'));
const rounds = Number(opt('rounds', '5'));
let tmp = null;
let pages;
if (given) {
  pages = readdirSync(given).filter((f) => /\.html?$/i.test(f)).map((f) => ({ file: join(given, f), name: f }));
} else {
  const { generateReport } = await import(new URL('generate/index.js', dist).href);
  tmp = mkdtempSync(join(tmpdir(), 'gongkai-html-bench-'));
  pages = Array.from({ length: count }, (_, i) => {
    const g = generateReport({ seed: 9000 + i, layout: i % 4 === 3 ? 'html-gbk' : 'html',
      damage: i % 10 === 0 ? ['truncated'] : [] });
    const file = join(tmp, `${i}${g.extension}`);
    writeFileSync(file, g.bytes);
    return { file, name: `${i}${g.extension}` };
  });
}
const bytes = pages.reduce((n, p) => n + readFileSync(p.file).length, 0);
console.log(`${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds alternated, medians of CPU ms`);

const runs = Object.fromEntries(WAYS.map((w) => [w, []]));
for (let r = 0; r < rounds; r++) {
  for (const way of r % 2 ? [...WAYS].reverse() : WAYS) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...args], {
      env: { ...process.env, GONGKAI_HTML_BENCH_WAY: way, GONGKAI_HTML_BENCH_PAGES: JSON.stringify(pages) },
      encoding: 'utf8', maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`${way}: ${child.stderr}`);
    runs[way].push(JSON.parse(child.stdout).ms);
  }
}
if (tmp) rmSync(tmp, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(runs.cheerio);
for (const way of WAYS) {
  const m = median(runs[way]);
  console.log(`${way.padEnd(15)} ${m.toFixed(0).padStart(6)} ms · ${(m / pages.length).toFixed(2)} ms a page · ` +
    `${(m / base).toFixed(2)}× cheerio`);
}
