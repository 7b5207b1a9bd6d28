#!/usr/bin/env node
// Property run for printed blanks and proven placements (issue 8): generates reports with blanks sprinkled, rows
// printing only their 总计, rows that lost a value, labels detached from their values and split over lines, value
// rows moved before their labels, rows of equal sums swapped — and compares every parsed cell with the truth.
// Prints: cases, wrong numbers (a value that differs from the truth, or a value the truth does not have), blanks
// filled (a cell printed blank that came out as a number), cells left out (and how many of those the report
// explains with a diagnostic). Exit status 1 when any number is wrong or any blank is filled.
//
//   npm run build && node scripts/property-placement.mjs [--count 10000] [--seed 1] [--json]

/** Layouts whose text shows where a blank cell is (an empty field, an empty <td>, a gap at its column). */
export const BLANK_LAYOUTS = ['tab', 'pipe', 'markdown', 'html', 'html-gbk', 'text-gbk', 'traditional', 'layout',
  'cell-per-line'];
const TABLE_LAYOUTS = ['tab', 'markdown', 'pipe', 'cell-per-line', 'layout', 'pdf-default', 'html', 'html-gbk',
  'text-gbk', 'traditional'];

/** The cases, in turn: [layout, damage]. */
export const COMBOS = [
  ...BLANK_LAYOUTS.map((l) => [l, ['blanks']]),
  ...TABLE_LAYOUTS.map((l) => [l, ['short-rows']]),
  ...TABLE_LAYOUTS.map((l) => [l, []]),
  ...['tab', 'pipe', 'markdown', 'text-gbk'].flatMap((l) =>
    [[l, ['detached']], [l, ['split-labels']], [l, ['moved']], [l, ['swapped']]]),
  // scrapes of a layout (src/generate/scrapes.ts): a tab report with its tabs turned to spaces, a page's innerText,
  // a page with its tags dropped (each cell on a line led by a tab or a space), tab and markdown tables padded
  ...['spaced', 'inner-text', 'tab-led', 'space-led', 'padded', 'padded-markdown'].flatMap((scrape) =>
    [[null, ['blanks'], scrape], [null, ['short-rows'], scrape]]),
];

/** Placement diagnostics: the report says why a cell it could not place was left out (or may be a lost one). */
const EXPLAINS = /unplaced|unplaceable|partly-placed|scrambled|positions-unreliable|row-cut|blank-or-lost/;

/**
 * Run `count` generated cases through `parse` and tally them. `generate` and `parse` are passed in so that the
 * test suite can run the same property on the sources (a bounded number of cases).
 */
export async function runProperty({ count, seed = 1, generate, parse, damages, scrapes }) {
  const combos = COMBOS.filter(([, d]) => d.every((x) => damages.includes(x)));
  const t = { cases: 0, cells: 0, wrong: 0, blanksPrinted: 0, blanksFilled: 0, blanksRead: 0, leftOut: 0,
    leftOutExplained: 0 };
  const failures = [];
  for (let i = 0; i < count; i++) {
    const [combo, damage, scrape] = combos[i % combos.length];
    const layout = scrape ? scrapes.SCRAPE_OF[scrape] : combo;
    const s = seed * 100_003 + i;
    const g = generate({ seed: s, layout, damage });
    const r = scrape
      ? await parse(new TextEncoder().encode(scrapes.scrapeText(scrape, new TextDecoder().decode(g.bytes))),
        `${g.name}.${scrape}.txt`)
      : await parse(g.bytes, g.name + g.extension);
    t.cases++;
    const explained = r.diagnostics.some((d) => EXPLAINS.test(d.code));
    const at = `generateReport({ seed: ${s}, layout: '${layout}', damage: ${JSON.stringify(damage)} })` +
      (scrape ? ` as ${scrape}` : '');
    for (const [key, want] of Object.entries(g.truth.cells)) {
      t.cells++;
      const got = r.cells[key]?.value;
      if (want === null) {
        t.blanksPrinted++;
        if (typeof got === 'number') {
          t.blanksFilled++;
          failures.push(`${at}: ${key} printed blank, read ${got} (${r.cells[key].how})`);
        } else if (got === null) t.blanksRead++;
      } else if (got === undefined || got === null) {
        t.leftOut++;
        if (explained) t.leftOutExplained++;
      } else if (Math.abs(got - want) > 1e-9) {
        t.wrong++;
        failures.push(`${at}: ${key} read ${got}, truth ${want} (${r.cells[key].how})`);
      }
    }
    for (const [key, cell] of Object.entries(r.cells)) {
      if (key in g.truth.cells || cell.value === null) continue;
      t.wrong++;
      failures.push(`${at}: ${key} read ${cell.value}, not in the truth`);
    }
  }
  return { totals: t, failures };
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const count = Number(opt('count', 10_000));
  const seed = Number(opt('seed', 1));
  const started = Date.now();
  const { DAMAGES, generateReport } = await import('../dist/generate/index.js');
  const { parseBytes } = await import('../dist/parse.js');
  const scrapes = await import('../dist/generate/scrapes.js');
  const { totals, failures } = await runProperty({ count, seed, generate: generateReport, parse: parseBytes,
    damages: [...DAMAGES], scrapes });
  const seconds = (Date.now() - started) / 1000;
  if (args.includes('--json')) console.log(JSON.stringify({ ...totals, seconds }));
  else {
    console.log(`cases ${totals.cases} (${seconds.toFixed(1)} s) · cells ${totals.cells}`);
    console.log(`wrong numbers ${totals.wrong} · blanks filled ${totals.blanksFilled} ` +
      `(of ${totals.blanksPrinted} printed blank; ${totals.blanksRead} read blank)`);
    console.log(`cells left out ${totals.leftOut} (${totals.leftOutExplained} in reports with a placement diagnostic)`);
  }
  for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
  process.exit(totals.wrong || totals.blanksFilled ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
