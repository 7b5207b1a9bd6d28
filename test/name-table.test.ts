// The region-name table (src/recognise/name-table.ts) answers as a Set of the names would, built from the names or
// read back from the bytes the build writes; longestFrom never says less than the longest name with that start.
import { expect, test } from 'vitest';
import { NameTable } from '../src/recognise/name-table.js';
import { regionNamesFromPackage } from '../src/recognise/agency.js';

const names = regionNamesFromPackage();
const text = names.join('\n');
const set = new Set(names);
const longest = new Map<string, number>();
for (const n of names) longest.set(n.slice(0, 2), Math.max(longest.get(n.slice(0, 2)) ?? 0, n.length));

function agreesWithSet(table: NameTable): void {
  let checked = 0;
  for (let i = 0; i < names.length; i += 7) {
    // a name, another name and a body suffix run together: every piece of it, known or not
    const s = `${names[i]}${names[(i * 7919) % names.length]}人民政府`;
    for (let a = 0; a < s.length; a++) {
      expect(table.longestFrom(s, a)).toBeGreaterThanOrEqual(longest.get(s.slice(a, a + 2)) ?? 0);
      for (let b = a; b <= s.length; b++) {
        if (table.has(s, a, b) !== set.has(s.slice(a, b))) expect([s.slice(a, b), table.has(s, a, b)]).toEqual([]);
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(100_000);
  for (const n of names) if (!table.has(n)) expect(n).toBe('a known name');
  expect(table.has('洪泽区')).toBe(true);
  expect(table.has('洪泽')).toBe(false);
  expect(table.longestFrom('洪', 0)).toBe(0); // one character left: no name starts there
}

test('built from the names, it answers as the Set does', () => {
  agreesWithSet(NameTable.build(text));
});

test('read back from its bytes, it answers the same; bytes of other names are refused', () => {
  const bytes = NameTable.build(text).index();
  const table = NameTable.fromIndex(text, bytes);
  expect(table).not.toBeNull();
  agreesWithSet(table!);
  // an unaligned copy is read too
  const shifted = new Uint8Array(bytes.length + 1).subarray(1);
  shifted.set(bytes);
  expect(NameTable.fromIndex(text, shifted)).not.toBeNull();
  expect(NameTable.fromIndex(`${text}\n新设镇`, bytes)).toBeNull();
  expect(NameTable.fromIndex(text, bytes.subarray(0, 100))).toBeNull();
});
