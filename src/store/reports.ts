// Reports: one row per body and year (or per 待确认 file), the current version's summary and cell values beside
// it; every content change writes a new version (versions.ts) and re-applies the findings (findings.ts), all in
// one transaction per report.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type {
  BodyLevel, CellCorrection, DraftContent, Page, ReportDetail, ReportStatus, ReportSummary,
} from '../model/api.js';
import type { TemplateVersion } from '../model/template.js';
import type { Finding, Report } from '../model/report.js';
import { bodies, reportVersions, reports, sourceFiles } from './schema.js';
import { writeAudit } from './audit.js';
import { day, inTx, iso, type Ctx } from './context.js';
import { applyFindings, freshCounts, listFindings } from './findings.js';
import { subtreePattern } from './regions.js';
import { StoreError, type Actor, type IncomingReport, type ReportFilter, type ReportHead } from './types.js';
import { insertVersion, versionModel } from './versions.js';
import { modelCache, versionKey } from './model-cache.js';
import { cellKeysOf, headOf, isPacked, type StoredModel } from './model-codec.js';
import { aliased, jsonPage } from './json-rows.js';

/** joins a report to its current version */
const currentVersion = and(
  eq(reportVersions.reportId, reports.id), eq(reportVersions.version, reports.version));

export const summaryColumns = {
  id: reports.id, bodyId: reports.bodyId, bodyName: bodies.name, bodyLevel: bodies.level,
  regionCode: bodies.regionCode, year: reports.year, template: reports.template, status: reports.status,
  version: reports.version, title: reports.title, agency: reports.agency, errors: reports.errors,
  warnings: reports.warnings, infos: reports.infos, similar: reports.similar, submittedAt: reports.submittedAt,
  returnedAt: reports.returnedAt, resubmittedAt: reports.resubmittedAt, acceptedAt: reports.acceptedAt,
  publishedAt: reports.publishedAt, updatedAt: reports.updatedAt,
};

interface SummaryRow {
  id: number; bodyId: number | null; bodyName: string | null; bodyLevel: string | null; regionCode: string | null;
  year: number | null; template: string | null; status: string; version: number; title: string | null;
  agency: string | null; errors: number; warnings: number; infos: number; similar: boolean;
  submittedAt: string | null; returnedAt: string | null; resubmittedAt: string | null; acceptedAt: string | null;
  publishedAt: string | null; updatedAt: Date | string;
}

export function toSummary(r: SummaryRow): ReportSummary {
  return {
    id: r.id, bodyId: r.bodyId, bodyName: r.bodyName, bodyLevel: r.bodyLevel as BodyLevel | null,
    regionCode: r.regionCode, year: r.year, template: r.template as TemplateVersion | null,
    status: r.status as ReportStatus, version: r.version, title: r.title, agency: r.agency,
    counts: { error: r.errors, warning: r.warnings, info: r.infos }, similar: r.similar,
    submittedAt: day(r.submittedAt), acceptedAt: day(r.acceptedAt), publishedAt: day(r.publishedAt),
    returnedAt: day(r.returnedAt), resubmittedAt: day(r.resubmittedAt), updatedAt: iso(r.updatedAt)!,
  };
}

/** The body subtree under a parent body (itself included), for ReportFilter.parentBodyId. */
const bodySubtree = (id: number): SQL => sql`(WITH RECURSIVE t AS (SELECT id FROM bodies WHERE id = ${id}
  UNION ALL SELECT b.id FROM bodies b JOIN t ON b.parent_id = t.id) SELECT id FROM t)`;

