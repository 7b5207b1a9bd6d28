// PDF output round trip: generated reports → HTML → Chromium PDF → our PDF reader → the same cells.
// Skips (with a message) where Chromium is not installed; .ci/run installs it.
import { describe, expect, it } from 'vitest';
import { generateReport, parseBytes } from '../src/index.js';
import { chromiumPath, renderPdf } from '../src/render/pdf.js';

const chromium = chromiumPath();
if (!chromium) console.warn('render-pdf.test: skipped — no Chromium (apt-get install chromium fonts-noto-cjk)');

describe.skipIf(!chromium)('PDF round trip', () => {
  for (const [seed, template] of [[3, '2021'], [8, '2019']] as const) {
    it(`generated ${template} report (seed ${seed}) reads back with identical cells`, async () => {
      const g = generateReport({ seed, layout: 'tab', template });
      const report = await parseBytes(g.bytes, g.name + g.extension);
      const pdf = await renderPdf(report);
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
      const back = await parseBytes(pdf, `${g.name}.pdf`);
      const values = (r: typeof report) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));
      expect(values(back)).toEqual(values(report));
      expect(values(back)).toEqual(g.truth.cells);
      expect(back.agency).toBe(report.agency);
      expect(back.year).toBe(report.year);
      expect(back.template).toBe(report.template);
    }, 120_000);
  }

  it('a blank cell in the first row after a page break stays blank (not joined to the cell above it)', async () => {
    // this report's table 三 breaks before 3.其他, whose 总计 is printed blank
    const g = generateReport({ seed: 1319221127, layout: 'html', damage: ['blanks'] });
    const key = 'applications/outcome.other.otherReasons/total';
    expect(g.truth.cells[key]).toBeNull();
    const report = await parseBytes(g.bytes, g.name + g.extension);
    const back = await parseBytes(await renderPdf(report), `${g.name}.pdf`);
    expect(back.cells[key]?.value).toBeNull();
    expect(back.cells[key]?.source.page).toBeGreaterThan(back.cells['applications/newReceived/total'].source.page!);
    for (const [k, want] of Object.entries(g.truth.cells)) expect(back.cells[k]?.value ?? null, k).toBe(want);
  }, 120_000);
});
