// /api/health: the process answers and the database with it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: { tags: ['health'], response: { 200: Type.Object({ ok: Type.Boolean(), db: Type.String() }) } },
  }, async () => {
    await app.store.listRegions(null);
    return { ok: true, db: app.store.kind };
  });
};
