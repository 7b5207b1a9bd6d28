// The filing page (催报) read in SQL (store/filing-outline.ts, analysis/filing-order.ts) against the definition,
// filingPage over filingStatus over every body and report, on PGlite and PostgreSQL: for every sort, order, filter
// and a few slices the route takes, on a region, a county and everywhere, before and after the due dates. The cases
// where it would go wrong: names whose zh order is not their code-unit order, one name in two counties (read order:
// region, then id — the ids here run the other way), ties of days overdue, every status, a report filed by its
// acceptance or publication date alone, a body's own due date (none or empty: the per-level setting applies; one
// that does not exist, 02-30, stored before the API refused such dates: the same), levels of both default dates.
// And the whole read when the outline cannot tell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filingPage, filingStatus, type FilingPageOptions } from '../src/analysis/filing.js';
import type { Body, BodyLevel, ReportStatus } from '../src/model/api.js';
import * as q from '../src/server/analysis-queries.js';
import { reports as reportsT } from '../src/store/schema.js';
import type { Actor, Store } from '../src/store/types.js';
import { BACKENDS } from './store-backends.js';

const SYS: Actor = { userId: null, username: null };
const YEAR = 2023;
const CITY = '320800';

// [name, county, level, own due date, status (null: no report), submitted, accepted, published]
type Spec = [string, string, BodyLevel, string | null, ReportStatus | null, string | null, string | null,
  string | null];
const BODIES: Spec[] = [
  ['财政局', '320813', 'department', null, 'draft', null, null, null],
  ['财政局', '320812', 'department', null, 'draft', null, null, null],
  ['安监局', '320812', 'department', null, 'draft', null, null, null],
  ['北湖局', '320812', 'department', null, 'submitted', '2024-02-05', null, null],
  ['中区局', '320813', 'department', null, 'accepted', null, '2024-02-05', null],
  ['东区局', '320813', 'department', '02-20', 'returned', '2024-02-25', null, null],
  ['教育局', '320813', 'department', null, 'published', null, null, '2024-03-01'],
  ['司法局', '320812', 'department', null, 'returned', '2024-01-12', null, null],
  ['民政局', '320812', 'department', null, 'pending', null, null, null],
  ['人社局', '320812', 'department', '', null, null, null, null],
  ['卫健委', '320813', 'department', '02-30', 'submitted', '2024-03-02', null, null],
  ['统计局', '320813', 'department', null, 'published', null, null, null],
  ['淮安区人民政府', '320803', 'county', null, 'submitted', '2024-03-20', null, null],
  ['淮阴区人民政府', '320804', 'county', null, null, null, null, null],
  ['王营镇人民政府', '320813', 'town', null, 'draft', null, null, null],
  ['清河街道办事处', '320812', 'street', null, null, null, null, null],
  ['开发区管委会', '320812', 'committee', null, 'published', '2024-01-20', '2024-01-25', '2024-02-01'],
  ['南京市财政局', '320100', 'department', null, null, null, null, null],
];

