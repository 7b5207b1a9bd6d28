// The API's answers against its declared contract: every route of the OpenAPI document declares a response
// schema; a real answer of each main route validates against the TypeBox schema it declares, and equals what the
// store or the analysis function gave the handler (fastify serialises by the schema, which writes only declared
// properties: an answer that lost a property would differ). Also: the 通报 ranking deducts "returned and not
// fixed in time" with its dates as evidence, from dates set by the workflow routes; and the report renderings
// are the engine's renderer registry, format for format.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { Body } from '../src/model/api.js';
import { OUTPUT_FORMATS, RENDERERS } from '../src/render/index.js';
import { rollupPage } from '../src/analysis/rollup.js';
import { indicatorPage } from '../src/analysis/indicator-page.js';
import * as q from '../src/server/analysis-queries.js';
import { rollupDrill } from '../src/server/rollup-drill.js';
import type { Importer } from '../src/server/importer.js';
import * as out from '../src/server/response-schemas.js';
import { Type } from 'typebox';
import { Client, freshYear, makeReport, openWorld, SYSTEM, type Who, type World } from './server-fixture.js';

/** Records the job without fetching anything: the answers' shape is tested here, not the pipeline. */
const recordingImporter: Importer = {
  async start(store, input, actor) {
    const job = await store.createImportJob([...(input.urls ?? []), ...(input.files ?? []).map((f) => f.name)], actor);
    return (await store.getImportJob(job.id)) ?? job;
  },
};

const YEAR = 2023;
const DRILL = ['applications/newReceived/total', 'applications/outcome.other/total'];
let today = '2024-02-15';
let w: World;
let more: Body[];
const clients = {} as Record<Who, Client>;
const ids = { published: 0, draft: 0, corrected: 0, returned: 0, previous: 0, authored: 0 };

beforeAll(async () => {
  w = await openWorld({ importer: recordingImporter, today: () => today });
  for (const who of ['public', 'editorA', 'supervisorA', 'admin'] as const) clients[who] = await Client.as(w, who);
  more = await w.store.upsertBodies(['丙', '丁', '戊'].map((n) => ({ name: `测试甲市${n}局`, aliases: [],
    level: 'department' as const, regionCode: w.cityA, parentId: null, dueDate: '01-31', scope: 'own' as const })),
  SYSTEM);
  ids.published = await makeReport(w, w.bodyA.id, 'published', YEAR);
  ids.previous = await makeReport(w, w.bodyA.id, 'published', YEAR - 1);
  ids.draft = await makeReport(w, more[0].id, 'draft', YEAR);
  ids.returned = await makeReport(w, more[1].id, 'returned', YEAR);
  await makeReport(w, more[2].id, 'submitted', YEAR);
  ids.corrected = await makeReport(w, w.bodyA.id, 'draft', freshYear(), true);
  const key = Object.keys((await w.store.getReport(ids.corrected))!.cells)[0];
  const fix = await clients.editorA.request('PATCH', `/api/reports/${ids.corrected}/cells`,
    { changes: [{ key, value: 12345, reason: '更正' }] });
  expect(fix.statusCode, fix.body).toBe(200);
  await clients.editorA.request('POST', '/api/imports', { urls: ['https://example.gov.cn/r.html'] });
  // a draft typed in the form: most cells absent, which a comparison and a diff carry as undefined
  const authored = await clients.editorA.request('POST', '/api/reports',
    { bodyId: w.bodyA.id, year: freshYear(), template: '2021' });
  expect(authored.statusCode, authored.body).toBe(201);
  ids.authored = authored.json().id;
  const saved = await clients.editorA.request('PUT', `/api/reports/${ids.authored}/content`,
    { sections: [{ key: 'overview', text: '本年度，我办<b>依法</b>公开。' }],
      cells: { 'applications/newReceived/total': 1 } });
  expect(saved.statusCode, saved.body).toBe(200);
}, 300_000);
afterAll(async () => {
  await w?.close();
});

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

