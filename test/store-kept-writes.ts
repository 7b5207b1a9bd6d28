// A write the kept tables' triggers must follow, shared by the tests of region_sums (0006) and report_indicators
// (0009): one multi-row INSERT of three reports, as an import batch and bench/queries.mjs's seeding write them —
// a published government report with a stored report's values, a draft with other values and no template, and a
// published report of another year with no values at all. Also the bodies and imported reports both tests start
// from.
import type { Body, BodyLevel } from '../src/model/api.js';
import { makeReport, type ReportSpec } from '../src/rules/testing.js';
import { reports as reportsT } from '../src/store/schema.js';
import type { Actor, Store } from '../src/store/types.js';

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

/** The bodies of a kept-table test, by name: [name, region code, level], each due 03-31, 口径 its own. */
export async function addBodies(store: Store, list: [string, string, BodyLevel][],
  actor: Actor): Promise<Record<string, Body>> {
  const made = await store.upsertBodies(list.map(([name, regionCode, level]) => ({ name, aliases: [], level,
    regionCode, parentId: null, dueDate: '03-31', scope: 'own' as const })), actor);
  return Object.fromEntries(made.map((b) => [b.name, b]));
}

/** A generated report of a body and year imported with a status (published ones on 1 March of the next year). */
export async function saveReport(store: Store, body: Body, year: number, spec: ReportSpec,
  status: 'published' | 'submitted', actor: Actor): Promise<number> {
  const report = makeReport({ agency: body.name, year, ...spec });
  return (await store.saveImported({ report, findings: [], source: null, bodyId: body.id, year, status,
    publishedAt: status === 'published' ? `${year + 1}-03-01` : null, reason: 'test' }, actor)).reportId;
}
