// The service's data shapes: what the HTTP API sends and receives, shared by the server (its TypeBox schemas
// must describe exactly these) and the web app. Node-free, like the rest of src/model. Analysis results live
// in analysis.ts beside this file.
import type { Cell, Finding, NarrativeFigure, Section, Severity } from './report.js';
import type { TemplateVersion } from './template.js';

// ---------------------------------------------------------------- people and access

export type Role = 'admin' | 'supervisor' | 'editor';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** editor: the body whose reports it writes; supervisor: the body it supervises from (optional) */
  bodyId: number | null;
  /** supervisor: the region whose subtree it reviews (GB/T 2260 code) */
  regionCode: string | null;
}

/** GET /api/session: the signed-in user (null for the public) and the CSRF token to send on writes. */
export interface SessionInfo {
  user: User | null;
  csrfToken: string;
}

// ---------------------------------------------------------------- regions and bodies

export type RegionLevel = 'province' | 'city' | 'county' | 'town';

export interface Region {
  /** GB/T 2260 code, 6 digits (towns: 9) */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface RegionNode extends Region {
  children: RegionNode[];
  /** bodies directly in this region */
  bodyCount: number;
}

export type BodyLevel =
  | 'province' // 省级人民政府
  | 'city' // 设区的市人民政府
  | 'county' // 县级人民政府
  | 'town' // 乡镇人民政府
  | 'street' // 街道办事处
  | 'department' // 政府部门
  | 'committee' // 管理委员会 (开发区等)
  | 'other';

export interface Body {
  id: number;
  name: string;
  aliases: string[];
  /** the engine's agencyKey of the name: one body, one identity */
  agencyKey: string;
  level: BodyLevel;
  regionCode: string;
  parentId: number | null;
  /**
   * the date (MM-DD) the report on year Y is due in year Y+1: the body's own date, else its level's in the filing
   * settings (GET /api/settings/filing), else the built-in default
   */
  dueDate: string;
  /** the body's own due date, or null when it follows its level's setting */
  ownDueDate: string | null;
  /** whether this body's government report includes its subordinates (口径) */
  scope: 'own' | 'including-subordinates';
}

/**
 * A body as written (POST /api/bodies, the store's upsert): `dueDate` is the body's own due date (MM-DD); absent,
 * null or '' when it follows its level's setting.
 */
export type BodyInput = Omit<Body, 'id' | 'agencyKey' | 'dueDate' | 'ownDueDate'> & { dueDate?: string | null };

// ---------------------------------------------------------------- reports

/** 待确认 pending → 草稿 draft → 已报送 submitted → 退回 returned → … → 已通过 accepted → 已发布 published */
export type ReportStatus = 'pending' | 'draft' | 'submitted' | 'returned' | 'accepted' | 'published';

export type FindingDecision = 'open' | 'confirmed' | 'dismissed' | 'closed';

/** A finding as stored: the engine's finding plus the reviewer's decision, which survives re-checks. */
export interface StoredFinding extends Finding {
  id: number;
  status: FindingDecision;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** A row of GET /api/reports. */
export interface ReportSummary {
  id: number;
  bodyId: number | null;
  bodyName: string | null;
  bodyLevel: BodyLevel | null;
  regionCode: string | null;
  year: number | null;
  template: TemplateVersion | null;
  status: ReportStatus;
  version: number;
  title: string | null;
  /** the agency as the engine read it */
  agency: string | null;
  counts: FindingCounts;
  /** flagged by 雷同 screening */
  similar: boolean;
  submittedAt: string | null;
  acceptedAt: string | null;
  publishedAt: string | null;
  /** last returned (退回), and filed again after that return (YYYY-MM-DD; the store fills them) */
  returnedAt?: string | null;
  resubmittedAt?: string | null;
  updatedAt: string;
}

export interface SourceFileInfo {
  hash: string;
  name: string;
  size: number;
  format: string;
}

/** GET /api/reports/:id: the current version in full. `cells` is keyed as in the parse record. */
export interface ReportDetail extends ReportSummary {
  format: string;
  encoding: string;
  truncated: boolean;
  publishedUrl: string | null;
  returnNote: string | null;
  /** where the year and the agency came from (engine), and the agency candidates when uncertain */
  yearFrom: string | null;
  agencyFrom: string | null;
  agencyCandidates: string[];
  tables: Record<'active' | 'applications' | 'review', boolean>;
  cells: Record<string, Cell>;
  sections: Section[];
  narrative: NarrativeFigure[];
  findings: StoredFinding[];
  source: SourceFileInfo | null;
  /** the decoded source text, split into lines, for showing where a cell was read (null for PDF) */
  sourceLines?: string[] | null;
  /** the workflow actions the requesting user may take now */
  actions: WorkflowAction[];
}

export type WorkflowAction = 'edit' | 'submit' | 'return' | 'accept' | 'publish' | 'assign';

export interface ReportVersionInfo {
  version: number;
  createdAt: string;
  createdBy: string | null;
  /** why this version exists: import, correction, re-check, submit… */
  reason: string;
  status: ReportStatus;
}

export interface CellChange {
  key: string;
  from: number | null | undefined;
  to: number | null | undefined;
}

/** GET /api/reports/:id/diff?from=&to= */
export interface VersionDiff {
  from: number;
  to: number;
  cells: CellChange[];
  sections: { key: string; from: string; to: string }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  username: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

// ---------------------------------------------------------------- writes

export interface CellCorrection {
  key: string;
  value: number | null;
  reason: string;
}

/** POST /api/reports: a body's editor starts its report for a year from the template. */
export interface NewReportRequest {
  bodyId: number;
  year: number;
  template: TemplateVersion;
}

/** PUT /api/reports/:id/content: the authoring form saves the whole draft. */
export interface DraftContent {
  sections: { key: string; text: string }[];
  cells: Record<string, number | null>;
}

export interface ReturnRequest {
  note: string;
  findingIds: number[];
}

export interface PublishRequest {
  url: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface DecisionRequest {
  decision: 'confirmed' | 'dismissed';
  reason: string;
}

export interface AssignRequest {
  bodyId: number;
  year: number;
}

// ---------------------------------------------------------------- imports

export type ImportItemStatus = 'queued' | 'imported' | 'unchanged' | 'failed' | 'pending';

export interface ImportItem {
  id: number;
  name: string;
  hash: string | null;
  status: ImportItemStatus;
  reportId: number | null;
  error: string | null;
}

export interface ImportJob {
  id: number;
  createdAt: string;
  createdBy: string | null;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  counts: Record<ImportItemStatus, number>;
  items: ImportItem[];
}

/** The last line of `gongkai import --json`. */
export interface ImportTotals {
  imported: number;
  unchanged: number;
  failed: number;
  pending: number;
}

// ---------------------------------------------------------------- lists and tasks

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Task {
  kind: 'review' | 'fix-returned' | 'draft' | 'due-soon' | 'overdue' | 'assign';
  reportId: number | null;
  bodyId: number | null;
  title: string;
  /** YYYY-MM-DD, for due dates */
  due: string | null;
  note: string | null;
}

/** GET /api/errors are never bodies: every error is `{ error: { code, message } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

export type { Severity };
