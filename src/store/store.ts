// The Store over drizzle: each method delegates to its query family (one file each); this file only wires them
// to one context (database, kind, raw queries, the cell-key index).
import { sql } from 'drizzle-orm';
import { CellKeyIndex, rawOver, type Ctx, type Db } from './context.js';
import * as analysis from './analysis.js';
import { listAudit } from './audit.js';
import * as bodies from './bodies.js';
import * as findings from './findings.js';
import * as importBatch from './import-batch.js';
import * as imports from './imports.js';
import * as indicatorSums from './indicator-sums.js';
import { insertRegions, loadRegions, listRegions, regionSubtree } from './regions.js';
import * as reports from './reports.js';
import * as rollupOutline from './rollup-outline.js';
import * as filingOutline from './filing-outline.js';
import * as rollupSums from './rollup-sums.js';
import * as regionSums from './region-sums.js';
import { regionIndicatorSums, writeIndicatorParts } from './region-indicator-sums.js';
import { reportIndicatorParts } from './report-indicators.js';
import * as sessions from './sessions.js';
import * as settings from './settings.js';
import { tasksFor } from './tasks.js';
import type { Store } from './types.js';
import * as users from './users.js';
import * as versions from './versions.js';

/** Every table but the migrations' record, in an order the foreign keys allow to empty. */
const TABLES = ['sessions', 'users', 'audit', 'settings', 'import_items', 'import_jobs', 'findings', 'report_versions',
  'reports', 'region_sums', 'region_indicator_sums', 'indicator_sums_def', 'source_files', 'bodies', 'cell_keys',
  'regions'];

