// GET /api/analysis/indicators as pages (app.inject): the default page, limit/offset, sort by the label or an
// indicator, the rankings cut to `top` with their totals, the distributions, the minCases setting hiding rates
// (hidden rates last in a sort, left out of rankings and distributions), the public's published-only view, bad
// parameters refused; each answer equal to the page of the pure function's whole table over the reports' models
// (analysis/indicator-page.ts indicatorPage over indicatorTable). The export still gives every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorPage } from '../src/analysis/indicator-page.js';
import { analysisInput } from '../src/analysis/input.js';
import { indicatorTable } from '../src/analysis/indicators.js';
import type { IndicatorPageOptions, IndicatorRow, IndicatorTable } from '../src/model/analysis.js';
import { makeReport } from '../src/rules/testing.js';
import { Client, openWorld, SYSTEM, type World } from './server-fixture.js';

const YEAR = 2023;
const BODIES = 14;
let w: World;
let supervisor: Client;
let anyone: Client;

beforeAll(async () => {
  w = await openWorld();
  supervisor = await Client.as(w, 'supervisorA');
  anyone = await Client.as(w, 'public');
  const bodies = await w.store.upsertBodies(Array.from({ length: BODIES }, (_, i) => ({ name: `测试甲市第${i}局`,
    aliases: [], level: 'department' as const, regionCode: w.cityA, parentId: null, dueDate: '01-31',
    scope: 'own' as const })), SYSTEM);
  for (const [i, b] of bodies.entries()) {
    // rates that differ, tie (i % 5) and rest on few cases (small picks: outcome totals under 10)
    const pick = (_k: string, j: number) => (i < 3 ? j % 2 : 1 + ((i % 5) * j) % 9);
    const report = makeReport({ agency: b.name, year: YEAR, pick });
    await w.store.saveImported({ report, findings: [], source: null, bodyId: b.id, year: YEAR,
      status: i % 3 ? 'published' : 'draft', publishedAt: i % 3 ? '2024-01-20' : null, reason: 'test' }, SYSTEM);
  }
}, 300_000);
afterAll(async () => {
  await w?.close();
});

/** The page of the whole table the pure functions make over the models (what the route must answer). */
async function expected(page: IndicatorPageOptions, publishedOnly = false): Promise<IndicatorTable> {
  const models = await w.store.reportModels({ region: w.cityA, publishedOnly: publishedOnly || undefined });
  const minCases = (await w.store.getSetting<number>('minCases')) ?? undefined;
  return indicatorPage(indicatorTable(models.map((m) => analysisInput(m.summary, m.report)),
    { minCases, from: YEAR, to: YEAR }), page);
}

