// The role × endpoint access matrix: every endpoint of the API, called by every kind of user — the public, the
// editor of body A, the editor of body B, the supervisor of A's city, the supervisor of the other city, the
// supervisor by A's parent body (a province department: A's reports are its to review, A's city is not), an admin
// — on body A's reports and region. An allowed call answers 2xx; a refused one answers 401 (public), 403 or 404
// (a report the user may not read is not disclosed) in the error envelope. Each call that changes state runs on
// a report made fresh for it, so no call depends on another's outcome.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { allCellKeys } from '../src/model/template.js';
import type { Importer } from '../src/server/importer.js';
import {
  Client, EVERYONE, freshYear, makeReport, openWorld, PASSWORD, SYSTEM, type Who, type World,
} from './server-fixture.js';

/** Records the job without fetching or parsing anything: the matrix tests who may start one, not the pipeline. */
const recordingImporter: Importer = {
  async start(store, input, actor) {
    const job = await store.createImportJob([...(input.urls ?? []), ...(input.files ?? []).map((f) => f.name)], actor);
    await store.finishImportJob(job.id, 'done');
    return (await store.getImportJob(job.id)) ?? job;
  },
};

interface Case {
  name: string;
  allowed: Who[];
  run(c: Client, who: Who): Promise<LightMyRequestResponse>;
}

const A_SIDE: Who[] = ['editorA', 'supervisorA', 'supervisorP', 'admin'];
/** who reviews body A's reports: its city's supervisor, its parent body's, an admin */
const REVIEWERS_A: Who[] = ['supervisorA', 'supervisorP', 'admin'];
/** who reviews A's city as a region (screening, filing status, ranking, new bodies in it) */
const REGION_A: Who[] = ['supervisorA', 'admin'];
const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== 'public');

let w: World;
const clients = {} as Record<Who, Client>;

beforeAll(async () => {
  w = await openWorld({ importer: recordingImporter, today: () => '2024-02-15' });
  for (const who of EVERYONE) clients[who] = await Client.as(w, who);
}, 300_000); // opening a store loads the whole region tree; argon2 hashes every password
afterAll(async () => {
  await w?.close();
});

const report = (status: Parameters<typeof makeReport>[2], withSource = false) =>
  makeReport(w, w.bodyA.id, status, freshYear(), withSource);
const firstFinding = async (id: number) => (await w.store.getReport(id))!.findings[0].id;
let userNo = 0;

