// The store's contract: what the server, the importer, the CLI and the demo loader may ask of the database.
// Implemented once over drizzle (PGlite embedded, or PostgreSQL when DATABASE_URL is set) and tested by one
// contract suite against both. Methods that write take the acting user (for the audit trail) and run as one
// transaction each. Query families live one per file beside this one.
import type {
  AuditEntry, Body, CellCorrection, DecisionRequest, DraftContent, ImportItem, ImportItemStatus, ImportJob, Page,
  Region, ReportDetail, ReportStatus, ReportSummary, ReportVersionInfo, Role, StoredFinding, Task, User,
  VersionDiff,
} from '../model/api.js';
import type { Finding, Report } from '../model/report.js';
import type { ScoringRule } from '../model/analysis.js';

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
  sort?: 'updated' | 'year' | 'body' | 'errors' | 'status';
  order?: 'asc' | 'desc';
}

/** A parsed and checked report ready to be stored, with where it came from. */
export interface IncomingReport {
  report: Report;
  findings: Finding[];
  source: { hash: string; name: string; bytes: Uint8Array; format: string } | null;
  bodyId: number | null;
  year: number | null;
  status: ReportStatus;
  publishedAt?: string | null;
  publishedUrl?: string | null;
  reason: string;
}

export interface Store {
  /** 'pglite' or 'postgres' */
  readonly kind: string;
  close(): Promise<void>;

  // regions and bodies (regions.ts, bodies.ts)
  listRegions(parentCode?: string | null): Promise<Region[]>;
  regionSubtree(code: string): Promise<string[]>;
  listBodies(filter: { region?: string; parentId?: number; level?: string; q?: string; limit?: number;
    offset?: number }): Promise<Page<Body>>;
  getBody(id: number): Promise<Body | null>;
  /** the body whose agencyKey (or an alias's) matches, within the region when given */
  findBodyByName(name: string, regionCode?: string | null): Promise<Body | null>;
  upsertBodies(bodies: Omit<Body, 'id' | 'agencyKey'>[], actor: Actor): Promise<Body[]>;
  updateBody(id: number, patch: Partial<Omit<Body, 'id' | 'agencyKey'>>, actor: Actor): Promise<Body>;

  // reports (reports.ts, versions.ts)
  listReports(filter: ReportFilter): Promise<Page<ReportSummary>>;
  getReport(id: number): Promise<ReportDetail | null>;
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
  setStatus(id: number, status: ReportStatus, patch: { note?: string | null; publishedUrl?: string | null;
    publishedAt?: string | null }, actor: Actor): Promise<void>;
  assign(id: number, bodyId: number, year: number, actor: Actor): Promise<void>;
  sourceFile(id: number): Promise<{ name: string; format: string; bytes: Uint8Array } | null>;

  // findings (findings.ts)
  /** replaces the open findings of the current version; decisions survive when rule, cells and values match;
   * a finding no longer found is closed */
  recheck(id: number, findings: Finding[], actor: Actor): Promise<StoredFinding[]>;
  decide(findingId: number, decision: DecisionRequest, actor: Actor): Promise<StoredFinding>;
  getFinding(findingId: number): Promise<(StoredFinding & { reportId: number }) | null>;

  // imports (imports.ts)
  createImportJob(names: string[], actor: Actor): Promise<ImportJob>;
  updateImportItem(jobId: number, itemId: number, patch: { status: ImportItemStatus; hash?: string | null;
    reportId?: number | null; error?: string | null }): Promise<void>;
  finishImportJob(jobId: number, status: 'done' | 'failed'): Promise<void>;
  getImportJob(jobId: number): Promise<ImportJob | null>;
  listImportJobs(limit: number, offset: number): Promise<Page<ImportJob>>;
  /** an unfinished job's items that are still queued (kill-and-resume) */
  unfinishedItems(jobId: number): Promise<ImportItem[]>;
  hasSource(hash: string): Promise<number | null>;

  // users and sessions (users.ts, sessions.ts)
  createUser(u: Omit<User, 'id'> & { password: string }, actor: Actor): Promise<User>;
  updateUser(id: number, patch: Partial<Omit<User, 'id'>> & { password?: string }, actor: Actor): Promise<User>;
  listUsers(): Promise<User[]>;
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

  // tasks (tasks.ts)
  tasksFor(user: User, today: string): Promise<Task[]>;

  // analysis inputs (analysis.ts): the current versions of many reports at once, for pure analysis functions
  reportModels(filter: ReportFilter): Promise<{ summary: ReportSummary; report: Report }[]>;

  /** empties every table (demo --reset) */
  resetAll(): Promise<void>;
}

export type { Role };
