// The roll-up's sums in SQL (store/rollup-sums.ts) against the pure roll-up over the same models, on PGlite and
// PostgreSQL, in the cases where summing goes wrong: a key every summed report printed blank (blank, not zero), a
// key none has (absent, not blank), （六）其他处理 printed as one row by some reports and as three items by others,
// a 口径 report whose subordinates differ from it, one of them in the other template, a body without a report; and a
// region's page of contributors planned in SQL (store/rollup-outline.ts) against the pure roll-up, sliced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analysisInput } from '../src/analysis/input.js';
import { rollup, rollupPage, totalsOf } from '../src/analysis/rollup.js';
import type { Body, BodyLevel } from '../src/model/api.js';
import type { Report } from '../src/model/report.js';
import { makeReport, type ReportSpec } from '../src/rules/testing.js';
import * as q from '../src/server/analysis-queries.js';
import { openStore } from '../src/store/open.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };
const YEAR = 2023;
const BLANK = 'reviewLitigation/cases/review.other';
const ABSENT = 'applications/carriedOver/naturalPerson';
const ONE_ROW = 'applications/outcome.other/total';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`roll-up sums on ${backend.name}`, () => {
    let store: Store;
    let url: string | null;
    let dispose: () => Promise<void>;
    const ids: Record<string, number> = {};
    const bodies: Record<string, Body> = {};

    beforeAll(async () => {
      ({ store, url, dispose } = await backend.open());
      const add = async (name: string, level: BodyLevel, parent: string | null, scope: 'own' | 'including-subordinates',
        spec: ReportSpec | null) => {
        const [b] = await store.upsertBodies([{ name, aliases: [], level, regionCode: '320813',
          parentId: parent ? bodies[parent].id : null, dueDate: '03-31', scope }], SYS);
        bodies[name] = b;
        if (!spec) return;
        const report = makeReport({ agency: name, year: YEAR, ...spec });
        ids[name] = (await store.saveImported({ report, findings: [], source: null, bodyId: b.id, year: YEAR,
          status: 'published', publishedAt: `${YEAR + 1}-03-01`, reason: 'test' }, SYS)).reportId;
      };
      await add('甲区人民政府', 'county', null, 'including-subordinates', { cells: { [BLANK]: null }, omit: [ABSENT] });
      await add('甲区教育局', 'department', '甲区人民政府', 'own', { other: 'single', pick: (_k, i) => i % 5 });
      await add('甲区财政局', 'department', '甲区人民政府', 'own', { cells: { [BLANK]: null } });
      await add('甲区统计局', 'department', '甲区人民政府', 'own', { template: '2019' });
      await add('甲区审计局', 'department', '甲区人民政府', 'own', null);
      await add('乙区人民政府', 'county', null, 'own', { other: 'single', cells: { [BLANK]: null }, omit: [ABSENT] });
      await add('丙区人民政府', 'county', null, 'including-subordinates', { pick: (_k, i) => (i * 7) % 4,
        cells: { [BLANK]: null }, omit: [ABSENT] });
    }, 120_000);
    afterAll(async () => {
      await dispose?.();
    });

    async function models(): Promise<Map<number, Report>> {
      const full = await store.reportModels({ year: YEAR });
      return new Map(full.map((m) => [m.summary.id, m.report]));
    }

    it('sums each group of reports in SQL as totalsOf does over the models', async () => {
      const byId = await models();
      const groups = [
        [ids['甲区人民政府'], ids['乙区人民政府'], ids['丙区人民政府']],
        [ids['甲区教育局'], ids['甲区财政局']],
        [ids['甲区财政局']],
        [ids['甲区人民政府']],
        [],
      ];
      const got = await store.rollupTotals('2021', groups);
      const want = groups.map((g) => totalsOf(g.map((id) => byId.get(id)!), '2021'));
      expect(got).toEqual(want);
      // the cases are there: a key all printed blank, a key none has, the one-row 其他处理 of some reports
      expect(got[0].sums[BLANK]).toBeNull();
      expect(ABSENT in got[0].sums).toBe(false);
      expect(got[0].single).toBe(true);
      expect(got[2].single).toBe(false);
      expect(typeof got[1].sums[ONE_ROW]).toBe('number');
      expect(got[4]).toEqual({ single: false, sums: {} });
    });

    it('rolls up a region and a parent body as the pure roll-up over the full models', async () => {
      const full = await store.reportModels({ year: YEAR });
      const inputs = full.map((m) => analysisInput(m.summary, m.report));
      const all = Object.values(bodies);
      const region = await q.rollupOf(store, { region: '320813', publishedOnly: false }, YEAR, undefined, 'all');
      expect(region).toEqual(rollup(inputs, all, { year: YEAR, regionCode: '320813', parentBodyId: null }));
      const parentId = bodies['甲区人民政府'].id;
      const under = all.filter((b) => b.id === parentId || b.parentId === parentId);
      expect(await q.rollupOf(store, { publishedOnly: false }, YEAR, parentId, 'all'))
        .toEqual(rollup(inputs.filter((r) => under.some((b) => b.id === r.bodyId)), under,
          { year: YEAR, regionCode: null, parentBodyId: parentId }));
      // what the cases must show
      expect(region.cells[BLANK]).toBeNull();
      expect(ABSENT in region.cells).toBe(false);
      expect(typeof region.cells[ONE_ROW]).toBe('number');
      const check = region.scopeChecks.find((s) => s.reportId === ids['甲区人民政府'])!;
      expect(check.differences.length).toBeGreaterThan(0);
      expect(check.summed).toBe(2);
      expect(check.missing).toEqual(['甲区审计局', '甲区统计局（2019版格式）']);
      expect(region.scopeChecks.find((s) => s.reportId === ids['丙区人民政府'])).toMatchObject({ summed: 0,
        differences: [] });
      expect(region.contributors.filter((c) => c.included).map((c) => c.bodyName).sort())
        .toEqual(['丙区人民政府', '乙区人民政府', '甲区人民政府'].sort());
    });

    it('plans a region\'s page of contributors in SQL as the pure roll-up does, without a row per body', async () => {
      const full = await store.reportModels({ year: YEAR });
      const all = Object.values(bodies);
      // the whole plan's reads refused: the page, counts, 口径 checks and sums come from the outline and kept sums
      const refuse = async (): Promise<never> => { throw new Error('read the whole plan'); };
      const outlineOnly: Store = { ...store, rollupMetas: refuse, analysisBodies: refuse };
      for (const publishedOnly of [false, true]) {
        const inputs = full.filter((m) => !publishedOnly || m.summary.status === 'published')
          .map((m) => analysisInput(m.summary, m.report));
        const want = rollup(inputs, all, { year: YEAR, regionCode: '320813', parentBodyId: null, drillKeys: [] });
        for (const page of [{ limit: 2, offset: 0 }, { limit: 3, offset: 2 }, { limit: 50, offset: 0 }]) {
          expect(await q.rollupOf(outlineOnly, { region: '320813', publishedOnly }, YEAR, undefined, [], page))
            .toEqual(rollupPage(want, page));
        }
        // what the cases must show: a body counted in its parent's report, one of the other template, one missing
        expect(want.contributors.map((c) => c.reason)).toEqual(expect.arrayContaining(['未报送',
          '已计入上级单位报告（口径含下属单位）', '使用2019版格式，未计入2021版汇总']));
        expect(want.scopeChecks.length).toBe(2);
      }
      // the whole path answers when the outline cannot: a parent body's roll-up, or the kept sums not kept
      await expect(q.rollupOf(outlineOnly, { publishedOnly: false }, YEAR, bodies['甲区人民政府'].id, [],
        { limit: 2, offset: 0 })).rejects.toThrow('read the whole plan');
      await store.withSumsDeferred(async () => {
        await expect(q.rollupOf(outlineOnly, { region: '320813', publishedOnly: false }, YEAR, undefined, [],
          { limit: 2, offset: 0 })).rejects.toThrow('read the whole plan');
      });
    });

    it('sums keys another process numbered after this one read its key index (two servers, one database)', async () => {
      if (!url) return; // one process only on PGlite
      const fresh = await backend.open();
      const other = await openStore({ url: fresh.url! });
      try {
        const mine = fresh.store;
        const [a, b] = await mine.upsertBodies(['戊区人民政府', '己区人民政府'].map((name) => ({ name, aliases: [],
          level: 'county' as BodyLevel, regionCode: '320813', parentId: null, dueDate: '03-31',
          scope: 'own' as const })), SYS);
        const save = (s: Store, bodyId: number, report: Report) => s.saveImported({ report, findings: [], source: null,
          bodyId, year: YEAR, status: 'published', publishedAt: `${YEAR + 1}-03-01`, reason: 'test' }, SYS);
        // this server knows one key; the other stores a whole report, numbering every other key
        const small = await save(mine, a.id, makeReport({ agency: a.name, year: YEAR, base: 'empty',
          cells: { 'applications/newReceived/total': 3 } }));
        expect((await mine.rollupTotals('2021', [[small.reportId]]))[0].sums).toEqual({
          'applications/newReceived/total': 3 });
        const whole = await save(other, b.id, makeReport({ agency: b.name, year: YEAR }));
        // a region's page planned in one snapshot: the index is reloaded inside it (through the transaction)
        const region = { region: '320813', publishedOnly: false };
        const paged = await q.rollupOf(mine, region, YEAR, undefined, [], { limit: 1, offset: 1 });
        expect(paged).toEqual(rollupPage(await q.rollupOf(mine, region, YEAR), { limit: 1, offset: 1 }));
        expect(Object.keys(paged.cells).length).toBeGreaterThan(100);
        const [got] = await mine.rollupTotals('2021', [[whole.reportId]]);
        const model = (await mine.reportModels({ bodyId: b.id }))[0].report;
        expect(got).toEqual(totalsOf([model], '2021'));
        expect(Object.keys(got.sums).length).toBeGreaterThan(100);
      } finally {
        await other.close();
        await fresh.dispose();
      }
    });
  });
}
