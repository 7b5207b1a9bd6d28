// The filing rules an admin sets (GET/PUT /api/settings/filing): each level's due date, the working-day shift and
// the publication grace days reach the filing page (both its paged and its whole read), the to-do lists and the
// audit trail; a body's own date still comes first; dates that do not exist every year are refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FilingRow, FilingStatus } from '../src/model/analysis.js';
import { Client, openWorld, type World } from './server-fixture.js';

let w: World;
let admin: Client;
let supervisor: Client;
const YEAR = 2022; // due in 2023: 01-15 is a Sunday, 02-10 a Friday

beforeAll(async () => {
  w = await openWorld({ today: () => '2023-01-10' });
  admin = await Client.as(w, 'admin');
  supervisor = await Client.as(w, 'supervisorA');
}, 300_000);
afterAll(async () => {
  await w?.close();
});

/** Body A's row on the filing page of its city, paged (the narrow read) and whole. */
async function rowsOfA(): Promise<FilingRow[]> {
  const asked = [`/api/analysis/filing?region=${w.cityA}&year=${YEAR}&limit=50`,
    `/api/analysis/filing?region=${w.cityA}&year=${YEAR}`];
  const rows: FilingRow[] = [];
  for (const url of asked) {
    const res = await supervisor.request('GET', url);
    expect(res.statusCode, url).toBe(200);
    const row = (res.json() as FilingStatus).rows.find((r) => r.bodyId === w.bodyA.id);
    expect(row, url).toBeDefined();
    rows.push(row!);
  }
  return rows;
}

describe('filing settings', () => {
  test('the defaults until an admin sets them; then every level without its own date follows', async () => {
    const before = (await supervisor.request('GET', '/api/settings/filing')).json();
    expect(before).toMatchObject({ workingDays: false, publicationGraceDays: 0 });
    expect(before.dueDates).toMatchObject({ department: '01-31', county: '03-31' });
    for (const row of await rowsOfA()) expect(row.dueDate).toBe('2023-01-31');

    const put = await admin.request('PUT', '/api/settings/filing',
      { dueDates: { department: '01-15' }, workingDays: true, publicationGraceDays: 10 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ dueDates: { department: '01-15', county: '03-31' }, workingDays: true,
      publicationGraceDays: 10 });
    // 2023-01-15 is a Sunday: the next working day; publication 10 days after that
    for (const row of await rowsOfA()) {
      expect(row).toMatchObject({ dueDate: '2023-01-16', nominalDueDate: '2023-01-15', publicationDue: '2023-01-26',
        status: 'missing', daysOverdue: 0 });
    }
    // the body list gives the date the body files by, and that it is its level's
    const body = (await supervisor.request('GET', `/api/bodies/${w.bodyA.id}`)).json();
    expect(body).toMatchObject({ dueDate: '01-15', ownDueDate: null });
    // the editor's to-do list counts to the same date
    const editor = await Client.as(w, 'editorA');
    const tasks = (await editor.request('GET', '/api/me/tasks')).json() as { kind: string; due: string | null }[];
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'due-soon', due: '2023-01-16' }));
    // and the change is in the audit trail
    const audit = (await admin.request('GET', '/api/audit?entity=setting')).json() as
      { items: { entityId: string; after: unknown }[] };
    expect(audit.items[0]).toMatchObject({ entityId: 'filing', after: { dueDates: { department: '01-15' } } });
  });

  test("a body's own date comes before its level's", async () => {
    const patched = await admin.request('PATCH', `/api/bodies/${w.bodyA.id}`, { dueDate: '02-10' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ dueDate: '02-10', ownDueDate: '02-10' });
    try {
      for (const row of await rowsOfA()) expect(row.dueDate).toBe('2023-02-10');
    } finally {
      // null clears it: the level's date applies again
      const cleared = await admin.request('PATCH', `/api/bodies/${w.bodyA.id}`, { dueDate: null });
      expect(cleared.json()).toMatchObject({ dueDate: '01-15', ownDueDate: null });
    }
    for (const row of await rowsOfA()) expect(row.dueDate).toBe('2023-01-16');
  });

  test('dates that do not exist every year are refused; unknown fields are dropped, not kept', async () => {
    const good = { dueDates: {}, workingDays: false, publicationGraceDays: 0 };
    for (const bad of [{ ...good, dueDates: { department: '02-30' } }, { ...good, dueDates: { county: '02-29' } },
      { ...good, dueDates: { town: '2-3' } }, { ...good, publicationGraceDays: -1 }, { workingDays: true }]) {
      const res = await admin.request('PUT', '/api/settings/filing', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad-request' } });
    }
    expect((await admin.request('PATCH', `/api/bodies/${w.bodyA.id}`, { dueDate: '04-31' })).statusCode).toBe(400);
    expect((await supervisor.request('PUT', '/api/settings/filing', good)).statusCode).toBe(403);
    // the API's schemas strip what they do not know (fastify's removeAdditional): nothing unknown is stored
    const odd = await admin.request('PUT', '/api/settings/filing', { ...good, dueDates: { ministry: '01-15' }, x: 1 });
    expect(odd.statusCode).toBe(200);
    const kept = await w.store.getSetting<Record<string, unknown>>('filing');
    expect(kept).toEqual(good);
  });
});
