// Starting the service: open the store (PGlite in GONGKAI_DATA_DIR, or PostgreSQL at DATABASE_URL), load the demo
// province into an empty database or again when its load was stopped (unless GONGKAI_DEMO=0), make sure an admin
// exists (GONGKAI_ADMIN_PASSWORD, else a generated password printed once), build the app with the web app from
// dist/web, and listen.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { openFromEnv } from '../store/open.js';
import type { Store } from '../store/types.js';
import { buildApp } from './app.js';
import { demoInterrupted, loadDemoIfEmpty } from './demo.js';

export interface ServeOptions {
  host?: string;
  port?: number;
  dataDir?: string;
  url?: string;
  /** the built web app; default dist/web beside this module */
  webRoot?: string | null;
  demo?: boolean;
  adminPassword?: string;
  logger?: boolean;
  /** where the start-up lines go (stdout) */
  print?: (line: string) => void;
}

export interface Running {
  app: FastifyInstance;
  store: Store;
  url: string;
  close(): Promise<void>;
}

/** dist/web from dist/server/serve.js, or from src/server/serve.ts when run from the sources */
export function defaultWebRoot(): string | null {
  for (const rel of ['../web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return null;
}

/** Creates the `admin` user on first start; another process racing us to it is fine. */
export async function ensureAdmin(store: Store, password: string | undefined, print: (l: string) => void):
  Promise<void> {
  if ((await store.listUsers()).some((u) => u.username === 'admin')) return;
  const chosen = password ?? randomBytes(12).toString('base64url');
  try {
    await store.createUser({ username: 'admin', displayName: '管理员', role: 'admin', bodyId: null, regionCode: null,
      password: chosen }, { userId: null, username: null });
  } catch (e) {
    if ((await store.listUsers()).some((u) => u.username === 'admin')) return;
    throw e;
  }
  if (password) print('gongkai: admin 用户已按 GONGKAI_ADMIN_PASSWORD 设置 / admin password set from GONGKAI_ADMIN_PASSWORD');
  else print(`gongkai: admin 初始密码（仅显示这一次）/ admin password (shown once): ${chosen}`);
}

export async function serve(opts: ServeOptions = {}): Promise<Running> {
  const print = opts.print ?? ((l: string) => process.stdout.write(`${l}\n`));
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  const port = opts.port ?? Number(process.env.PORT ?? 3000);
  const store = await openFromEnv({ dataDir: opts.dataDir, url: opts.url });
  try {
    // the demo before the admin: reloading a demo whose load was stopped empties the database, users too
    if (opts.demo ?? process.env.GONGKAI_DEMO !== '0') await loadDemoIfEmpty(store, print);
    else if (await demoInterrupted(store)) {
      print('gongkai: 演示省未载入完整（上次载入中断），gongkai demo --reset 可重新载入 / the demo province is incomplete ' +
        '(its load was stopped); gongkai demo --reset loads it again');
    }
    await ensureAdmin(store, opts.adminPassword ?? (process.env.GONGKAI_ADMIN_PASSWORD || undefined), print);
    const uploadMax = process.env.GONGKAI_UPLOAD_MAX ? Number(process.env.GONGKAI_UPLOAD_MAX) : undefined;
    // behind a TLS-terminating proxy: trust X-Forwarded-* so cookies get Secure and rate limits see the client
    const trustProxy = process.env.GONGKAI_TRUST_PROXY === '1';
    // logins a client may try per minute (default 10); a test run signing in many users from one address raises it
    const loginsPerMinute = Number(process.env.GONGKAI_LOGIN_LIMIT) || undefined;
    const loginRateLimit = loginsPerMinute ? { max: loginsPerMinute, timeWindowMs: 60_000 } : undefined;
    const app = await buildApp({ store, logger: opts.logger ?? false, uploadMax, trustProxy, loginRateLimit,
      webRoot: opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot });
    await app.listen({ host, port });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
    print(`gongkai: 服务已启动 / serving at ${url} (API ${url}api/docs, 数据库 ${store.kind})`);
    return {
      app, store, url,
      async close() {
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
