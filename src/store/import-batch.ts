// The import's write path in batches: many files settled per transaction with a few multi-row statements, instead
// of one transaction and a dozen awaited statements per report. What a batch needs to read (which files are held
// already, which neighbouring years are stored) is one query each; the writes of a batch are one INSERT per table
// (source files, reports, versions, findings, audit) and one UPDATE of the job's items.
//
// "Each report is one transaction" keeps its meaning — a report is all-or-nothing, and a report that fails leaves
// the database as it was for that report — while a batch commits once:
// - the batch's new reports go in multi-row statements; should any statement fail (e.g. another process stored
//   the same file or the same body and year in between), the whole transaction is rolled back and the batch is
//   written again report by report, each inside its own SAVEPOINT, so that only the report that fails is rolled
//   back (its item recorded 'failed') and the others stand;
// - a report that is a new version of a stored one, or whose next year must be re-checked, is written inside its
//   own SAVEPOINT (saveImported) in the same transaction;
// - the job items' results are written in the same transaction as their reports, so an import killed at any point
//   resumes to the same database (an item is settled if and only if its report is stored).
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { ReportStatus } from '../model/api.js';
import type { Report } from '../model/report.js';
import { findings, reportVersions, reports } from './schema.js';
import { writeAudit, type AuditRecord } from './audit.js';
import { inTx, rows, type Ctx } from './context.js';
import { freshCounts, recheck, signature } from './findings.js';
import { modelColumns, saveImported } from './reports.js';
import { cellKeysOf } from './model-codec.js';
import { parseVals } from './analysis.js';
import type { Actor, ImportBatchEntry, ImportBatchResult, ImportNeighbour, IncomingReport } from './types.js';

type ReportEntry = Extract<ImportBatchEntry, { incoming: IncomingReport }>;

/** bytes of source files per INSERT statement (files can be large: a PDF of many MB) */
const SOURCE_BYTES_PER_STATEMENT = 16 * 1024 * 1024;
/** rows per multi-row statement (PostgreSQL binds at most 65,535 parameters per statement) */
const ROWS_PER_STATEMENT = 1000;

const message = (e: unknown): string => (e as Error)?.message ?? String(e);

/**
 * A bytea parameter. PGlite turns a binary parameter into text in JavaScript, slowly (measured: ~0.7 s for 100
 * files of 11 KB, against ~0.15 s as text): it gets base64 text, decoded by the server; pg sends Buffers as binary.
 */
function byteaParam(ctx: Ctx, bytes: Uint8Array): SQL {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return ctx.kind === 'pglite' ? sql`decode(${buf.toString('base64')}, 'base64')` : sql`${buf}`;
}

/** A new report of the batch did not go in as planned: the batch is written again report by report. */
class BatchConflict extends Error {}

/** The reports holding these source files (any version), in one query: hash → report id. */
export async function heldSources(ctx: Ctx, hashes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < hashes.length; i += ROWS_PER_STATEMENT) {
    const list = await ctx.db
      .select({ hash: reportVersions.sourceHash, id: sql<number>`min(${reportVersions.reportId})` })
      .from(reportVersions).where(inArray(reportVersions.sourceHash, hashes.slice(i, i + ROWS_PER_STATEMENT)))
      .groupBy(reportVersions.sourceHash);
    for (const r of list) if (r.hash) out.set(r.hash, Number(r.id));
  }
  return out;
}

/** The reports stored for these bodies and years, in one query; a previous year with the little checks read of it. */
export async function importNeighbours(ctx: Ctx, keys: { bodyId: number; year: number; previous: boolean }[]):
  Promise<ImportNeighbour[]> {
  if (keys.length === 0) return [];
  const want = sql.join(keys.map((k) => sql`(${k.bodyId}::int, ${k.year}::int, ${k.previous}::boolean)`), sql`, `);
  // the cross-year rules read a previous year's year, agency, template and its cells' values (a blank cell and a
  // missing one differ): the first three from the version's model (its plain fields), the values from reports.vals
  // (a printed blank NaN, a cell the report does not have NULL), so the cells are neither shipped nor unpacked
  const list = await rows<{ id: number; body_id: number; year: number; status: string; version: number;
    head: Pick<Report, 'year' | 'agency' | 'template'> | null; vals: string | null }>(ctx.db, sql`
    WITH want (body_id, year, previous) AS (VALUES ${want})
    SELECT r.id, r.body_id, r.year, r.status, r.version,
      CASE WHEN w.previous THEN jsonb_build_object('year', v.model -> 'year', 'agency', v.model -> 'agency',
        'template', v.model -> 'template') END AS head,
      CASE WHEN w.previous THEN r.vals::text END AS vals
    FROM want w JOIN reports r ON r.body_id = w.body_id AND r.year = w.year
    LEFT JOIN report_versions v ON w.previous AND v.report_id = r.id AND v.version = r.version`);
  const vals = list.map((r) => (r.head ? parseVals(r.vals) : []));
  const byIndex = await keysByIndex(ctx, Math.max(0, ...vals.map((v) => v.length)));
  return list.map((r, i) => ({ reportId: r.id, bodyId: r.body_id, year: r.year, status: r.status as ReportStatus,
    version: r.version, previous: r.head ? previousOf(r.head, vals[i], byIndex) : null }));
}

