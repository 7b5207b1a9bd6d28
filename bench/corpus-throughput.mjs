#!/usr/bin/env node
// Benchmark on real-shaped reports (issue 8 §6): the files of a directory repeated to N (default 2,000), then
// `gongkai check --json` and `gongkai parse --json` over them as whole processes (process start included, output
// to /dev/null), against a bare pass — a process that only reads, decodes and splits the same files into lines.
// Alternating rounds, medians (this machine's speed drifts). `taskset -c 0` pins it to one core (children inherit).
//   npm run bench -- --corpus [DIR] [--files 2000] [--rounds 3] [--v8-defaults] [--tier-up] [--spool]
// DIR defaults to ../shared/corpus (its seeds and dev/reports); the copies go to .bench-data/, not to the repo.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : def;
};
const shared = join(root, '..', 'shared', 'corpus');
const given = opt('corpus', null);
const sources = given ? [given] : [join(shared, 'seeds'), join(shared, 'dev', 'reports')].filter((d) => existsSync(d));
if (!sources.length) {
  console.log(`bench --corpus: no directory given and ${shared} not found; nothing to measure`);
  process.exit(0);
}
const count = Number(opt('files', '2000'));
const rounds = Number(opt('rounds', '3'));
const main = join(root, 'dist', 'cli', 'main.js');

/** Report files under a directory (the CLI's rule: truth files and Markdown notes are skipped). */
function walk(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && !e.name.endsWith('.truth.json') && !e.name.endsWith('.md') && !e.name.startsWith('.'))
      out.push(p);
  }
  return out;
}

const originals = sources.flatMap(walk);
if (!originals.length) {
  console.log(`bench --corpus: no report files under ${sources.join(', ')}`);
  process.exit(0);
}
const dir = join(root, '.bench-data', `corpus-${count}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let bytes = 0;
for (let i = 0; i < count; i++) {
  const src = originals[i % originals.length];
  const dst = join(dir, `${String(i).padStart(5, '0')}_${basename(src)}`);
  copyFileSync(src, dst);
  bytes += statSync(dst).size;
}

// the bare pass as its own process, as the CLI runs: read, decode (the engine's decoder), split lines
const bare = `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from ${JSON.stringify(join(root, 'dist', 'readers', 'decode.js'))};
const dir = process.argv[1];
let lines = 0;
for (const f of readdirSync(dir).sort()) { const p = join(dir, f); ` +
  `lines += decodeBytes(readFileSync(p), p).text.split('\\n').length; }
process.stdout.write(String(lines));`;

const devnull = openSync('/dev/null', 'w');
function run(argv, env = process.env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: ['ignore', devnull, 'pipe'], maxBuffer: 64 * 2 ** 20, env });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${argv.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 400)}`);
  return s;
}
const passes = {
  bare: () => run(['--input-type=module', '-e', bare, dir]),
  'check --json': () => run([main, 'check', '--json', dir]),
  'parse --json': () => run([main, 'parse', '--json', dir]),
};
// --v8-defaults: also check with V8's default inlining budget (src/cli/batch-tuning.ts says why the CLI lowers it)
if (args.includes('--v8-defaults'))
  passes['check, V8 defaults'] = () =>
    run([main, 'check', '--json', dir], { ...process.env, GONGKAI_V8_DEFAULTS: '1' });
// --tier-up: also check with V8's default interrupt budget, the rest of the tuning kept (batch-tuning.ts says why)
if (args.includes('--tier-up'))
  passes['check, tier-up 1×'] = () =>
    run([main, 'check', '--json', dir], { ...process.env, GONGKAI_INTERRUPT_BUDGET: '67584' });
// --spool: also check with every waiting output spooled to the file, none held in memory (check-stream.ts says why)
if (args.includes('--spool'))
  passes['check, spool to file'] = () =>
    run([main, 'check', '--json', dir], { ...process.env, GONGKAI_SPOOL_MEMORY: '0' });
const times = Object.fromEntries(Object.keys(passes).map((k) => [k, []]));
for (const fn of Object.values(passes)) fn(); // warm the page cache and the code cache
for (let r = 0; r < rounds; r++) for (const [k, fn] of Object.entries(passes)) times[k].push(fn());
closeSync(devnull);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = bytes / 2 ** 20;
const base = median(times.bare);
console.log(`corpus: ${originals.length} files from ${sources.join(', ')} repeated to ${count} ` +
  `(${mb.toFixed(1)} MB) · ${rounds} rounds, medians, process start included`);
for (const [k, xs] of Object.entries(times)) {
  const s = median(xs);
  const ratio = k === 'bare' ? '' : ` · ${(s / base).toFixed(1)}× the bare pass ` +
    `(rounds: ${xs.map((x, i) => (x / times.bare[i]).toFixed(1)).join(', ')})`;
  console.log(`${k.padEnd(19)} ${s.toFixed(2)} s · ${(count / s).toFixed(0)} reports/s · ` +
    `${(mb / s).toFixed(1)} MB/s${ratio}`);
}
rmSync(dir, { recursive: true, force: true });
