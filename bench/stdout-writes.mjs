#!/usr/bin/env node
// Benchmark behind src/cli/stdout.ts: the CPU of writing a batch's records to standard output (a file or
// /dev/null) one process.stdout.write per record, against records gathered into writes of 16 Ki characters by
// the stream (what BatchedOutput does into a pipe) or by fs.writeSync (what it does into a file: `gatheredSync`),
// and against fs.writeSync per record. The records are `check --json` lines of generated reports
// (or of --file FILE, JSON Lines), repeated to --records (default 2,000). Child processes, alternating, medians.
//   npm run build && node bench/stdout-writes.mjs [--file FILE] [--records 2000] [--rounds 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const records = Number(opt('records', '2000'));
const rounds = Number(opt('rounds', '5'));
const temp = mkdtempSync(join(tmpdir(), 'gongkai-stdout-'));
try {
  let file = opt('file', null);
  if (!file) {
    const { writeCorpus } = await import(join(root, 'dist', 'index.js'));
    const dir = join(temp, 'reports');
    writeCorpus(dir, { count: 100, seed: 5, damage: ['inconsistent', 'short-rows'], damageRate: 0.3 });
    const run = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'check', '--json', dir],
      { encoding: 'utf8', maxBuffer: 1 << 28 });
    file = join(temp, 'records.jsonl');
    writeFileSync(file, run.stdout);
  }
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const all = Array.from({ length: records }, (_, i) => lines[i % lines.length] + '\n');
  const input = join(temp, 'input.json');
  writeFileSync(input, JSON.stringify(all));
  const child = `
import { readFileSync, writeSync } from 'node:fs';
const lines = JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8'));
const way = process.argv[1];
const c = process.cpuUsage();
if (way === 'each') for (const l of lines) process.stdout.write(l);
else if (way === 'writeSync') for (const l of lines) writeSync(1, l);
else {
  const send = way === 'gatheredSync' ? (s) => writeSync(1, s) : (s) => process.stdout.write(s);
  let pending = '';
  for (const l of lines) {
    pending += l;
    if (pending.length >= 16 * 1024) { send(pending); pending = ''; }
  }
  send(pending);
}
const d = process.cpuUsage(c);
process.stderr.write(String((d.user + d.system) / 1000));
`;
  const ways = ['each', 'gathered', 'gatheredSync', 'writeSync'];
  const times = Object.fromEntries(ways.map((w) => [w, []]));
  for (let r = 0; r < rounds; r++) {
    for (const w of ways) {
      const out = spawnSync(process.execPath, ['--input-type=module', '-e', child, w],
        { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      times[w].push(Number(out.stderr));
    }
  }
  const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
  const chars = all.reduce((n, l) => n + l.length, 0);
  const mChars = (chars / 1e6).toFixed(2);
  console.log(`${records} records, ${mChars} M characters, to /dev/null; CPU ms, median of ${rounds}`);
  for (const w of ways) {
    const each = times[w].map((t) => t.toFixed(1)).join(' ');
    console.log(`  ${w.padEnd(10)} ${median(times[w]).toFixed(1)}  (${each})`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
