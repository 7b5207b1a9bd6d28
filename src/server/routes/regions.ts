// /api/regions: the GB/T 2260 region tree, one level at a time (provinces without a parent).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Region } from '../../model/api.js';
import { RegionsQuery } from '../schemas.js';
import { RegionOut } from '../response-schemas.js';

export const regionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/regions', {
    schema: { tags: ['regions'], querystring: RegionsQuery, response: { 200: Type.Array(RegionOut) } },
  },
    async (req): Promise<Region[]> => app.store.listRegions(req.query.parent ?? null));
};
