// /api/findings/:id/decision: a reviewer confirms or dismisses a finding with a reason (kept across re-checks).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StoredFinding } from '../../model/api.js';
import { actorOf } from '../context.js';
import { notFound } from '../errors.js';
import { reportFor } from '../report-access.js';
import { Decision, IdParams } from '../schemas.js';
import { StoredFindingOut } from '../response-schemas.js';

export const findingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/findings/:id/decision', { schema: { tags: ['findings'], params: IdParams, body: Decision,
    response: { 200: StoredFindingOut } } },
    async (req): Promise<StoredFinding> => {
      const finding = await app.store.getFinding(req.params.id);
      if (!finding) throw notFound(`no finding ${req.params.id}`);
      await reportFor(req, finding.reportId, 'decide');
      return app.store.decide(finding.id, req.body, actorOf(req));
    });
};
