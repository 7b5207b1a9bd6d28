#!/usr/bin/env node
// Benchmark: every hostile input of issue 9 (bench/hostile-cases.mjs, generated on the spot) through the built
// CLI in a child process, printing per case its wall and CPU seconds, CPU over a bare CLI start measured in the same
// run, peak RSS and exit status against the bounds the issue sets (5 s, 512 MB, exit 2 or a diagnostic). No
// assertions: test/hostile-input.test.ts asserts; these are figures (on a busy machine, read the CPU columns).
//   npm run build && node bench/hostile-input.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_CASES, RSS_PRELOAD, cpuSeconds, peakRssMb } from './hostile-cases.mjs';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-bench-'));
const rows = [['case', 'wall', 'cpu', 'over start', 'peak RSS', 'exit', 'bounds', 'the line']];
const run = (args) => {
  const t = process.hrtime.bigint();
  // no heap cap here: the figure is what the input costs, not whether a cap stops it
  const r = spawnSync(process.execPath, ['--import', RSS_PRELOAD, MAIN, ...args],
    { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', maxBuffer: 64 << 20 });
  return { r, s: Number(process.hrtime.bigint() - t) / 1e9, cpu: cpuSeconds(r.stderr ?? ''),
    rss: peakRssMb(r.stderr ?? '') };
};
// the baseline, in the same run: the CLI starting and doing nothing (on a busy machine most of every figure)
const base = run(['--version']);
rows.push(['(baseline: gongkai --version)', `${base.s.toFixed(2)} s`, `${base.cpu?.toFixed(2)} s`, '',
  `${base.rss?.toFixed(0)} MB`, `exit ${base.r.status}`, '', '']);
try {
  for (const c of HOSTILE_CASES) {
    const skip = c.unless?.();
    if (skip) {
      rows.push([c.name, 'skipped', skip]);
      continue;
    }
    const { r, s, cpu, rss } = run(c.make(dir));
    const line = (r.stderr ?? '').split('\n').find((l) => l.startsWith('gongkai: ')) ?? '';
    const over = cpu === null || base.cpu === null ? '?' : `+${Math.max(0, cpu - base.cpu).toFixed(2)} s`;
    rows.push([c.name, `${s.toFixed(2)} s`, `${cpu?.toFixed(2)} s`, over,
      rss === null ? '? MB' : `${rss.toFixed(0)} MB`, `exit ${r.status ?? r.signal}`,
      s < 5 && rss !== null && rss < 512 && r.status === c.exit ? 'ok' : 'OVER', line.slice(0, 100)]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const width = (i) => Math.max(...rows.map((r) => String(r[i] ?? '').length));
for (const r of rows) console.log(r.map((v, i) => String(v ?? '').padEnd(i < 7 ? width(i) : 0)).join('  '));
