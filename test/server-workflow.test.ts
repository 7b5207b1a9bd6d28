// The filing workflow through the API (draft → submitted → returned → re-submitted → accepted → published, locks,
// a change after acceptance back to review, dates, to-do lists), the session and its defences (wrong password,
// logout, CSRF, login rate limit, upload cap), the one error envelope, renderings and the web app at /.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allCellKeys } from '../src/model/template.js';
import { chromiumPath } from '../src/render/pdf.js';
import { generateReport } from '../src/generate/index.js';
import { buildApp } from '../src/server/app.js';
import { ensureAdmin } from '../src/server/serve.js';
import { Client, freshYear, makeReport, openWorld, PASSWORD, type World } from './server-fixture.js';

let w: World;
let editor: Client;
let supervisor: Client;
const KEY = allCellKeys('2021')[0];

beforeAll(async () => {
  w = await openWorld({ today: () => '2024-02-15' });
  editor = await Client.as(w, 'editorA');
  supervisor = await Client.as(w, 'supervisorA');
}, 300_000); // opening a store loads the whole region tree; argon2 hashes every password
afterAll(async () => {
  await w?.close();
});

describe('the filing workflow', () => {
  test('draft → submitted → returned → re-submitted → accepted → published, with locks and dates', async () => {
    const created = await editor.request('POST', '/api/reports', { bodyId: w.bodyA.id, year: 2030, template: '2021' });
    expect(created.statusCode).toBe(201);
    const id: number = created.json().id;
    expect(created.json())
      .toMatchObject({ status: 'draft', bodyId: w.bodyA.id, year: 2030, actions: ['edit', 'submit'] });
    expect((await editor.request('POST', '/api/reports', { bodyId: w.bodyA.id, year: 2030, template: '2021' }))
      .statusCode).toBe(409);

    const saved = await editor.request('PUT', `/api/reports/${id}/content`, { sections: [], cells: { [KEY]: 7 } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().cells[KEY].value).toBe(7);

    const submitted = await editor.request('POST', `/api/reports/${id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'submitted', actions: [] });
    expect(submitted.json().submittedAt).toBeTruthy();
    // a submitted version is locked: no edits, no second submit
    for (const [method, url, body] of [
      ['PUT', `/api/reports/${id}/content`, { sections: [], cells: { [KEY]: 8 } }],
      ['PATCH', `/api/reports/${id}/cells`, { changes: [{ key: KEY, value: 8, reason: 'x' }] }],
      ['POST', `/api/reports/${id}/submit`, undefined],
    ] as const) {
      const res = await editor.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(res.json().error.code).toBe('conflict');
    }
    const waiting = (await editor.request('GET', '/api/me/tasks')).json() as { reportId: number | null }[];
    expect(waiting.filter((t) => t.reportId === id)).toEqual([]); // nothing to do while it is under review
    const review = (await supervisor.request('GET', '/api/me/tasks')).json() as { kind: string; reportId: number }[];
    expect(review).toContainEqual(expect.objectContaining({ kind: 'review', reportId: id }));

    const findingIds = (submitted.json().findings as { id: number }[]).slice(0, 1).map((f) => f.id);
    const returned = await supervisor.request('POST', `/api/reports/${id}/return`, { note: '表格数字不一致', findingIds });
    expect(returned.json()).toMatchObject({ status: 'returned', returnNote: '表格数字不一致' });
    const fix = (await editor.request('GET', '/api/me/tasks')).json() as { kind: string; reportId: number }[];
    expect(fix).toContainEqual(expect.objectContaining({ kind: 'fix-returned', reportId: id }));

    const fixed = await editor.request('PATCH', `/api/reports/${id}/cells`,
      { changes: [{ key: KEY, value: 9, reason: '更正' }] });
    expect(fixed.json()).toMatchObject({ status: 'returned' });
    expect(fixed.json().cells[KEY].value).toBe(9);
    expect((await editor.request('POST', `/api/reports/${id}/submit`)).json().status).toBe('submitted');

    const accepted = await supervisor.request('POST', `/api/reports/${id}/accept`);
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().acceptedAt).toBeTruthy();
    const published = await editor.request('POST', `/api/reports/${id}/publish`,
      { url: 'https://example.gov.cn/2030.html', date: '2031-01-20' });
    expect(published.json()).toMatchObject({ status: 'published', publishedUrl: 'https://example.gov.cn/2030.html' });
    expect(published.json().publishedAt).toMatch(/^2031-01-20/);

    // a change after acceptance is a new version that goes back to review
    const before = (await editor.request('GET', `/api/reports/${id}/versions`)).json() as unknown[];
    const changed = await editor.request('PATCH', `/api/reports/${id}/cells`,
      { changes: [{ key: KEY, value: 10, reason: '发布后更正' }] });
    expect(changed.json().status).toBe('submitted');
    const after = (await editor.request('GET', `/api/reports/${id}/versions`)).json() as unknown[];
    expect(after.length).toBeGreaterThan(before.length);
    const diff = await editor.request('GET', `/api/reports/${id}/diff?from=${before.length}&to=${after.length}`);
    expect(diff.json().cells).toContainEqual({ key: KEY, from: 9, to: 10 });
    const audit = (await supervisor.request('GET', `/api/reports/${id}/audit`)).json();
    expect(audit.total).toBeGreaterThan(5);
  });

  test('a move from the wrong state is a conflict, and a bad return is a bad request', async () => {
    const draft = await makeReport(w, w.bodyA.id, 'draft');
    const res = await supervisor.request('POST', `/api/reports/${draft}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    const sub = await makeReport(w, w.bodyA.id, 'submitted');
    const bad = await supervisor.request('POST', `/api/reports/${sub}/return`, { note: 'x', findingIds: [999999] });
    expect(bad.statusCode).toBe(400);
  });

  test("a reviewer's decision on a finding survives a re-check", async () => {
    const id = await makeReport(w, w.bodyA.id, 'submitted');
    const finding = (await supervisor.request('GET', `/api/reports/${id}`)).json().findings[0];
    const decided = await supervisor.request('POST', `/api/findings/${finding.id}/decision`,
      { decision: 'dismissed', reason: '口径不同' });
    expect(decided.json()).toMatchObject({ status: 'dismissed', decisionReason: '口径不同' });
    const rechecked = await supervisor.request('POST', `/api/reports/${id}/recheck`);
    const same = (rechecked.json().findings as { ruleId: string; status: string; messageId: string }[])
      .find((f) => f.ruleId === finding.ruleId && f.messageId === finding.messageId);
    expect(same?.status).toBe('dismissed');
  });

  test('a pending report is assigned to a body in the supervisor\'s region', async () => {
    const id = await makeReport(w, null, 'pending', null);
    const year = freshYear();
    const res = await supervisor.request('POST', `/api/reports/${id}/assign`, { bodyId: w.bodyA.id, year });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ bodyId: w.bodyA.id, year });
    const outside = await makeReport(w, null, 'pending', null);
    const refused = await supervisor.request('POST', `/api/reports/${outside}/assign`, { bodyId: w.bodyB.id, year });
    expect(refused.statusCode).toBe(403);
  });
});