/** The stored cell keys by index (1-based, as reports.vals), reloaded when vals go beyond them. */
async function keysByIndex(ctx: Ctx, longest: number): Promise<string[]> {
  const build = (): string[] => {
    const out: string[] = [];
    for (const [k, i] of ctx.keys.all()) out[i] = k;
    return out;
  };
  let keys = build();
  if (longest > 0 && keys.length <= longest) {
    await ctx.keys.load(); // numbered by another process since
    keys = build();
  }
  return keys;
}

/** A previous year as checkReport reads it: year, agency, template, and each cell's value. */
function previousOf(head: Pick<Report, 'year' | 'agency' | 'template'>, vals: (number | null)[], keys: string[]):
  Report {
  const cells: Record<string, { value: number | null }> = {};
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v !== null) cells[keys[i + 1]] = { value: Number.isNaN(v) ? null : v };
  }
  return { ...head, cells } as unknown as Report;
}

const isReport = (e: ImportBatchEntry): e is ReportEntry => 'incoming' in e;

/** Is the incoming report a 待确认 one, and the status it is stored with. */
function statusOf(inc: IncomingReport): { pending: boolean; status: ReportStatus } {
  const pending = inc.status === 'pending' || inc.bodyId === null || inc.year === null;
  return { pending, status: pending ? 'pending' : inc.status };
}

/**
 * Stores a batch of an import in one transaction (see the header): results in entry order. The entries must not
 * share a source file, nor (for reports matched to a body) a body: the pipeline cuts its batches so.
 */
export async function writeImportBatch(ctx: Ctx, jobId: number, entries: ImportBatchEntry[], actor: Actor):
  Promise<ImportBatchResult[]> {
  // numbered outside the transaction: the key index is shared by the process and must not hold a rolled-back key;
  // only the keys it has not numbered yet are handed over (a batch holds ~20,000 keys, almost all known)
  const unknown = new Set<string>();
  for (const e of entries) {
    if (!isReport(e)) continue;
    for (const k of cellKeysOf(e.incoming.report)) if (ctx.keys.idx(k) === undefined) unknown.add(k);
  }
  await ctx.keys.ensure(unknown);
  const fast = entries.some((e) => isReport(e) && e.fast && e.incoming.source);
  try {
    return await inTx(ctx, (tx) => writeAll(tx, jobId, entries, actor, fast));
  } catch (e) {
    if (!fast) throw e;
    // one of the new reports could not go in with the others: each report on its own, rolled back alone
    return inTx(ctx, (tx) => writeAll(tx, jobId, entries, actor, false));
  }
}

async function writeAll(tx: Ctx, jobId: number, entries: ImportBatchEntry[], actor: Actor, fast: boolean):
  Promise<ImportBatchResult[]> {
  const results: ImportBatchResult[] = new Array(entries.length);
  const together = fast ? entries.flatMap((e, i) => (isReport(e) && e.fast && e.incoming.source ? [i] : [])) : [];
  const audit = together.length ? await insertNew(tx, together.map((i) => entries[i] as ReportEntry), results,
    together, actor) : [];
  const inserted = new Set(together);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!isReport(e)) results[i] = e.settled;
    else if (!inserted.has(i)) results[i] = await writeOne(tx, e, actor);
  }
  await writeAudit(tx, actor, audit);
  await settleItems(tx, jobId, entries, results);
  return results;
}

/** One report inside its own SAVEPOINT: on failure it alone is rolled back, and its item says why. */
async function writeOne(tx: Ctx, e: ReportEntry, actor: Actor): Promise<ImportBatchResult> {
  try {
    return await inTx(tx, async (sp) => {
      const saved = await saveImported(sp, e.incoming, actor);
      if (saved.outcome === 'imported') for (const r of e.rechecks) await recheck(sp, r.reportId, r.findings, actor);
      return { status: saved.outcome, reportId: saved.reportId, error: saved.outcome === 'pending' ? e.note : null };
    });
  } catch (err) {
    return { status: 'failed', reportId: null, error: message(err) };
  }
}

