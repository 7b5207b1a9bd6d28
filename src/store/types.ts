// The store's contract: what the server, the importer, the CLI and the demo loader may ask of the database.
// Implemented once over drizzle (PGlite embedded, or PostgreSQL when DATABASE_URL is set) and tested by one
// contract suite against both. Methods that write take the acting user (for the audit trail) and run as one
// transaction each. Query families live one per file beside this one.
import type {
  AuditEntry, Body, BodyInput, CellCorrection, DecisionRequest, DraftContent, ImportItem, ImportItemStatus, ImportJob,
  Page, Region, ReportDetail, ReportStatus, ReportSummary, ReportVersionInfo, Role, StoredFinding, Task, User,
  VersionDiff,
} from '../model/api.js';
import type { Finding, Report } from '../model/report.js';
import type {
  AnalysisBody, FilingReport, FilingSettings, RollupMeta, RollupTotals, ScoringRule,
} from '../model/analysis.js';
import type { TemplateVersion } from '../model/template.js';
import type { YearSpan } from './indicator-sums.js';
import type { RegionTotalsQuery } from './region-sums.js';
import type { DrillScope } from './rollup-sums.js';
import type { ContributorRow, OutlineQuery, RollupOutline } from './rollup-outline.js';
import type { DuePair, FilingOutline, FilingOutlineQuery } from './filing-outline.js';
import type { Db } from './context.js';
import type { StoredModel } from './model-codec.js';

/**
 * (store engineer) A request the store cannot do: the thing is not there ('not-found'), or the database holds
 * something that contradicts it ('conflict': e.g. assigning a 待确认 report to a body and year that already have
 * one). The server maps `code` to 404 / 409. Bad workflow transitions and access are the server's to refuse.
 */
