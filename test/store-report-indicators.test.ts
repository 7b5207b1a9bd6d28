// Each report's indicator parts as the write path keeps them (table report_indicators, migration 0009; read by
// store/report-indicators.ts), on PGlite and PostgreSQL, against the indicators computed from reports.vals (the read
// without the kept table) and, at first, from the reports' own models: after imports one by one and in a
// multi-row INSERT, a cell correction, status changes, a 待确认 report assigned, a body renamed and moved, a delete, a
// year changed and cleared, a bulk load with the upkeep deferred, and a reset that numbers the cell keys anew. The
// API's page (server/analysis-queries.ts with page options) equals the page of the whole table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorPage } from '../src/analysis/indicator-page.js';
import { analysisInput } from '../src/analysis/input.js';
import { indicatorParts, indicatorTable, indicatorTableOf } from '../src/analysis/indicators.js';
import type { Body } from '../src/model/api.js';
import { makeReport, type ReportSpec } from '../src/rules/testing.js';
import * as q from '../src/server/analysis-queries.js';
import { INDICATOR_CELLS } from '../src/store/region-indicator-sums.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';
import { addBodies, insertReportBatch, saveReport } from './store-kept-writes.js';

const SYS: Actor = { userId: null, username: null };
const REGIONS = ['320000', '320800', '320813', '320102'];
const SPANS = [{}, { from: 2023, to: 2023 }, { from: 2020, to: 2021 }];

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`kept report indicators on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const bodies: Record<string, Body> = {};
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      Object.assign(bodies, await addBodies(store, [
        ['甲区人民政府', '320813', 'county'], ['甲区教育局', '320813', 'department'], ['乙区人民政府', '320812', 'county'],
        ['丙区人民政府', '320102', 'county'], ['丙区统计局', '320102', 'department'], ['丁市人民政府', '320800', 'city'],
      ], SYS));
    }, 120_000);
    afterAll(async () => {
      await dispose?.();
    });

    const save = async (name: string, year: number, spec: ReportSpec, status: 'published' | 'submitted') => {
      ids[`${name}${year}`] = await saveReport(store, bodies[name], year, spec, status, SYS);
    };

    /** The parts from reports.vals, as the indicators read them without the kept table. */
    async function fromVals(f: { region?: string; publishedOnly?: boolean }, span: { from?: number; to?: number }) {
      const list = await store.indicatorValues({ ...f, limit: 1_000_000 }, span, INDICATOR_CELLS);
      return list.map((r) => ({ reportId: r.id, bodyId: r.bodyId, label: r.label, year: r.year,
        parts: indicatorParts(r.version, (k) => r.values[INDICATOR_CELLS.indexOf(k)] ?? null) }));
    }

    /**
     * Every region (and everywhere: reports without a body too) × published-only × span: the kept parts give the
     * table reports.vals give; with `models`, also the table of the reports' models (the rows written by a raw
     * INSERT have none).
     */
    async function compare(models = false): Promise<number> {
      let rows = 0;
      for (const publishedOnly of [false, true]) for (const span of SPANS) {
        const o = { minCases: 3, from: span.from, to: span.to };
        for (const region of [...REGIONS, undefined]) {
          const f = { region, publishedOnly: publishedOnly || undefined };
          const got = indicatorTableOf((await store.reportIndicatorParts(f, span))!, o);
          const want = indicatorTableOf(await fromVals(f, span), o);
          expect(got, `${region} ${publishedOnly} ${JSON.stringify(span)}`).toEqual(want);
          rows += want.rows.length;
          if (!models || !region) continue;
          const list = await store.reportModels(f);
          expect(got).toEqual(indicatorTable(list.map((m) => analysisInput(m.summary, m.report)), o));
        }
      }
      return rows;
    }

    it('keeps every report\'s parts through imports, edits, status changes, moves, renames and deletes', async () => {
      await save('甲区人民政府', 2023, { cells: { 'reviewLitigation/cases/review.other': null } }, 'published');
      await save('甲区教育局', 2023, { pick: (_k, i) => i % 5, omit: ['applications/outcome.partial/total'] },
        'submitted');
      await save('乙区人民政府', 2023, { other: 'single', pick: (_k, i) => (i * 3) % 7 }, 'published');
      await save('乙区人民政府', 2020, { template: '2019' }, 'published');
      expect(await compare(true)).toBeGreaterThan(10);

      // a multi-row INSERT (an import batch)
      await insertReportBatch(store, ids['甲区人民政府2023'], bodies['丙区人民政府'].id, bodies['丙区统计局'].id);
      await compare();

      // a corrected cell; status changes in and out of published
      const edited = makeReport({ agency: '甲区教育局', year: 2023, pick: (_k, i) => i % 4,
        cells: { 'applications/outcome.total/total': 2 } });
      await store.correctCells(ids['甲区教育局2023'], [{ key: 'applications/outcome.total/total', value: 2,
        reason: 'test' }], edited, [], SYS);
      await compare();
      await store.setStatus(ids['甲区教育局2023'], 'accepted', {}, SYS);
      await store.setStatus(ids['甲区教育局2023'], 'published', { publishedUrl: 'https://example.org/r' }, SYS);
      await store.setStatus(ids['乙区人民政府2023'], 'returned', { note: 'x' }, SYS);
      await compare();

      // a 待确认 report (no body, no year) and then assigned
      const pending = await store.saveImported({ report: makeReport({ agency: '未知单位', year: 2023 }), findings: [],
        source: null, bodyId: null, year: null, status: 'pending', reason: 'test' }, SYS);
      await compare();
      await store.assign(pending.reportId, bodies['丁市人民政府'].id, 2023, SYS);
      await compare();

      // a body renamed (its reports' label), then moved to another city
      await store.updateBody(bodies['甲区人民政府'].id, { name: '甲区政府' }, SYS);
      const renamed = await store.reportIndicatorParts({ region: '320813' }, {});
      expect(renamed!.filter((r) => r.label === '甲区政府')).toHaveLength(1);
      await compare();
      await store.updateBody(bodies['甲区人民政府'].id, { regionCode: '320102' }, SYS);
      expect((await store.reportIndicatorParts({ region: '320102' }, {}))!.some((r) => r.label === '甲区政府'))
        .toBe(true);
      await compare();

      // a report deleted, one whose year changes, one whose year is cleared
      await store.db.execute(`DELETE FROM reports WHERE id = ${ids['乙区人民政府2023']}`);
      await store.db.execute(`UPDATE reports SET year = 2021, template = '2019' WHERE id = ${ids['甲区教育局2023']}`);
      await store.db.execute(`UPDATE reports SET year = NULL WHERE id = ${ids['乙区人民政府2020']}`);
      expect(await compare()).toBeGreaterThan(10);
      // a filter the kept parts cannot tell is not answered from them
      expect(await store.reportIndicatorParts({ region: '320000', status: 'published' }, {})).toBeNull();
    }, 240_000);

    it('answers a page, sorted, with the rankings cut, as the page of the whole table', async () => {
      const scope = { region: '320000', publishedOnly: false };
      const inputs = await fromVals({ region: '320000' }, { from: 2023, to: 2023 });
      const minCases = (await store.getSetting<number>('minCases')) ?? undefined;
      for (const page of [{ limit: 2, offset: 1, top: 1 }, { sort: 'disclosureRate' as const, order: 'desc' as const,
        limit: 50, top: 0 }, { sort: 'applications' as const, offset: 3, limit: 2 }]) {
        const want = indicatorPage(indicatorTableOf(inputs, { minCases, from: 2023, to: 2023 }), page);
        const got = await q.indicators(store, scope, { year: 2023, ...page });
        expect(got).toEqual(want);
        expect(got.total).toBeGreaterThan(2);
      }
    });

    it('keeps every report once after a bulk load with the upkeep off, also when the load fails', async () => {
      const kept = async () => (await store.reportIndicatorParts({}, {}))!.length;
      const before = await kept();
      await store.withSumsDeferred(async () => {
        await save('丙区统计局', 2021, { pick: (_k, i) => i % 3 }, 'submitted');
        expect(await kept()).toBe(before); // the triggers are off: nothing kept yet
      });
      expect(await kept()).toBe(before + 1);
      await expect(store.withSumsDeferred(async () => {
        await save('丙区统计局', 2020, {}, 'published');
        throw new Error('load failed');
      })).rejects.toThrow('load failed');
      expect(await kept()).toBe(before + 2);
      expect(await compare()).toBeGreaterThan(10);
    }, 240_000);

    it('keeps the parts right after a reset numbers the cell keys anew', async () => {
      await store.resetAll();
      const [b] = await store.upsertBodies([{ name: '戊区人民政府', aliases: [], level: 'county', regionCode: '320813',
        parentId: null, dueDate: '03-31', scope: 'own' }], SYS);
      const report = makeReport({ agency: '戊区人民政府', year: 2023, pick: (_k, i) => 1 + (i % 6) });
      await store.saveImported({ report, findings: [], source: null, bodyId: b.id, year: 2023, status: 'published',
        reason: 'test' }, SYS);
      const kept = await store.reportIndicatorParts({ region: '320000' }, {});
      expect(kept).toHaveLength(1);
      expect(indicatorTableOf(kept!).rows[0].values)
        .toEqual(indicatorTable([{ reportId: 1, bodyId: b.id, bodyName: '戊区人民政府', year: 2023, report }])
          .rows[0].values);
      expect(kept![0].parts.some((x) => x > 0)).toBe(true);
    });
  });
}
