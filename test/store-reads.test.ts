// The read side at scale, on PGlite and PostgreSQL: roll-up and indicators read the cells' values from reports.vals
// (no JSON model) and filing status reads summaries — each must give exactly what the pure functions give over the
// full models, blanks included (a printed blank is NaN in vals, an absent cell NULL). Also: a database written
// before migration 0003 (blanks as NULL) gets its blanks back from the models.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReport, generateReport, parseBytes } from '../src/index.js';
import { analysisInput } from '../src/analysis/input.js';
import { filingStatus } from '../src/analysis/filing.js';
import { indicatorTable } from '../src/analysis/indicators.js';
import { rollup, rollupPage } from '../src/analysis/rollup.js';
import type { Body, BodyLevel, ReportStatus } from '../src/model/api.js';
import type { Report } from '../src/model/report.js';
import * as q from '../src/server/analysis-queries.js';
import { rollupDrill } from '../src/server/rollup-drill.js';
import { migrationFiles } from '../src/store/open.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };
const CITY = '320800';

/** Blank and absent cells in the stored models, counted (the test must meet both). */
function blanks(models: Report[]): { blank: number; cells: number } {
  let blank = 0;
  let cells = 0;
  for (const m of models) for (const c of Object.values(m.cells)) { cells++; if (c.value === null) blank++; }
  return { blank, cells };
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`store reads on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let govt: Body;

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      // a county government whose report includes its subordinates, its departments, and bodies elsewhere in the
      // city; two years; blanks printed; one 2019-template report; one body without a report; statuses of a season
      [govt] = await store.upsertBodies([{ name: '洪泽区人民政府', aliases: [], level: 'county', regionCode: '320813',
        parentId: null, dueDate: '03-31', scope: 'including-subordinates' }], SYS);
      const depts = await store.upsertBodies(['统计局', '财政局', '教育局'].map((n) => ({ name: `洪泽区${n}`, aliases: [],
        level: 'department' as BodyLevel, regionCode: '320813', parentId: govt.id, dueDate: '01-31',
        scope: 'own' as const })), SYS);
      const others = await store.upsertBodies(['清江浦区人民政府', '淮阴区人民政府', '淮安区人民政府'].map((n, i) => ({ name: n,
        aliases: [], level: 'county' as BodyLevel, regionCode: ['320812', '320804', '320803'][i], parentId: null,
        dueDate: '02-20', scope: 'own' as const })), SYS);
      await store.upsertBodies([{ name: '南京市统计局', aliases: [], level: 'department', regionCode: '320100',
        parentId: null, dueDate: '01-31', scope: 'own' }], SYS);
      const statuses: ReportStatus[] = ['published', 'submitted', 'returned', 'accepted', 'draft', 'published'];
      let seed = 300;
      for (const year of [2022, 2023]) {
        for (const [i, body] of [govt, ...depts, ...others].entries()) {
          if (year === 2023 && i === 5) continue; // no report: missing from the roll-up and the filing status
          seed++;
          const g = generateReport({ seed, agency: body.name, year, layout: 'tab', damage: seed % 2 ? ['blanks'] : [],
            template: year === 2022 && i === 2 ? '2019' : '2021' });
          const report = await parseBytes(g.bytes, `${seed}.txt`);
          const status = statuses[(i + year) % statuses.length];
          await store.saveImported({ report, findings: checkReport(report), bodyId: body.id, year, status: 'published',
            publishedAt: `${year + 1}-01-2${i}`, reason: 'import',
            source: { hash: createHash('sha256').update(g.bytes).digest('hex'), name: `${seed}.txt`, bytes: g.bytes,
              format: report.format } }, SYS);
          const id = (await store.findReport(body.id, year))!.id;
          if (status !== 'published') await store.setStatus(id, status, { at: `${year + 1}-02-0${i + 1}` }, SYS);
        }
      }
    }, 120_000);
    afterAll(async () => {
      await dispose?.();
    });

    it('rebuilds every cell value from reports.vals: numbers, printed blanks and absent cells', async () => {
      const full = await store.reportModels({ region: CITY });
      const values = await store.reportModels({ region: CITY }, { parts: 'values' });
      const seen = blanks(full.map((m) => m.report));
      expect(seen.blank).toBeGreaterThan(10);
      expect(values.map((v) => v.summary)).toEqual(full.map((m) => m.summary));
      for (const [n, { report }] of values.entries()) {
        const want = Object.fromEntries(Object.entries(full[n].report.cells).map(([k, c]) => [k, c.value]));
        expect(Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]))).toEqual(want);
        expect(report.template).toBe(full[n].report.template);
      }
      const keys = ['applications/newReceived/total', 'applications/outcome.denied.stateSecret/total', 'no/such/key'];
      const some = await store.reportModels({ region: CITY, year: 2023 }, { parts: 'values', keys });
      for (const { summary, report } of some) {
        const m = full.find((x) => x.summary.id === summary.id)!.report;
        expect(Object.keys(report.cells).sort()).toEqual(keys.filter((k) => k in m.cells).sort());
      }
    });

    it('sums in SQL as the models add up, a printed blank neither zero nor a number', async () => {
      const full = await store.reportModels({ region: CITY, year: 2023, template: '2021' });
      const keys = [...new Set(full.flatMap((m) => Object.keys(m.report.cells)))];
      const sums = await store.cellSums({ region: CITY, year: 2023, template: '2021' }, keys);
      expect(sums.count).toBe(full.length);
      let mixed = 0; // keys printed blank in some report and a number in another: a blank counted would show
      for (const k of keys) {
        const nums = full.map((m) => m.report.cells[k]?.value).filter((v): v is number => typeof v === 'number');
        if (nums.length > 0 && full.some((m) => m.report.cells[k]?.value === null)) mixed++;
        const want = nums.length ? nums.reduce((a, b) => a + b, 0) : null;
        expect(sums.cells[k] === null ? null : Number(sums.cells[k]!.toFixed(6)), k)
          .toBe(want === null ? null : Number(want.toFixed(6)));
      }
      expect(mixed).toBeGreaterThan(0);
    });

    it('rolls up a region and a parent body exactly as over the full models', async () => {
      const bodies = (await store.listBodies({ region: CITY, limit: 1000 })).items;
      let withBlanks = 0; // scopes whose paged drill-down had blanks to place last
      for (const [scope, parent] of [[{ region: CITY, publishedOnly: false }, undefined],
        [{ region: CITY, publishedOnly: true }, undefined], [{ publishedOnly: false }, govt.id]] as const) {
        const full = await store.reportModels({ region: scope.region, year: 2023, parentBodyId: parent,
          publishedOnly: scope.publishedOnly || undefined });
        const expected = parent === undefined ? bodies
          : (await store.listBodies({ parentId: parent, limit: 1000 })).items;
        const inputs = full.map((m) => analysisInput(m.summary, m.report));
        const options = { year: 2023, regionCode: scope.region ?? null, parentBodyId: parent ?? null };
        const want = rollup(inputs, expected, options);
        // the whole drill-down (the export), none (the API's default), a few cells (the page's drill-down)
        expect(await q.rollupOf(store, scope, 2023, parent, 'all')).toEqual(want);
        const got = await q.rollupOf(store, scope, 2023, parent);
        expect(got).toEqual({ ...want, byContributor: {} });
        expect(Object.keys(got.cells).length).toBeGreaterThan(100);
        expect(got.contributors.some((c) => !c.included)).toBe(true);
        const drill = ['applications/newReceived/total', 'reviewLitigation/cases/review.other', 'no/such/key'];
        const some = rollup(inputs, expected, { ...options, drillKeys: drill });
        expect(some.byContributor[drill[0]].length).toBeGreaterThan(0);
        expect(await q.rollupOf(store, scope, 2023, parent, drill)).toEqual(some);
        const names = new Map(want.contributors.map((c) => [c.bodyId, c]));
        const total = Object.fromEntries(drill.map((k) => [k, some.byContributor[k].length]));
        expect(await rollupDrill(store, scope, 2023, parent, drill)).toEqual({ year: 2023, template: want.template,
          byContributor: some.byContributor, bodies: want.contributors.filter((c) => c.included)
            .filter((c) => drill.some((k) => some.byContributor[k].some(([id]) => id === c.bodyId)))
            .map((c) => [c.bodyId, names.get(c.bodyId)!.bodyName, c.reportId]), total, offset: 0, limit: null,
          sort: 'body' });
        // one page, in the contributors' order or the largest first (blanks last, ties in contributor order), of a
        // cell some print blank and others fill
        const mixedKey = [...new Set(full.flatMap((m) => Object.keys(m.report.cells)))]
          .find((k) => full.some((m) => m.report.cells[k]?.value === null)
          && full.some((m) => typeof m.report.cells[k]?.value === 'number'));
        if (mixedKey) withBlanks++;
        const paged = mixedKey ? [drill[0], mixedKey] : [drill[0]];
        const whole = rollup(inputs, expected, { ...options, drillKeys: paged }).byContributor;
        const largest = (list: [number, number | null][]) => list.map((x, i) => ({ x, i })).sort((a, b) =>
          (a.x[1] === null ? 1e12 : -a.x[1]) - (b.x[1] === null ? 1e12 : -b.x[1]) || a.i - b.i).map(({ x }) => x);
        const pages = [{ limit: 2, offset: 1, sort: 'body' }, { limit: 3, offset: 0, sort: 'value' },
          { limit: 50, offset: 2, sort: 'value' }] as const;
        for (const page of pages) {
          const byContributor = Object.fromEntries(paged.map((k) => [k,
            (page.sort === 'value' ? largest(whole[k]) : whole[k]).slice(page.offset, page.offset + page.limit)]));
          const bodies = want.contributors.filter((c) => c.included)
            .filter((c) => paged.some((k) => byContributor[k].some(([id]) => id === c.bodyId)))
            .map((c) => [c.bodyId, names.get(c.bodyId)!.bodyName, c.reportId]);
          expect(await rollupDrill(store, scope, 2023, parent, paged, page), JSON.stringify(page)).toEqual({
            year: 2023, template: want.template, byContributor, bodies, ...page,
            total: Object.fromEntries(paged.map((k) => [k, whole[k].length])) });
        }
        // one page of the contributors (a region's planned in SQL): the pure roll-up's, sliced
        for (const page of [{ limit: 3, offset: 0 }, { limit: 2, offset: 5 }, { limit: 50, offset: 1 }]) {
          expect(await q.rollupOf(store, scope, 2023, parent, [], page))
            .toEqual(rollupPage({ ...want, byContributor: {} }, page));
        }
      }
      expect(withBlanks).toBeGreaterThan(0);
      const withScope = await q.rollupOf(store, { publishedOnly: false }, 2023, govt.id);
      expect(withScope.scopeChecks.length).toBe(1);
    });

    it('computes indicators exactly as over the full models, for a year and over years', async () => {
      const setting = await store.getSetting<number>('minCases');
      for (const query of [{ year: 2023 }, { from: 2022, to: 2023 }, {}]) {
        const full = await store.reportModels({ region: CITY, ...(query.year ? { year: query.year } : {}) });
        const want = indicatorTable(full.map((m) => analysisInput(m.summary, m.report)),
          { minCases: setting ?? undefined, from: query.year ?? query.from, to: query.year ?? query.to });
        const got = await q.indicators(store, { region: CITY, publishedOnly: false }, query);
        expect(got).toEqual(want);
        expect(got.rows.length).toBe(full.length);
        // the trend alone, summed in SQL: the same totals per year
        const trend = await q.indicators(store, { region: CITY, publishedOnly: false }, { ...query, view: 'trend' });
        expect(trend).toEqual({ ...want, rows: [], rankings: [], distributions: [] });
        expect(trend.trend.length).toBe(query.year ? 1 : 2);
        expect(trend.trend.some((r) => r.values.some((v) => v.value !== null && v.value % 1 !== 0))).toBe(true);
      }
    });

    it('gives the filing status from summaries as from the listed reports', async () => {
      const bodies = (await store.listBodies({ region: CITY, limit: 1000 })).items;
      const page = await store.listReports({ region: CITY, year: 2023, limit: 1000 });
      expect(await store.expectedBodies(CITY)).toEqual(bodies);
      expect((await store.reportSummaries({ region: CITY, year: 2023 })).sort((a, b) => a.id - b.id))
        .toEqual([...page.items].sort((a, b) => a.id - b.id));
      const dueDates = await store.dueDates();
      const want = filingStatus(bodies, page.items.map((s) => ({ reportId: s.id, bodyId: s.bodyId,
        bodyName: s.bodyName ?? '', level: s.bodyLevel, regionCode: s.regionCode, year: s.year, status: s.status,
        submittedAt: s.submittedAt, acceptedAt: s.acceptedAt, publishedAt: s.publishedAt })),
      { year: 2023, asOf: '2024-06-30', dueDates }, CITY);
      const got = await q.filing(store, CITY, 2023, '2024-06-30');
      expect(got).toEqual(want);
      expect(got.summary.missing).toBe(1);
    });

    it('serves the report page from the kept model of its version, and a new version at once', async () => {
      const id = (await store.findReport(govt.id, 2023))!.id;
      const key = 'applications/newReceived/total';
      const first = await store.getReport(id);
      expect((await store.getReport(id))!.cells[key]).toEqual(first!.cells[key]);
      const model = (await store.getReportModel(id))!;
      const changed = { ...model, cells: { ...model.cells, [key]: { ...model.cells[key], value: 987654 } } };
      await store.correctCells(id, [{ key, value: 987654, reason: 'test' }], changed, checkReport(changed), SYS);
      const after = await store.getReport(id);
      expect(after!.version).toBe(first!.version + 1);
      expect(after!.cells[key].value).toBe(987654);
      const values = await store.reportModels({ bodyId: govt.id, year: 2023 }, { parts: 'values' });
      expect(values[0].report.cells[key].value).toBe(987654);
    });

    it('gives a database written before 0003 (blanks stored as NULL) its blanks back', async () => {
      const before = await store.reportModels({ region: CITY }, { parts: 'values' });
      await store.db.execute("UPDATE reports SET vals = array_replace(vals, 'NaN'::float8, NULL)");
      const lost = await store.reportModels({ region: CITY }, { parts: 'values' });
      expect(lost).not.toEqual(before);
      // 0003 read the models as they were stored then, whole (0004 packs their cells): put back so for this replay
      for (const r of (await store.listReports({ region: CITY, limit: 10_000 })).items)
        await store.db.execute(sql`UPDATE report_versions
          SET model = ${JSON.stringify(await store.getReportModel(r.id))}::jsonb
          WHERE report_id = ${r.id} AND version = ${r.version}`);
      const script = migrationFiles().find((m) => m.name === '0003_reads.sql')!.sql;
      await store.db.execute(script.slice(script.indexOf('WITH blank AS')));
      expect(await store.reportModels({ region: CITY }, { parts: 'values' })).toEqual(before);
    });
  });
}
