// What every request carries: the store, the signed-in user (from the session cookie, looked up in the database
// so that several server processes can share sessions), and its Access. Also the CSRF gate on writes and the
// session cookie's options. Declared once here for all sub-apps.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../model/api.js';
import type { Actor, Store } from '../store/types.js';
import { Access } from './access.js';
import { ApiError } from './errors.js';
import type { Importer } from './importer.js';

export const SESSION_COOKIE = 'gongkai_session';

export interface ServerConfig {
  /** bytes per uploaded file */
  uploadMax: number;
  sessionTtlSeconds: number;
  /** 'auto': Secure when the request came over HTTPS (behind a proxy: trustProxy) */
  secureCookies: boolean | 'auto';
  /** today as YYYY-MM-DD (tests pin it) */
  today: () => string;
  importer: Importer;
  /** bytes of serialised report models kept for GET /api/reports/:id (report-answer.ts); 0: none */
  reportAnswerBudget: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    config: ServerConfig;
  }
  interface FastifyRequest {
    user: User | null;
    sessionToken: string | null;
    /** the user's access, with a supervisor's region and body subtrees loaded once per request */
    access(): Promise<Access>;
  }
  interface FastifyContextConfig {
    /** false: a write that needs no CSRF token (logging in) */
    csrf?: boolean;
  }
}

const accessCache = new WeakMap<FastifyRequest, Promise<Access>>();

async function loadAccess(req: FastifyRequest, store: Store): Promise<Access> {
  const user = req.user;
  if (user?.role === 'supervisor') {
    // its region's subtree and its parent body's subtree (either may be unset)
    const [regions, bodies] = await Promise.all([
      user.regionCode ? store.regionSubtree(user.regionCode) : [],
      user.bodyId !== null ? store.bodySubtree(user.bodyId) : [],
    ]);
    return new Access(user, new Set(regions), new Set(bodies));
  }
  return new Access(user);
}

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.user?.id ?? null, username: req.user?.username ?? null };
}

export function cookieOptions(config: ServerConfig): { path: string; httpOnly: true; sameSite: 'strict';
  secure: boolean | 'auto'; maxAge: number } {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: config.secureCookies,
    maxAge: config.sessionTtlSeconds };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Session lookup on every API request; CSRF check on every write whose route does not opt out. */
export function installRequestContext(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('access', function (this: FastifyRequest): Promise<Access> {
    let a = accessCache.get(this);
    if (!a) {
      a = loadAccess(this, app.store);
      accessCache.set(this, a);
    }
    return a;
  });
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (req.url.startsWith('/api/')) await attachSession(req);
  });
  app.addHook('preHandler', (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (SAFE.has(req.method) || req.routeOptions.config.csrf === false) return done();
    app.csrfProtection(req, reply, done);
  });
}

/**
 * The session cookie's user on the request (req.user, req.sessionToken), if the session is live. Every API
 * request gets it (the hook above); a page request only where the server writes something the user may read
 * into the page (web-app.ts: a report's preview).
 */
export async function attachSession(req: FastifyRequest): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const user = await req.server.store.sessionUser(token);
  if (user) {
    req.user = user;
    req.sessionToken = token;
  }
}

/** The signed-in user, or 401. */
export function requireUser(req: FastifyRequest): User {
  if (!req.user) throw new ApiError('unauthenticated', 'sign in first');
  return req.user;
}
