// Two server processes on one PostgreSQL (GONGKAI_TEST_PG_URL, set by .ci/run): a session made on one is valid on
// the other (sessions live in the database; the CSRF secret travels in its own cookie), and what one writes the
// other serves. Skipped, visibly, when no PostgreSQL is given.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openStore } from '../src/store/open.js';
import { freshPgDatabase, PG_URL } from './store-backends.js';

// (store-backends prints a visible SKIPPED line when GONGKAI_TEST_PG_URL is not set)
const PG = PG_URL || undefined;
let db: { url: string; drop(): Promise<void> } | null = null;
const root = fileURLToPath(new URL('..', import.meta.url));

interface Proc { child: ChildProcess; url: string }

/** Starts `gongkai serve` from the sources on a free port and waits for the URL it prints. */
function startServer(url: string): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--db', url], {
    cwd: root, env: { ...process.env, GONGKAI_DEMO: '0', GONGKAI_ADMIN_PASSWORD: randomBytes(9).toString('hex') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving at (http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

/** fetch keeping cookies by name, like a browser talking to two origins that share one site. */
class Jar {
  cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, { ...init, headers: { ...(init.headers ?? {}),
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
}

describe.skipIf(!PG)('two server processes on one PostgreSQL', () => {
  const procs: Proc[] = [];
  const username = `pg-admin-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');

  beforeAll(async () => {
    db = await freshPgDatabase(); // a database of this file's own, dropped afterwards
    const store = await openStore({ url: db.url });
    try {
      await store.createUser({ username, displayName: 'pg test', role: 'admin', bodyId: null, regionCode: null,
        password }, { userId: null, username: null });
    } finally {
      await store.close();
    }
    procs.push(...(await Promise.all([startServer(db.url), startServer(db.url)])));
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) {
      p.child.kill('SIGTERM');
      await new Promise((r) => p.child.once('exit', r));
    }
    await db?.drop();
  });

  test('a session made on one serves on the other, and so does the data', async () => {
    const [one, two] = procs;
    const jar = new Jar();
    const login = await jar.fetch(`${one.url}api/session`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(login.status).toBe(200);
    const { csrfToken } = await login.json() as { csrfToken: string };
    const seen = await (await jar.fetch(`${two.url}api/session`)).json() as { user: { username: string } | null };
    expect(seen.user?.username).toBe(username);

    const [province] = await (await jar.fetch(`${two.url}api/regions`)).json() as { code: string }[];
    const name = `双进程测试机构${randomBytes(3).toString('hex')}`;
    const created = await jar.fetch(`${two.url}api/bodies`, { method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name, aliases: [], level: 'department', regionCode: province.code, parentId: null,
        dueDate: '01-31', scope: 'own' }) });
    expect(created.status).toBe(201);
    const { id } = await created.json() as { id: number };
    const read = await (await jar.fetch(`${one.url}api/bodies/${id}`)).json() as { name: string };
    expect(read.name).toBe(name);

    expect((await jar.fetch(`${two.url}api/session`, { method: 'DELETE',
      headers: { 'x-csrf-token': csrfToken } })).status).toBe(204);
    const after = await (await jar.fetch(`${one.url}api/session`)).json() as { user: unknown };
    expect(after.user).toBeNull();
  });
});
