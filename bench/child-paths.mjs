#!/usr/bin/env node
// Benchmark for cli/inputs.ts's childPaths: the paths of a directory's entries made by path.join per entry (two
// per file: its path and its real path) against one join per directory and a concatenation per entry. Each way runs
// in a fresh process, as the CLI's walk runs once at a batch's start, before the code is compiled; alternating
// rounds, CPU medians. Checks first that both ways give the same strings for the directory's entries.
//   node bench/child-paths.mjs [DIR] [--rounds 9]      (DIR defaults to a directory of 2,000 empty files in /tmp)
// Run it pinned to one core (`taskset -c 0`) on a shared machine.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 9;
let dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rounds');
if (!dir) {
  dir = join(tmpdir(), 'gongkai-child-paths-2000');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 2000; i++) closeSync(openSync(join(dir, `${String(i).padStart(5, '0')}_report.txt`), 'a'));
}

// the child: list the directory, make both paths of every entry one way, print the CPU milliseconds it took
const child = `
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
const [dir, way] = process.argv.slice(1);
const names = readdirSync(dir).sort();
const real = realpathSync(dir);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = cpu();
const out = [];
if (way === 'join') for (const n of names) out.push(join(dir, n), join(real, n));
else {
  const under = join(dir, 'x').slice(0, -1);
  const realUnder = join(real, 'x').slice(0, -1);
  for (const n of names) out.push(under + n, realUnder + n);
}
const ms = cpu() - t;
process.stdout.write(JSON.stringify({ ms, out: process.argv[3] === 'check' ? out : out.length }));
`;
const run = (way, check = false) => {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, dir, way, ...(check ? ['check'] : [])],
    { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
if (JSON.stringify(run('join', true).out) !== JSON.stringify(run('prefix', true).out))
  throw new Error('the two ways give different paths');
const times = { join: [], prefix: [] };
for (let r = 0; r < rounds; r++) {
  for (const way of r % 2 ? ['prefix', 'join'] : ['join', 'prefix']) times[way].push(run(way).ms);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${readdirSync(dir).length} entries of ${dir}, ${rounds} rounds, a fresh process each (CPU ms)`);
for (const [way, xs] of Object.entries(times)) console.log(`${way.padEnd(7)} median ${median(xs).toFixed(2)} ms`);
