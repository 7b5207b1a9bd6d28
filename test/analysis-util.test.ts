// The analysis helpers' caches give what the plain computation gives: nameOrder remembers names across calls (a
// province's bodies are sorted on every request) and must order any set of names as sorting it with the zh collator
// does; daysBetween and addDays remember parsed dates.
import { describe, expect, it } from 'vitest';
import { addDays, compareZh, daysBetween, nameOrder } from '../src/analysis/util.js';
import { rng } from './seeded.js';

const CHARS = '甲乙丙丁戊己庚辛壬癸东西南北中县区市局委办人民政府教育财政统计阿吧擦的额发';

function names(next: () => number, n: number): string[] {
  return Array.from({ length: n }, () => Array.from({ length: 1 + Math.floor(next() * 4) },
    () => CHARS[Math.floor(next() * CHARS.length)]).join(''));
}

describe('nameOrder', () => {
  it('orders every set of names as the zh collator, across calls that add names', () => {
    const next = rng(7);
    for (let round = 0; round < 20; round++) {
      const list = names(next, 1 + Math.floor(next() * 300));
      const by = nameOrder(list);
      const got = [...list].sort(by);
      const want = [...list].sort((a, b) => compareZh(a, b) || (a < b ? -1 : a > b ? 1 : 0));
      expect(got).toEqual(want);
    }
  });
});

describe('dates', () => {
  it('counts and shifts days as the calendar does, the second time too', () => {
    for (let k = 0; k < 2; k++) {
      expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
      expect(daysBetween('2024-03-31', '2024-01-31')).toBe(-60);
      expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
      expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
      expect(Number.isNaN(daysBetween('x', '2024-01-01'))).toBe(true);
    }
  });
});
