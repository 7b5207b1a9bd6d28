// /api/users and /api/audit: the admin's pages — people, their roles and scopes, and the whole audit trail.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AuditEntry, Page, User } from '../../model/api.js';
import { actorOf } from '../context.js';
import { badRequest, conflict, denied, notFound } from '../errors.js';
import { AuditQuery, IdParams, NewUser, UserPatch } from '../schemas.js';
import { AuditEntryOut, PageOf, UserOut } from '../response-schemas.js';

async function requireAdmin(req: FastifyRequest): Promise<void> {
  const access = await req.access();
  if (!access.isAdmin) throw denied(access.signedIn, 'admins only');
}

/** An editor needs its body; a supervisor its region or the body it supervises from (or both). */
function checkScope(u: Pick<User, 'role' | 'bodyId' | 'regionCode'>): void {
  if (u.role === 'editor' && u.bodyId === null) throw badRequest('an editor needs a bodyId');
  if (u.role === 'supervisor' && u.regionCode === null && u.bodyId === null) {
    throw badRequest('a supervisor needs a regionCode or a bodyId');
  }
}

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['users'];
  app.get('/users', { schema: { tags, response: { 200: PageOf(UserOut) } } }, async (req): Promise<Page<User>> => {
    await requireAdmin(req);
    const items = await app.store.listUsers();
    return { items, total: items.length };
  });

  app.post('/users', { schema: { tags, body: NewUser, response: { 201: UserOut } } }, async (req, reply) => {
    await requireAdmin(req);
    checkScope(req.body);
    if ((await app.store.listUsers()).some((u) => u.username === req.body.username)) {
      throw conflict(`user ${req.body.username} exists`);
    }
    return reply.status(201).send(await app.store.createUser(req.body, actorOf(req)));
  });

  app.patch('/users/:id', { schema: { tags, params: IdParams, body: UserPatch, response: { 200: UserOut } } },
    async (req): Promise<User> => {
      await requireAdmin(req);
      const user = (await app.store.listUsers()).find((u) => u.id === req.params.id);
      if (!user) throw notFound(`no user ${req.params.id}`);
      checkScope({ ...user, ...req.body });
      return app.store.updateUser(user.id, req.body, actorOf(req));
    });

  app.get('/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: PageOf(AuditEntryOut) } } },
    async (req): Promise<Page<AuditEntry>> => {
      await requireAdmin(req);
      const { user, entity, limit, offset } = req.query;
      return app.store.audit({ userId: user, entity, limit, offset });
    });
};