const PAGES: FilingPageOptions[] = [];
for (const chase of [false, true]) {
  for (const sort of [undefined, 'overdue', 'name', 'due'] as const) {
    for (const order of [undefined, 'asc', 'desc'] as const) {
      for (const [offset, limit] of [[0, 50], [2, 4]] as const) PAGES.push({ chase, sort, order, offset, limit });
    }
  }
}

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`the filing page in SQL on ${backend.name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    // the whole read refused: the page comes from the outline
    const refuse = async (): Promise<never> => { throw new Error('read every body'); };
    let outlineOnly: Store;

    beforeAll(async () => {
      ({ store, dispose } = await backend.open());
      // one at a time, in the order listed: 320813's 财政局 gets the smaller id
      const made: Body[] = [];
      for (const [name, regionCode, level, dueDate] of BODIES) {
        made.push(...await store.upsertBodies([{ name, aliases: [], level, regionCode, parentId: null,
          dueDate: dueDate || '', scope: 'own' }], SYS));
      }
      // stored as given (the API keeps a level's default as none, and would not store an empty one)
      for (const [i, spec] of BODIES.entries()) {
        await store.db.execute(`UPDATE bodies SET due_date = ${spec[3] === null ? 'NULL' : `'${spec[3]}'`}
          WHERE id = ${made[i].id}`);
      }
      const rows = BODIES.flatMap(([, , , , status, submittedAt, acceptedAt, publishedAt], i) => (status === null
        ? [] : [{ bodyId: made[i].id, year: YEAR, status, template: '2021', vals: [], submittedAt, acceptedAt,
          publishedAt }]));
      // another year's reports do not count
      rows.push({ bodyId: made[12].id, year: YEAR - 1, status: 'published', template: '2021', vals: [],
        submittedAt: '2023-01-10', acceptedAt: null, publishedAt: null });
      await store.db.insert(reportsT).values(rows);
      // the older per-level setting and the filing rules over it: working days and grace days count too
      await store.putSetting('dueDates', { department: '01-15', street: '03-01' }, SYS);
      await store.putSetting('filing', { dueDates: { street: '02-01' }, workingDays: true, publicationGraceDays: 5 },
        SYS);
      outlineOnly = { ...store, analysisBodies: refuse, filingReports: refuse };
    }, 120_000);
    afterAll(async () => {
      await dispose?.();
    });

    async function definition(region: string | undefined, asOf: string) {
      const [bodies, reports, rules] = await Promise.all([store.analysisBodies(region),
        store.filingReports(region, YEAR), store.filingSettings()]);
      return filingStatus(bodies, reports, { ...rules, year: YEAR, asOf }, region ?? null);
    }

    it('pages every sort, order and filter as filingPage does over every row', async () => {
      // before every due date (all tied at 0 days but the early filers), between them, after them
      for (const [region, asOf] of [[CITY, '2024-01-10'], [CITY, '2024-02-15'], [CITY, '2024-06-30'],
        ['320813', '2024-02-15'], [undefined, '2024-02-15']] as const) {
        const all = await definition(region, asOf);
        for (const page of [...PAGES, { limit: 5, offset: 100 }]) {
          const got = await q.filing(outlineOnly, region, YEAR, asOf, page);
          expect(got, `${region} ${asOf} ${JSON.stringify(page)}`).toEqual(filingPage(all, page));
        }
      }
      // what the cases must show
      const all = await definition(CITY, '2024-02-15');
      const row = (name: string, county: string) =>
        all.rows.find((r) => r.bodyName === name && r.regionCode === county)!;
      expect(Object.values(all.summary).every((n) => n > 0)).toBe(true);
      expect(all.summary.expected).toBe(BODIES.length - 1);
      expect(row('人社局', '320812')).toMatchObject({ dueDate: '2024-01-15', status: 'missing', daysOverdue: 31 });
      // an own date that does not exist (stored before the API refused such dates) gives way to its level's
      expect(row('卫健委', '320813')).toMatchObject({ dueDate: '2024-01-15', daysOverdue: 47 });
      // no own date: the level's setting (department 01-15), not the built-in 01-31
      expect(row('中区局', '320813')).toMatchObject({ submittedAt: '2024-02-05', daysOverdue: 21 });
      expect(row('司法局', '320812')).toMatchObject({ status: 'returned', late: false }); // chased all the same
      expect(row('教育局', '320813')).toMatchObject({ submittedAt: '2024-03-01', daysOverdue: 46 });
      // one name in two counties, tied: in region order although the other has the smaller id
      const twins = all.rows.filter((r) => r.bodyName === '财政局');
      const sameDay = filingPage(all, { sort: 'due' }).rows.filter((r) => r.bodyName === '财政局');
      expect(twins.map((r) => r.regionCode)).toEqual(['320812', '320813']);
      expect(sameDay.map((r) => r.regionCode)).toEqual(['320812', '320813']);
      expect(twins[0].bodyId).toBeGreaterThan(twins[1].bodyId);
      // days overdue tied between names and within one (drafts due the same day)
      expect(new Set(['安监局', '财政局'].flatMap((n) => all.rows.filter((r) => r.bodyName === n))
        .map((r) => r.daysOverdue)).size).toBe(1);
    });

    it('reads every row when the outline cannot tell, with the same answer', async () => {
      const page = { limit: 5, offset: 1, sort: 'name' as const };
      const same = async (asOf: string) => {
        await expect(q.filing(outlineOnly, CITY, YEAR, asOf, page)).rejects.toThrow('read every body');
        expect(await q.filing(store, CITY, YEAR, asOf, page)).toEqual(filingPage(await definition(CITY, asOf), page));
      };
      // a day asked that is not a day (the definition's days overdue: NaN)
      await same('soon');
      // a name holding the outline's line separator
      const sep = `统计${String.fromCharCode(30)}局`;
      await store.db.execute(`UPDATE bodies SET name = '${sep}' WHERE name = '统计局'`);
      try {
        await same('2024-02-15');
      } finally {
        await store.db.execute(`UPDATE bodies SET name = '统计局' WHERE name = '${sep}'`);
      }
      // and the outline answers again
      expect((await q.filing(outlineOnly, CITY, YEAR, '2024-02-15', page)).rows.length).toBe(5);
    });
  });
}
