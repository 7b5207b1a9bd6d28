// /api/reports: the list (each user sees what access allows: the public published reports only), one report
// in full, a new draft from the template, saving a draft, correcting cells, re-checking, versions and their
// diff, the audit trail, the original file and every rendering the engine has. Workflow moves: workflow.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuditEntry, Page, ReportDetail, ReportSummary, ReportVersionInfo, VersionDiff } from '../../model/api.js';
import type { ReportFilter } from '../../store/types.js';
import { actorOf, requireUser } from '../context.js';
import { applyCorrections, applyDraft, checkStored } from '../content.js';
import { attachment } from '../download.js';
import { conflict, denied, notFound } from '../errors.js';
import { renderReport } from '../render.js';
import { reportAnswer, RunCache } from '../report-answer.js';
import { freshDetail, reportFor } from '../report-access.js';
import {
  CellChanges, DiffQuery, Draft, IdParams, NewReport, PageQuery, RenderParams, ReportsQuery,
} from '../schemas.js';
import {
  AuditEntryOut, FileOut, PageOf, ReportDetailOut, ReportSummaryOut, VersionDiffOut, VersionInfoOut,
} from '../response-schemas.js';

export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['reports'];
  const DETAIL = { 200: ReportDetailOut };
  const FILE = { 200: FileOut };
  const { store } = app;

  app.get('/reports', { schema: { tags, querystring: ReportsQuery, response: { 200: PageOf(ReportSummaryOut) } } },
    async (req): Promise<Page<ReportSummary>> => {
      const { body, ...q } = req.query;
      const filter: ReportFilter = { ...q, bodyId: body };
      const u = req.user;
      const unscoped = u?.role === 'supervisor' && u.regionCode === null && u.bodyId === null;
      if (!u || (u.role === 'editor' && u.bodyId === null) || unscoped) {
        filter.publishedOnly = true;
      } else if (u.role === 'editor') filter.publishedOr = { bodyId: u.bodyId ?? undefined };
      else if (u.role === 'supervisor' && q.status !== 'pending') {
        // its region's subtree and its parent body's subtree
        filter.publishedOr = { region: u.regionCode ?? undefined, parentBodyId: u.bodyId ?? undefined };
      }
      const page = await store.listReports(filter);
      if (u?.role !== 'supervisor' || q.status !== 'pending') return page;
      // pending reports have no body yet: a supervisor sees those without a region or inside its subtree
      const access = await req.access();
      const items = page.items.filter((r) => access.can('read', r));
      return { items, total: page.total - (page.items.length - items.length) };
    });

  // the answer written as text from runs, the model's kept per stored version (report-answer.ts)
  const answers = new RunCache(app.config.reportAnswerBudget);
  app.get('/reports/:id', { schema: { tags, params: IdParams, response: DETAIL } }, async (req, reply) => {
    const json = await reportAnswer(req, reply, req.params.id, answers);
    return reply.type('application/json; charset=utf-8').send(json as unknown as ReportDetail);
  });

  app.post('/reports', { schema: { tags, body: NewReport, summary: "start a body's report from the template",
    response: { 201: ReportDetailOut } } },
    async (req, reply) => {
      requireUser(req);
      const access = await req.access();
      if (!access.ownsBody(req.body.bodyId) && !access.isAdmin) {
        throw denied(true, "only the body's editor starts its report");
      }
      if (!(await store.getBody(req.body.bodyId))) throw notFound(`no body ${req.body.bodyId}`);
      if (await store.findReport(req.body.bodyId, req.body.year)) {
        throw conflict(`body ${req.body.bodyId} already has a report for ${req.body.year}`);
      }
      const id = await store.createDraft(req.body.bodyId, req.body.year, req.body.template, actorOf(req));
      return reply.status(201).send(await freshDetail(req, id));
    });

  /** Saves content or corrections as a new version, checked; a change after acceptance goes back to review. */
  async function change(req: FastifyRequest, id: number, kind: 'draft' | 'cells',
    apply: (detail: ReportDetail) => Promise<void>): Promise<ReportDetail> {
    const detail = await reportFor(req, id, 'edit');
    const access = await req.access();
    if (kind === 'draft' && !access.ownsBody(detail.bodyId) && !access.isAdmin) {
      throw denied(true, "only the body's editor writes its draft");
    }
    await apply(detail);
    if (detail.status === 'accepted' || detail.status === 'published') {
      // the new version goes through review again
      await store.setStatus(id, 'submitted', { at: app.config.today() }, actorOf(req));
    }
    return freshDetail(req, id);
  }

  async function modelOf(id: number) {
    const model = await store.getReportModel(id);
    if (!model) throw notFound(`no report ${id}`);
    return model;
  }

  app.put('/reports/:id/content', { schema: { tags, params: IdParams, body: Draft, response: DETAIL } }, async (req) =>
    change(req, req.params.id, 'draft', async (d) => {
      const next = applyDraft(await modelOf(d.id), req.body);
      await store.saveDraft(d.id, req.body, next, await checkStored(store, next, d.bodyId, d.year), actorOf(req));
    }));

  app.patch('/reports/:id/cells', { schema: { tags, params: IdParams, body: CellChanges, response: DETAIL } },
    async (req) =>
    change(req, req.params.id, 'cells', async (d) => {
      const next = applyCorrections(await modelOf(d.id), req.body.changes);
      const findings = await checkStored(store, next, d.bodyId, d.year);
      await store.correctCells(d.id, req.body.changes, next, findings, actorOf(req));
    }));

  app.post('/reports/:id/recheck', { schema: { tags, params: IdParams, response: DETAIL } },
    async (req): Promise<ReportDetail> => {
      const d = await reportFor(req, req.params.id, 'recheck');
      const findings = await checkStored(store, await modelOf(d.id), d.bodyId, d.year);
      await store.recheck(d.id, findings, actorOf(req));
      return freshDetail(req, d.id);
    });

  app.get('/reports/:id/versions', { schema: { tags, params: IdParams,
    response: { 200: Type.Array(VersionInfoOut) } } },
    async (req): Promise<ReportVersionInfo[]> => {
      await reportFor(req, req.params.id);
      return store.listVersions(req.params.id);
    });

  app.get('/reports/:id/diff', { schema: { tags, params: IdParams, querystring: DiffQuery,
    response: { 200: VersionDiffOut } } },
    async (req): Promise<VersionDiff> => {
      await reportFor(req, req.params.id);
      return store.diffVersions(req.params.id, req.query.from, req.query.to);
    });

  app.get('/reports/:id/audit', { schema: { tags, params: IdParams, querystring: PageQuery,
    response: { 200: PageOf(AuditEntryOut) } } },
    async (req): Promise<Page<AuditEntry>> => {
      await reportFor(req, req.params.id, 'audit');
      const { limit, offset } = req.query;
      return store.audit({ entity: 'report', entityId: String(req.params.id), limit, offset });
    });

  app.get('/reports/:id/source', { schema: { tags, params: IdParams, response: FILE } }, async (req, reply) => {
    await reportFor(req, req.params.id);
    const file = await store.sourceFile(req.params.id);
    if (!file) throw notFound(`report ${req.params.id} has no source file`);
    return attachment(reply, file.name, 'bin', file.bytes);
  });

  app.get('/reports/:id/render/:format', { schema: { tags, params: RenderParams, response: FILE } },
    async (req, reply) => {
      const d = await reportFor(req, req.params.id);
      const model = await modelOf(d.id);
      const { format } = req.params;
      const body = await renderReport(model, format, d.findings);
      const name = `${d.bodyName ?? d.agency ?? 'report'}-${d.year ?? ''}-v${d.version}.${format}`;
      // shown inline (the app frames it), under a policy that lets no script or request out of a rendered report
      if (format === 'html') {
        return reply.type('text/html; charset=utf-8').header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
          .send(body);
      }
      return attachment(reply, name, format, body);
    });
};
