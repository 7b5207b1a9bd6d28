// /api/imports: start an import job from uploaded files (multipart, each file capped at GONGKAI_UPLOAD_MAX) or
// from a list of URLs (JSON), run by the import pipeline in the background; list and follow jobs. An editor's
// import is filed under its own body and it sees its own jobs; supervisors and admins see every job.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import type { ImportJob, Page } from '../../model/api.js';
import { actorOf, requireUser } from '../context.js';
import { ApiError, badRequest, denied, notFound } from '../errors.js';
import type { ImportInput } from '../importer.js';
import { IdParams, ImportUrls, PageQuery } from '../schemas.js';
import { ImportJobOut, PageOf } from '../response-schemas.js';

/** at most this many times the per-file cap in one request */
const TOTAL_FACTOR = 20;

async function readInput(req: FastifyRequest, uploadMax: number): Promise<ImportInput> {
  if (!req.isMultipart()) {
    if (!Value.Check(ImportUrls, req.body)) throw badRequest('expected multipart files or JSON { urls: string[] }');
    return { ...req.body };
  }
  const input: ImportInput = { files: [] };
  let total = 0;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > uploadMax * TOTAL_FACTOR) throw new ApiError('too-large', 'the upload is too large in total');
      input.files?.push({ name: part.filename || 'upload', bytes: new Uint8Array(bytes) });
    } else if (part.fieldname === 'year' && /^\d{4}$/.test(String(part.value))) input.year = Number(part.value);
    else if (part.fieldname === 'region' && /^\d{6}$/.test(String(part.value))) input.region = String(part.value);
    else if (part.fieldname === 'status' && part.value === 'submitted') input.status = 'submitted';
  }
  if (!input.files?.length) throw badRequest('no files in the upload');
  return input;
}

export const importsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['imports'];
  app.post('/imports', { schema: { tags, summary: 'import files (multipart) or URLs (JSON { urls })',
    consumes: ['multipart/form-data', 'application/json'], response: { 202: ImportJobOut } } }, async (req, reply) => {
    const user = requireUser(req);
    if (user.role === 'editor' && user.bodyId === null) throw denied(true, 'an editor without a body cannot import');
    const input = await readInput(req, app.config.uploadMax);
    if (user.role === 'editor') input.bodyId = user.bodyId;
    const job = await app.config.importer.start(app.store, input, actorOf(req));
    return reply.status(202).send(job);
  });

  app.get('/imports', { schema: { tags, querystring: PageQuery, response: { 200: PageOf(ImportJobOut) } } },
    async (req): Promise<Page<ImportJob>> => {
      const user = requireUser(req);
      const { limit = 50, offset = 0 } = req.query;
      return app.store.listImportJobs(limit, offset, user.role === 'editor' ? user.username : undefined);
    });

  app.get('/imports/:id', { schema: { tags, params: IdParams, response: { 200: ImportJobOut } } },
    async (req): Promise<ImportJob> => {
      const user = requireUser(req);
      const job = await app.store.getImportJob(req.params.id);
      const hidden = user.role === 'editor' && job?.createdBy !== user.username;
      if (!job || hidden) throw notFound(`no import ${req.params.id}`);
      return job;
    });
};
