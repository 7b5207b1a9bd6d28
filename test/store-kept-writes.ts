// A write the kept tables' triggers must follow, shared by the tests of region_sums (0006) and report_indicators
// (0009): one multi-row INSERT of three reports, as an import batch and bench/queries.mjs's seeding write them —
// a published government report with a stored report's values, a draft with other values and no template, and a
// published report of another year with no values at all.
import { reports as reportsT } from '../src/store/schema.js';
import type { Store } from '../src/store/types.js';

export async function insertReportBatch(store: Store, copyOf: number, governmentId: number,
  departmentId: number): Promise<void> {
  const vals = (await store.db.execute(`SELECT vals::text AS v FROM reports WHERE id = ${copyOf}`) as
    unknown as { rows: { v: string }[] }).rows[0].v;
  const parsed = vals.slice(1, -1).split(',').map((x) => (x === 'NULL' ? null : Number(x)));
  await store.db.insert(reportsT).values([
    { bodyId: governmentId, year: 2023, status: 'published', template: '2021', vals: parsed },
    { bodyId: departmentId, year: 2023, status: 'draft', template: null, vals: parsed.map((v, i) =>
      (v === null || Number.isNaN(v) ? v : v + i)) },
    { bodyId: governmentId, year: 2020, status: 'published', template: '2019', vals: [] },
  ]);
}
