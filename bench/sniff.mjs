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
import { join } from 'node:path';
import { benchInputs, builds, opt, pairedRounds } from './lib/ab.mjs';

const rounds = Number(opt('rounds', '200'));
const { distA, distB } = builds();
const { inputs, from } = await benchInputs(distA, { count: 300, seed: 5 });

const sniffA = (await import(join(distA, 'readers', 'sniff.js'))).sniffFormat;
const sniffB = (await import(join(distB, 'readers', 'sniff.js'))).sniffFormat;
for (const { name, bytes } of inputs) {
  if (sniffA(bytes, name) !== sniffB(bytes, name)) console.log(`the builds disagree on ${name}`);
}
const t = pairedRounds(() => {
  for (const { name, bytes } of inputs) sniffA(bytes, name);
}, () => {
  for (const { name, bytes } of inputs) sniffB(bytes, name);
}, { rounds, units: inputs.length });
console.log(`${inputs.length} inputs from ${from} · ${rounds} rounds · ` +
  `flags: ${process.execArgv.join(' ')}`);
console.log(`A ${distA}: first round ${t.firstA.toFixed(1)} µs, then ${t.medianA.toFixed(2)} µs per input`);
console.log(`B ${distB}: first round ${t.firstB.toFixed(1)} µs, then ${t.medianB.toFixed(2)} µs per input`);
console.log(`B/A, median of the paired rounds: ${t.ratio.toFixed(3)}`);
