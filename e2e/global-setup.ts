// Creates the cast through the API as the admin: the body under 南京市 and two users. Runs once per run, on the
// fresh data directory of the web server.
import { request, type FullConfig } from '@playwright/test';
import { ADMIN, BODY_NAME, CITY, EDITOR, PROVINCE, SUPERVISOR } from './world';

export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0].use.baseURL!;
  const ctx = await request.newContext({ baseURL });
  const login = await ctx.post('/api/session', { data: ADMIN });
  if (!login.ok()) throw new Error(`admin login failed: ${login.status()} ${await login.text()}`);
  const { csrfToken } = (await (await ctx.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  // idempotent: a server kept running between runs (GONGKAI_E2E_URL) already has the cast
  const post = async (path: string, data: unknown) => {
    const res = await ctx.post(path, { data, headers });
    if (res.status() === 409) return null;
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const listed = await ctx.get(`/api/bodies?q=${encodeURIComponent(BODY_NAME)}`);
  const found = (await listed.json()) as { items: { id: number; name: string }[] };
  const body = found.items.find((b) => b.name === BODY_NAME) ?? await post('/api/bodies', {
    name: BODY_NAME, aliases: [], level: 'department', regionCode: CITY, parentId: null, dueDate: '01-31', scope: 'own',
  });
  await post('/api/users', { ...SUPERVISOR, role: 'supervisor', bodyId: null, regionCode: PROVINCE });
  await post('/api/users', { ...EDITOR, role: 'editor', bodyId: body.id, regionCode: null });
  await ctx.dispose();
}
