#!/usr/bin/env node
// Probe of layouts our generator does not make: generated reports rewritten the way real web scrapes and
// conversions print them (hard-wrapped text, bold numbers, Word's HTML, WeChat's span soup, pdftotext without
// -layout, tables split over pages, …), written with their truth to a scratch folder and scored with
// ../shared/tools/score.mjs against one or two builds. It measures robustness; it is not a test (test/ holds a
// test per class fixed).
//
//   node bench/probe-layouts.mjs [--count 20] [--only a,b] [--keep] DIST...   (default DIST: dist)
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { TRANSFORMS } from './lib/probe-transforms.mjs';

const args = process.argv.slice(2);
let count = 20;
let only = null;
let keep = false;
const dists = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--count') count = Number(args[++i]);
  else if (args[i] === '--only') only = args[++i].split(',');
  else if (args[i] === '--keep') keep = true;
  else dists.push(resolve(args[i]));
}
if (!dists.length) dists.push(resolve('dist'));
const score = resolve('../shared/tools/score.mjs');
if (!existsSync(score)) {
  console.error(`probe: ${score} not found (the shared corpus tools)`);
  process.exit(2);
}
// the generator of the first build makes the reports every build is scored on
const { generateReport } = await import(pathToFileURL(join(dists[0], 'generate', 'index.js')).href);

const root = mkdtempSync(join(tmpdir(), 'gk-probe-'));
for (const [name, t] of Object.entries(TRANSFORMS)) {
  if (only && !only.includes(name)) continue;
  const dir = join(root, name);
  execFileSync('mkdir', ['-p', dir]);
  for (let i = 0; i < count; i++) {
    const seed = 9000 + i * 7919;
    const agency = t.agencies ? t.agencies[i % t.agencies.length] : undefined;
    const g = generateReport({ seed, layout: t.layout, template: i % 3 === 0 ? '2019' : '2021', agency });
    const truth = structuredClone(g.truth);
    const text = t.rewrite(g.text, truth, seed);
    writeFileSync(join(dir, `${g.name}${t.ext ?? g.extension}`), text);
    writeFileSync(join(dir, `${g.name}.truth.json`), JSON.stringify(truth));
  }
  for (const dist of dists) {
    let out = '';
    try {
      out = execFileSync('node', [score, '--run', `node ${join(dist, 'cli', 'main.js')} parse --json`, dir],
        { encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (err) { out = err.stdout ?? String(err); }
    const summary = out.trim().split('\n').pop().replace(/^score: \d+ reports in [\d.]+s · /, '');
    console.log(`${name.padEnd(18)} ${dist.split('/').slice(-2, -1)[0].padEnd(5)} ${summary}`);
  }
}
if (keep) console.log(`kept ${root}`);
else rmSync(root, { recursive: true, force: true });