/** New reports (no report stored for their body and year) in multi-row statements; their audit records. */
async function insertNew(tx: Ctx, list: ReportEntry[], results: ImportBatchResult[], at: number[], actor: Actor):
  Promise<AuditRecord[]> {
  // source files: one that is already stored means another process got there first
  for (let i = 0; i < list.length;) {
    const chunk: SQL[] = [];
    for (let bytes = 0; i < list.length && (chunk.length === 0 || bytes < SOURCE_BYTES_PER_STATEMENT); i++) {
      const s = list[i].incoming.source!;
      bytes += s.bytes.length;
      chunk.push(sql`(${s.hash}, ${s.name}, ${s.format}, ${s.bytes.length}::int, ${byteaParam(tx, s.bytes)})`);
    }
    const got = await rows<{ hash: string }>(tx.db, sql`INSERT INTO source_files (hash, name, format, size, bytes)
      VALUES ${sql.join(chunk, sql`, `)} ON CONFLICT (hash) DO NOTHING RETURNING hash`);
    if (got.length !== chunk.length) throw new BatchConflict('a source file of the batch is stored already');
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += ROWS_PER_STATEMENT) {
    const got = await tx.db.insert(reports).values(list.slice(i, i + ROWS_PER_STATEMENT).map(({ incoming: inc }) => {
      const { pending, status } = statusOf(inc);
      return {
        ...modelColumns(tx, inc.report), ...(status === 'published'
          ? { publishedAt: inc.publishedAt ?? null, publishedUrl: inc.publishedUrl ?? null } : {}),
        ...freshCounts(inc.findings), bodyId: pending ? null : inc.bodyId, year: inc.year, status,
        sourceHash: inc.source!.hash,
        assignStatus: pending ? (inc.status === 'pending' ? 'published' : inc.status) : null,
      };
    })).returning({ id: reports.id, hash: reports.sourceHash });
    for (const r of got) ids.set(r.hash!, r.id);
  }
  const idOf = (e: ReportEntry): number => {
    const id = ids.get(e.incoming.source!.hash);
    if (id === undefined) throw new BatchConflict('a report of the batch was not inserted');
    return id;
  };
  // fewer versions per statement: each holds the whole model (~7 KB packed, model-codec.ts)
  for (let i = 0; i < list.length; i += 200) {
    await tx.db.insert(reportVersions).values(list.slice(i, i + 200).map((e) => ({
      reportId: idOf(e), version: 1, model: e.incoming.report, reason: e.incoming.reason,
      status: statusOf(e.incoming).status, sourceHash: e.incoming.source!.hash, createdBy: actor.username,
    })));
  }
  const found: (typeof findings.$inferInsert)[] = list.flatMap((e) => e.incoming.findings.map((f) => ({
    reportId: idOf(e), signature: signature(f), ruleId: f.ruleId, severity: f.severity, finding: f, firstVersion: 1,
    lastVersion: 1,
  })));
  for (let i = 0; i < found.length; i += ROWS_PER_STATEMENT)
    await tx.db.insert(findings).values(found.slice(i, i + ROWS_PER_STATEMENT));
  return list.map((e, k) => {
    const inc = e.incoming;
    const { pending, status } = statusOf(inc);
    const reportId = idOf(e);
    results[at[k]] = { status: pending ? 'pending' : 'imported', reportId, error: pending ? e.note : null };
    return { entity: 'report', entityId: reportId, action: 'import', before: null,
      after: { version: 1, status, source: inc.source!.hash, bodyId: inc.bodyId, year: inc.year }, reason: inc.reason };
  });
}

/** The job items' results, in one statement per thousand. */
async function settleItems(tx: Ctx, jobId: number, entries: ImportBatchEntry[], results: ImportBatchResult[]) {
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
    const values = sql.join(entries.slice(i, i + ROWS_PER_STATEMENT).map((e, k) => {
      const r = results[i + k];
      return sql`(${e.itemId}::int, ${r.status}::text, ${r.reportId}::int, ${r.error}::text, ${e.hash}::text)`;
    }), sql`, `);
    await tx.db.execute(sql`UPDATE import_items AS i SET status = v.status, report_id = v.report_id, error = v.error,
      hash = v.hash FROM (VALUES ${values}) AS v (id, status, report_id, error, hash)
      WHERE i.id = v.id AND i.job_id = ${jobId}`);
  }
}
