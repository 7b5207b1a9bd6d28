// /api/health: the process answers and the database with it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthOut } from '../response-schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', {
    schema: { tags: ['health'], response: { 200: HealthOut } },
  }, async () => {
    await app.store.ping(); // the database answers: one round trip, no table read
    return { ok: true, db: app.store.kind };
  });
};