const cases: Case[] = [
  { name: 'GET /session', allowed: EVERYONE, run: (c) => c.request('GET', '/api/session') },
  { name: 'POST /session', allowed: EVERYONE, run: () => new Client(w.app).login('editor-b', PASSWORD) },
  { name: 'DELETE /session', allowed: SIGNED_IN, run: async (_c, who) => {
    const fresh = await Client.as(w, who);
    return fresh.request('DELETE', '/api/session');
  } },
  { name: 'GET /me/tasks', allowed: SIGNED_IN, run: (c) => c.request('GET', '/api/me/tasks') },
  { name: 'GET /regions', allowed: EVERYONE, run: (c) => c.request('GET', `/api/regions?parent=${w.province}`) },
  { name: 'GET /bodies', allowed: EVERYONE, run: (c) => c.request('GET', `/api/bodies?region=${w.cityA}`) },
  { name: 'GET /bodies/:id', allowed: EVERYONE, run: (c) => c.request('GET', `/api/bodies/${w.bodyA.id}`) },
  { name: 'POST /bodies', allowed: REGION_A, run: (c) => c.request('POST', '/api/bodies', {
    name: `测试甲市新机构${++userNo}`, aliases: [], level: 'department', regionCode: w.cityA, parentId: null,
    dueDate: '01-31', scope: 'own' }) },
  { name: 'POST /bodies (under the parent body, in city B)', allowed: ['supervisorB', 'supervisorP', 'admin'],
    run: (c) => c.request('POST', '/api/bodies', { name: `测试乙市分支机构${++userNo}`, aliases: [],
      level: 'department', regionCode: w.cityB, parentId: w.parentBody.id, dueDate: '01-31', scope: 'own' }) },
  { name: 'PATCH /bodies/:id', allowed: REVIEWERS_A,
    run: (c) => c.request('PATCH', `/api/bodies/${w.bodyA.id}`, { aliases: [`别名${++userNo}`] }) },
  { name: 'GET /reports', allowed: EVERYONE, run: (c) => c.request('GET', '/api/reports') },
  { name: 'GET /reports/:id (draft)', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('draft')}`) },
  { name: 'GET /reports/:id (submitted)', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('submitted')}`) },
  { name: 'GET /reports/:id (published)', allowed: EVERYONE,
    run: async (c) => c.request('GET', `/api/reports/${await report('published')}`) },
  { name: 'POST /reports', allowed: ['editorA', 'admin'], run: (c) => c.request('POST', '/api/reports',
    { bodyId: w.bodyA.id, year: freshYear(), template: '2021' }) },
  { name: 'PUT /reports/:id/content', allowed: ['editorA', 'admin'],
    run: async (c) => c.request('PUT', `/api/reports/${await report('draft')}/content`,
      { sections: [], cells: { [allCellKeys('2021')[0]]: 3 } }) },
  { name: 'PATCH /reports/:id/cells', allowed: A_SIDE,
    run: async (c) => c.request('PATCH', `/api/reports/${await report('draft')}/cells`,
      { changes: [{ key: allCellKeys('2021')[0], value: 4, reason: 'typo' }] }) },
  { name: 'POST /reports/:id/recheck', allowed: A_SIDE,
    run: async (c) => c.request('POST', `/api/reports/${await report('draft')}/recheck`) },
  { name: 'POST /reports/:id/submit', allowed: ['editorA', 'admin'],
    run: async (c) => c.request('POST', `/api/reports/${await report('draft')}/submit`) },
  { name: 'POST /reports/:id/return', allowed: REVIEWERS_A, run: async (c) => {
    const id = await report('submitted');
    return c.request('POST', `/api/reports/${id}/return`, { note: '请核对', findingIds: [await firstFinding(id)] });
  } },
  { name: 'POST /reports/:id/accept', allowed: REVIEWERS_A,
    run: async (c) => c.request('POST', `/api/reports/${await report('submitted')}/accept`) },
  { name: 'POST /reports/:id/publish', allowed: A_SIDE,
    run: async (c) => c.request('POST', `/api/reports/${await report('accepted')}/publish`,
      { url: 'https://example.gov.cn/2024.html', date: '2024-01-25' }) },
  { name: 'POST /reports/:id/assign', allowed: REVIEWERS_A, run: async (c) => {
    const id = await makeReport(w, null, 'pending', null);
    return c.request('POST', `/api/reports/${id}/assign`, { bodyId: w.bodyA.id, year: freshYear() });
  } },
  { name: 'GET /reports/:id/versions', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('draft')}/versions`) },
  { name: 'GET /reports/:id/diff', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('draft')}/diff?from=1&to=1`) },
  { name: 'GET /reports/:id/audit', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('draft')}/audit`) },
  { name: 'GET /reports/:id/source', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('draft', true)}/source`) },
  { name: 'GET /reports/:id/source (published)', allowed: EVERYONE,
    run: async (c) => c.request('GET', `/api/reports/${await report('published', true)}/source`) },
  { name: 'GET /reports/:id/render/md', allowed: A_SIDE,
    run: async (c) => c.request('GET', `/api/reports/${await report('draft')}/render/md`) },
  { name: 'GET /reports/:id/render/xlsx (published)', allowed: EVERYONE,
    run: async (c) => c.request('GET', `/api/reports/${await report('published')}/render/xlsx`) },
  { name: 'POST /findings/:id/decision', allowed: REVIEWERS_A, run: async (c) => {
    const id = await firstFinding(await report('submitted'));
    return c.request('POST', `/api/findings/${id}/decision`, { decision: 'dismissed', reason: '口径说明' });
  } },
  { name: 'POST /imports', allowed: SIGNED_IN,
    run: (c) => c.request('POST', '/api/imports', { urls: ['https://example.gov.cn/r.html'] }) },
  { name: 'GET /imports', allowed: SIGNED_IN, run: (c) => c.request('GET', '/api/imports') },
  { name: 'GET /imports/:id', allowed: ['supervisorA', 'supervisorB', 'supervisorP', 'admin'], run: async (c) => {
    const { id: userId, username } = w.users.admin;
    const job = await w.store.createImportJob(['x.txt'], { userId, username });
    return c.request('GET', `/api/imports/${job.id}`);
  } },
  { name: 'GET /analysis/compare (published)', allowed: EVERYONE,
    run: async (c) => c.request('GET',
      `/api/analysis/compare?a=${await report('published')}&b=${await report('published')}`) },
  { name: 'GET /analysis/compare (a draft)', allowed: A_SIDE,
    run: async (c) => c.request('GET',
      `/api/analysis/compare?a=${await report('published')}&b=${await report('draft')}`) },
  { name: 'GET /analysis/similarity', allowed: REGION_A,
    run: (c) => c.request('GET', `/api/analysis/similarity?region=${w.cityA}&year=2023`) },
  { name: 'GET /analysis/rollup', allowed: EVERYONE,
    run: (c) => c.request('GET', `/api/analysis/rollup?region=${w.cityA}&year=2023`) },
  { name: 'GET /analysis/rollup/contributors', allowed: EVERYONE,
    run: (c) => c.request('GET',
      `/api/analysis/rollup/contributors?region=${w.cityA}&year=2023&keys=applications/newReceived/total`) },
  { name: 'GET /analysis/indicators', allowed: EVERYONE,
    run: (c) => c.request('GET', `/api/analysis/indicators?region=${w.cityA}&year=2023`) },
  { name: 'GET /analysis/filing', allowed: REGION_A,
    run: (c) => c.request('GET', `/api/analysis/filing?region=${w.cityA}&year=2023`) },
  { name: 'GET /analysis/ranking', allowed: REGION_A,
    run: (c) => c.request('GET', `/api/analysis/ranking?region=${w.cityA}&year=2023`) },
  ...(['csv', 'xlsx', 'json'] as const).map((ext): Case => ({ name: `GET /exports/reports.${ext}`, allowed: EVERYONE,
    run: (c) => c.request('GET', `/api/exports/reports.${ext}?region=${w.cityA}`) })),
  ...(['csv', 'xlsx', 'json'] as const).map((ext): Case => ({ name: `GET /exports/indicators.${ext}`,
    allowed: EVERYONE, run: (c) => c.request('GET', `/api/exports/indicators.${ext}?region=${w.cityA}&year=2023`) })),
  ...(['docx', 'xlsx'] as const).map((ext): Case => ({ name: `GET /exports/ranking.${ext}`, allowed: REGION_A,
    run: (c) => c.request('GET', `/api/exports/ranking.${ext}?region=${w.cityA}&year=2023`) })),
  { name: 'GET /exports/filing.xlsx', allowed: REGION_A,
    run: (c) => c.request('GET', `/api/exports/filing.xlsx?region=${w.cityA}&year=2023`) },
  { name: 'GET /exports/rollup.xlsx', allowed: EVERYONE,
    run: (c) => c.request('GET', `/api/exports/rollup.xlsx?region=${w.cityA}&year=2023`) },
  { name: 'GET /users', allowed: ['admin'], run: (c) => c.request('GET', '/api/users') },
  { name: 'POST /users', allowed: ['admin'], run: (c) => c.request('POST', '/api/users', {
    username: `new-user-${++userNo}`, displayName: '新用户', role: 'editor', bodyId: w.bodyB.id, regionCode: null,
    password: 'a long enough password' }) },
  { name: 'PATCH /users/:id', allowed: ['admin'],
    run: (c) => c.request('PATCH', `/api/users/${w.users.editorB.id}`, { displayName: `乙 ${++userNo}` }) },
  { name: 'GET /settings/scoring', allowed: ['supervisorA', 'supervisorB', 'supervisorP', 'admin'],
    run: (c) => c.request('GET', '/api/settings/scoring') },
  { name: 'PUT /settings/scoring', allowed: ['admin'], run: (c) => c.request('PUT', '/api/settings/scoring',
    [{ kind: 'late-filing', points: 5, cap: null, threshold: null, enabled: true }]) },
  { name: 'GET /settings/filing', allowed: ['supervisorA', 'supervisorB', 'supervisorP', 'admin'],
    run: (c) => c.request('GET', '/api/settings/filing') },
  { name: 'PUT /settings/filing', allowed: ['admin'], run: (c) => c.request('PUT', '/api/settings/filing',
    { dueDates: {}, workingDays: false, publicationGraceDays: 0 }) },
  { name: 'GET /audit', allowed: ['admin'], run: (c) => c.request('GET', '/api/audit') },
  { name: 'GET /health', allowed: EVERYONE, run: (c) => c.request('GET', '/api/health') },
  { name: 'GET /docs', allowed: EVERYONE, run: (c) => c.request('GET', '/api/docs') },
  { name: 'GET /docs/json', allowed: EVERYONE, run: (c) => c.request('GET', '/api/docs/json') },
];

