// The import's cross-year checks (src/import/cross-year.ts forBatch) on PGlite, and on PostgreSQL when
// GONGKAI_TEST_PG_URL is set: a batch's reports come packed with their own findings, as the workers hand them over;
// against each stored previous year only the previous-year rules run, and the findings must be exactly — same
// findings, same order — those of the full run, checkReport(report, the stored previous model); a stored next
// year is re-checked as checkReport(next, report).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, generateReport, parseBytes } from '../src/index.js';
import { forBatch } from '../src/import/cross-year.js';
import type { Body } from '../src/model/api.js';
import type { Report } from '../src/model/report.js';
import { parseTerm, relationsFor } from '../src/model/relations.js';
import { packReport } from '../src/store/model-codec.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };
const NAMES = ['甲县人民政府', '乙县统计局', '丙县教育局', '丁县民政局'];

async function read(seed: number, agency: string, year: number): Promise<{ report: Report; bytes: Uint8Array }> {
  const g = generateReport({ seed, agency, year, layout: (['tab', 'markdown', 'html'] as const)[seed % 3],
    damage: seed % 4 === 0 ? ['inconsistent'] : [] });
  return { report: await parseBytes(g.bytes, `${seed}${g.extension}`), bytes: g.bytes };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the import's cross-year checks on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let bodies: Body[];

    /** stores one report per (body, year) through the import's batch write */
    async function put(list: { body: Body; year: number; seed: number }[]): Promise<void> {
      const job = await store.createImportJob(list.map((x) => `${x.seed}`), SYS);
      const entries = await Promise.all(list.map(async (x, i) => {
        const { report, bytes } = await read(x.seed, x.body.name, x.year);
        const hash = createHash('sha256').update(bytes).digest('hex');
        return { itemId: job.items[i].id, hash, fast: true, rechecks: [], note: null, incoming: {
          report: packReport(report), findings: checkReport(report), bodyId: x.body.id, year: x.year,
          status: 'published' as const, reason: 'import',
          source: { hash, name: `${x.seed}`, bytes, format: report.format },
        } };
      }));
      const got = await store.writeImportBatch(job.id, entries, SYS);
      expect(got.map((r) => r.status)).toEqual(list.map(() => 'imported'));
    }

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      bodies = await store.upsertBodies(NAMES.map((name) => ({ name, aliases: [], level: 'county' as const,
        regionCode: '320813', parentId: null, dueDate: '03-31', scope: 'own' as const })), SYS);
      // previous years for the first three bodies (none for the fourth), a next year for the first and third
      await put([{ body: bodies[0], year: 2022, seed: 10 }, { body: bodies[1], year: 2022, seed: 11 },
        { body: bodies[2], year: 2022, seed: 12 }, { body: bodies[0], year: 2024, seed: 13 },
        { body: bodies[2], year: 2024, seed: 14 }]);
    });
    afterAll(async () => {
      await dispose?.();
    });

    it('gives the findings of the full run, in its order, in both directions', async () => {
      const reports = await Promise.all(bodies.map((b, i) => read(20 + i, b.name, 2023)));
      const got = await forBatch(store, reports.map(({ report }, i) => ({ bodyId: bodies[i].id, year: 2023,
        report: packReport(report), findings: checkReport(report) })));
      let crossYear = 0;
      for (const [i, { report }] of reports.entries()) {
        const prev = await store.findReport(bodies[i].id, 2022);
        const want = checkReport(report, prev ? (await store.getReportModel(prev.id))! : undefined);
        expect(got[i].findings, NAMES[i]).toEqual(want);
        crossYear += want.filter((f) => f.ruleId === 'cross-year').length > 0 ? 1 : 0;
        const next = await store.findReport(bodies[i].id, 2024);
        const rechecks = next ? [{ reportId: next.id,
          findings: checkReport((await store.getReportModel(next.id))!, report) }] : [];
        expect(got[i].rechecks, NAMES[i]).toEqual(rechecks);
        expect(got[i].existing).toBe(false);
      }
      // the previous years add findings (so the comparison above can fail), and the fourth body has none
      expect(crossYear).toBe(3);
      expect(got[3].findings).toEqual(checkReport(reports[3].report));
    });

    it('gives the same findings when the quoted cells\' sources were not sent (the cells unpacked for them)',
      async () => {
        const reports = await Promise.all(bodies.map((b, i) => read(20 + i, b.name, 2023)));
        const list = reports.map(({ report }, i) => ({ bodyId: bodies[i].id, year: 2023, report: packReport(report),
          findings: checkReport(report) }));
        const sent = await forBatch(store, list);
        const unsent = await forBatch(store, list.map((m) => ({ ...m, report: { ...m.report, sources: '{}' } })));
        expect(unsent.map((c) => c.findings)).toEqual(sent.map((c) => c.findings));
        // the findings quote sources (so an unpacking that lost them would show)
        expect(sent.flatMap((c) => c.findings).filter((f) => f.ruleId === 'cross-year' && f.source).length)
          .toBeGreaterThan(0);
      });

    it('gives the full run\'s findings when the previous year agrees (cells not unpacked)', async () => {
      // a previous year made to agree with the report: each cross-year relation's one previous-year cell set so
      // that the relation holds (forBatch then finds nothing to add from the report's keys and values alone)
      const body = (await store.upsertBodies([{ name: '戊县审计局', aliases: [], level: 'department',
        regionCode: '320813', parentId: null, dueDate: '01-31', scope: 'own' }], SYS))[0];
      const { report } = await read(31, body.name, 2023);
      const prev = (await read(32, body.name, 2022)).report;
      let set = 0;
      for (const rel of relationsFor(report).filter((r) => r.scope === 'crossYear')) {
        const terms = [...rel.lhs.map((t) => ({ ...parseTerm(t), side: 1 })),
          ...rel.rhs.map((t) => ({ ...parseTerm(t), side: -1 }))];
        const own = terms.filter((t) => !t.prev);
        const theirs = terms.filter((t) => t.prev);
        if (theirs.length !== 1 || !prev.cells[theirs[0].key]) continue;
        if (own.some((t) => typeof report.cells[t.key]?.value !== 'number')) continue;
        const rest = own.reduce((sum, t) => sum + t.side * t.sign * report.cells[t.key].value!, 0);
        const value = -rest / (theirs[0].side * theirs[0].sign);
        prev.cells[theirs[0].key] = { ...prev.cells[theirs[0].key], value, raw: String(value) };
        set++;
      }
      expect(set).toBeGreaterThan(0);
      const hash = createHash('sha256').update(`agreeing ${set}`).digest('hex');
      const job = await store.createImportJob(['agreeing'], SYS);
      await store.writeImportBatch(job.id, [{ itemId: job.items[0].id, hash, fast: true, rechecks: [], note: null,
        incoming: { report: packReport(prev), findings: checkReport(prev), bodyId: body.id, year: 2022,
          status: 'published', reason: 'import', source: { hash, name: 'agreeing', bytes: new Uint8Array([1]),
            format: prev.format } } }], SYS);
      const [got] = await forBatch(store, [{ bodyId: body.id, year: 2023, report: packReport(report),
        findings: checkReport(report) }]);
      const stored = (await store.getReportModel((await store.findReport(body.id, 2022))!.id))!;
      const want = checkReport(report, stored);
      expect(got.findings).toEqual(want);
      expect(want.filter((f) => f.ruleId === 'cross-year')).toEqual([]);
    });
  });
}
