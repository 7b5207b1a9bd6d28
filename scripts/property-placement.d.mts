// Types of property-placement.mjs, for the test that runs a bounded number of its cases on the sources.
import type { GeneratedReport, GenerateOptions } from '../src/generate/index.js';
import type { Report } from '../src/model/report.js';
import type * as Scrapes from '../src/generate/scrapes.js';

export interface PropertyTotals {
  cases: number;
  cells: number;
  wrong: number;
  blanksPrinted: number;
  blanksFilled: number;
  blanksRead: number;
  leftOut: number;
  leftOutExplained: number;
}

export const BLANK_LAYOUTS: string[];
/** [layout, damage] or, for a scrape of a layout, [null, damage, scrape]. */
export const COMBOS: ([string, string[]] | [null, string[], Scrapes.ScrapeName])[];
export function runProperty(options: {
  count: number;
  seed?: number;
  generate: (o: GenerateOptions) => GeneratedReport;
  parse: (bytes: Uint8Array, name: string) => Promise<Report>;
  damages: readonly string[];
  scrapes: typeof Scrapes;
}): Promise<{ totals: PropertyTotals; failures: string[] }>;
