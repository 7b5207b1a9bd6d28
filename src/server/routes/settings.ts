// /api/settings: the 通报 deduction rules (/scoring) and the filing rules (/filing: due dates per body level, the
// working-day shift, publication grace days) — supervisors read them, admins change them (audited).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { FilingSettings, ScoringRule } from '../../model/analysis.js';
import { actorOf } from '../context.js';
import { denied } from '../errors.js';
import { FilingSettingsBody, ScoringRules } from '../schemas.js';
import { FilingSettingsOut, ScoringRuleOut } from '../response-schemas.js';

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

  const FILING = { 200: FilingSettingsOut };
  app.get('/settings/filing', { schema: { tags, response: FILING, description: 'The filing rules: each body level\'s '
    + 'due date (MM-DD of the year after the report\'s), whether a due date on a weekend or holiday moves to the next '
    + 'working day, and the days after it by which the report must be published. A body\'s own date comes first.' } },
  async (req): Promise<FilingSettings> => {
    const access = await req.access();
    if (!access.reviews) throw denied(access.signedIn, 'supervisors and admins only');
    return app.store.filingSettings();
  });

  app.put('/settings/filing', { schema: { tags, body: FilingSettingsBody, response: FILING } },
    async (req): Promise<FilingSettings> => {
      const access = await req.access();
      if (!access.isAdmin) throw denied(access.signedIn, 'admins only');
      await app.store.putSetting('filing', req.body, actorOf(req));
      return app.store.filingSettings();
    });
};
