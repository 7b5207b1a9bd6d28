// The filing workflow (备案 → 审核 → 发布): submit, return with findings and a note, accept, publish with the
// URL and date, and assigning a pending (待确认) report to a body. Who may move a report from which state is
// decided by access.ts; the store records the date of each step and the audit trail.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ReportDetail } from '../../model/api.js';
import { actorOf } from '../context.js';
import { badRequest, conflict, denied, notFound } from '../errors.js';
import { freshDetail, reportFor } from '../report-access.js';
import { Assign, IdParams, Publish, Return } from '../schemas.js';
import { ReportDetailOut } from '../response-schemas.js';

export const workflowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['workflow'];
  const OUT = { 200: ReportDetailOut };
  const { store } = app;
  /** each step is dated by the server's clock (config.today: tests pin it), as the 通报 scoring reads the dates */
  const today = (): string => app.config.today();

  app.post('/reports/:id/submit', { schema: { tags, params: IdParams, response: OUT } },
    async (req): Promise<ReportDetail> => {
      const d = await reportFor(req, req.params.id, 'submit');
      await store.setStatus(d.id, 'submitted', { at: today() }, actorOf(req));
      return freshDetail(req, d.id);
    });

  app.post('/reports/:id/return', { schema: { tags, params: IdParams, body: Return, response: OUT } },
    async (req): Promise<ReportDetail> => {
      const d = await reportFor(req, req.params.id, 'return');
      const own = new Set(d.findings.map((f) => f.id));
      const foreign = req.body.findingIds.filter((id) => !own.has(id));
      if (foreign.length) throw badRequest(`findings not of report ${d.id}: ${foreign.join(', ')}`);
      const step = { note: req.body.note, findingIds: req.body.findingIds, at: today() };
      await store.setStatus(d.id, 'returned', step, actorOf(req));
      return freshDetail(req, d.id);
    });

  app.post('/reports/:id/accept', { schema: { tags, params: IdParams, response: OUT } },
    async (req): Promise<ReportDetail> => {
      const d = await reportFor(req, req.params.id, 'accept');
      await store.setStatus(d.id, 'accepted', { at: today() }, actorOf(req));
      return freshDetail(req, d.id);
    });

  app.post('/reports/:id/publish', { schema: { tags, params: IdParams, body: Publish, response: OUT } },
    async (req): Promise<ReportDetail> => {
      const d = await reportFor(req, req.params.id, 'publish');
      if (Number.isNaN(Date.parse(req.body.date))) throw badRequest(`not a date: ${req.body.date}`);
      const patch = { publishedUrl: req.body.url, publishedAt: req.body.date };
      await store.setStatus(d.id, 'published', patch, actorOf(req));
      return freshDetail(req, d.id);
    });

  app.post('/reports/:id/assign', { schema: { tags, params: IdParams, body: Assign, response: OUT } },
    async (req): Promise<ReportDetail> => {
      const d = await reportFor(req, req.params.id, 'assign');
      const access = await req.access();
      const body = await store.getBody(req.body.bodyId);
      if (!body) throw notFound(`no body ${req.body.bodyId}`);
      if (!access.supervisesBody(body)) throw denied(true, 'that body is outside your region and parent body');
      const existing = await store.findReport(body.id, req.body.year);
      if (existing && existing.id !== d.id) throw conflict(`${body.name} already has a report for ${req.body.year}`);
      await store.assign(d.id, body.id, req.body.year, actorOf(req));
      return freshDetail(req, d.id);
    });
};