describe('imports through the API', () => {
  const upload = (c: Client, name: string, bytes: Uint8Array) => {
    const boundary = 'gongkaiupload';
    const head = Buffer.from([`--${boundary}`, 'Content-Disposition: form-data; name="year"', '', '2023',
      `--${boundary}`, `Content-Disposition: form-data; name="file"; filename="${name}"`,
      'Content-Type: application/octet-stream', '', ''].join('\r\n'));
    const payload = Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    return c.request('POST', '/api/imports', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  };
  const finished = async (c: Client, id: number) => {
    for (let i = 0; i < 200; i++) {
      const job = (await c.request('GET', `/api/imports/${id}`)).json();
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`import ${id} did not finish`);
  };

  test('an uploaded file becomes a job run by the import pipeline; the same file again changes nothing', async () => {
    const admin = await Client.as(w, 'admin');
    const bytes = generateReport({ seed: 77, layout: 'tab', year: 2023 }).bytes;
    const started = await upload(admin, 'upload-77.txt', bytes);
    expect(started.statusCode).toBe(202);
    expect(started.json().items.map((i: { name: string }) => i.name)).toEqual(['upload-77.txt']);
    const job = await finished(admin, started.json().id);
    expect(job.status).toBe('done');
    const [item] = job.items as { status: string; reportId: number | null }[];
    expect(['imported', 'pending']).toContain(item.status);
    expect((await admin.request('GET', `/api/reports/${item.reportId}`)).statusCode).toBe(200);
    const again = await finished(admin, (await upload(admin, 'upload-77.txt', bytes)).json().id);
    expect(again.items[0]).toMatchObject({ status: 'unchanged', reportId: item.reportId });
  });

  test("an editor's upload is filed under the editor's own body, whatever body the file names", async () => {
    const editor = await Client.as(w, 'editorA');
    // the file prints the other city's body as its author: matching by name would file it there
    const bytes = generateReport({ seed: 78, layout: 'tab', year: 2023, agency: w.bodyB.name }).bytes;
    const started = await upload(editor, 'upload-78.txt', bytes);
    expect(started.statusCode).toBe(202);
    const job = await finished(editor, started.json().id);
    const [item] = job.items as { status: string; reportId: number | null }[];
    expect(item.status).toBe('imported');
    const report = (await editor.request('GET', `/api/reports/${item.reportId}`)).json();
    expect(report).toMatchObject({ bodyId: w.bodyA.id, year: 2023, status: 'draft' });
    expect((await w.store.findReport(w.bodyB.id, 2023))?.id).not.toBe(item.reportId);
    expect((await (await Client.as(w, 'editorB')).request('GET', `/api/reports/${item.reportId}`)).statusCode)
      .toBe(404);
  });
});

describe('sessions and their defences', () => {
  test('a wrong password is 401, logging out ends the session', async () => {
    const c = new Client(w.app);
    const wrong = await c.login('editor-a', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    expect((await c.login('nobody', PASSWORD)).statusCode).toBe(401);
    const ok = await c.login('editor-a', PASSWORD);
    expect(ok.json().user.username).toBe('editor-a');
    const cookie = ok.cookies.find((k: { name: string }) => k.name === 'gongkai_session') as
      { httpOnly?: boolean; sameSite?: string } | undefined;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect((await c.request('GET', '/api/session')).json().user.username).toBe('editor-a');
    expect((await c.request('DELETE', '/api/session')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/session')).json().user).toBeNull();
    expect((await c.request('GET', '/api/me/tasks')).statusCode).toBe(401);
  });

  test('a write without the CSRF token, or with a wrong one, is refused', async () => {
    const c = await Client.as(w, 'editorA');
    const body = { bodyId: w.bodyA.id, year: freshYear(), template: '2021' };
    const token = c.csrf;
    c.csrf = '';
    const none = await c.request('POST', '/api/reports', body);
    expect(none.statusCode).toBe(403);
    expect(none.json().error.code).toBe('forbidden');
    c.csrf = `${token.slice(0, -2)}xx`;
    expect((await c.request('POST', '/api/reports', body)).statusCode).toBe(403);
    c.csrf = token;
    expect((await c.request('POST', '/api/reports', body)).statusCode).toBe(201);
  });

  test('the first start makes the admin: a generated password printed once, or GONGKAI_ADMIN_PASSWORD', async () => {
    const lines: string[] = [];
    await ensureAdmin(w.store, undefined, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
    const password = /\(shown once\): (\S+)$/.exec(lines[0])?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const c = new Client(w.app);
    expect((await c.login('admin', password!)).json().user.role).toBe('admin');
    await ensureAdmin(w.store, 'another password', (l) => lines.push(l));
    expect(lines).toHaveLength(1); // never again, and never changed
    expect((await new Client(w.app).login('admin', 'another password')).statusCode).toBe(401);
  });

  test('logging in is rate limited per client', async () => {
    const app = await buildApp({ store: w.store, loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const c = new Client(app);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await c.login('editor-a', 'wrong')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const limited = await c.login('editor-a', PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('rate-limited');
    } finally {
      await app.close();
    }
  });

  test('an upload over the size cap is 413', async () => {
    const app = await buildApp({ store: w.store, uploadMax: 1000 });
    try {
      const c = await Client.as({ ...w, app }, 'admin');
      const boundary = 'gongkaitestboundary';
      const payload = [`--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="big.txt"',
        'Content-Type: text/plain', '', 'x'.repeat(5000), `--${boundary}--`, ''].join('\r\n');
      const res = await c.request('POST', '/api/imports', payload,
        { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('too-large');
    } finally {
      await app.close();
    }
  });
});

describe('errors, renderings and the web app', () => {
  test('every error is the one envelope', async () => {
    const pub = await Client.as(w, 'public');
    const cases = [
      [await pub.request('GET', '/api/reports?limit=0'), 400, 'bad-request'],
      [await pub.request('GET', '/api/reports/99999'), 404, 'not-found'],
      [await pub.request('GET', '/api/no-such-thing'), 404, 'not-found'],
      [await editor.request('PUT', `/api/reports/${await makeReport(w, w.bodyA.id, 'draft')}/content`,
        { sections: [], cells: { 'no/such/key': 1 } }), 400, 'bad-request'],
    ] as const;
    for (const [res, status, code] of cases) {
      expect(res.statusCode).toBe(status);
      expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
    }
  });

  test('a report renders in every format the engine has', async () => {
    const id = await makeReport(w, w.bodyA.id, 'published');
    const pub = await Client.as(w, 'public');
    const types: Record<string, RegExp> = { md: /markdown/, html: /html/, txt: /plain/, json: /json/, csv: /csv/,
      docx: /wordprocessingml/, xlsx: /spreadsheetml/ };
    for (const [format, type] of Object.entries(types)) {
      const res = await pub.request('GET', `/api/reports/${id}/render/${format}`);
      expect(res.statusCode, format).toBe(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.rawPayload.length).toBeGreaterThan(100);
      if (format === 'html') expect(res.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
      else expect(res.headers['content-disposition']).toMatch(/^attachment; filename=/);
    }
    const pdf = await pub.request('GET', `/api/reports/${id}/render/pdf`);
    if (chromiumPath()) {
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    } else expect(pdf.statusCode).toBe(503);
  });

  test('the web app is served at / with an SPA fallback, or a page saying it is not built', async () => {
    const root = join(w.dir, 'web');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>gongkai app</title>');
    const built = await buildApp({ store: w.store, webRoot: root });
    const bare = await buildApp({ store: w.store, webRoot: join(w.dir, 'missing') });
    try {
      expect((await built.inject({ url: '/' })).body).toContain('gongkai app');
      expect((await built.inject({ url: '/reports/12' })).body).toContain('gongkai app');
      const api404 = await built.inject({ url: '/api/nothing' });
      expect(api404.statusCode).toBe(404);
      expect(api404.json().error.code).toBe('not-found');
      const notBuilt = await bare.inject({ url: '/' });
      expect(notBuilt.statusCode).toBe(200);
      expect(notBuilt.body).toContain('not built');
    } finally {
      await built.close();
      await bare.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