export class StoreError extends Error {
  constructor(readonly code: 'not-found' | 'conflict', message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Who is acting, for the audit trail and access decisions (null user = the system: import CLI, demo). */
export interface Actor {
  userId: number | null;
  username: string | null;
}

export interface ReportFilter {
  limit?: number;
  offset?: number;
  year?: number;
  /** region code: the region and its whole subtree */
  region?: string;
  bodyId?: number;
  /** bodies under this parent body (and itself) */
  parentBodyId?: number;
  status?: ReportStatus;
  level?: string;
  template?: '2019' | '2021';
  hasErrors?: boolean;
  similar?: boolean;
  /** free text over title, agency and body name */
  q?: string;
  /** only published reports (the public's view) */
  publishedOnly?: boolean;
  // requested by server: a signed-in user's list — published reports, plus every report of this body (editor)
  // or of bodies in this region's subtree (supervisor), whatever their status
  // (server) parentBodyId: a supervisor's body subtree (the body it supervises from and every body under it)
  publishedOr?: { bodyId?: number; region?: string; parentBodyId?: number };
  sort?: 'updated' | 'year' | 'body' | 'errors' | 'status';
  order?: 'asc' | 'desc';
}

/** A parsed and checked report ready to be stored, with where it came from. */
export interface IncomingReport {
  /** the model, or the model packed (the import's workers pack it: store/model-codec.ts) */
  report: StoredModel;
  findings: Finding[];
  source: { hash: string; name: string; bytes: Uint8Array; format: string } | null;
  bodyId: number | null;
  year: number | null;
  status: ReportStatus;
  publishedAt?: string | null;
  publishedUrl?: string | null;
  reason: string;
}

/** (import write path) A stored report in a body's year, as an import batch's cross-year checks need it. */
export interface ImportNeighbour {
  reportId: number;
  bodyId: number;
  year: number;
  status: ReportStatus;
  version: number;
  /** when asked for: what checkReport reads of a previous year (the model's year, agency, template and cells with
   * their values only), not the whole model */
  previous: Report | null;
}

/**
 * (import write path) One file of an import batch, in input order: a report to store (with the stored findings of
 * its body's next year to replace, when that year is stored), or an item already settled (unchanged, failed).
 * `fast`: no report is stored for its body and year (as the batch's neighbour query saw it), so it can go into
 * the batch's multi-row statements.
 */
export type ImportBatchEntry = { itemId: number; hash: string | null } & (
  | { incoming: IncomingReport; fast: boolean; rechecks: { reportId: number; findings: Finding[] }[];
    /** the item's note when the report waits 待确认 */
    note: string | null }
  | { settled: ImportBatchResult });

export interface ImportBatchResult {
  status: Exclude<ImportItemStatus, 'queued'>;
  reportId: number | null;
  error: string | null;
}

/** The fields of a report's detail that come from its current version's model (an immutable version's content). */
export type ModelPart = 'format' | 'encoding' | 'truncated' | 'tables' | 'cells' | 'sections' | 'narrative';

/** A report's detail but its model's part, and its current version: the number and a key that names its content
 * for as long as the database lives (report, version, the version row's creation time: model-cache.ts). */
export interface ReportHead {
  detail: Omit<ReportDetail, ModelPart>;
  version: number;
  versionKey: string;
}

export interface Store {
  /** 'pglite' or 'postgres' */
  readonly kind: string;
  close(): Promise<void>;
  /** One round trip to the database (`SELECT 1`): what a health check asks, without reading any table. */
  ping(): Promise<void>;
  /** (store engineer) the drizzle database itself, typed by src/store/schema.ts, for queries not listed here */
  readonly db: Db;
  /** (store engineer) true when no body is stored: the demo province is loaded on first start then, by
   * `loadDemo(store, { print })` of src/demo/index.ts (it prints the demo users; creates no admin) */
  isEmpty(): Promise<boolean>;
  /** (store engineer) regions beyond the GB/T 2260 tree loaded on open (the demo province's, code 90xxxx) */
  addRegions(list: Region[]): Promise<void>;

  // regions and bodies (regions.ts, bodies.ts)
  listRegions(parentCode?: string | null): Promise<Region[]>;
  regionSubtree(code: string): Promise<string[]>;
  listBodies(filter: { region?: string; parentId?: number; level?: string; q?: string; limit?: number;
    offset?: number }): Promise<Page<Body>>;
  getBody(id: number): Promise<Body | null>;
  /** (server) the ids of a body and every body under it through parent links (a supervisor's body scope) */
  bodySubtree(id: number): Promise<number[]>;
  /** the body whose agencyKey (or an alias's) matches, within the region when given */
  findBodyByName(name: string, regionCode?: string | null): Promise<Body | null>;
  /** (store engineer) every body answering to the name's agencyKey (candidates for a 待确认 report) */
  bodiesByName(name: string, regionCode?: string | null): Promise<Body[]>;
  upsertBodies(bodies: BodyInput[], actor: Actor): Promise<Body[]>;
  updateBody(id: number, patch: Partial<BodyInput>, actor: Actor): Promise<Body>;

  // reports (reports.ts, versions.ts)
  listReports(filter: ReportFilter): Promise<Page<ReportSummary>>;
  getReport(id: number): Promise<ReportDetail | null>;
  /** (server) the report's detail but its model's part, with the current version's number and cache key */
  getReportHead(id: number): Promise<ReportHead | null>;
  /** the engine's Report rebuilt from the stored current version (for analysis and rendering) */
  getReportModel(id: number, version?: number): Promise<Report | null>;
  findReport(bodyId: number, year: number): Promise<ReportSummary | null>;
  /** stores a new report or a new version of the body's report for that year; idempotent by source hash */
  saveImported(incoming: IncomingReport, actor: Actor): Promise<{ reportId: number; outcome: 'imported' |
    'unchanged' | 'pending' }>;
  createDraft(bodyId: number, year: number, template: '2019' | '2021', actor: Actor): Promise<number>;
  saveDraft(id: number, content: DraftContent, report: Report, findings: Finding[], actor: Actor): Promise<void>;
  correctCells(id: number, changes: CellCorrection[], report: Report, findings: Finding[], actor: Actor):
    Promise<void>;
  listVersions(id: number): Promise<ReportVersionInfo[]>;
  diffVersions(id: number, from: number, to: number): Promise<VersionDiff>;
  /**
   * (store engineer) Records a workflow step (the server checks it is allowed): sets the step's date (submittedAt
   * the first time, resubmittedAt after a return, returnedAt, acceptedAt, publishedAt), the note and the URL, and
   * the current version's status; no new version (the content does not change); audited. `at` (YYYY-MM-DD)
   * dates the step (default today; publishedAt for publish).
   */
  setStatus(id: number, status: ReportStatus, patch: { note?: string | null; publishedUrl?: string | null;
    publishedAt?: string | null; at?: string | null;
    /** requested by server: the findings a return cites (ReturnRequest.findingIds), for the audit trail */
    findingIds?: number[] }, actor: Actor): Promise<void>;
  /** a 待确认 report gets its body and year, and the status it would have had (imported: published). StoreError
   * 'conflict' when that body already has a report for the year. (store engineer) */
  assign(id: number, bodyId: number, year: number, actor: Actor): Promise<void>;
  /** (store engineer) flags reports found by 雷同 screening (ReportSummary.similar, the `similar` filter) */
  setSimilar(ids: number[], similar: boolean): Promise<void>;
  sourceFile(id: number): Promise<{ name: string; format: string; bytes: Uint8Array } | null>;

  // findings (findings.ts)
  /** replaces the open findings of the current version; decisions survive when rule, cells and values match;
   * a finding no longer found is closed */
  recheck(id: number, findings: Finding[], actor: Actor): Promise<StoredFinding[]>;
  decide(findingId: number, decision: DecisionRequest, actor: Actor): Promise<StoredFinding>;
  getFinding(findingId: number): Promise<(StoredFinding & { reportId: number }) | null>;

  // imports (imports.ts). (store engineer) The pipeline itself: `startImport(store, inputs, { actor, year,
  // region, bodyId })` of src/import/pipeline.ts records the job (returned at once) and runs it (`done`); inputs are
  // paths, URLs or `{ name, bytes }` uploads. After assign(): `crossYear(store, id, actor)` of
  // src/import/cross-year.ts.
  createImportJob(names: string[], actor: Actor): Promise<ImportJob>;
  updateImportItem(jobId: number, itemId: number, patch: { status: ImportItemStatus; hash?: string | null;
    reportId?: number | null; error?: string | null }): Promise<void>;
  finishImportJob(jobId: number, status: 'done' | 'failed'): Promise<void>;
  getImportJob(jobId: number): Promise<ImportJob | null>;
  /** createdBy (requested by server): only the jobs this username started (an editor sees its own) */
  listImportJobs(limit: number, offset: number, createdBy?: string): Promise<Page<ImportJob>>;
  /** an unfinished job's items that are still queued (kill-and-resume) */
  unfinishedItems(jobId: number): Promise<ImportItem[]>;
  /** (store engineer) items found after the job began (an archive's members) */
  addImportItems(jobId: number, names: string[]): Promise<ImportItem[]>;
  /** (store engineer) the latest running job whose items are exactly these names (to resume it) */
  findResumableJob(names: string[]): Promise<number | null>;
  hasSource(hash: string): Promise<number | null>;
  /** (import write path) hasSource for many files at once: hash → the report holding it */
  heldSources(hashes: string[]): Promise<Map<string, number>>;
  /** (import write path) the reports stored for these bodies and years, in one query (previous: with the slim
   * model of a previous year) */
  importNeighbours(keys: { bodyId: number; year: number; previous: boolean }[]): Promise<ImportNeighbour[]>;
  /**
   * (import write path) Stores a batch of an import in one transaction, with the job items' results: each report
   * all-or-nothing (a report that fails rolls back alone and its item is 'failed'). Results in entry order.
   */
  writeImportBatch(jobId: number, entries: ImportBatchEntry[], actor: Actor): Promise<ImportBatchResult[]>;

  // users and sessions (users.ts, sessions.ts)
  createUser(u: Omit<User, 'id'> & { password: string }, actor: Actor): Promise<User>;
  updateUser(id: number, patch: Partial<Omit<User, 'id'>> & { password?: string }, actor: Actor): Promise<User>;
  listUsers(): Promise<User[]>;
  /** (store engineer) */
  getUser(id: number): Promise<User | null>;
  verifyPassword(username: string, password: string): Promise<User | null>;
  createSession(userId: number, ttlSeconds: number): Promise<string>;
  sessionUser(token: string): Promise<User | null>;
  deleteSession(token: string): Promise<void>;

  // audit (audit.ts)
  audit(filter: { entity?: string; entityId?: string; userId?: number; limit?: number; offset?: number }):
    Promise<Page<AuditEntry>>;

  // settings (settings.ts): 通报 rules, due-date defaults per level, the minimum cases for rates
  getSetting<T>(key: string): Promise<T | null>;
  putSetting<T>(key: string, value: T, actor: Actor): Promise<void>;
  scoringRules(): Promise<ScoringRule[]>;
  /** filing due dates MM-DD per body level: the filing settings' dates (settings over the defaults) */
  dueDates(): Promise<Record<string, string>>;
  /** the filing rules: due dates per level, the working-day shift, the publication grace days */
  filingSettings(): Promise<FilingSettings>;

  // tasks (tasks.ts)
  tasksFor(user: User, today: string): Promise<Task[]>;

  // analysis inputs (analysis.ts): the current versions of many reports at once, for pure analysis functions
  /** (store engineer) `parts: 'sections'` reads only the section texts (雷同 screening of a whole region) */
  reportModels(filter: ReportFilter, options?: { parts?: 'all' | 'sections' | 'values'; keys?: string[] }):
    Promise<{ summary: ReportSummary; report: Report }[]>;
  /**
   * (read side) `parts: 'values'` above: models holding only the cells' values (no provenance, sections or
   * narrative), rebuilt from reports.vals without reading any JSON (roll-up and indicators at 100k reports);
   * `keys` limits them to those cells. The summaries alone, by id (filing status), and the bodies an analysis
   * expects (a region's subtree and/or a parent body's children, as listBodies gives them, without paging):
   */
  reportSummaries(filter: ReportFilter): Promise<ReportSummary[]>;
  expectedBodies(region?: string, parentId?: number): Promise<Body[]>;
  /**
   * (store engineer) SQL-side sums of the cells over the reports the filter selects (roll-up at 100k reports
   * without loading models): a key no report printed sums to null (blank is not zero). Keys default to all.
   * Mind the filter: roll up one template (`template`) and one year.
   */
  cellSums(filter: ReportFilter, keys?: string[]): Promise<{ count: number; cells: Record<string, number | null> }>;
  /** (store engineer) per report its summary and the values of the keys asked (indicators, drill-down) */
  cellValues(filter: ReportFilter, keys: string[]): Promise<{ summary: ReportSummary;
    values: Record<string, number | null> }[]>;

  /**
   * (read side) the bodies an analysis expects with only the fields roll-up and filing status read, and what filing
   * status reads of each report of a year in a region (dates as YYYY-MM-DD)
   */
  analysisBodies(region?: string, parentId?: number): Promise<AnalysisBody[]>;
  filingReports(region: string | undefined, year: number): Promise<FilingReport[]>;
  /**
   * (read side) the indicators' inputs (store/indicator-sums.ts): per report only the values of `keys` (null: blank
   * or absent), and the sums per year computed in SQL as analysis/indicators.ts indicatorSums gives them
   */
  indicatorValues(filter: ReportFilter, span: YearSpan, keys: string[]): Promise<{ id: number; bodyId: number | null;
    label: string; year: number | null; version: TemplateVersion; values: (number | null)[] }[]>;
  indicatorYearSums(filter: ReportFilter, span: YearSpan): Promise<{ year: number; reports: number;
    sums: number[] }[]>;
  /** (read side) the same from the sums the write path keeps (migration 0007); null when they cannot tell */
  regionIndicatorSums(filter: ReportFilter, span: YearSpan): Promise<{ year: number; reports: number;
    sums: number[] }[] | null>;
  /**
   * (read side) per report its indicators' parts (analysis/indicators.ts indicatorParts) as the write path keeps
   * them (migration 0009), by report id; null when the filter asks more than a region and published-or-not
   */
  reportIndicatorParts(filter: ReportFilter, span: YearSpan): Promise<{ reportId: number; bodyId: number | null;
    label: string; year: number; parts: Float64Array }[] | null>;
  /** (read side) what a roll-up is planned on: per report its id, body, year, status and template, no cell */
  rollupMetas(filter: ReportFilter): Promise<RollupMeta[]>;
  /**
   * (read side) what a region's roll-up is planned on without a row per body or report: counts by template, the
   * bodies' names, the 口径 scopes (store/rollup-outline.ts); and the lines of a page of its contributors
   */
  rollupOutline(q: OutlineQuery): Promise<RollupOutline>;
  contributorRows(q: OutlineQuery, ids: number[]): Promise<ContributorRow[]>;
  /**
   * (read side) one page of a region's filing status without a row per body or report (store/filing-outline.ts):
   * its bodies' distinct (level, own due date) pairs; the summary and each kept body's sort keys; the page's lines
   */
  filingDuePairs(region: string | undefined): Promise<DuePair[]>;
  filingOutline(q: FilingOutlineQuery): Promise<FilingOutline | null>;
  filingLines(ids: number[], year: number): Promise<{ bodies: AnalysisBody[]; reports: FilingReport[] }>;
  /**
   * Runs `fn` with a store whose reads all see one snapshot of the database (a read-only REPEATABLE READ
   * transaction), so several reads describe the same reports. The store given is for reads only; do not close it.
   */
  snapshot<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /**
   * (read side) SQL sums of groups of reports (by id) over a template's keys, as analysis/rollup.ts `totalsOf`
   * gives them over models (store/rollup-sums.ts)
   */
  rollupTotals(version: TemplateVersion, groups: number[][]): Promise<RollupTotals[]>;
  /**
   * (read side) the same totals of a region's reports of a year and template from the sums the write path keeps
   * (store/region-sums.ts), less the reports the plan leaves out; null when they cannot tell (then rollupTotals)
   */
  regionTotals(q: RegionTotalsQuery): Promise<RollupTotals | null>;
  /**
   * (write side) runs a bulk load of single-report writes with the kept sums' upkeep off, then sums every report
   * once (store/region-sums.ts): for one process loading many reports, e.g. the demo province
   */
  withSumsDeferred<T>(write: () => Promise<T>): Promise<T>;
  /** (read side) reports (by id) holding only the cells a roll-up's drill-down into `keys` reads */
  drillReports(ids: number[], keys: string[]): Promise<Map<number, Pick<Report, 'cells'>>>;
  /** The drill-down's cells of a region's reports of a year and template, less those left out (with their bodies). */
  drillRegion(q: DrillScope, keys: string[]): Promise<{ id: number; bodyId: number; cells: Report['cells'] }[]>;

  /** empties every table (demo --reset) */
  resetAll(): Promise<void>;
}

export type { Role };
