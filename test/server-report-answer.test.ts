// GET /api/reports/:id written from runs with the model's kept per stored version (src/server/report-answer.ts):
// byte for byte what fastify's serialiser writes for the whole detail (reportFor, ReportDetailOut) for every role
// and kind of report; a correction, a decision and a workflow step show at once (nothing stale is served); the
// kept runs stay within their budget. And the list pages read in one statement (src/store/json-rows.ts) keep their
// total past the last page.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCellKeys } from '../src/model/template.js';
import { buildApp } from '../src/server/app.js';
import { reportFor } from '../src/server/report-access.js';
import { RunCache } from '../src/server/report-answer.js';
import { ReportDetailOut } from '../src/server/response-schemas.js';
import { Client, makeReport, openWorld, PASSWORD, type Who, type World } from './server-fixture.js';

let w: World;
let app: FastifyInstance;
const KEY = allCellKeys('2021')[0];

beforeAll(async () => {
  w = await openWorld({ today: () => '2024-02-15' });
  // the same store behind an app with one more route: the detail as reportFor gives it, serialised whole by
  // fastify from ReportDetailOut — the answer as it was written before the runs
  app = await buildApp({ store: w.store, loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
    today: () => '2024-02-15' });
  app.get<{ Params: { id: string } }>('/api/oracle/:id', { schema: { response: { 200: ReportDetailOut } } },
    (req) => reportFor(req, Number(req.params.id)));
  await app.ready();
}, 300_000);
afterAll(async () => {
  await app?.close();
  await w?.close();
});

async function as(who: Who): Promise<Client> {
  const c = new Client(app);
  if (who === 'public') await c.refreshToken();
  else await c.login(w.users[who].username, PASSWORD);
  return c;
}

/** The answer, checked to be the oracle's bytes (status, type and body). */
async function answer(c: Client, id: number): Promise<{ status: number; body: string }> {
  const [got, want] = [await c.request('GET', `/api/reports/${id}`), await c.request('GET', `/api/oracle/${id}`)];
  expect(got.statusCode).toBe(want.statusCode);
  expect(got.headers['content-type']).toBe(want.headers['content-type']);
  expect(got.body).toBe(want.body);
  return { status: got.statusCode, body: got.body };
}

describe('the report answer from kept runs', () => {
  test('is byte for byte the whole detail serialised, for every role and kind of report', async () => {
    const published = await makeReport(w, w.bodyA.id, 'published', undefined, true);
    const submitted = await makeReport(w, w.bodyA.id, 'submitted');
    const draftB = await makeReport(w, w.bodyB.id, 'draft');
    const pending = await makeReport(w, null, 'pending', null);
    // a return and a resubmission: the optional dates are written (the serialiser puts them last)
    const returned = await makeReport(w, w.bodyA.id, 'submitted');
    const sup = await as('supervisorA');
    const editor = await as('editorA');
    const back = await sup.request('POST', `/api/reports/${returned}/return`, { note: '补充说明', findingIds: [] });
    expect(back.statusCode).toBe(200);
    expect((await editor.request('POST', `/api/reports/${returned}/submit`)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (const who of ['public', 'editorA', 'editorB', 'supervisorA', 'supervisorP', 'admin'] as Who[]) {
      const c = await as(who);
      for (const id of [published, submitted, draftB, pending, returned, 999_999]) {
        statuses.push((await answer(c, id)).status);
        statuses.push((await answer(c, id)).status); // again: now from the kept run
      }
    }
    expect(statuses).toContain(200);
    expect(statuses).toContain(404); // what a user may not read is not found, as before
    const body = JSON.parse((await answer(sup, returned)).body);
    expect(body.returnedAt).toBe('2024-02-15');
    expect(body.findings.length).toBeGreaterThan(0);
    expect(Object.keys(body.cells).length).toBeGreaterThan(50);
  });

  test('a correction, a decision and a workflow step show at once', async () => {
    const id = await makeReport(w, w.bodyA.id, 'submitted');
    const sup = await as('supervisorA');
    const editor = await as('editorA');
    const before = JSON.parse((await answer(sup, id)).body);
    const finding = before.findings[0];
    expect((await sup.request('POST', `/api/findings/${finding.id}/decision`,
      { decision: 'dismissed', reason: '口径不同' })).statusCode).toBe(200);
    const decided = JSON.parse((await answer(sup, id)).body);
    expect(decided.findings.find((f: { id: number }) => f.id === finding.id).status).toBe('dismissed');
    const back = await sup.request('POST', `/api/reports/${id}/return`, { note: '请更正', findingIds: [] });
    expect(back.statusCode).toBe(200);
    const value = (before.cells[KEY]?.value ?? 0) + 1;
    const fixed = await editor.request('PATCH', `/api/reports/${id}/cells`,
      { changes: [{ key: KEY, value, reason: '更正' }] });
    expect(fixed.statusCode).toBe(200);
    const after = JSON.parse((await answer(editor, id)).body);
    expect(after.version).toBe(before.version + 1);
    expect(after.cells[KEY].value).toBe(value);
    expect(after.status).toBe('returned');
    expect(JSON.parse((await answer(sup, id)).body).cells[KEY].value).toBe(value);
  });

  test('with no budget nothing is kept and the answer is the same', async () => {
    const bare = await buildApp({ store: w.store, reportAnswerBudget: 0 });
    try {
      const id = await makeReport(w, w.bodyB.id, 'published');
      const [a, b] = [await bare.inject(`/api/reports/${id}`), await app.inject(`/api/reports/${id}`)];
      expect(a.statusCode).toBe(200);
      expect(a.body).toBe(b.body);
    } finally {
      await bare.close();
    }
  });
});

describe('the kept runs', () => {
  const kept = (run: string) => ({ format: 'text', encoding: 'utf-8', truncated: false, run: Buffer.from(run) });

  test('stay within the budget, the least recently read out first', () => {
    const cache = new RunCache(10);
    cache.set('a', kept('{"x":1}')); // 7 bytes
    cache.set('b', kept('{"y":2}'));
    expect(cache.entries).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.run.toString()).toBe('{"y":2}');
    const three = new RunCache(21);
    for (const k of ['a', 'b', 'c']) three.set(k, kept(`{"${k}":1}`));
    three.get('a'); // read: 'b' is now the least recently read
    three.set('d', kept('{"d":1}'));
    expect([three.get('a'), three.get('b'), three.get('c'), three.get('d')].map((x) => x !== undefined))
      .toEqual([true, false, true, true]);
  });

  test('a run larger than the whole budget is not kept', () => {
    const cache = new RunCache(4);
    cache.set('a', kept('{"x":1}'));
    expect(cache.entries).toBe(0);
  });
});

describe('list pages in one statement', () => {
  test('a page past the end answers no items and the same total; a filter its own total', async () => {
    const c = await as('public');
    for (const path of ['/api/reports?limit=5', '/api/bodies?limit=2', '/api/reports?limit=5&status=published']) {
      const first = (await c.request('GET', path)).json();
      const past = (await c.request('GET', `${path}&offset=100000`)).json();
      expect(first.total).toBeGreaterThan(0);
      expect(first.items.length).toBe(Math.min(first.total, Number(/limit=(\d+)/.exec(path)![1])));
      expect(past).toEqual({ items: [], total: first.total });
    }
    const none = (await c.request('GET', `/api/bodies?limit=5&region=${w.cityB}&q=没有这个名字`)).json();
    expect(none).toEqual({ items: [], total: 0 });
  });
});