export function reportWhere(f: ReportFilter): SQL | undefined {
  const w: SQL[] = [];
  if (f.year !== undefined) w.push(eq(reports.year, f.year));
  if (f.region) w.push(sql`${bodies.regionCode} LIKE ${subtreePattern(f.region)}`);
  if (f.bodyId !== undefined) w.push(eq(reports.bodyId, f.bodyId));
  if (f.parentBodyId !== undefined) w.push(sql`${reports.bodyId} IN ${bodySubtree(f.parentBodyId)}`);
  if (f.status) w.push(eq(reports.status, f.status));
  if (f.level) w.push(eq(bodies.level, f.level));
  if (f.template) w.push(eq(reports.template, f.template));
  if (f.hasErrors !== undefined) w.push(f.hasErrors ? sql`${reports.errors} > 0` : sql`${reports.errors} = 0`);
  if (f.similar !== undefined) w.push(eq(reports.similar, f.similar));
  if (f.publishedOnly) w.push(eq(reports.status, 'published'));
  if (f.publishedOr) {
    const own: SQL[] = [];
    if (f.publishedOr.bodyId !== undefined) own.push(eq(reports.bodyId, f.publishedOr.bodyId));
    if (f.publishedOr.region) own.push(sql`${bodies.regionCode} LIKE ${subtreePattern(f.publishedOr.region)}`);
    const parent = f.publishedOr.parentBodyId;
    if (parent !== undefined) own.push(sql`${reports.bodyId} IN ${bodySubtree(parent)}`);
    w.push(sql`(${reports.status} = 'published'${own.length ? sql` OR ${sql.join(own, sql` OR `)}` : sql``})`);
  }
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    w.push(sql`(${reports.title} ILIKE ${like} OR ${reports.agency} ILIKE ${like} OR ${bodies.name} ILIKE ${like})`);
  }
  return w.length ? and(...w) : undefined;
}

function reportOrder(f: ReportFilter): SQL[] {
  const dir = (c: SQL | typeof reports.id) => (f.order === 'asc' ? asc(c) : desc(c));
  const by: Record<NonNullable<ReportFilter['sort']>, SQL[]> = {
    updated: [dir(sql`${reports.updatedAt}`)],
    year: [dir(sql`${reports.year}`), asc(bodies.name)],
    body: [f.order === 'desc' ? desc(bodies.name) : asc(bodies.name), desc(reports.year)],
    errors: [dir(sql`${reports.errors}`)],
    status: [dir(sql`${reports.status}`)],
  };
  return [...by[f.sort ?? 'updated'], desc(reports.id)];
}

export async function listReports(ctx: Ctx, f: ReportFilter): Promise<Page<ReportSummary>> {
  const cond = reportWhere(f);
  const page = ctx.db.select(aliased(summaryColumns)).from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .where(cond).orderBy(...reportOrder(f)).limit(Math.min(f.limit ?? 50, 100_000)).offset(f.offset ?? 0);
  const count = ctx.db.select({ n: sql<number>`count(*)::int` }).from(reports)
    .leftJoin(bodies, eq(bodies.id, reports.bodyId)).where(cond);
  // the page and the total in one statement, the page as one JSON value (json-rows.ts)
  const { items, total } = await jsonPage<SummaryRow>(ctx, page, count);
  return { items: items.map(toSummary), total };
}

export async function getSummary(ctx: Ctx, id: number): Promise<ReportSummary | null> {
  const [r] = await ctx.db.select(summaryColumns).from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .where(eq(reports.id, id));
  return r ? toSummary(r) : null;
}

export async function findReport(ctx: Ctx, bodyId: number, year: number): Promise<ReportSummary | null> {
  const [r] = await ctx.db.select(summaryColumns).from(reports).leftJoin(bodies, eq(bodies.id, reports.bodyId))
    .where(and(eq(reports.bodyId, bodyId), eq(reports.year, year)));
  return r ? toSummary(r) : null;
}

export async function getReportModel(ctx: Ctx, id: number, version?: number): Promise<Report | null> {
  if (version !== undefined) return versionModel(ctx, id, version);
  const [r] = await ctx.db.select({ model: reportVersions.model }).from(reports)
    .innerJoin(reportVersions, currentVersion)
    .where(eq(reports.id, id));
  return r ? (r.model as Report) : null;
}

