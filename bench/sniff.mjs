#!/usr/bin/env node
// Benchmark behind the format sniffer's scans (src/readers/sniff.ts), no assertions, figures for the notes: two
// builds' sniffFormat over the same inputs in one process, alternating round by round, CPU per input and the
// median of the paired ratios. What it justifies: the control-byte count made by one native scan of the bytes as
// latin1 (the counting loop runs only when a control byte is there), and no head string made without a '<' in it.
// A batch runs much of its code before V8 optimises it: `node --max-opt=1 bench/sniff.mjs …` (baseline code only)
// shows that case, plain `node` the warm one.
//   node [--max-opt=1] bench/sniff.mjs --a DIST_A --b DIST_B [--dir DIR] [--rounds 200]
// DIST defaults to dist/ (both sides the same build: an A/A run shows the noise). DIR defaults to the corpus texts
// under ../shared/corpus, else 300 generated reports of every layout.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const rounds = Number(opt('rounds', '200'));
const distA = resolve(opt('a', join(root, 'dist')));
const distB = resolve(opt('b', distA));

const shared = join(root, '..', 'shared', 'corpus');
let dirs = opt('dir', null) ? [opt('dir', null)] : [join(shared, 'seeds'), join(shared, 'dev', 'reports')];
dirs = dirs.filter((d) => existsSync(d));
let temp = null;
if (!dirs.length) {
  const { writeCorpus } = await import(join(distA, 'index.js'));
  temp = mkdtempSync(join(tmpdir(), 'gongkai-sniff-'));
  writeCorpus(temp, { count: 300, seed: 5 });
  dirs = [temp];
}
const inputs = dirs.flatMap((d) => readdirSync(d).filter((f) => !f.endsWith('.json') && !f.endsWith('.md'))
  .map((f) => ({ name: join(d, f), bytes: readFileSync(join(d, f)) })));
if (temp) rmSync(temp, { recursive: true, force: true });

const sniffA = (await import(join(distA, 'readers', 'sniff.js'))).sniffFormat;
const sniffB = (await import(join(distB, 'readers', 'sniff.js'))).sniffFormat;
for (const { name, bytes } of inputs) {
  if (sniffA(bytes, name) !== sniffB(bytes, name)) console.log(`the builds disagree on ${name}`);
}
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const a = [];
const b = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? [[sniffA, a], [sniffB, b]] : [[sniffB, b], [sniffA, a]];
  for (const [sniff, out] of order) {
    const t = cpu();
    for (const { name, bytes } of inputs) sniff(bytes, name);
    out.push((cpu() - t) / inputs.length);
  }
}
const warm = Math.ceil(rounds / 4); // the first quarter warms up
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ratios = a.slice(warm).map((x, i) => b[warm + i] / x);
console.log(`${inputs.length} inputs from ${dirs.join(', ')} · ${rounds} rounds · ` +
  `flags: ${process.execArgv.join(' ')}`);
console.log(`A ${distA}: first round ${a[0].toFixed(1)} µs, then ${median(a.slice(warm)).toFixed(2)} µs per input`);
console.log(`B ${distB}: first round ${b[0].toFixed(1)} µs, then ${median(b.slice(warm)).toFixed(2)} µs per input`);
console.log(`B/A, median of the paired rounds: ${median(ratios).toFixed(3)}`);
