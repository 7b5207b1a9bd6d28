// /api/session: who is signed in (and the CSRF token every write must carry), log in, log out. Logging in
// needs no prior token, is rate limited per client, and answers 401 to a wrong name or password alike.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SessionInfo } from '../../model/api.js';
import { SESSION_COOKIE, cookieOptions, requireUser } from '../context.js';
import { ApiError } from '../errors.js';
import { LoginBody } from '../schemas.js';
import { NoContent, SessionOut } from '../response-schemas.js';

export const sessionRoutes: FastifyPluginAsyncTypebox<{ loginRateLimit: { max: number; timeWindowMs: number } }> =
  async (app, opts) => {
    const tags = ['session'];
    app.get('/session', {
      schema: { tags, summary: 'the signed-in user and the CSRF token', response: { 200: SessionOut } },
    },
      async (req, reply): Promise<SessionInfo> => ({ user: req.user, csrfToken: reply.generateCsrf() }));

    app.post('/session', {
      schema: { tags, summary: 'log in', body: LoginBody, response: { 200: SessionOut } },
      config: { csrf: false,
        rateLimit: { max: opts.loginRateLimit.max, timeWindow: opts.loginRateLimit.timeWindowMs } },
    }, async (req, reply): Promise<SessionInfo> => {
      const user = await app.store.verifyPassword(req.body.username, req.body.password);
      if (!user) throw new ApiError('unauthenticated', 'wrong username or password');
      if (req.sessionToken) await app.store.deleteSession(req.sessionToken); // a new session replaces the old
      const token = await app.store.createSession(user.id, app.config.sessionTtlSeconds);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(app.config));
      return { user, csrfToken: reply.generateCsrf() };
    });

    app.delete('/session', { schema: { tags, summary: 'log out', response: { 204: NoContent } } },
      async (req, reply) => {
        requireUser(req);
        if (req.sessionToken) await app.store.deleteSession(req.sessionToken);
        const { maxAge: _m, ...cookie } = cookieOptions(app.config);
        reply.clearCookie(SESSION_COOKIE, cookie);
        return reply.status(204).send();
      });
  };