/** what a report's detail answers beside its summary, read with it */
const detailColumns = {
  ...summaryColumns, publishedUrl: reports.publishedUrl, returnNote: reports.returnNote, yearFrom: reports.yearFrom,
  agencyFrom: reports.agencyFrom, candidates: reports.agencyCandidates, versionCreated: reportVersions.createdAt,
  hash: sourceFiles.hash, name: sourceFiles.name, size: sourceFiles.size, format: sourceFiles.format,
};

/** A report's detail but what its current version's model gives, and that version (its number and cache key). */
export async function getReportHead(ctx: Ctx, id: number): Promise<ReportHead | null> {
  // the summary and the source file's description in one query, the findings beside it
  const [[row], findingList] = await Promise.all([
    ctx.db.select(detailColumns).from(reports)
      .leftJoin(bodies, eq(bodies.id, reports.bodyId))
      .innerJoin(reportVersions, currentVersion)
      .leftJoin(sourceFiles, eq(sourceFiles.hash, reportVersions.sourceHash))
      .where(eq(reports.id, id)),
    listFindings(ctx, id),
  ]);
  if (!row) return null;
  return {
    detail: {
      ...toSummary(row), publishedUrl: row.publishedUrl, returnNote: row.returnNote, yearFrom: row.yearFrom,
      agencyFrom: row.agencyFrom, agencyCandidates: row.candidates, findings: findingList,
      source: row.hash ? { hash: row.hash, name: row.name!, size: row.size!, format: row.format! } : null,
      sourceLines: null, actions: [],
    },
    version: row.version, versionKey: versionKey(id, row.version, row.versionCreated),
  };
}

export async function getReport(ctx: Ctx, id: number): Promise<ReportDetail | null> {
  const head = await getReportHead(ctx, id);
  if (!head) return null;
  // the model (60 KB of JSON) from the process's cache of stored versions when it holds this one (model-cache.ts),
  // else read
  const cache = modelCache(ctx.db);
  let m = cache.get(head.versionKey);
  if (!m) {
    const read = await versionModel(ctx, id, head.version);
    if (!read) return null; // the version went in between (a reset): as if the report were not there
    cache.set(head.versionKey, (m = read));
  }
  const { publishedUrl, returnNote, yearFrom, agencyFrom, agencyCandidates, findings, source, sourceLines, actions,
    ...summary } = head.detail;
  // the detail's fields in the order the API has always answered them
  return {
    ...summary, format: m.format, encoding: m.encoding, truncated: m.truncated, publishedUrl, returnNote, yearFrom,
    agencyFrom, agencyCandidates, tables: m.tables, cells: m.cells, sections: m.sections, narrative: m.narrative,
    findings, source, sourceLines, actions,
  };
}

export async function sourceFile(ctx: Ctx, id: number):
  Promise<{ name: string; format: string; bytes: Uint8Array } | null> {
  const [r] = await ctx.db.select({ name: sourceFiles.name, format: sourceFiles.format, bytes: sourceFiles.bytes })
    .from(reports)
    .innerJoin(reportVersions, currentVersion)
    .innerJoin(sourceFiles, eq(sourceFiles.hash, reportVersions.sourceHash)).where(eq(reports.id, id));
  return r ? { name: r.name, format: r.format, bytes: new Uint8Array(r.bytes) } : null;
}

/** The report that holds a source file (any version), by the file's sha256. */
export async function hasSource(ctx: Ctx, hash: string): Promise<number | null> {
  const [r] = await ctx.db.select({ id: reportVersions.reportId }).from(reportVersions)
    .where(eq(reportVersions.sourceHash, hash)).limit(1);
  return r ? r.id : null;
}

/** The columns of a report row that follow from its current model (packed or not: nothing is unpacked). */
export function modelColumns(ctx: Ctx, m: StoredModel) {
  const h = headOf(m);
  return {
    template: h.template, title: h.title, agency: h.agency, vals: valsOf(ctx, m),
    yearFrom: h.yearFrom ?? null, agencyFrom: h.agencyFrom ?? null, agencyCandidates: h.agencyCandidates ?? [],
  };
}

