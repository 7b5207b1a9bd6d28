// /api/regions: the GB/T 2260 region tree, one level at a time (provinces without a parent).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Region } from '../../model/api.js';
import { RegionsQuery } from '../schemas.js';

export const regionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/regions', { schema: { tags: ['regions'], querystring: RegionsQuery } },
    async (req): Promise<Region[]> => app.store.listRegions(req.query.parent ?? null));
};