interface Case {
  url: string;
  who: Who;
  schema: TSchema;
  /** what the handler was given to send, from the store or the analysis function directly */
  direct?: () => Promise<unknown>;
}

const cases = (): Case[] => {
  const { store } = w;
  const region = w.cityA;
  const all = { region, publishedOnly: false };
  return [
    { url: '/api/health', who: 'public', schema: out.HealthOut },
    { url: '/api/session', who: 'editorA', schema: out.SessionOut },
    { url: '/api/me/tasks', who: 'supervisorA', schema: Type.Array(out.TaskOut),
      direct: () => store.tasksFor(w.users.supervisorA, today) },
    { url: `/api/regions?parent=${w.province}`, who: 'public', schema: Type.Array(out.RegionOut),
      direct: () => store.listRegions(w.province) },
    { url: `/api/bodies?region=${region}`, who: 'public', schema: out.PageOf(out.BodyOut),
      direct: () => store.listBodies({ region, limit: 50, offset: 0 }) },
    { url: `/api/bodies/${w.bodyA.id}`, who: 'public', schema: out.BodyOut, direct: () => store.getBody(w.bodyA.id) },
    { url: '/api/reports?limit=500', who: 'admin', schema: out.PageOf(out.ReportSummaryOut),
      direct: () => store.listReports({ limit: 500, offset: 0 }) },
    { url: `/api/reports/${ids.returned}`, who: 'admin', schema: out.ReportDetailOut,
      direct: async () => ({ ...(await store.getReport(ids.returned)), actions: ['edit', 'submit'] }) },
    { url: `/api/reports/${ids.corrected}/versions`, who: 'admin', schema: Type.Array(out.VersionInfoOut),
      direct: () => store.listVersions(ids.corrected) },
    { url: `/api/reports/${ids.corrected}/diff?from=1&to=2`, who: 'admin', schema: out.VersionDiffOut,
      direct: () => store.diffVersions(ids.corrected, 1, 2) },
    { url: `/api/reports/${ids.corrected}/audit`, who: 'admin', schema: out.PageOf(out.AuditEntryOut),
      direct: () => store.audit({ entity: 'report', entityId: String(ids.corrected), limit: 50, offset: 0 }) },
    { url: '/api/imports', who: 'admin', schema: out.PageOf(out.ImportJobOut),
      direct: () => store.listImportJobs(50, 0) },
    { url: `/api/analysis/compare?a=${ids.previous}&b=${ids.published}`, who: 'public', schema: out.ComparisonOut,
      direct: async () => {
        const side = async (id: number) => ({ summary: (await store.getReport(id))!,
          report: (await store.getReportModel(id))! });
        return q.compare(await side(ids.previous), await side(ids.published));
      } },
    { url: `/api/reports/${ids.authored}`, who: 'admin', schema: out.ReportDetailOut,
      direct: async () => ({ ...(await store.getReport(ids.authored)), actions: ['edit', 'submit'] }) },
    { url: `/api/reports/${ids.authored}/diff?from=1&to=2`, who: 'admin', schema: out.VersionDiffOut,
      direct: () => store.diffVersions(ids.authored, 1, 2) },
    { url: `/api/analysis/compare?a=${ids.published}&b=${ids.authored}`, who: 'admin', schema: out.ComparisonOut,
      direct: async () => {
        const side = async (id: number) => ({ summary: (await store.getReport(id))!,
          report: (await store.getReportModel(id))! });
        return q.compare(await side(ids.published), await side(ids.authored));
      } },
    { url: `/api/analysis/similarity?region=${region}&year=${YEAR}`, who: 'supervisorA',
      schema: Type.Array(out.SimilarPairOut), direct: () => q.similarity(store, all, YEAR) },
    // the roll-up lists one page of its contributors (50 by default): here the page is taken from the whole plan
    { url: `/api/analysis/rollup?region=${region}&year=${YEAR}`, who: 'supervisorA', schema: out.RollupOut,
      direct: async () => rollupPage(await q.rollupOf(store, all, YEAR), { limit: 50, offset: 0 }) },
    { url: `/api/analysis/rollup?region=${region}&year=${YEAR}&limit=2&offset=1`, who: 'supervisorA',
      schema: out.RollupOut,
      direct: async () => rollupPage(await q.rollupOf(store, all, YEAR), { limit: 2, offset: 1 }) },
    { url: `/api/analysis/rollup?region=${region}&year=${YEAR}&drill=${DRILL.join(',')}`, who: 'supervisorA',
      schema: out.RollupOut,
      direct: async () => rollupPage(await q.rollupOf(store, all, YEAR, undefined, DRILL), { limit: 50, offset: 0 }) },
    { url: `/api/analysis/rollup/contributors?region=${region}&year=${YEAR}&keys=${DRILL.join(',')}`,
      who: 'supervisorA', schema: out.RollupDrillOut, direct: () => rollupDrill(store, all, YEAR, undefined, DRILL) },
    { url: `/api/analysis/indicators?region=${region}&from=${YEAR - 1}&to=${YEAR}&view=trend`, who: 'supervisorA',
      schema: out.IndicatorTableOut,
      direct: () => q.indicators(store, all, { from: YEAR - 1, to: YEAR, view: 'trend' }) },
    // the indicators give one page of rows (50) and each ranking's first 10: the page of the whole table
    { url: `/api/analysis/indicators?region=${region}&year=${YEAR}`, who: 'supervisorA',
      schema: out.IndicatorTableOut,
      direct: async () => indicatorPage(await q.indicators(store, all, { year: YEAR }), { limit: 50, offset: 0,
        top: 10 }) },
    { url: `/api/analysis/indicators?region=${region}&year=${YEAR}&sort=handled&order=desc&limit=2&top=1`,
      who: 'supervisorA', schema: out.IndicatorTableOut,
      direct: async () => indicatorPage(await q.indicators(store, all, { year: YEAR }), { sort: 'handled',
        order: 'desc', limit: 2, offset: 0, top: 1 }) },
    { url: `/api/analysis/filing?region=${region}&year=${YEAR}`, who: 'supervisorA', schema: out.FilingStatusOut,
      direct: () => q.filing(store, region, YEAR, today) },
    { url: `/api/analysis/filing?region=${region}&year=${YEAR}&limit=2&offset=1&chase=true&sort=name&order=desc`,
      who: 'supervisorA', schema: out.FilingStatusOut,
      direct: () => q.filing(store, region, YEAR, today, { limit: 2, offset: 1, chase: true, sort: 'name',
        order: 'desc' }) },
    { url: `/api/analysis/ranking?region=${region}&year=${YEAR}`, who: 'supervisorA', schema: out.RankingOut,
      direct: () => q.ranking(store, region, YEAR, today) },
    { url: '/api/users', who: 'admin', schema: out.PageOf(out.UserOut),
      direct: async () => { const items = await store.listUsers(); return { items, total: items.length }; } },
    { url: '/api/settings/scoring', who: 'supervisorA', schema: Type.Array(out.ScoringRuleOut),
      direct: () => store.scoringRules() },
    { url: '/api/settings/filing', who: 'supervisorA', schema: out.FilingSettingsOut,
      direct: () => store.filingSettings() },
    { url: '/api/audit', who: 'admin', schema: out.PageOf(out.AuditEntryOut),
      direct: () => store.audit({ limit: 50, offset: 0 }) },
  ];
};

