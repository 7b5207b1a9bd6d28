// The server tests' world: a real store (PGlite in a temp dir, removed afterwards), two cities of one province,
// a body in each (A's under a province department, its parent body), one user of every role and scope (a
// supervisor by region for each city, and one by parent body: the province department's), reports made in any
// workflow state, and a client that logs in through the API and carries the session cookie and the CSRF token
// like a browser.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import type { Body, ReportStatus, User } from '../src/model/api.js';
import { generateReport } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { checkReport } from '../src/rules/index.js';
import type { Report } from '../src/model/report.js';

export const PASSWORD = 'correct horse battery';
export const SYSTEM = { userId: null, username: null };

export type Who = 'public' | 'editorA' | 'editorB' | 'supervisorA' | 'supervisorB' | 'supervisorP' | 'admin';
export const EVERYONE: Who[] =
  ['public', 'editorA', 'editorB', 'supervisorA', 'supervisorB', 'supervisorP', 'admin'];

export interface World {
  dir: string;
  store: Store;
  app: FastifyInstance;
  province: string;
  cityA: string;
  cityB: string;
  bodyA: Body;
  bodyB: Body;
  /** body A's parent body, in the province's own region (not in either city) */
  parentBody: Body;
  users: Record<Exclude<Who, 'public'>, User>;
  close(): Promise<void>;
}

let modelCache: { report: Report; bytes: Uint8Array } | null = null;

/** One parsed generated report with errors in it (damage 'inconsistent'), reused for every stored report. */
export async function sampleModel(): Promise<{ report: Report; bytes: Uint8Array }> {
  if (!modelCache) {
    const g = generateReport({ seed: 5, layout: 'tab', damage: ['inconsistent'], template: '2021', year: 2023 });
    modelCache = { report: await parseBytes(g.bytes, 'sample.txt'), bytes: g.bytes };
  }
  return modelCache;
}

export async function openWorld(options: Partial<AppOptions> = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-server-test-'));
  const store = await openStore({ dataDir: join(dir, 'db') });
  try {
    return await populate(dir, store, options);
  } catch (e) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function populate(dir: string, store: Store, options: Partial<AppOptions>): Promise<World> {
  const provinces = await store.listRegions(null);
  const province = provinces.find((r) => r.code === '320000') ?? provinces[0];
  const cities = await store.listRegions(province.code);
  const [cityA, cityB] = [cities[0].code, cities[1].code];
  const [parentBody] = await store.upsertBodies([{ name: '测试省某某厅', aliases: [], level: 'department',
    regionCode: province.code, parentId: null, scope: 'own' }], SYSTEM);
  const [bodyA, bodyB] = await store.upsertBodies([
    { name: '测试甲市人民政府办公室', aliases: [], level: 'department', regionCode: cityA,
      parentId: parentBody.id, scope: 'own' }, // no dates of their own: their level's apply
    { name: '测试乙市人民政府办公室', aliases: [], level: 'department', regionCode: cityB, parentId: null,
      scope: 'own' },
  ], SYSTEM);
  const mk = (username: string, role: User['role'], bodyId: number | null, regionCode: string | null) =>
    store.createUser({ username, displayName: username, role, bodyId, regionCode, password: PASSWORD }, SYSTEM);
  const users = {
    editorA: await mk('editor-a', 'editor', bodyA.id, null),
    editorB: await mk('editor-b', 'editor', bodyB.id, null),
    supervisorA: await mk('supervisor-a', 'supervisor', null, cityA),
    supervisorB: await mk('supervisor-b', 'supervisor', null, cityB),
    supervisorP: await mk('supervisor-p', 'supervisor', parentBody.id, null), // by parent body only
    admin: await mk('admin-test', 'admin', null, null), // not 'admin': serve's first-start admin is tested apart
  };
  const app = await buildApp({ store, loginRateLimit: { max: 1000, timeWindowMs: 60_000 }, ...options });
  await app.ready();
  return {
    dir, store, app, province: province.code, cityA, cityB, bodyA, bodyB, parentBody, users,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let nextYear = 1995;
/** A year no report of the test world uses yet (one body files one report per year). */
export function freshYear(): number {
  return nextYear++;
}

/** Stores a report of the body in the given state (through the store, as an import would). */
let sourceNo = 0;
export async function makeReport(w: World, bodyId: number | null, status: ReportStatus,
  year: number | null = freshYear(), withSource = false): Promise<number> {
  const { report, bytes: sampleBytes } = await sampleModel();
  const findings = checkReport(report);
  const name = `r-${bodyId}-${year}-${++sourceNo}.txt`;
  // unique bytes per stored source: the store is idempotent by content hash
  const bytes = new Uint8Array([...sampleBytes, ...new TextEncoder().encode(`\n${name}\n`)]);
  const source = withSource
    ? { hash: createHash('sha256').update(bytes).digest('hex'), name, bytes, format: 'text' } : null;
  const { reportId } = await w.store.saveImported({
    report: { ...report, file: name }, findings, source, bodyId, year, status,
    publishedAt: status === 'published' ? '2024-01-20' : null,
    publishedUrl: status === 'published' ? 'https://example.gov.cn/r.html' : null, reason: 'test',
  }, SYSTEM);
  return reportId;
}

/** A browser-like client: the cookies it was given, and the CSRF token for writes. */
export class Client {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: FastifyInstance) {}

  static async as(w: World, who: Who): Promise<Client> {
    const c = new Client(w.app);
    if (who === 'public') await c.refreshToken();
    else await c.login(w.users[who].username, PASSWORD);
    return c;
  }

  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request('POST', '/api/session', { username, password });
    if (res.statusCode === 200) this.csrf = res.json().csrfToken;
    return res;
  }

  async refreshToken(): Promise<void> {
    this.csrf = (await this.request('GET', '/api/session')).json().csrfToken;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}):
    Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: method as 'GET', url, payload: payload as string | object | undefined,
      headers: { cookie: this.cookieHeader(), ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...headers },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }
}
