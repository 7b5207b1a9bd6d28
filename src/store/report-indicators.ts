// Each report's indicator parts as the write path keeps them (table report_indicators, migration 0009): the
// numerators and denominators analysis/indicators.ts indicatorParts gives, with the report's label and year, read
// for a region's span of years through one index range — what a page of the indicators, its rankings and its
// distributions are reduced from (analysis/indicator-page.ts) without reading reports.vals.
import { sql, type SQL } from 'drizzle-orm';
import { INDICATORS, type IndicatorInput } from '../analysis/indicators.js';
import { rows, type Ctx } from './context.js';
import type { YearSpan } from './indicator-sums.js';
import { subtreePattern } from './regions.js';
import type { ReportFilter } from './types.js';

const WIDTH = INDICATORS.length * 2;
// float8send writes big-endian; the parts are read into one little- or big-endian Float64Array as the host is
const SWAP = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 7 : 0;

/**
 * The parts of every row (float8send bytes, in base64) as indicatorParts gives them: views into one array, filled
 * byte by byte — a DataView and an array per row made the read of a province's year take twice as long, and the
 * bytes in hex (the drivers' bytea) a third longer than in base64.
 */
function partsOf(list: { parts: string }[]): Float64Array[] {
  const all = new Float64Array(list.length * WIDTH);
  const bytes = new Uint8Array(all.buffer);
  const size = WIDTH * 8;
  return list.map((r, i) => {
    const src = Buffer.from(r.parts, 'base64');
    // a stored row of another width was made for other definitions: the store rebuilds them on open (assert)
    if (src.length !== size) throw new Error(`report_indicators: ${src.length} bytes, not ${size}`);
    const at = i * size;
    for (let j = 0; j < size; j++) bytes[at + (j ^ SWAP)] = src[j];
    return all.subarray(i * WIDTH, (i + 1) * WIDTH);
  });
}

/**
 * The indicator inputs of the filter's reports in the span of years, by report id (as indicatorValues reads them),
 * from the kept parts; null when the filter asks more than a region and published-or-not.
 */
export async function reportIndicatorParts(ctx: Ctx, f: ReportFilter, span: YearSpan):
  Promise<(IndicatorInput & { year: number })[] | null> {
  const asked = Object.entries(f).filter(([k, v]) => v !== undefined && !['region', 'publishedOnly', 'limit']
    .includes(k));
  if (asked.length > 0) return null;
  const w: SQL[] = [];
  if (f.region) w.push(sql`region_code LIKE ${subtreePattern(f.region)}`);
  if (f.publishedOnly) w.push(sql`published`);
  if (span.from !== undefined) w.push(sql`year >= ${span.from}`);
  if (span.to !== undefined) w.push(sql`year <= ${span.to}`);
  const list = await rows<{ report_id: number; body_id: number | null; label: string; year: number;
    parts: string }>(ctx.db, sql`SELECT report_id, body_id, label, year, encode(parts, 'base64') AS parts
    FROM report_indicators
    ${w.length ? sql`WHERE ${sql.join(w, sql` AND `)}` : sql``} ORDER BY report_id`);
  const parts = partsOf(list);
  return list.map((r, i) => ({ reportId: Number(r.report_id), bodyId: r.body_id === null ? null : Number(r.body_id),
    label: r.label, year: Number(r.year), parts: parts[i] }));
}