describe('each main route answers by its declared schema, losing nothing on the way out', () => {
  test('every answer validates, and equals what the handler was given', async () => {
    const list = cases();
    for (const c of list) {
      const res = await clients[c.who].request('GET', c.url);
      expect(res.statusCode, `${c.url}: ${res.body.slice(0, 300)}`).toBe(200);
      const body = res.json();
      const errors = [...Value.Errors(c.schema, body)].slice(0, 3).map((e) => JSON.stringify(e));
      expect(errors, c.url).toEqual([]);
      if (c.direct) expect(body, c.url).toEqual(json(await c.direct()));
    }
    // the answers are not trivially empty: the fixtures reach every part of the shapes that matters
    const detail = (await clients.admin.request('GET', `/api/reports/${ids.returned}`)).json();
    expect(Object.keys(detail.cells).length).toBeGreaterThan(50);
    expect(detail.findings.length).toBeGreaterThan(0);
    const diff = (await clients.admin.request('GET', `/api/reports/${ids.corrected}/diff?from=1&to=2`)).json();
    expect(diff.cells.some((c: { to: number }) => c.to === 12345)).toBe(true);
    // a comparison with the typed draft: cells one side lacks travel as absent, not as errors
    const compared = (await clients.admin.request('GET',
      `/api/analysis/compare?a=${ids.published}&b=${ids.authored}`)).json();
    expect(compared.cells.some((c: { b?: number }) => !('b' in c))).toBe(true);
    const similar = (await clients.supervisorA.request('GET',
      `/api/analysis/similarity?region=${w.cityA}&year=${YEAR}`)).json();
    expect(similar.length).toBeGreaterThan(0);
    // the roll-up's drill-down only when asked, and then with the summed reports' values
    const region = w.cityA;
    const plain = (await clients.supervisorA.request('GET',
      `/api/analysis/rollup?region=${region}&year=${YEAR}`)).json();
    expect(plain.byContributor).toEqual({});
    // a page of the contributors, the counts over all of them
    const paged = (await clients.supervisorA.request('GET',
      `/api/analysis/rollup?region=${region}&year=${YEAR}&limit=2&offset=1`)).json();
    expect(paged.contributors.length).toBe(2);
    expect(paged.counts.bodies).toBeGreaterThan(3);
    expect(paged.contributors).toEqual(plain.contributors.slice(1, 3));
    expect((await clients.supervisorA.request('GET',
      `/api/analysis/rollup?region=${region}&year=${YEAR}&limit=1001`)).statusCode).toBe(400);
    const drilled = (await clients.supervisorA.request('GET',
      `/api/analysis/rollup/contributors?region=${region}&year=${YEAR}&keys=${DRILL[0]}`)).json();
    expect(drilled.byContributor[DRILL[0]].length).toBeGreaterThan(0);
    const tooMany = Array.from({ length: 51 }, (_, i) => `applications/newReceived/x${i}`).join(',');
    expect((await clients.supervisorA.request('GET',
      `/api/analysis/rollup/contributors?region=${region}&year=${YEAR}&keys=${tooMany}`)).statusCode).toBe(400);
  });

  test('a validation failure of the answer is a real check: a lost property or a wrong type is caught', () => {
    const body = { items: [{ ...w.bodyA }], total: 1 };
    expect(Value.Check(out.PageOf(out.BodyOut), body)).toBe(true);
    const { dueDate: _d, ...lost } = w.bodyA;
    expect(Value.Check(out.PageOf(out.BodyOut), { items: [lost], total: 1 })).toBe(false);
    expect(Value.Check(out.BodyOut, { ...w.bodyA, parentId: '1' })).toBe(false);
  });

  test('the OpenAPI document gives every route a response schema', async () => {
    const doc = (await clients.public.request('GET', '/api/docs/json')).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, {
        schema?: object }> }> }>>;
    };
    const ops = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/api/docs'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ name: `${m} ${path}`, op })));
    expect(ops.length).toBeGreaterThan(40);
    const missing = ops.filter(({ op }) => {
      const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2/.test(code));
      if (ok.length === 0) return true;
      return ok.some(([code, r]) => code !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema));
    }).map((o) => o.name);
    expect(missing).toEqual([]);
    // and the error envelope on every route
    expect(ops.filter(({ op }) => !op.responses?.['4XX'] && !op.responses?.['4xx']).map((o) => o.name)).toEqual([]);
    const detail = doc.paths['/api/reports/{id}'].get.responses!['200'].content!['application/json'].schema as {
      properties: Record<string, unknown> };
    expect(Object.keys(detail.properties)).toEqual(expect.arrayContaining(['cells', 'findings', 'actions']));
  });
});

