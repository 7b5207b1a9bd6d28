// /api/settings/scoring: the 通报 deduction rules — supervisors read them, admins change them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ScoringRule } from '../../model/analysis.js';
import { actorOf } from '../context.js';
import { denied } from '../errors.js';
import { ScoringRules } from '../schemas.js';
import { ScoringRuleOut } from '../response-schemas.js';

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['settings'];
  const RULES = { 200: Type.Array(ScoringRuleOut) };
  app.get('/settings/scoring', { schema: { tags, response: RULES } }, async (req): Promise<ScoringRule[]> => {
    const access = await req.access();
    if (!access.reviews) throw denied(access.signedIn, 'supervisors and admins only');
    return app.store.scoringRules();
  });

  app.put('/settings/scoring', { schema: { tags, body: ScoringRules, response: RULES } },
    async (req): Promise<ScoringRule[]> => {
      const access = await req.access();
      if (!access.isAdmin) throw denied(access.signedIn, 'admins only');
      await app.store.putSetting('scoring', req.body, actorOf(req));
      return app.store.scoringRules();
    });
};