/** reports.vals of a model (CellKeyIndex.vector); a packed model's from the keys and values it carries. */
function valsOf(ctx: Ctx, m: StoredModel): (number | null)[] {
  if (!isPacked(m)) return ctx.keys.vector(m.cells);
  let max = 0;
  const at = m.keys.map((k) => {
    const i = ctx.keys.idx(k) ?? 0;
    if (i > max) max = i;
    return i;
  });
  const out: (number | null)[] = new Array(max).fill(null);
  for (let n = 0; n < at.length; n++) if (at[n] > 0) out[at[n] - 1] = m.values[n] ?? NaN;
  return out;
}

/** Stores an imported report: a new report, or a new version of the body's report for that year. */
export async function saveImported(ctx: Ctx, inc: IncomingReport, actor: Actor): Promise<{ reportId: number;
  outcome: 'imported' | 'unchanged' | 'pending' }> {
  if (inc.source) {
    const held = await hasSource(ctx, inc.source.hash);
    if (held !== null) return { reportId: held, outcome: 'unchanged' };
  }
  await ctx.keys.ensure(cellKeysOf(inc.report));
  const pending = inc.status === 'pending' || inc.bodyId === null || inc.year === null;
  const status: ReportStatus = pending ? 'pending' : inc.status;
  return inTx(ctx, async (tx) => {
    const hash = inc.source?.hash ?? null;
    if (inc.source) {
      await tx.db.insert(sourceFiles).values({
        hash: inc.source.hash, name: inc.source.name, format: inc.source.format, size: inc.source.bytes.length,
        bytes: Buffer.from(inc.source.bytes.buffer, inc.source.bytes.byteOffset, inc.source.bytes.byteLength),
      }).onConflictDoNothing();
    }
    const existing = pending ? undefined : (await tx.db.select({ id: reports.id, version: reports.version,
      status: reports.status }).from(reports)
      .where(and(eq(reports.bodyId, inc.bodyId!), eq(reports.year, inc.year!))))[0];
    const dates = status === 'published'
      ? { publishedAt: inc.publishedAt ?? null, publishedUrl: inc.publishedUrl ?? null } : {};
    let reportId: number;
    let version = 1;
    if (existing) {
      reportId = existing.id;
      version = existing.version + 1;
      await tx.db.update(reports).set({ ...modelColumns(tx, inc.report), ...dates, status, version, sourceHash: hash,
        updatedAt: new Date() }).where(eq(reports.id, reportId));
    } else {
      const [row] = await tx.db.insert(reports).values({
        ...modelColumns(tx, inc.report), ...dates, ...freshCounts(inc.findings), bodyId: pending ? null : inc.bodyId,
        year: inc.year, status,
        sourceHash: hash, assignStatus: pending ? (inc.status === 'pending' ? 'published' : inc.status) : null,
      }).returning({ id: reports.id });
      reportId = row.id;
    }
    await insertVersion(tx, { reportId, version, model: inc.report, reason: inc.reason, status, sourceHash: hash },
      actor);
    await applyFindings(tx, reportId, version, inc.findings, { fresh: !existing });
    await writeAudit(tx, actor, [{
      entity: 'report', entityId: reportId, action: existing ? 'new-version' : 'import',
      before: existing ? { version: existing.version, status: existing.status } : null,
      after: { version, status, source: hash, bodyId: inc.bodyId, year: inc.year }, reason: inc.reason,
    }]);
    return { reportId, outcome: pending ? 'pending' as const : 'imported' as const };
  });
}

