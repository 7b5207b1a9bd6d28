// The built package carries what it needs at run time beyond the compiled JavaScript: the store's SQL migrations
// (copied by scripts/copy-migrations.mjs in `npm run build`; tsc copies no .sql), byte for byte as in src/, in the
// file list `npm pack` would publish — a packed install has no src/ to fall back on. Needs dist/ (npm test builds).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src', 'store', 'migrations');

test('npm pack lists every SQL migration under dist/store/migrations, the same bytes as src', () => {
  if (!existsSync(join(ROOT, 'dist', 'store', 'open.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
  }
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const [pack] = JSON.parse(out) as { files: { path: string; size: number }[] }[];
  const packed = new Map(pack.files.map((f) => [f.path, f.size]));
  const migrations = readdirSync(SRC).filter((f) => f.endsWith('.sql')).sort();
  expect(migrations.length).toBeGreaterThan(0);
  const listed = [...packed.keys()].filter((p) => p.startsWith('dist/store/migrations/')).sort();
  expect(listed).toEqual(migrations.map((f) => `dist/store/migrations/${f}`));
  for (const f of migrations) {
    const built = readFileSync(join(ROOT, 'dist', 'store', 'migrations', f));
    expect(built.equals(readFileSync(join(SRC, f))), f).toBe(true);
    expect(packed.get(`dist/store/migrations/${f}`)).toBe(built.length);
  }
});
