#!/usr/bin/env node
// Benchmark behind the table assembler's per-row work (src/recognise/assemble.ts, placement.ts, align.ts), no
// assertions, figures for the notes. Two builds of the engine, in one process, alternating round by round: the
// CPU per report of assembling every table (the walk's events made beforehand, by each build's own walker), and
// the median of the per-round ratios (this machine is shared: the paired ratio is steadier than either median).
// What it justifies: the combinations of 1–2 missing columns made once per (width, k) (align.ts), readings
// de-duplicated without JSON keys and the row's reason split once, not per cell (placement.ts, assemble.ts).
// Tables whose delimited rows lost fields (seeds 001/002: table 三 read through positions and lost-field readings)
// dominate; `--only` keeps the reports whose names contain a string.
//   node bench/assemble-rows.mjs --a DIST_A --b DIST_B [--dir DIR] [--rounds 60] [--only 001_]
// DIST defaults to dist/ (then both sides are the same build: an A/A run shows the noise). DIR defaults to the
// corpus texts under ../shared/corpus, else 300 generated reports with damaged rows.
import { join } from 'node:path';
import { benchInputs, builds, opt, pairedRounds } from './lib/ab.mjs';

const rounds = Number(opt('rounds', '60'));
const { distA, distB } = builds();
const only = opt('only', null);
const { inputs, from } = await benchInputs(distA,
  { count: 300, seed: 11, damage: ['short-rows', 'blanks', 'detached'], damageRate: 0.5 },
  (f) => !only || f.includes(only));

/** One build's assembler over every report's tables, as recognise() calls it (version and cut as it decides). */
async function assemblerOf(dist) {
  const { readBytes } = await import(join(dist, 'readers', 'index.js'));
  const { recognise } = await import(join(dist, 'recognise', 'index.js'));
  const { tokenRows } = await import(join(dist, 'recognise', 'tokens.js'));
  const { walkTables } = await import(join(dist, 'recognise', 'walk.js'));
  const { assembleTable } = await import(join(dist, 'recognise', 'assemble.js'));
  const jobs = [];
  for (const { name, bytes } of inputs) {
    const doc = (await readBytes(bytes, name)).doc;
    const version = recognise(doc).template;
    if (!version) continue;
    const byTable = new Map();
    for (const e of walkTables(tokenRows(doc)).events) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e]);
    jobs.push({ version, byTable });
  }
  return () => {
    for (const { version, byTable } of jobs) for (const [t, events] of byTable) assembleTable(version, t, events);
  };
}

const runA = await assemblerOf(distA);
const runB = await assemblerOf(distB);
// runs per round: a round long enough that a collection's pause is a small part of it
const t = pairedRounds(runA, runB, { rounds, units: inputs.length, repeat: 5 });
const which = only ? ` (names with ${only})` : '';
console.log(`${inputs.length} reports from ${from}${which} · ${rounds} rounds`);
console.log(`A ${distA}: ${t.medianA.toFixed(1)} µs per report (median of rounds)`);
console.log(`B ${distB}: ${t.medianB.toFixed(1)} µs per report`);
console.log(`B/A, median of the paired rounds: ${t.ratio.toFixed(3)}`);