/** A blank draft of the body's report for the year, from the template (no cells, no sections yet). */
export function blankModel(agency: string, year: number, template: TemplateVersion): Report {
  return {
    file: '', format: 'form', encoding: 'utf-8', title: `${agency}${year}年政府信息公开工作年度报告`, agency, year, template,
    layoutEvidence: [], sections: [], tables: { active: false, applications: false, review: false }, cells: {},
    narrative: [], diagnostics: [], truncated: false,
  };
}

export async function createDraft(ctx: Ctx, bodyId: number, year: number, template: TemplateVersion,
  actor: Actor): Promise<number> {
  return inTx(ctx, async (tx) => {
    const [body] = await tx.db.select({ name: bodies.name }).from(bodies).where(eq(bodies.id, bodyId));
    if (!body) throw new StoreError('not-found', `body ${bodyId}`);
    const [held] = await tx.db.select({ id: reports.id }).from(reports)
      .where(and(eq(reports.bodyId, bodyId), eq(reports.year, year)));
    if (held) throw new StoreError('conflict', `body ${bodyId} already has a report for ${year} (report ${held.id})`);
    const model = blankModel(body.name, year, template);
    const [row] = await tx.db.insert(reports).values({ ...modelColumns(tx, model), bodyId, year, status: 'draft' })
      .returning({ id: reports.id });
    await insertVersion(tx, { reportId: row.id, version: 1, model, reason: 'draft', status: 'draft', sourceHash: null },
      actor);
    await writeAudit(tx, actor, [{ entity: 'report', entityId: row.id, action: 'create-draft',
      after: { bodyId, year, template } }]);
    return row.id;
  });
}

/** A new version with the given model (already checked by the caller), findings re-applied, audited. */
async function newVersion(ctx: Ctx, id: number, model: Report, found: Finding[], reason: string, actor: Actor,
  audit: { action: string; before: unknown; after: unknown; reason?: string | null }[]): Promise<void> {
  await ctx.keys.ensure(Object.keys(model.cells));
  await inTx(ctx, async (tx) => {
    const [cur] = await tx.db.select({ version: reports.version, status: reports.status, hash: reports.sourceHash })
      .from(reports).where(eq(reports.id, id));
    if (!cur) throw new StoreError('not-found', `report ${id}`);
    const version = cur.version + 1;
    await tx.db.update(reports).set({ ...modelColumns(tx, model), version, updatedAt: new Date() })
      .where(eq(reports.id, id));
    await insertVersion(tx, { reportId: id, version, model, reason, status: cur.status as ReportStatus,
      sourceHash: cur.hash }, actor);
    await applyFindings(tx, id, version, found);
    await writeAudit(tx, actor, audit.map((a) => ({ entity: 'report', entityId: id, ...a })));
  });
}

export async function saveDraft(ctx: Ctx, id: number, content: DraftContent, model: Report, found: Finding[],
  actor: Actor): Promise<void> {
  const before = await getReportModel(ctx, id);
  if (!before) throw new StoreError('not-found', `report ${id}`);
  const changed = Object.entries(content.cells).filter(([k, v]) => before.cells[k]?.value !== v)
    .map(([k, v]) => ({ key: k, from: before.cells[k]?.value ?? null, to: v }));
  await newVersion(ctx, id, model, found, 'edit', actor, [{ action: 'save-draft',
    before: { cells: Object.fromEntries(changed.map((c) => [c.key, c.from])) },
    after: { cells: Object.fromEntries(changed.map((c) => [c.key, c.to])),
      sections: content.sections.map((s) => s.key) } }]);
}

export async function correctCells(ctx: Ctx, id: number, changes: CellCorrection[], model: Report, found: Finding[],
  actor: Actor): Promise<void> {
  const before = await getReportModel(ctx, id);
  if (!before) throw new StoreError('not-found', `report ${id}`);
  await newVersion(ctx, id, model, found, 'correction', actor, changes.map((c) => ({
    action: 'correct-cell', before: { key: c.key, value: before.cells[c.key]?.value ?? null },
    after: { key: c.key, value: c.value }, reason: c.reason,
  })));
}

