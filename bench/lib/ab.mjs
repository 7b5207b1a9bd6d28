// The A/B scaffolding of the in-process engine benches (bench/assemble-rows.mjs, bench/sniff.mjs): two builds given
// by --a/--b (default dist/), the inputs (a --dir, else the corpus texts, else generated reports written to a
// temporary directory and read back), and rounds that alternate which build runs first, timed in CPU, with the
// median per build and the median of the paired ratios (steadier on a shared machine than either median).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

/** The value after `--name`, or `def`. */
export const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);

/** The two builds (--a, --b; both dist/ by default: an A/A run shows the noise). */
export function builds() {
  const distA = resolve(opt('a', join(root, 'dist')));
  return { distA, distB: resolve(opt('b', distA)) };
}

/**
 * The inputs as { name, bytes }: files of --dir, else of the corpus texts, else `generate` (options of the engine's
 * writeCorpus) written by build `dist`; `keep(name)` filters file names.
 */
export async function benchInputs(dist, generate, keep = () => true) {
  const shared = join(root, '..', 'shared', 'corpus');
  let dirs = opt('dir', null) ? [opt('dir', null)] : [join(shared, 'seeds'), join(shared, 'dev', 'reports')];
  dirs = dirs.filter((d) => existsSync(d));
  let temp = null;
  if (!dirs.length) {
    const { writeCorpus } = await import(join(dist, 'index.js'));
    temp = mkdtempSync(join(tmpdir(), 'gongkai-ab-'));
    writeCorpus(temp, generate);
    dirs = [temp];
  }
  const inputs = dirs.flatMap((d) => readdirSync(d).filter((f) => !f.endsWith('.json') && !f.endsWith('.md'))
    .filter(keep).map((f) => ({ name: join(d, f), bytes: readFileSync(join(d, f)) })));
  if (temp) rmSync(temp, { recursive: true, force: true });
  return { inputs, from: temp ? 'generated reports' : dirs.join(', ') };
}

const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/**
 * `rounds` rounds of runA and runB (each `repeat` times), alternating which goes first; CPU µs per unit (`units`
 * per run). The first quarter warms up; returns the first round's figures and the medians after it.
 */
export function pairedRounds(runA, runB, { rounds, units, repeat = 1 }) {
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [[runA, a], [runB, b]] : [[runB, b], [runA, a]];
    for (const [run, out] of order) {
      const t = cpu();
      for (let k = 0; k < repeat; k++) run();
      out.push((cpu() - t) / units / repeat);
    }
  }
  const warm = Math.ceil(rounds / 4);
  return {
    firstA: a[0], firstB: b[0], medianA: median(a.slice(warm)), medianB: median(b.slice(warm)),
    ratio: median(a.slice(warm).map((x, i) => b[warm + i] / x)),
  };
}
