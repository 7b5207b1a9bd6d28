// Golden-file helper for tests: compare output with a file under test/golden/, or (re)write the file when the
// environment has UPDATE_GOLDEN=1. CI never sets it, so a missing or different golden file fails the test.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** Compare `actual` with test/golden/<name> byte for byte (name may contain folders, e.g. 'render/a.html'). */
export function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  if (!existsSync(file)) throw new Error(
    `golden file test/golden/${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  expect(actual, `output differs from test/golden/${name} (UPDATE_GOLDEN=1 rewrites it)`)
    .toBe(readFileSync(file, 'utf8'));
}