async function get(c: Client, query: string): Promise<IndicatorTable> {
  const res = await c.request('GET', `/api/analysis/indicators?region=${w.cityA}&year=${YEAR}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const value = (r: IndicatorRow, id: string) => r.values.find((v) => v.id === id)!;
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('GET /api/analysis/indicators', () => {
  it('answers the first 50 rows in label order, the rankings\' first 10, with their totals', async () => {
    const got = await get(supervisor, '');
    expect(got).toEqual(json(await expected({ limit: 50, offset: 0, top: 10 })));
    expect(got).toMatchObject({ total: BODIES, offset: 0, limit: 50 });
    expect(got.rows).toHaveLength(BODIES);
    expect(got.trend).toHaveLength(1);
    expect(got.rankings!.every((r) => r.rows.length <= 10 && r.total! >= r.rows.length)).toBe(true);
    expect(got.rankings!.some((r) => r.total! > 10)).toBe(true);
    expect(got.distributions!.map((d) => d.bins.reduce((s, b) => s + b.count, 0)))
      .toEqual(got.rankings!.map((r) => r.total));
  });

  it('pages: every row once over the pages, in the order asked', async () => {
    for (const sort of ['', '&sort=disclosureRate&order=desc', '&sort=applications', '&sort=label&order=desc']) {
      const pages: IndicatorRow[] = [];
      for (let offset = 0; offset < BODIES; offset += 4) {
        const page = await get(supervisor, `${sort}&limit=4&offset=${offset}&top=2`);
        expect(page).toMatchObject({ total: BODIES, offset, limit: 4 });
        pages.push(...page.rows);
      }
      const whole = await get(supervisor, `${sort}&limit=500`);
      expect(pages).toEqual(whole.rows);
      expect(new Set(pages.map((r) => r.reportId)).size).toBe(BODIES);
      const params = Object.fromEntries(new URLSearchParams(sort)) as IndicatorPageOptions;
      expect(whole).toEqual(json(await expected({ ...params, limit: 500, offset: 0, top: 10 })));
    }
    const byRate = await get(supervisor, '&sort=disclosureRate&order=desc&limit=500');
    const rates = byRate.rows.map((r) => value(r, 'disclosureRate').value);
    const known = rates.filter((v) => v !== null) as number[];
    expect(known.length).toBeGreaterThan(3);
    expect(rates.slice(0, known.length)).toEqual(known); // unknown or hidden last
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });

  it('hides rates over fewer cases than the minCases setting: last in a sort, out of rankings', async () => {
    const before = await get(supervisor, '&sort=disclosureRate&top=500');
    await w.store.putSetting('minCases', 1_000_000, SYSTEM);
    try {
      const got = await get(supervisor, '&sort=disclosureRate&top=500');
      expect(got).toEqual(json(await expected({ sort: 'disclosureRate', limit: 50, offset: 0, top: 500 })));
      expect(got.minCases).toBe(1_000_000);
      const rate = got.rankings!.find((r) => r.id === 'disclosureRate')!;
      expect(rate).toMatchObject({ rows: [], total: 0 });
      expect(rate.hidden).toBe(before.rankings!.find((r) => r.id === 'disclosureRate')!.total);
      expect(got.distributions!.every((d) => d.median === null && d.bins.every((b) => b.count === 0))).toBe(true);
      expect(got.rows.every((r) => value(r, 'disclosureRate').value === null)).toBe(true);
      // the rows stay in label order when no row has a value
      expect(got.rows).toEqual((await get(supervisor, '&top=500')).rows);
    } finally {
      await w.store.putSetting('minCases', 10, SYSTEM);
    }
  });

  it('gives the public the published reports only', async () => {
    const got = await get(anyone, '&sort=applications&order=desc&limit=5');
    expect(got).toEqual(json(await expected({ sort: 'applications', order: 'desc', limit: 5, offset: 0, top: 10 },
      true)));
    expect(got.total).toBe(Array.from({ length: BODIES }, (_, i) => i).filter((i) => i % 3).length);
  });

  it('refuses a bad page', async () => {
    for (const q of ['&limit=0', '&limit=501', '&offset=-1', '&sort=nonsense', '&order=up', '&top=-1']) {
      const res = await supervisor.request('GET', `/api/analysis/indicators?region=${w.cityA}&year=${YEAR}${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBeTruthy();
    }
  });

  it('still exports every row, and the trend alone', async () => {
    const all = await supervisor.request('GET', `/api/exports/indicators.json?region=${w.cityA}&year=${YEAR}`);
    expect(all.statusCode).toBe(200);
    const table: IndicatorTable = JSON.parse(all.body);
    expect(table.rows).toHaveLength(BODIES);
    expect(table.total).toBeUndefined();
    expect(json(table.rows)).toEqual((await get(supervisor, '&limit=500')).rows);
    expect(table.rankings!.find((r) => r.id === 'disclosureRate')!.rows.length)
      .toBe((await get(supervisor, '')).rankings!.find((r) => r.id === 'disclosureRate')!.total);
    const trend = await get(supervisor, '&view=trend');
    expect(trend).toMatchObject({ rows: [], rankings: [], distributions: [] });
    expect(trend.trend).toEqual((await get(supervisor, '')).trend);
  });
});
