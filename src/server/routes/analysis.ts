// /api/analysis: compare two reports (by access to both), 雷同 screening, roll-up, indicators, filing status (催报)
// and the 通报 ranking. The public and users outside a region see roll-ups and indicators over published
// reports only; screening, filing status and ranking are for the region's supervisors and admins.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type {
  Comparison, FilingStatus, IndicatorTable, Ranking, Rollup, RollupDrill, SimilarPair,
} from '../../model/analysis.js';
import * as q from '../analysis-queries.js';
import { rollupDrill } from '../rollup-drill.js';
import { badRequest, denied, notFound } from '../errors.js';
import { reportFor } from '../report-access.js';
import {
  CompareQuery, FilingQuery, IndicatorsQuery, RegionYearQuery, RollupDrillQuery, RollupQuery, SimilarityQuery,
} from '../schemas.js';
import {
  ComparisonOut, FilingStatusOut, IndicatorTableOut, RankingOut, RollupDrillOut, RollupOut, SimilarPairOut,
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

const MAX_DRILL = 50;
/** Contributors a roll-up lists unless asked for another page size: a province expects ~10,000 bodies (~1 MB). */
export const ROLLUP_PAGE = 50;

/** Comma-separated cell keys (a query parameter), at most MAX_DRILL of them. */
function cellKeys(list: string | undefined): string[] {
  const keys = [...new Set((list ?? '').split(',').filter(Boolean))];
  if (keys.length > MAX_DRILL) throw badRequest(`at most ${MAX_DRILL} cell keys at once`);
  return keys;
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

  /** The scope of a roll-up: published reports for the public, all for the region's or the parent's supervisors. */
  async function rollupScope(req: FastifyRequest, region: string | undefined, parent: number | undefined):
    Promise<q.Scope> {
    const scope = await publicScope(req, region);
    // a roll-up under a parent body its supervisor (by that body) reviews counts every report, not only published
    if (parent !== undefined && (await req.access()).supervisesBody({ id: parent, regionCode: null })) {
      scope.publishedOnly = false;
    }
    return scope;
  }

  app.get('/analysis/rollup', { schema: { tags, querystring: RollupQuery, response: { 200: RollupOut },
    description: 'The summed tables of the bodies under a region or parent body for a year, their checks and the '
      + '口径 checks; the bodies expected (`contributors`) one page at a time in name order (`limit`, default '
      + `${ROLLUP_PAGE}, \`offset\`), with \`counts\` over all of them. \`drill\` (cell keys, comma-separated) adds `
      + 'the contributions of each summed report to those cells (`byContributor`, empty without it); the page asks '
      + '/analysis/rollup/contributors when a cell is opened.',
  } }, async (req): Promise<Rollup> => {
    const { region, parent, year, drill, limit = ROLLUP_PAGE, offset = 0 } = req.query;
    return q.rollupOf(store, await rollupScope(req, region, parent), year, parent, cellKeys(drill),
      { limit, offset });
  });

  app.get('/analysis/rollup/contributors', { schema: { tags, querystring: RollupDrillQuery,
    response: { 200: RollupDrillOut },
    description: 'Drill-down of a roll-up: for each cell key asked, [bodyId, value] of every summed report that has '
      + 'it (null: printed blank) — the same as the roll-up\'s `byContributor` with `drill`, without the sums — and '
      + 'the bodies listed (`bodies`: [bodyId, name, reportId]). With `limit` (and `offset`) one page of each key\'s '
      + 'list, `total` telling how many; `sort=value` lists the largest first.',
  } }, async (req): Promise<RollupDrill> => {
    const { region, parent, year, keys, limit, offset, sort } = req.query;
    return rollupDrill(store, await rollupScope(req, region, parent), year, parent, cellKeys(keys),
      { limit, offset, sort });
  });

  app.get('/analysis/indicators', { schema: { tags, querystring: IndicatorsQuery,
    description: 'The indicators of a region\'s reports for a year (`year`) or years (`from`, `to`), with their '
      + 'definitions: one page of the rows (`limit`, default 50; `offset`; `sort` by the label or an indicator; '
      + '`order`) and their `total`, the totals per year (`trend`), and for the latest year each rate\'s ranking '
      + '(its first `top` rows and its `total`) and distribution (bins and median). A rate over fewer cases than '
      + '`minCases` is hidden, not ranked. Every row: /api/exports/indicators.{csv,xlsx,json}.',
    response: { 200: IndicatorTableOut } } },
    async (req): Promise<IndicatorTable> => q.indicators(store, await publicScope(req, req.query.region), req.query));

  app.get('/analysis/filing', { schema: { tags, querystring: FilingQuery,
    description: 'The filing status (催报) of a region for a year: the summary over every body, and every body\'s row '
      + 'or, with `limit`, one page of them (`chase`: only those to chase; `sort`, `order`) and their `total`.',
    response: { 200: FilingStatusOut } } }, async (req): Promise<FilingStatus> => {
    const { region, year, ...page } = req.query;
    return q.filing(store, await reviewRegion(req, region), year, app.config.today(),
      page.limit === undefined ? undefined : page);
  });

  app.get('/analysis/ranking', { schema: { tags, querystring: RegionYearQuery,
    response: { 200: RankingOut } } }, async (req): Promise<Ranking> =>
    q.ranking(store, await reviewRegion(req, req.query.region), req.query.year, app.config.today()));
};
