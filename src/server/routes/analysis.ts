// /api/analysis: compare two reports (by access to both), 雷同 screening, roll-up, indicators, filing status (催报)
// and the 通报 ranking. The public and users outside a region see roll-ups and indicators over published
// reports only; screening, filing status and ranking are for the region's supervisors and admins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Comparison, FilingStatus, IndicatorTable, Ranking, Rollup, SimilarPair } from '../../model/analysis.js';
import * as q from '../analysis-queries.js';
import { denied, notFound } from '../errors.js';
import { reportFor } from '../report-access.js';
import { CompareQuery, IndicatorsQuery, RegionYearQuery, RollupQuery, SimilarityQuery } from '../schemas.js';
import {
  ComparisonOut, FilingStatusOut, IndicatorTableOut, RankingOut, RollupOut, SimilarPairOut,
} from '../response-schemas.js';

/** The region a reviewing query runs over: the one asked (which the user must supervise), else its own. */
export async function reviewRegion(req: FastifyRequest, asked: string | undefined): Promise<string | undefined> {
  const access = await req.access();
  const region = asked ?? (access.isAdmin ? undefined : req.user?.regionCode ?? undefined);
  if (!access.reviews || (region === undefined ? !access.isAdmin : !access.supervisesRegion(region))) {
    throw denied(access.signedIn, 'supervisors of the region and admins only');
  }
  return region;
}

/** Aggregates for everyone: all reports for a region's reviewers, published ones for anyone else. */
export async function publicScope(req: FastifyRequest, region: string | undefined): Promise<q.Scope> {
  const access = await req.access();
  return { region, publishedOnly: access.publishedOnlyFor(region ?? null) };
}

export const analysisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['analysis'];
  const { store } = app;

  app.get('/analysis/compare', { schema: { tags, querystring: CompareQuery,
    response: { 200: ComparisonOut } } }, async (req): Promise<Comparison> => {
    const sides = await Promise.all([req.query.a, req.query.b].map(async (id) => {
      const summary = await reportFor(req, id);
      const report = await store.getReportModel(id);
      if (!report) throw notFound(`no report ${id}`);
      return { summary, report };
    }));
    return q.compare(sides[0], sides[1]);
  });

  app.get('/analysis/similarity', { schema: { tags, querystring: SimilarityQuery,
    response: { 200: Type.Array(SimilarPairOut) } } },
    async (req): Promise<SimilarPair[]> => {
      const region = await reviewRegion(req, req.query.region);
      return q.similarity(store, { region, publishedOnly: false }, req.query.year, req.query.threshold);
    });

  app.get('/analysis/rollup', { schema: { tags, querystring: RollupQuery, response: { 200: RollupOut } } },
    async (req): Promise<Rollup> => {
      const scope = await publicScope(req, req.query.region);
      const { parent } = req.query;
      // a roll-up under a parent body its supervisor (by that body) reviews counts every report, not only published
      if (parent !== undefined && (await req.access()).supervisesBody({ id: parent, regionCode: null })) {
        scope.publishedOnly = false;
      }
      return q.rollupOf(store, scope, req.query.year, parent);
    });

  app.get('/analysis/indicators', { schema: { tags, querystring: IndicatorsQuery,
    response: { 200: IndicatorTableOut } } },
    async (req): Promise<IndicatorTable> => q.indicators(store, await publicScope(req, req.query.region), req.query));

  app.get('/analysis/filing', { schema: { tags, querystring: RegionYearQuery,
    response: { 200: FilingStatusOut } } }, async (req): Promise<FilingStatus> =>
    q.filing(store, await reviewRegion(req, req.query.region), req.query.year, app.config.today()));

  app.get('/analysis/ranking', { schema: { tags, querystring: RegionYearQuery,
    response: { 200: RankingOut } } }, async (req): Promise<Ranking> =>
    q.ranking(store, await reviewRegion(req, req.query.region), req.query.year, app.config.today()));
};
