// The Store contract (src/store/types.ts), run on PGlite and on PostgreSQL (GONGKAI_TEST_PG_URL): regions from
// GB/T 2260, body identity by agencyKey + region, imports idempotent by content hash, versions and diffs, 待确认
// and assignment, findings whose decisions survive re-checks, the audit trail, users and sessions, settings, import
// jobs, SQL-side sums against sums of the models, filters, tasks and reset.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, generateReport, parseBytes } from '../src/index.js';
import type { Body } from '../src/model/api.js';
import type { Finding, Report } from '../src/model/report.js';
import { StoreError, type Actor, type IncomingReport, type Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };
const ALICE: Actor = { userId: 1, username: 'alice' };

async function incoming(o: { seed: number; agency: string; year: number; bodyId: number | null; damage?: 'inconsistent';
  status?: IncomingReport['status'] }): Promise<IncomingReport> {
  const g = generateReport({
    seed: o.seed, agency: o.agency, year: o.year, layout: 'tab', damage: o.damage ? [o.damage] : [],
  });
  const report = await parseBytes(g.bytes, `${o.seed}.txt`);
  return {
    report, findings: checkReport(report), bodyId: o.bodyId, year: o.bodyId === null ? null : o.year,
    status: o.status ?? 'published', reason: 'import',
    source: {
      hash: createHash('sha256').update(g.bytes).digest('hex'), name: `${o.seed}.txt`, bytes: g.bytes,
      format: report.format,
    },
  };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`store contract on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let county: Body;
    let dept: Body;

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
    });
    afterAll(async () => {
      await dispose?.();
    });

    it('answers a ping (the health check) in one round trip', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('loads the GB/T 2260 tree once, with subtrees by code', async () => {
      const provinces = await store.listRegions();
      expect(provinces.length).toBeGreaterThanOrEqual(31);
      expect(provinces.find((p) => p.code === '320000')?.name).toBe('江苏省');
      const cities = await store.listRegions('320000');
      expect(cities.find((c) => c.code === '320800')?.name).toBe('淮安市');
      const sub = await store.regionSubtree('320800');
      expect(sub).toContain('320813');
      expect(sub).not.toContain('320100');
      expect(sub.every((c) => c.startsWith('3208'))).toBe(true);
    });

    it('knows one body by its agencyKey and region, whatever form of the name is given', async () => {
      [county] = await store.upsertBodies([{ name: '淮安市洪泽区人民政府', aliases: [], level: 'county', regionCode: '320813',
        parentId: null, dueDate: '03-31', scope: 'own' }], SYS);
      const again = await store.upsertBodies([{ name: '洪泽区人民政府', aliases: ['洪泽区政府'], level: 'county',
        regionCode: '320813', parentId: null, dueDate: '03-31', scope: 'own' }], SYS);
      expect(again[0].id).toBe(county.id);
      expect((await store.listBodies({ region: '320800' })).total).toBe(1);
      [dept] = await store.upsertBodies([{ name: '洪泽区统计局', aliases: [], level: 'department', regionCode: '320813',
        parentId: county.id, dueDate: '01-31', scope: 'own' }], SYS);
      expect((await store.findBodyByName('淮安市洪泽区人民政府', '320800'))?.id).toBe(county.id);
      expect((await store.findBodyByName('洪泽区人民政府办公室'))?.id).toBe(county.id);
      expect(await store.findBodyByName('洪泽区人民政府', '110000')).toBeNull();
      expect((await store.findBodyByName('江苏省淮安市洪泽区统计局'))?.id).toBe(dept.id);
      expect((await store.listBodies({ parentId: county.id })).total).toBe(2);
      const moved = await store.updateBody(dept.id, { dueDate: '02-20' }, ALICE);
      expect(moved.dueDate).toBe('02-20');
      expect((await store.getBody(dept.id))?.dueDate).toBe('02-20');
    });

    let first = 0;
    it('imports a report once: the same file again changes nothing', async () => {
      const inc = await incoming({ seed: 11, agency: '洪泽区人民政府', year: 2022, bodyId: county.id });
      const a = await store.saveImported(inc, SYS);
      expect(a.outcome).toBe('imported');
      first = a.reportId;
      const versions = await store.listVersions(first);
      const audit = (await store.audit({ entity: 'report', entityId: String(first) })).total;
      const b = await store.saveImported(inc, SYS);
      expect(b).toEqual({ reportId: first, outcome: 'unchanged' });
      expect(await store.listVersions(first)).toEqual(versions);
      expect((await store.audit({ entity: 'report', entityId: String(first) })).total).toBe(audit);
      expect(await store.hasSource(inc.source!.hash)).toBe(first);
      const src = await store.sourceFile(first);
      expect(Buffer.from(src!.bytes).equals(Buffer.from(inc.source!.bytes))).toBe(true);
    });

    it('keeps the cells with their provenance, and rebuilds the engine report', async () => {
      const d = await store.getReport(first);
      const model = await store.getReportModel(first);
      expect(d?.bodyId).toBe(county.id);
      expect(d?.status).toBe('published');
      expect(Object.keys(d!.cells).length).toBeGreaterThan(100);
      const key = 'applications/newReceived/total';
      expect(d!.cells[key].source.line).toBeGreaterThan(0);
      expect(d!.cells[key]).toEqual(model!.cells[key]);
      expect((await store.findReport(county.id, 2022))?.id).toBe(first);
    });

    it('makes a new version for a changed file of the same body and year, listed and diffed', async () => {
      const inc = await incoming({ seed: 12, agency: '洪泽区人民政府', year: 2022, bodyId: county.id });
      const r = await store.saveImported(inc, SYS);
      expect(r).toEqual({ reportId: first, outcome: 'imported' });
      const versions = await store.listVersions(first);
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      const diff = await store.diffVersions(first, 1, 2);
      const a = (await store.getReportModel(first, 1))!;
      const b = (await store.getReportModel(first, 2))!;
      const changed = Object.keys(b.cells).filter((k) => a.cells[k]?.value !== b.cells[k].value);
      expect(diff.cells.map((c) => c.key).sort()).toEqual(changed.sort());
      expect(changed.length).toBeGreaterThan(0);
      await expect(store.diffVersions(first, 1, 9)).rejects.toBeInstanceOf(StoreError);
    });

    it('keeps a report whose body is unknown as 待确认 until it is assigned', async () => {
      const inc = await incoming({ seed: 13, agency: '洪泽区统计局', year: 2022, bodyId: null });
      const r = await store.saveImported(inc, SYS);
      expect(r.outcome).toBe('pending');
      expect((await store.getReport(r.reportId))?.status).toBe('pending');
      expect((await store.listReports({ status: 'pending' })).items.map((s) => s.id)).toEqual([r.reportId]);
      await expect(store.assign(r.reportId, county.id, 2022, ALICE)).rejects.toMatchObject({ code: 'conflict' });
      await store.assign(r.reportId, dept.id, 2022, ALICE);
      const d = await store.getReport(r.reportId);
      expect([d?.bodyId, d?.year, d?.status]).toEqual([dept.id, 2022, 'published']);
    });

    it('keeps a reviewer decision across re-checks, closes what is no longer found, reopens it with its decision',
      async () => {
        const inc = await incoming({
          seed: 14, agency: '洪泽区人民政府', year: 2023, bodyId: county.id, damage: 'inconsistent',
        });
        const { reportId } = await store.saveImported(inc, SYS);
        const stored = (await store.getReport(reportId))!.findings;
        const errors = stored.filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThan(0);
        expect((await store.getReport(reportId))!.counts.error).toBe(errors.length);
        const target = errors[0];
        const decided = await store.decide(target.id, { decision: 'dismissed', reason: '经核实为印刷错误' }, ALICE);
        expect(decided.status).toBe('dismissed');
        expect((await store.getReport(reportId))!.counts.error).toBe(errors.length - 1);
        const same = await store.recheck(reportId, inc.findings, ALICE);
        expect(same.find((f) => f.id === target.id)).toMatchObject({ status: 'dismissed', decisionReason: '经核实为印刷错误',
          decidedBy: 'alice' });
        expect(same.filter((f) => f.status !== 'closed').length).toBe(inc.findings.length);
        const without: Finding[] = inc.findings
          .filter((f) => f.message !== target.message || f.ruleId !== target.ruleId);
        const after = await store.recheck(reportId, without, ALICE);
        expect(after.find((f) => f.id === target.id)?.status).toBe('closed');
        const back = await store.recheck(reportId, inc.findings, ALICE);
        expect(back.find((f) => f.id === target.id)?.status).toBe('dismissed');
        expect((await store.getFinding(target.id))?.reportId).toBe(reportId);
        // a finding on other values is another finding: no decision carried to it
        const moved = inc.findings.map((f) => (
          f === inc.findings.find((x) => x.ruleId === target.ruleId && x.message === target.message)
          ? { ...f, cells: f.cells.map((c) => ({ ...c, value: (c.value ?? 0) + 1 })) } : f));
        const other = await store.recheck(reportId, moved, ALICE);
        expect(other.find((f) => f.id === target.id)?.status).toBe('closed');
        expect(other.filter((f) => f.status === 'open' && f.ruleId === target.ruleId).length).toBeGreaterThan(0);
      });

    it('records every write in the audit trail: who, what, old and new, why', async () => {
      const byAlice = await store.audit({ userId: 1 });
      expect(byAlice.total).toBeGreaterThan(0);
      const decision = byAlice.items.find((a) => a.action === 'decide')!;
      expect(decision).toMatchObject({ username: 'alice', entity: 'finding', reason: '经核实为印刷错误' });
      expect(decision.before).toMatchObject({ status: 'open' });
      expect(decision.after).toMatchObject({ status: 'dismissed' });
      const body = (await store.audit({ entity: 'body', entityId: String(dept.id) })).items
        .find((a) => a.action === 'update')!;
      expect((body.before as Body).dueDate).toBe('01-31');
      expect((body.after as Body).dueDate).toBe('02-20');
    });

    it('records workflow steps with their dates, a resubmission after a return, without a new version', async () => {
      const { reportId } = await store.saveImported(await incoming({ seed: 15, agency: '洪泽区统计局', year: 2023,
        bodyId: dept.id, status: 'draft' }), SYS);
      await store.setStatus(reportId, 'submitted', { at: '2024-01-20' }, ALICE);
      await store.setStatus(reportId, 'returned', { at: '2024-01-25', note: '表三有误', findingIds: [1] }, ALICE);
      await store.setStatus(reportId, 'submitted', { at: '2024-02-02' }, ALICE);
      await store.setStatus(reportId, 'accepted', { at: '2024-02-05' }, ALICE);
      await store.setStatus(
        reportId, 'published', { publishedAt: '2024-02-08', publishedUrl: 'https://example.gov.cn/a' }, ALICE,
      );
      const d = (await store.getReport(reportId))!;
      expect([
        d.status, d.submittedAt, d.returnedAt, d.resubmittedAt, d.acceptedAt, d.publishedAt, d.publishedUrl,
        d.returnNote,
      ]).toEqual([
        'published', '2024-01-20', '2024-01-25', '2024-02-02', '2024-02-05', '2024-02-08', 'https://example.gov.cn/a',
        '表三有误',
      ]);
      expect((await store.listVersions(reportId)).map((v) => [v.version, v.status])).toEqual([[1, 'published']]);
    });

    it('lists reports with filters, sorting and paging', async () => {
      const all = await store.listReports({ limit: 100 });
      expect(all.total).toBe(all.items.length);
      expect(all.total).toBe(4);
      expect((await store.listReports({ region: '320800' })).total).toBe(4);
      expect((await store.listReports({ region: '110000' })).total).toBe(0);
      expect((await store.listReports({ year: 2023 })).total).toBe(2);
      expect((await store.listReports({ bodyId: dept.id })).total).toBe(2);
      expect((await store.listReports({ parentBodyId: county.id })).total).toBe(4);
      expect((await store.listReports({ hasErrors: true })).items.every((r) => r.counts.error > 0)).toBe(true);
      expect((await store.listReports({ q: '统计局' })).total).toBe(2);
      const page = await store.listReports({ limit: 1, offset: 1, sort: 'year', order: 'asc' });
      expect(page.items.length).toBe(1);
      expect(page.total).toBe(4);
      expect(page.items[0].year).toBe(2022);
      await store.setStatus(first, 'accepted', {}, ALICE);
      const pub = await store.listReports({ publishedOnly: true });
      expect(pub.items.every((r) => r.status === 'published')).toBe(true);
      expect(pub.total).toBe(3);
      expect((await store.listReports({ publishedOr: { bodyId: county.id } })).total).toBe(4);
      await store.setSimilar([first], true);
      expect((await store.listReports({ similar: true })).items.map((r) => r.id)).toEqual([first]);
    });

    it('sums cells in SQL exactly as the models add up (a blank stays blank)', async () => {
      const models = await store.reportModels({ region: '320800' });
      expect(models.length).toBe(4);
      const keys = ['applications/newReceived/total', 'applications/newReceived/naturalPerson', 'art20_8/fees/amount',
        'no/such/key'];
      const sums = await store.cellSums({ region: '320800' }, keys);
      expect(sums.count).toBe(4);
      for (const k of keys.slice(0, 3)) {
        const vals = models.map((m) => m.report.cells[k]?.value).filter((v): v is number => typeof v === 'number');
        const want = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
        expect(sums.cells[k] === null ? null : Number(sums.cells[k]!.toFixed(6)))
          .toBe(want === null ? null : Number(want.toFixed(6)));
      }
      expect(sums.cells['no/such/key']).toBeUndefined();
      const values = await store.cellValues({ region: '320800' }, keys.slice(0, 2));
      for (const v of values) {
        const m = models.find((x) => x.summary.id === v.summary.id)!.report;
        expect(v.values['applications/newReceived/total'])
          .toBe(m.cells['applications/newReceived/total']?.value ?? null);
      }
      const sections = await store.reportModels({ region: '320800' }, { parts: 'sections' });
      expect(sections.map((s) => s.report.sections.length)).toEqual(models.map((m) => m.report.sections.length));
    });

    it('keeps users with argon2 passwords and sessions by hashed token', async () => {
      const u = await store.createUser({
        username: 'bob', displayName: 'Bob', role: 'editor', bodyId: dept.id, regionCode: null,
        password: 'correct horse',
      }, ALICE);
      await expect(store.createUser({ username: 'bob', displayName: 'B', role: 'admin', bodyId: null, regionCode: null,
        password: 'x' }, ALICE)).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.verifyPassword('bob', 'wrong')).toBeNull();
      expect(await store.verifyPassword('nobody', 'correct horse')).toBeNull();
      expect((await store.verifyPassword('bob', 'correct horse'))?.id).toBe(u.id);
      const token = await store.createSession(u.id, 3600);
      expect((await store.sessionUser(token))?.username).toBe('bob');
      expect(await store.sessionUser(token + 'x')).toBeNull();
      const expired = await store.createSession(u.id, -1);
      expect(await store.sessionUser(expired)).toBeNull();
      await store.deleteSession(token);
      expect(await store.sessionUser(token)).toBeNull();
      const t2 = await store.createSession(u.id, 3600);
      const changed = await store.updateUser(u.id, { password: 'new one', displayName: 'Robert' }, ALICE);
      expect(changed.displayName).toBe('Robert');
      expect(await store.sessionUser(t2)).toBeNull(); // a new password signs out everywhere
      expect((await store.verifyPassword('bob', 'new one'))?.id).toBe(u.id);
      const audit = (await store.audit({ entity: 'user', entityId: String(u.id) })).items;
      expect(JSON.stringify(audit)).not.toContain('new one');
      expect((await store.listUsers()).map((x) => x.username)).toContain('bob');
    });

    it('keeps settings, with defaults for the 通报 rules', async () => {
      const rules = await store.scoringRules();
      expect(rules.find((r) => r.kind === 'similarity')?.threshold).toBe(0.5);
      await store.putSetting('scoring', rules.map((r) => ({ ...r, points: 3 })), ALICE);
      expect((await store.scoringRules()).every((r) => r.points === 3)).toBe(true);
      expect(await store.getSetting('nothing')).toBeNull();
    });

    it('records import jobs and their items, and finds the job to resume', async () => {
      const job = await store.createImportJob(['a.txt', 'b.txt', 'c.txt'], ALICE);
      expect(job.counts.queued).toBe(3);
      await store.updateImportItem(job.id, job.items[0].id, { status: 'imported', reportId: first, hash: 'h' });
      await store.updateImportItem(job.id, job.items[1].id, { status: 'failed', error: 'bad' });
      expect((await store.unfinishedItems(job.id)).map((i) => i.name)).toEqual(['c.txt']);
      expect(await store.findResumableJob(['a.txt', 'b.txt', 'c.txt'])).toBe(job.id);
      expect(await store.findResumableJob(['a.txt', 'b.txt'])).toBeNull();
      const got = (await store.getImportJob(job.id))!;
      expect([got.done, got.total, got.counts.imported, got.counts.failed]).toEqual([2, 3, 1, 1]);
      await store.finishImportJob(job.id, 'done');
      expect(await store.findResumableJob(['a.txt', 'b.txt', 'c.txt'])).toBeNull();
      expect((await store.listImportJobs(10, 0, 'alice')).total).toBe(1);
      expect((await store.listImportJobs(10, 0, 'carol')).total).toBe(0);
    });

    it('gives each user its tasks', async () => {
      const { reportId } = await store.saveImported(await incoming({
        seed: 16, agency: '洪泽区统计局', year: 2024, bodyId: dept.id, status: 'draft',
      }), SYS);
      await store.setStatus(reportId, 'submitted', {}, ALICE);
      const sup = await store.createUser({ username: 'sup', displayName: '淮安', role: 'supervisor', bodyId: null,
        regionCode: '320800', password: 'p' }, ALICE);
      const far = await store.createUser({ username: 'far', displayName: '北京', role: 'supervisor', bodyId: null,
        regionCode: '110000', password: 'p' }, ALICE);
      expect((await store.tasksFor(sup, '2025-01-10')).filter((t) => t.kind === 'review').map((t) => t.reportId))
        .toEqual([reportId]);
      expect((await store.tasksFor(far, '2025-01-10')).filter((t) => t.kind === 'review')).toEqual([]);
      const editor = (await store.listUsers()).find((u) => u.username === 'bob')!;
      await store.setStatus(reportId, 'returned', { note: '请改' }, ALICE);
      expect((await store.tasksFor(editor, '2025-01-10')).find((t) => t.kind === 'fix-returned')?.note).toBe('请改');
    });

    it('empties every table on reset and reloads the region tree', async () => {
      await store.resetAll();
      expect(await store.isEmpty()).toBe(true);
      expect((await store.listReports({})).total).toBe(0);
      expect(await store.listUsers()).toEqual([]);
      expect((await store.listRegions()).length).toBeGreaterThanOrEqual(31);
      const model: Report | null = await store.getReportModel(first);
      expect(model).toBeNull();
    });
  });
}
