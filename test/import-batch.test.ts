// The import's batch write path (src/store/import-batch.ts) on PGlite, and on PostgreSQL when GONGKAI_TEST_PG_URL
// is set: a batch commits its reports and its job items together; a report that fails in a batch rolls back alone
// (nothing of it stays: no source file, report, version or finding) while the others and every item are written;
// a report the batch took for new but whose body and year are stored meanwhile becomes a new version; the
// neighbour query gives a previous year that checks exactly as the whole stored model does.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, generateReport, parseBytes } from '../src/index.js';
import type { Body } from '../src/model/api.js';
import type { Report } from '../src/model/report.js';
import { signature } from '../src/store/findings.js';
import { packReport } from '../src/store/model-codec.js';
import type { Actor, ImportBatchEntry, IncomingReport, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };

async function incoming(seed: number, agency: string, year: number, bodyId: number | null,
  damage: 'inconsistent' | null = null): Promise<IncomingReport & { report: Report }> {
  const g = generateReport({ seed, agency, year, layout: 'tab', damage: damage ? [damage] : [] });
  const report = await parseBytes(g.bytes, `${seed}.txt`);
  return {
    report, findings: checkReport(report), bodyId, year, status: 'published', reason: 'import',
    source: { hash: createHash('sha256').update(g.bytes).digest('hex'), name: `${seed}.txt`, bytes: g.bytes,
      format: report.format },
  };
}

// packed, as the import's workers hand the reports over (store/model-codec.ts)
const entry = (itemId: number, inc: IncomingReport & { report: Report }, fast = true): ImportBatchEntry =>
  ({ itemId, hash: inc.source!.hash, incoming: { ...inc, report: packReport(inc.report) }, fast, rechecks: [],
    note: null });

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`import batches on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let bodies: Body[];

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      const names = ['甲县人民政府', '乙县人民政府', '丙县人民政府'];
      bodies = await store.upsertBodies(names.map((name) => ({ name, aliases: [], level: 'county' as const,
        regionCode: '320813', parentId: null, dueDate: '03-31', scope: 'own' as const })), SYS);
    });
    afterAll(async () => {
      await dispose?.();
    });

    it('writes a batch and its items together; a failing report rolls back alone', async () => {
      const job = await store.createImportJob(['a', 'b', 'c', 'd'], SYS);
      const [a, b, c] = await Promise.all([incoming(1, bodies[0].name, 2022, bodies[0].id, 'inconsistent'),
        incoming(2, bodies[1].name, 2022, bodies[1].id), incoming(3, bodies[2].name, 2022, bodies[2].id)]);
      const broken = { ...b, bodyId: 999_999 }; // no such body: the reports row breaks its foreign key
      const ids = job.items.map((i) => i.id);
      const got = await store.writeImportBatch(job.id, [entry(ids[0], a), entry(ids[1], broken), entry(ids[2], c),
        { itemId: ids[3], hash: null, settled: { status: 'failed', reportId: null, error: 'unreadable' } }], SYS);
      expect(got.map((r) => r.status)).toEqual(['imported', 'failed', 'imported', 'failed']);
      expect(got[1].error).toBeTruthy();
      const after = (await store.getImportJob(job.id))!;
      expect(after.items.map((i) => [i.status, i.reportId])).toEqual(got.map((r) => [r.status, r.reportId]));
      expect(after.items[0].hash).toBe(a.source!.hash);
      // nothing of the failed report stays
      expect(await store.hasSource(b.source!.hash)).toBeNull();
      expect((await store.heldSources([a.source!.hash, b.source!.hash, c.source!.hash])).size).toBe(2);
      expect((await store.listReports({ limit: 10 })).total).toBe(2);
      const stored = (await store.getReport(got[0].reportId!))!;
      expect(stored.findings.map((f) => signature(f)).sort()).toEqual(a.findings.map(signature).sort());
      expect(stored.counts.error).toBeGreaterThan(0);
      expect((await store.listVersions(got[0].reportId!)).map((v) => v.version)).toEqual([1]);
      const audit = await store.audit({ entity: 'report', entityId: String(got[0].reportId) });
      expect(audit.items[0].action).toBe('import');
    });

    it('stores the batch\'s source files byte for byte (every byte value, and a file with none)', async () => {
      const job = await store.createImportJob(['e', 'f'], SYS);
      const names = ['丁县人民政府', '戊县人民政府'];
      const more = await store.upsertBodies(names.map((name) => ({ name, aliases: [], level: 'county' as const,
        regionCode: '320813', parentId: null, dueDate: '03-31', scope: 'own' as const })), SYS);
      const all = new Uint8Array(4096).map((_, i) => (i * 7) % 256); // 0x00 and 0x5c among them
      const sources = [all, new Uint8Array(0)];
      const list = await Promise.all(more.map(async (b, i) => {
        const inc = await incoming(40 + i, b.name, 2022, b.id);
        const hash = createHash('sha256').update(sources[i]).digest('hex');
        return { ...inc, source: { ...inc.source!, hash, bytes: sources[i] } };
      }));
      const got = await store.writeImportBatch(job.id, list.map((inc, i) => entry(job.items[i].id, inc)), SYS);
      expect(got.map((r) => r.status)).toEqual(['imported', 'imported']);
      for (const [i, r] of got.entries()) {
        const src = await store.sourceFile(r.reportId!);
        expect(Buffer.from(src!.bytes).equals(Buffer.from(sources[i])), names[i]).toBe(true);
      }
    });

    it('makes a new version when the body and year are stored after all, and re-imports nothing', async () => {
      const job = await store.createImportJob(['e', 'f'], SYS);
      const e = await incoming(4, bodies[0].name, 2022, bodies[0].id); // 甲县 2022 is stored by the first test
      const f = await incoming(5, bodies[1].name, 2022, bodies[1].id);
      const held = (await store.findReport(bodies[0].id, 2022))!;
      const got = await store.writeImportBatch(job.id, [entry(job.items[0].id, e), entry(job.items[1].id, f)], SYS);
      expect(got.map((r) => r.status)).toEqual(['imported', 'imported']);
      expect(got[0].reportId).toBe(held.id);
      expect((await store.listVersions(held.id)).map((v) => v.version)).toEqual([1, 2]);
      const again = await store.createImportJob(['f again'], SYS);
      const same = await store.writeImportBatch(again.id, [entry(again.items[0].id, f)], SYS);
      expect(same).toEqual([{ status: 'unchanged', reportId: got[1].reportId, error: null }]);
    });

    it('gives a previous year that the rules check as they check the whole stored model', async () => {
      const next = await incoming(6, bodies[1].name, 2023, bodies[1].id);
      const [n] = await store.importNeighbours([{ bodyId: bodies[1].id, year: 2022, previous: true },
        { bodyId: bodies[1].id, year: 2021, previous: true }]);
      const prev = (await store.findReport(bodies[1].id, 2022))!;
      expect(n).toMatchObject({ reportId: prev.id, bodyId: bodies[1].id, year: 2022, status: 'published', version: 1 });
      const whole = (await store.getReportModel(prev.id))!;
      const want = checkReport(next.report, whole).map(signature);
      expect(want.some((s) => s.startsWith('cross-year|'))).toBe(true);
      expect(checkReport(next.report, n.previous!).map(signature)).toEqual(want);
      expect(Object.keys(n.previous!.cells).sort()).toEqual(Object.keys(whole.cells).sort());
    });
  });
}
