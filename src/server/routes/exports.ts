// /api/exports: the bulk downloads — published reports and indicators as CSV, XLSX or JSON (open data, for
// everyone), the 通报 ranking as DOCX or XLSX and the filing list (催报) as XLSX for the region's reviewers, the
// roll-up as XLSX in the official layout. Built by src/analysis/exports.ts from the same queries as the pages.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportFiling, exportIndicators, exportRanking, exportReports, exportRollup, type ExportFile } from
  '../../analysis/exports.js';
import type { FastifyReply } from 'fastify';
import * as q from '../analysis-queries.js';
import { attachment } from '../download.js';
import { ExportQuery, RegionYearQuery } from '../schemas.js';
import { FileOut } from '../response-schemas.js';
import { publicScope, reviewRegion } from './analysis.js';

const List = Type.Object({ format: Type.Enum(['csv', 'xlsx', 'json']) });
const Ranked = Type.Object({ format: Type.Enum(['docx', 'xlsx']) });
const MAX_ROWS = 100_000;
const FILE = { 200: FileOut };

function send(reply: FastifyReply, f: ExportFile): FastifyReply {
  const format = f.filename.slice(f.filename.lastIndexOf('.') + 1);
  return attachment(reply, f.filename, format, f.bytes);
}

export const exportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['exports'];
  const { store } = app;

  app.get('/exports/reports.:format', { schema: { tags, params: List, querystring: ExportQuery,
    summary: 'published reports (csv, xlsx, json)', response: FILE } }, async (req, reply) => {
    const { items } = await store.listReports({ region: req.query.region, year: req.query.year, publishedOnly: true,
      limit: MAX_ROWS, sort: 'body', order: 'asc' });
    return send(reply, await exportReports(items, req.params.format));
  });

  app.get('/exports/indicators.:format', { schema: { tags, params: List, querystring: ExportQuery, response: FILE } },
    async (req, reply) => {
      const table = await q.indicators(store, await publicScope(req, req.query.region), req.query);
      return send(reply, await exportIndicators(table, req.params.format));
    });

  app.get('/exports/ranking.:format', { schema: { tags, params: Ranked, querystring: RegionYearQuery,
    response: FILE } },
    async (req, reply) => {
      const region = await reviewRegion(req, req.query.region);
      const ranking = await q.ranking(store, region, req.query.year, app.config.today());
      return send(reply, await exportRanking(ranking, req.params.format));
    });

  app.get('/exports/filing.xlsx', { schema: { tags, querystring: RegionYearQuery, response: FILE } },
    async (req, reply) => {
      const region = await reviewRegion(req, req.query.region);
      return send(reply, await exportFiling(await q.filing(store, region, req.query.year, app.config.today())));
    });

  app.get('/exports/rollup.xlsx', { schema: { tags, querystring: RegionYearQuery, response: FILE } },
    async (req, reply) => {
      const scope = await publicScope(req, req.query.region);
      // the workbook's 各单位明细 sheet lists every summed report's value of every cell: the whole drill-down
      return send(reply, await exportRollup(await q.rollupOf(store, scope, req.query.year, undefined, 'all')));
    });
};
