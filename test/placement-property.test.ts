// The placement property (scripts/property-placement.mjs runs ≥ 10,000 cases) on a bounded number of cases, on the
// sources: reports with blanks sprinkled, rows printing only their 总计, rows that lost a value, labels detached from
// their values (after or before them), long labels split over two lines, rows of equal totals swapped — no number
// differs from the truth, no printed blank comes out as a number, and every cell left out is explained.
import { describe, expect, it } from 'vitest';
import { DAMAGES, generateReport } from '../src/generate/index.js';
import * as scrapes from '../src/generate/scrapes.js';
import { parseBytes } from '../src/parse.js';
import { COMBOS, runProperty } from '../scripts/property-placement.mjs';

describe('placement property (bounded)', () => {
  it('covers every layout that can show a blank and every placement damage', () => {
    const damages = new Set(COMBOS.flatMap(([, d]) => d));
    for (const d of ['blanks', 'short-rows', 'detached', 'split-labels', 'moved', 'swapped'])
      expect(damages.has(d), d).toBe(true);
    for (const d of damages) expect(DAMAGES as readonly string[]).toContain(d);
    expect(new Set(COMBOS.map(([, , scrape]) => scrape).filter(Boolean))).toEqual(new Set(scrapes.SCRAPES));
  });

  it('no wrong number and no blank filled over a few hundred generated reports', async () => {
    const { totals, failures } = await runProperty({
      count: 147, seed: 7, generate: generateReport, parse: parseBytes, damages: DAMAGES, scrapes,
    });
    expect(failures).toEqual([]);
    expect(totals.wrong).toBe(0);
    expect(totals.blanksFilled).toBe(0);
    // the run really contains printed blanks, and reads nearly all of them as blank
    expect(totals.blanksPrinted).toBeGreaterThan(100);
    expect(totals.blanksRead / totals.blanksPrinted).toBeGreaterThan(0.9);
    expect(totals.leftOutExplained).toBe(totals.leftOut);
  }, 120_000);
});