export function createStore(o: { db: Db; kind: 'pglite' | 'postgres'; close: () => Promise<void>;
  raw: Ctx['raw'] }, keys?: CellKeyIndex): Store {
  const ctx: Ctx = { db: o.db, kind: o.kind, raw: o.raw, keys: keys ?? new CellKeyIndex(o.raw) };
  return {
    kind: o.kind,
    close: o.close,
    ping: async () => {
      await o.raw('SELECT 1');
    },
    db: o.db,
    listRegions: (parent) => listRegions(ctx, parent),
    regionSubtree: (code) => regionSubtree(ctx, code),
    addRegions: (list) => insertRegions(o.raw, list),
    listBodies: (f) => bodies.listBodies(ctx, f),
    getBody: (id) => bodies.getBody(ctx, id),
    bodySubtree: (id) => bodies.bodySubtree(ctx, id),
    findBodyByName: (name, region) => bodies.findBodyByName(ctx, name, region),
    bodiesByName: (name, region) => bodies.bodiesByName(ctx, name, region),
    upsertBodies: (list, actor) => bodies.upsertBodies(ctx, list, actor),
    updateBody: (id, patch, actor) => bodies.updateBody(ctx, id, patch, actor),
    listReports: (f) => reports.listReports(ctx, f),
    getReport: (id) => reports.getReport(ctx, id),
    getReportHead: (id) => reports.getReportHead(ctx, id),
    getReportModel: (id, version) => reports.getReportModel(ctx, id, version),
    findReport: (bodyId, year) => reports.findReport(ctx, bodyId, year),
    saveImported: (inc, actor) => reports.saveImported(ctx, inc, actor),
    createDraft: (bodyId, year, template, actor) => reports.createDraft(ctx, bodyId, year, template, actor),
    saveDraft: (id, content, report, found, actor) => reports.saveDraft(ctx, id, content, report, found, actor),
    correctCells: (id, changes, report, found, actor) => reports.correctCells(ctx, id, changes, report, found, actor),
    listVersions: (id) => versions.listVersions(ctx, id),
    diffVersions: (id, from, to) => versions.diffVersions(ctx, id, from, to),
    setStatus: (id, status, patch, actor) => reports.setStatus(ctx, id, status, patch, actor),
    assign: (id, bodyId, year, actor) => reports.assign(ctx, id, bodyId, year, actor),
    setSimilar: (ids, similar) => reports.setSimilar(ctx, ids, similar),
    sourceFile: (id) => reports.sourceFile(ctx, id),
    recheck: (id, found, actor) => findings.recheck(ctx, id, found, actor),
    decide: (id, d, actor) => findings.decide(ctx, id, d, actor),
    getFinding: (id) => findings.getFinding(ctx, id),
    createImportJob: (names, actor) => imports.createImportJob(ctx, names, actor),
    addImportItems: (jobId, names) => imports.addImportItems(ctx, jobId, names),
    updateImportItem: (jobId, itemId, patch) => imports.updateImportItem(ctx, jobId, itemId, patch),
    finishImportJob: (jobId, status) => imports.finishImportJob(ctx, jobId, status),
    getImportJob: (jobId) => imports.getImportJob(ctx, jobId),
    listImportJobs: (limit, offset, createdBy) => imports.listImportJobs(ctx, limit, offset, createdBy),
    unfinishedItems: (jobId) => imports.unfinishedItems(ctx, jobId),
    findResumableJob: (names) => imports.findResumableJob(ctx, names),
    hasSource: (hash) => reports.hasSource(ctx, hash),
    heldSources: (hashes) => importBatch.heldSources(ctx, hashes),
    importNeighbours: (keys) => importBatch.importNeighbours(ctx, keys),
    writeImportBatch: (jobId, entries, actor) => importBatch.writeImportBatch(ctx, jobId, entries, actor),
    createUser: (u, actor) => users.createUser(ctx, u, actor),
    updateUser: (id, patch, actor) => users.updateUser(ctx, id, patch, actor),
    listUsers: () => users.listUsers(ctx),
    getUser: (id) => users.getUser(ctx, id),
    verifyPassword: (username, password) => users.verifyPassword(ctx, username, password),
    createSession: (userId, ttl) => sessions.createSession(ctx, userId, ttl),
    sessionUser: (token) => sessions.sessionUser(ctx, token),
    deleteSession: (token) => sessions.deleteSession(ctx, token),
    audit: (f) => listAudit(ctx, f),
    getSetting: (key) => settings.getSetting(ctx, key),
    putSetting: (key, value, actor) => settings.putSetting(ctx, key, value, actor),
    scoringRules: () => settings.scoringRules(ctx),
    dueDates: () => settings.dueDates(ctx),
    filingSettings: () => settings.filingSettings(ctx),
    tasksFor: (user, today) => tasksFor(ctx, user, today),
    reportModels: (f, opts) => analysis.reportModels(ctx, f, opts),
    reportSummaries: (f) => analysis.reportSummaries(ctx, f),
    expectedBodies: (region, parentId) => analysis.expectedBodies(ctx, region, parentId),
    cellSums: (f, keys) => analysis.cellSums(ctx, f, keys),
    cellValues: (f, keys) => analysis.cellValues(ctx, f, keys),
    analysisBodies: (region, parentId) => analysis.analysisBodies(ctx, region, parentId),
    filingReports: (region, year) => analysis.filingReports(ctx, region, year),
    rollupMetas: (f) => analysis.rollupMetas(ctx, f),
    rollupOutline: (q) => rollupOutline.rollupOutline(ctx, q),
    contributorRows: (q, ids) => rollupOutline.contributorRows(ctx, q, ids),
    filingDuePairs: (region) => filingOutline.filingDuePairs(ctx, region),
    filingOutline: (q) => filingOutline.filingOutline(ctx, q),
    filingLines: (ids, year) => filingOutline.filingLines(ctx, ids, year),
    async snapshot(fn) {
      if (ctx.keys.all().size === 0) await ctx.keys.load();
      // every query inside, the cell-key index's reloads too, runs in the transaction
      return o.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        const raw = rawOver(db);
        return fn(createStore({ ...o, db, raw }, ctx.keys.over(raw)));
      }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
    },
    indicatorValues: (f, span, keys) => indicatorSums.indicatorValues(ctx, f, span, keys),
    indicatorYearSums: (f, span) => indicatorSums.indicatorYearSums(ctx, f, span),
    regionIndicatorSums: (f, span) => regionIndicatorSums(ctx, f, span),
    reportIndicatorParts: (f, span) => reportIndicatorParts(ctx, f, span),
    rollupTotals: (version, groups) => rollupSums.rollupTotals(ctx, version, groups),
    regionTotals: (q) => regionSums.regionTotals(ctx, q),
    withSumsDeferred: (write) => regionSums.withSumsDeferred(ctx, write),
    drillReports: (ids, keys) => rollupSums.drillReports(ctx, ids, keys),
    drillRegion: (q, keys) => rollupSums.drillRegion(ctx, q, keys),
    isEmpty: async () => (await o.raw<{ n: number }>('SELECT count(*)::int AS n FROM bodies'))[0].n === 0,
    async resetAll() {
      await o.db.execute(sql.raw(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`));
      await loadRegions(o.raw);
      await writeIndicatorParts(o.raw); // the keys are numbered anew: the indicators' parts function too
      await ctx.keys.load();
    },
  };
}