describe('通报 scoring reads the return dates the workflow sets', () => {
  test('returned and not fixed in time is deducted, with the dates as evidence; fixed in time is not', async () => {
    const year = 2021;
    const [late, prompt, open, again] = await w.store.upsertBodies(['己', '庚', '辛', '壬'].map((n) => ({
      name: `测试甲市${n}局`, aliases: [], level: 'department' as const, regionCode: w.cityA, parentId: null,
      dueDate: '01-31', scope: 'own' as const })), SYSTEM);
    const reportOf = new Map<number, number>();
    for (const b of [late, prompt, open, again]) reportOf.set(b.id, await makeReport(w, b.id, 'draft', year));
    const step = async (day: string, b: Body, action: string, body?: object) => {
      today = day;
      const res = await clients.admin.request('POST', `/api/reports/${reportOf.get(b.id)}/${action}`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    const note = { note: '请修改', findingIds: [] };
    for (const b of [late, prompt, open, again]) {
      await step('2022-01-05', b, 'submit');
      await step('2022-01-10', b, 'return', note);
    }
    await step('2022-01-30', late, 'submit'); // 20 days after the return
    await step('2022-01-15', prompt, 'submit'); // 5 days
    await step('2022-01-12', again, 'submit'); // fixed in 2 days, then returned again and left
    await step('2022-01-20', again, 'return', note);
    today = '2022-03-01';
    const res = await clients.supervisorA.request('GET', `/api/analysis/ranking?region=${w.cityA}&year=${year}`);
    const ranking = res.json() as { rules: { kind: string; threshold: number | null }[]; rows: { bodyId: number;
      deductions: { kind: string; evidence: string; evidenceEn: string; reportId: number | null }[] }[] };
    expect(ranking.rules.find((r) => r.kind === 'returned-not-fixed')!.threshold).toBe(10);
    const returnsOf = (b: Body) => ranking.rows.find((r) => r.bodyId === b.id)!.deductions
      .filter((d) => d.kind === 'returned-not-fixed');
    expect(returnsOf(late)).toEqual([expect.objectContaining({ reportId: reportOf.get(late.id),
      evidence: '2022-01-10退回，2022-01-30重新报送，用时20天，超过10天' })]);
    expect(returnsOf(open)).toEqual([expect.objectContaining({ reportId: reportOf.get(open.id),
      evidenceEn: 'Returned 2022-01-10, not filed again by 2022-03-01 (50 days), over 10' })]);
    expect(returnsOf(again)).toEqual([expect.objectContaining({ reportId: reportOf.get(again.id),
      evidence: '2022-01-20退回，截至2022-03-01未重新报送（40天），超过10天' })]);
    expect(returnsOf(prompt)).toEqual([]);
    today = '2024-02-15';
  });
});

describe('renderings come from the engine registry', () => {
  test('the served formats are the registry, and each text rendering is what its renderer gives', async () => {
    const doc = (await clients.public.request('GET', '/api/docs/json')).json();
    const param = (doc.paths['/api/reports/{id}/render/{format}'].get.parameters as { name: string;
      schema: { enum: string[] } }[]).find((p) => p.name === 'format')!;
    expect([...param.schema.enum].sort()).toEqual([...OUTPUT_FORMATS].sort());
    const model = (await w.store.getReportModel(ids.published))!;
    const findings = (await w.store.getReport(ids.published))!.findings;
    for (const format of OUTPUT_FORMATS) {
      const r = RENDERERS[format];
      if (r.kind !== 'text') continue;
      const res = await clients.public.request('GET', `/api/reports/${ids.published}/render/${format}`);
      expect(res.statusCode, format).toBe(200);
      expect(res.body, format).toBe(r.text(model, { findings }));
    }
  });
});