describe('role × endpoint access matrix', () => {
  for (const cs of cases) {
    test(cs.name, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const who of EVERYONE) {
        const res = await cs.run(clients[who], who);
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        want.push(`${who}: ${cs.allowed.includes(who) ? 'allowed' : 'refused'}`);
        got.push(`${who}: ${ok ? 'allowed' : 'refused'}`);
        if (!ok) {
          // a refusal is an access decision in the envelope, never a crash or a validation failure
          expect([401, 403, 404], `${who} ${res.statusCode} ${res.body}`).toContain(res.statusCode);
          expect(res.json().error.code).toMatch(/^(unauthenticated|forbidden|not-found)$/);
          if (who === 'public' && !cs.name.startsWith('GET')) {
            expect(res.statusCode).toBe(401);
          }
        }
      }
      expect(got).toEqual(want);
    });
  }
});

test('the matrix covers every endpoint the OpenAPI document lists', async () => {
  const doc = (await clients.public.request('GET', '/api/docs/json')).json() as { paths: Record<string, object> };
  const listed = Object.entries(doc.paths).filter(([path]) => !path.startsWith('/api/docs'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  const covered = new Set(cases.map((c) => c.name.replace(/ \(.*\)$/, '')
    .replace(/:(\w+)/g, '{$1}').replace(/\/render\/\w+$/, '/render/{format}')
    .replace(/\/(reports|indicators|ranking)\.\w+$/, '/$1.{format}').replace(' /', ' /api/')));
  expect(listed.length).toBeGreaterThan(40);
  expect(listed.filter((e) => !covered.has(e))).toEqual([]);
});

describe('what each role sees in lists', () => {
  test('the public lists published reports only; an editor sees its own body and published ones', async () => {
    const draftA = await report('draft');
    const publishedA = await report('published');
    const draftB = await makeReport(w, w.bodyB.id, 'draft');
    const ids = async (who: Who) =>
      ((await clients[who].request('GET', '/api/reports?limit=500')).json().items as { id: number }[]).map((r) => r.id);
    const pub = await ids('public');
    expect(pub).toContain(publishedA);
    expect(pub).not.toContain(draftA);
    expect(pub).not.toContain(draftB);
    const edA = await ids('editorA');
    expect(edA).toEqual(expect.arrayContaining([draftA, publishedA]));
    expect(edA).not.toContain(draftB);
    const supP = await ids('supervisorP');
    expect(supP).toEqual(expect.arrayContaining([draftA, publishedA]));
    expect(supP).not.toContain(draftB);
    const supB = await ids('supervisorB');
    expect(supB).toEqual(expect.arrayContaining([draftB, publishedA]));
    expect(supB).not.toContain(draftA);
    const admin = await ids('admin');
    expect(admin).toEqual(expect.arrayContaining([draftA, publishedA, draftB]));
  });

  test('an editor lists only the import jobs it started', async () => {
    const mine = await clients.editorB.request('POST', '/api/imports', { urls: ['https://example.gov.cn/b.html'] });
    const other = await w.store.createImportJob(['y.txt'], SYSTEM);
    const list = (await clients.editorB.request('GET', '/api/imports')).json().items as { id: number }[];
    expect(list.map((j) => j.id)).toContain(mine.json().id);
    expect(list.map((j) => j.id)).not.toContain(other.id);
    expect((await clients.editorB.request('GET', `/api/imports/${other.id}`)).statusCode).toBe(404);
  });

  test("a report's actions follow the role and the state", async () => {
    const id = await report('submitted');
    const actions = async (who: Who) => (await clients[who].request('GET', `/api/reports/${id}`)).json().actions;
    expect(await actions('editorA')).toEqual([]);
    expect(await actions('supervisorA')).toEqual(['return', 'accept']);
    expect(await actions('supervisorP')).toEqual(['return', 'accept']);
    expect(await actions('admin')).toEqual(['return', 'accept']);
    const draft = await report('draft');
    expect((await clients.editorA.request('GET', `/api/reports/${draft}`)).json().actions).toEqual(['edit', 'submit']);
  });

  test('a supervisor by parent body acts on the bodies under it only, wherever their region', async () => {
    const p = clients.supervisorP;
    const submittedB = await makeReport(w, w.bodyB.id, 'submitted');
    expect((await p.request('POST', `/api/reports/${submittedB}/accept`)).statusCode).toBe(404);
    expect((await p.request('PATCH', `/api/bodies/${w.bodyB.id}`, { aliases: ['乙'] })).statusCode).toBe(403);
    // a body under its parent body may not be moved out from under it
    const moved = await p.request('PATCH', `/api/bodies/${w.bodyA.id}`, { parentId: null });
    expect(moved.statusCode).toBe(403);
    // a body under it, in another region (city B): its report is the parent's supervisor's to review
    const branch = (await p.request('POST', '/api/bodies', { name: '测试乙市某某分局', aliases: [],
      level: 'department', regionCode: w.cityB, parentId: w.parentBody.id, dueDate: '01-31', scope: 'own' })).json();
    const submitted = await makeReport(w, branch.id, 'submitted');
    expect((await p.request('POST', `/api/reports/${submitted}/accept`)).statusCode).toBe(200);
    expect((await clients.supervisorA.request('POST', `/api/reports/${submitted}/accept`)).statusCode).toBe(404);
    // its roll-up under the parent body counts every report under it; the public's, the published ones
    const year = 1991; // within the API's year bounds (freshYear's run past 2100 over the whole matrix)
    const draft = await makeReport(w, w.bodyA.id, 'draft', year);
    const contributors = async (who: Who) => {
      const res = await clients[who].request('GET', `/api/analysis/rollup?parent=${w.parentBody.id}&year=${year}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return (res.json().contributors as { reportId: number | null }[]).map((c) => c.reportId);
    };
    expect(await contributors('supervisorP')).toContain(draft);
    expect(await contributors('public')).not.toContain(draft);
    // and its drill-down the same: the draft's body among the parent's supervisor's, not the public's
    const drilled = async (who: Who) => {
      const res = await clients[who].request('GET', `/api/analysis/rollup/contributors?parent=${w.parentBody.id}`
        + `&year=${year}&keys=applications/newReceived/total`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      return (res.json().byContributor['applications/newReceived/total'] as [number, number | null][]).map((x) => x[0]);
    };
    expect(await drilled('supervisorP')).toContain(w.bodyA.id);
    expect(await drilled('public')).not.toContain(w.bodyA.id);
  });
});
