// The roll-up sums the write path keeps (table region_sums, migration 0006; read by store/region-sums.ts) against
// the sums computed from the reports themselves (store/rollup-sums.ts rollupTotals), on PGlite and PostgreSQL, after
// a sequence of writes that change what is summed: imports one by one and in one multi-row INSERT (the import batch
// and the bench seeding), a report in the other template, （六）其他处理 printed as one row by some reports and as
// three items by others, cell corrections, workflow status changes (published or not), a 待确认 report
// assigned to a body, a body moved to another region, a report deleted. Each step compares every region prefix ×
// year × template × published-only; and the indicators' trend sums (migration 0007) the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Body } from '../src/model/api.js';
import type { TemplateVersion } from '../src/model/template.js';
import { makeReport, type ReportSpec } from '../src/rules/testing.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';
import { addBodies, insertReportBatch, saveReport } from './store-kept-writes.js';

const SYS: Actor = { userId: null, username: null };
const YEARS = [2020, 2023];
const REGIONS = [undefined, '320000', '320800', '320813', '320812', '320100', '320102'];
const ONE_ROW = 'applications/outcome.other/total';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`kept region sums on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const bodies: Record<string, Body> = {};
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      Object.assign(bodies, await addBodies(store, [
        ['甲区人民政府', '320813', 'county'], ['甲区教育局', '320813', 'department'], ['乙区人民政府', '320812', 'county'],
        ['乙区财政局', '320812', 'department'], ['丙区人民政府', '320102', 'county'], ['丙区统计局', '320102', 'department'],
        ['丁市人民政府', '320800', 'city'],
      ], SYS));
    }, 120_000);
    afterAll(async () => {
      await dispose?.();
    });

    const save = async (name: string, year: number, spec: ReportSpec, status: 'published' | 'submitted') => {
      ids[`${name}${year}`] = await saveReport(store, bodies[name], year, spec, status, SYS);
    };

    /** Every region × year × template × published-only: the kept sums equal the reports' own. */
    async function compare(): Promise<number> {
      let nonEmpty = 0;
      const versions: TemplateVersion[] = ['2019', '2021'];
      for (const region of REGIONS) for (const year of YEARS) for (const version of versions)
        for (const publishedOnly of [false, true]) {
          const metas = (await store.rollupMetas({ region, year, publishedOnly: publishedOnly || undefined }))
            .filter((m) => m.version === version && m.bodyId !== null);
          const got = await store.regionTotals({ region, year, version, publishedOnly, expected: metas.length,
            leaveOut: [] });
          const [want] = await store.rollupTotals(version, [metas.map((m) => m.reportId)]);
          expect(got, `${region} ${year} ${version} ${publishedOnly}`).toEqual(want);
          if (metas.length > 0) nonEmpty++;
          // less a report the plan leaves out: as the sums of the others
          if (metas.length < 2) continue;
          const [rest] = await store.rollupTotals(version, [metas.slice(1).map((m) => m.reportId)]);
          expect(await store.regionTotals({ region, year, version, publishedOnly, expected: metas.length,
            leaveOut: [metas[0].reportId] })).toEqual(rest);
        }
      // the indicators' trend sums (migration 0007) equal those computed over the reports, every span
      for (const region of REGIONS) for (const publishedOnly of [false, true])
        for (const span of [{}, { from: 2021, to: 2023 }, { from: 2020, to: 2020 }]) {
          const f = { region, publishedOnly: publishedOnly || undefined, limit: 1_000_000 };
          const kept = await store.regionIndicatorSums(f, span);
          if (!region) { // no region: the kept groups leave out reports without a body
            expect(kept).toBeNull();
            continue;
          }
          const want = await store.indicatorYearSums(f, span);
          expect(kept, `indicators ${region} ${publishedOnly} ${JSON.stringify(span)}`).toEqual(want);
          if (want.some((y) => y.sums.some((x) => x > 0))) indicatorsSeen++;
        }
      return nonEmpty;
    }
    let indicatorsSeen = 0;

    it('keeps the sums of the reports through imports, edits, status changes, moves and deletes', async () => {
      // 2021 reports with three 其他处理 items, a blank, an absent cell
      await save('甲区人民政府', 2023, { cells: { 'reviewLitigation/cases/review.other': null } }, 'published');
      await save('甲区教育局', 2023, { pick: (_k, i) => i % 5, omit: ['applications/carriedOver/naturalPerson'] },
        'submitted');
      expect(await compare()).toBeGreaterThan(0);
      // reports printing 其他处理 as one row, one in the 2019 template
      await save('乙区人民政府', 2023, { other: 'single', pick: (_k, i) => (i * 3) % 7 }, 'published');
      await save('乙区财政局', 2020, { template: '2019' }, 'published');
      await save('丁市人民政府', 2023, { other: 'single', cells: { 'applications/outcome.other/total': null } },
        'published');
      expect(await compare()).toBeGreaterThan(4);
      const one = await store.regionTotals({ region: '320800', year: 2023, version: '2021', publishedOnly: false,
        expected: 4, leaveOut: [] });
      expect(one?.single).toBe(true);
      expect(typeof one?.sums[ONE_ROW]).toBe('number');

      // a multi-row INSERT over several groups (as an import batch, and bench/queries.mjs seeding)
      await insertReportBatch(store, ids['甲区人民政府2023'], bodies['丙区人民政府'].id, bodies['丙区统计局'].id);
      await compare();

      // edits: a corrected cell, status changes in and out of published
      const edited = makeReport({ agency: '甲区教育局', year: 2023, pick: (_k, i) => i % 4,
        cells: { 'applications/newReceived/total': 40 } });
      await store.correctCells(ids['甲区教育局2023'], [{ key: 'applications/newReceived/total', value: 40,
        reason: 'test' }], edited, [], SYS);
      await store.setStatus(ids['甲区教育局2023'], 'accepted', {}, SYS);
      await store.setStatus(ids['甲区教育局2023'], 'published', { publishedUrl: 'https://example.org/r' }, SYS);
      await store.setStatus(ids['乙区人民政府2023'], 'returned', { note: 'x' }, SYS);
      await compare();

      // a 待确认 report (no body yet) assigned to a body
      const pending = await store.saveImported({ report: makeReport({ agency: '未知单位', year: 2023 }), findings: [],
        source: null, bodyId: null, year: null, status: 'pending', reason: 'test' }, SYS);
      await compare();
      const [extra] = await store.upsertBodies([{ name: '甲区财政局', aliases: [], level: 'department',
        regionCode: '320813', parentId: null, dueDate: '01-31', scope: 'own' }], SYS);
      await store.assign(pending.reportId, extra.id, 2023, SYS);
      await compare();

      // a body moved to another city: its reports' values go along
      await store.updateBody(bodies['甲区人民政府'].id, { regionCode: '320102' }, SYS);
      const moved = await store.regionTotals({ region: '320102', year: 2023, version: '2021', publishedOnly: false,
        expected: 3, leaveOut: [] });
      expect(moved).not.toBeNull();
      await compare();

      // a report deleted, and one whose year is changed
      await store.db.execute(`DELETE FROM reports WHERE id = ${ids['乙区人民政府2023']}`);
      await store.db.execute(`UPDATE reports SET year = 2020, template = '2019' WHERE id = ${ids['丁市人民政府2023']}`);
      expect(await compare()).toBeGreaterThan(4);
      expect(indicatorsSeen).toBeGreaterThan(0);
      // a filter the kept groups cannot tell is not answered from them
      expect(await store.regionIndicatorSums({ region: '320000', status: 'published' }, {})).toBeNull();
    }, 240_000);

    it('answers null when the groups do not hold the reports the plan read', async () => {
      const metas = (await store.rollupMetas({ region: '320000', year: 2023 })).filter((m) => m.version === '2021');
      expect(metas.length).toBeGreaterThan(1);
      expect(await store.regionTotals({ region: '320000', year: 2023, version: '2021', publishedOnly: false,
        expected: metas.length + 1, leaveOut: [] })).toBeNull();
    });

    it('sums every report once after a bulk load with the upkeep off, also when the load fails', async () => {
      const kept = async () => (await store.db.execute('SELECT coalesce(sum(n), 0)::int AS n FROM region_sums') as
        unknown as { rows: { n: number }[] }).rows[0].n;
      const before = await kept();
      await store.withSumsDeferred(async () => {
        await save('乙区财政局', 2023, { pick: (_k, i) => i % 3 }, 'submitted');
        await store.setStatus(ids['乙区财政局2023'], 'accepted', {}, SYS);
        expect(await kept()).toBe(before); // the triggers are off: nothing kept yet
      });
      expect(await kept()).toBe(before + 1);
      expect(await compare()).toBeGreaterThan(4);
      // a load that fails half-way: the triggers are on again and the sums match what was written
      await expect(store.withSumsDeferred(async () => {
        await save('丙区统计局', 2021, {}, 'published');
        throw new Error('load failed');
      })).rejects.toThrow('load failed');
      await save('丁市人民政府', 2021, {}, 'published'); // kept by the triggers again
      expect(await kept()).toBe(before + 3);
      await compare();
    }, 240_000);

    it('keeps the indicators\' sums right after a reset numbers the cell keys anew', async () => {
      await store.resetAll();
      const [b] = await store.upsertBodies([{ name: '戊区人民政府', aliases: [], level: 'county', regionCode: '320813',
        parentId: null, dueDate: '03-31', scope: 'own' }], SYS);
      // a report whose first-numbered keys are not the indicators' (the numbering differs from before the reset)
      await store.saveImported({ report: makeReport({ agency: '戊区人民政府', year: 2023, pick: (_k, i) => i % 6 }),
        findings: [], source: null, bodyId: b.id, year: 2023, status: 'published', reason: 'test' }, SYS);
      const f = { region: '320000', limit: 1_000_000 };
      const want = await store.indicatorYearSums(f, {});
      expect(want[0].sums.some((x) => x > 0)).toBe(true);
      expect(await store.regionIndicatorSums(f, {})).toEqual(want);
    });
  });
}