/** The date columns a workflow step sets. */
function stepDates(status: ReportStatus, at: string, was: { submittedAt: string | null; returnedAt: string | null }) {
  switch (status) {
    case 'submitted':
      return was.submittedAt && was.returnedAt ? { resubmittedAt: at } : { submittedAt: was.submittedAt ?? at };
    // (server) a new return starts a new wait: the filing again after an earlier return no longer answers it
    case 'returned': return { returnedAt: at, resubmittedAt: null };
    case 'accepted': return { acceptedAt: at };
    case 'published': return { publishedAt: at };
    default: return {};
  }
}

export async function setStatus(ctx: Ctx, id: number, status: ReportStatus, patch: { note?: string | null;
  publishedUrl?: string | null; publishedAt?: string | null; at?: string | null; findingIds?: number[] },
  actor: Actor): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [cur] = await tx.db.select({ status: reports.status, version: reports.version,
      submittedAt: reports.submittedAt, returnedAt: reports.returnedAt, returnNote: reports.returnNote,
      publishedUrl: reports.publishedUrl })
      .from(reports).where(eq(reports.id, id));
    if (!cur) throw new StoreError('not-found', `report ${id}`);
    const at = patch.at ?? patch.publishedAt ?? new Date().toISOString().slice(0, 10);
    const set = {
      status, updatedAt: new Date(),
      ...stepDates(status, at, { submittedAt: day(cur.submittedAt), returnedAt: day(cur.returnedAt) }),
      ...(patch.note !== undefined ? { returnNote: patch.note } : {}),
      ...(patch.publishedUrl !== undefined ? { publishedUrl: patch.publishedUrl } : {}),
    };
    await tx.db.update(reports).set(set).where(eq(reports.id, id));
    await tx.db.update(reportVersions).set({ status })
      .where(and(eq(reportVersions.reportId, id), eq(reportVersions.version, cur.version)));
    await writeAudit(tx, actor, [{ entity: 'report', entityId: id, action: `status:${status}`,
      before: { status: cur.status, note: cur.returnNote, publishedUrl: cur.publishedUrl },
      after: { status, note: patch.note ?? null, publishedUrl: patch.publishedUrl ?? null, at,
        ...(patch.findingIds ? { findingIds: patch.findingIds } : {}) }, reason: patch.note ?? null }]);
  });
}

/** A 待确认 report given its body and year by a person; it takes the status it would have had. */
export async function assign(ctx: Ctx, id: number, bodyId: number, year: number, actor: Actor): Promise<void> {
  await inTx(ctx, async (tx) => {
    const [cur] = await tx.db.select({ status: reports.status, bodyId: reports.bodyId, year: reports.year,
      assignStatus: reports.assignStatus }).from(reports).where(eq(reports.id, id));
    if (!cur) throw new StoreError('not-found', `report ${id}`);
    const [held] = await tx.db.select({ id: reports.id }).from(reports)
      .where(and(eq(reports.bodyId, bodyId), eq(reports.year, year)));
    if (held && held.id !== id)
      throw new StoreError('conflict', `body ${bodyId} already has a report for ${year} (report ${held.id})`);
    const status = (cur.status === 'pending' ? cur.assignStatus ?? 'submitted' : cur.status) as ReportStatus;
    await tx.db.update(reports).set({ bodyId, year, status, assignStatus: null, updatedAt: new Date() })
      .where(eq(reports.id, id));
    await writeAudit(tx, actor, [{ entity: 'report', entityId: id, action: 'assign',
      before: { bodyId: cur.bodyId, year: cur.year, status: cur.status }, after: { bodyId, year, status } }]);
  });
}

/** Marks reports as flagged (or not) by 雷同 screening. */
export async function setSimilar(ctx: Ctx, ids: number[], similar: boolean): Promise<void> {
  if (ids.length === 0) return;
  await ctx.db.update(reports).set({ similar })
    .where(sql`${reports.id} IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}
