#!/usr/bin/env node
// Evaluation against the shared corpus (../shared): scores `gongkai parse --json` with ../shared/tools/score.mjs
// on the seeds, the dev reports and the dev PDFs. Skips with a message when ../shared is absent (a fresh clone
// without the corpus); the test suite never depends on it.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.GONGKAI_SHARED ?? join(root, '..', 'shared');
const score = join(shared, 'tools', 'score.mjs');
if (!existsSync(score)) {
  console.log(`eval: skipped — ${shared} not found (the shared corpus is not part of this repository)`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) execFileSync('npm', ['run', 'build'],
  { cwd: root, stdio: 'inherit' });
const run = `node ${join(root, 'dist', 'cli', 'main.js')} parse --json`;
const sets = [
  ['seeds + dev reports', [join(shared, 'corpus', 'seeds'), join(shared, 'corpus', 'dev', 'reports')]],
  ['dev PDFs', [join(shared, 'corpus', 'dev', 'pdf')]],
];
const extra = process.argv.slice(2);
if (extra.length) sets.push(['given directories', extra]);
let failed = false;
for (const [name, dirs] of sets) {
  const present = dirs.filter((d) => existsSync(d));
  if (!present.length) continue;
  console.log(`== ${name}`);
  try {
    execFileSync(process.execPath, [score, '--run', run, ...present], { cwd: root, stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
