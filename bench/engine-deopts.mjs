#!/usr/bin/env node
// In-process parse+check of the corpus texts, round after round, with V8's default flags (as the import's workers
// and the server run the engine; the CLI's batch tuning is not applied), under --trace-deopt: the CPU per report
// in the first round and once warm, and every function deoptimised more than a few times. A function that keeps
// deoptimising costs on every call; src/readers/decode.ts (damageCounts) was one: its on-stack compile failed at
// the end of every call (0 to 1,808 deopts in 2,700 reports, by when the background compile landed: run it a few
// times). No assertions: figures for the notes.
//   node bench/engine-deopts.mjs [--corpus DIR] [--rounds 60] [--min 4] [--dist DIR]
// DIR defaults to ../shared/corpus (its seeds and dev/reports texts). Runs dist/ (build first), or --dist: another
// build of the engine, to compare two builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : def;
};

if (process.env.GONGKAI_DEOPT_CHILD === '1') {
  // the child: parse+check every text `rounds` times; CPU of the first round and of the second half
  const { parseBytes, checkReport } = await import(join(process.env.GONGKAI_DEOPT_DIST, 'index.js'));
  const files = JSON.parse(process.env.GONGKAI_DEOPT_FILES);
  const bytes = files.map((f) => readFileSync(f));
  const rounds = Number(opt('rounds', '60'));
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e3;
  };
  const start = cpu();
  let first = 0;
  let warmFrom = 0;
  for (let r = 0; r < rounds; r++) {
    if (r === Math.floor(rounds / 2)) warmFrom = cpu();
    for (let i = 0; i < files.length; i++) checkReport(await parseBytes(bytes[i], files[i]));
    if (r === 0) first = cpu() - start;
  }
  const warm = (cpu() - warmFrom) / ((rounds - Math.floor(rounds / 2)) * files.length);
  process.stdout.write(`\nRESULT ${JSON.stringify({ first: first / files.length, warm })}\n`);
  process.exit(0);
}

const shared = join(root, '..', 'shared', 'corpus');
const given = opt('corpus', null);
const dirs = given ? [given] : [join(shared, 'seeds'), join(shared, 'dev', 'reports')].filter((d) => existsSync(d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).sort().map((f) => join(d, f)));
if (!files.length) {
  console.log(`bench engine-deopts: no .txt reports under ${dirs.join(', ') || shared}; nothing to measure`);
  process.exit(0);
}
const rounds = Number(opt('rounds', '60'));
const min = Number(opt('min', '4'));
const r = spawnSync(process.execPath, ['--trace-deopt', fileURLToPath(import.meta.url), '--rounds', String(rounds)], {
  env: {
    ...process.env, GONGKAI_DEOPT_CHILD: '1', GONGKAI_DEOPT_FILES: JSON.stringify(files),
    GONGKAI_DEOPT_DIST: resolve(opt('dist', join(root, 'dist'))),
  },
  maxBuffer: 512 * 2 ** 20, encoding: 'utf8',
});
if (r.status !== 0) throw new Error(`child exited ${r.status}: ${String(r.stderr).slice(0, 400)}`);
const result = JSON.parse(/^RESULT (.*)$/m.exec(r.stdout)[1]);
const byFunction = new Map();
for (const m of r.stdout.matchAll(/bailout \(kind: ([\w-]+), reason: ([^)]*)\).*?<JSFunction (\S*)/g)) {
  const key = `${m[3] || '(anonymous)'} — ${m[1]}: ${m[2]}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + 1);
}
const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
console.log(`${files.length} texts × ${rounds} rounds, in-process, V8 defaults`);
console.log(`CPU per report: first round ${result.first.toFixed(2)} ms · warm ${result.warm.toFixed(3)} ms`);
console.log(`deopts: ${total} in all; functions deoptimised ${min} times or more:`);
const repeated = [...byFunction].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]);
for (const [k, n] of repeated) console.log(`  ${String(n).padStart(5)}  ${k}`);
if (!repeated.length) console.log('  (none)');
