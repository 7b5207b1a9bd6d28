// The import's write path in batches: many files settled per transaction with a few multi-row statements, instead
// of one transaction and a dozen awaited statements per report. What a batch needs to read (which files are held
// already, which neighbouring years are stored) is one query each; the writes of a batch are one INSERT per table
// (source files, reports, versions, findings, audit) and one UPDATE of the job's items, sent as text and
// parameters without drizzle building them (raw-sql.ts says why).
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
import type { ReportStatus } from '../model/api.js';
import type { Report } from '../model/report.js';
import { writeAudit, type AuditRecord } from './audit.js';
import { inTx, type Ctx } from './context.js';
import { freshCounts, recheck, signature } from './findings.js';
import { modelColumns, saveImported } from './reports.js';
import { cellKeysOf, encodeModel } from './model-codec.js';
import { parseVals } from './analysis.js';
import { execRaw, float8Array, jsonb, Params } from './raw-sql.js';
import type { Actor, ImportBatchEntry, ImportBatchResult, ImportNeighbour, IncomingReport } from './types.js';

type ReportEntry = Extract<ImportBatchEntry, { incoming: IncomingReport }>;

/** bytes of source files per INSERT statement (files can be large: a PDF of many MB) */
const SOURCE_BYTES_PER_STATEMENT = 16 * 1024 * 1024;
/** rows per multi-row statement (PostgreSQL binds at most 65,535 parameters per statement) */
const ROWS_PER_STATEMENT = 1000;

const message = (e: unknown): string => (e as Error)?.message ?? String(e);

/** A bytea parameter's placeholder: the bytes as they are (both drivers send them in binary format, open.ts). */
function byteaParam(p: Params, bytes: Uint8Array): string {
  return p.add(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** A new report of the batch did not go in as planned: the batch is written again report by report. */
class BatchConflict extends Error {}

/** The reports holding these source files (any version), in one query: hash → report id. */
export async function heldSources(ctx: Ctx, hashes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < hashes.length; i += ROWS_PER_STATEMENT) {
    const p = new Params();
    const list = hashes.slice(i, i + ROWS_PER_STATEMENT).map((h) => p.add(h)).join(', ');
    const got = await execRaw<{ hash: string | null; id: number }>(ctx.db, `SELECT source_hash AS hash,
      min(report_id) AS id FROM report_versions WHERE source_hash IN (${list}) GROUP BY source_hash`, p.list);
    for (const r of got) if (r.hash) out.set(r.hash, Number(r.id));
  }
  return out;
}

/** The reports stored for these bodies and years, in one query; a previous year with the little checks read of it. */
export async function importNeighbours(ctx: Ctx, keys: { bodyId: number; year: number; previous: boolean }[]):
  Promise<ImportNeighbour[]> {
  if (keys.length === 0) return [];
  const p = new Params();
  const want = keys.map((k) => `(${p.add(k.bodyId)}::int, ${p.add(k.year)}::int, ${p.add(k.previous)}::boolean)`)
    .join(', ');
  // the cross-year rules read a previous year's year, agency, template and its cells' values (a blank cell and a
  // missing one differ): the first three from the version's model (its plain fields), the values from reports.vals
  // (a printed blank NaN, a cell the report does not have NULL), so the cells are neither shipped nor unpacked
  const list = await execRaw<{ id: number; body_id: number; year: number; status: string; version: number;
    head: Pick<Report, 'year' | 'agency' | 'template'> | null; vals: string | null }>(ctx.db, `
    WITH want (body_id, year, previous) AS (VALUES ${want})
    SELECT r.id, r.body_id, r.year, r.status, r.version,
      CASE WHEN w.previous THEN jsonb_build_object('year', v.model -> 'year', 'agency', v.model -> 'agency',
        'template', v.model -> 'template') END AS head,
      CASE WHEN w.previous THEN r.vals::text END AS vals
    FROM want w JOIN reports r ON r.body_id = w.body_id AND r.year = w.year
    LEFT JOIN report_versions v ON w.previous AND v.report_id = r.id AND v.version = r.version`, p.list);
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
    const p = new Params();
    const chunk: string[] = [];
    for (let bytes = 0; i < list.length && (chunk.length === 0 || bytes < SOURCE_BYTES_PER_STATEMENT); i++) {
      const s = list[i].incoming.source!;
      bytes += s.bytes.length;
      chunk.push(`(${p.add(s.hash)}, ${p.add(s.name)}, ${p.add(s.format)}, ${p.add(s.bytes.length)}::int, ${
        byteaParam(p, s.bytes)})`);
    }
    const got = await execRaw<{ hash: string }>(tx.db, `INSERT INTO source_files (hash, name, format, size, bytes)
      VALUES ${chunk.join(', ')} ON CONFLICT (hash) DO NOTHING RETURNING hash`, p.list);
    if (got.length !== chunk.length) throw new BatchConflict('a source file of the batch is stored already');
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += ROWS_PER_STATEMENT) {
    const p = new Params();
    const values = list.slice(i, i + ROWS_PER_STATEMENT).map(({ incoming: inc }) => {
      const { pending, status } = statusOf(inc);
      const m = modelColumns(tx, inc.report);
      const c = freshCounts(inc.findings);
      const published = status === 'published';
      return `(${[pending ? null : inc.bodyId, inc.year, status, m.template, m.title, m.agency, c.errors, c.warnings,
        c.infos, inc.source!.hash, float8Array(m.vals), m.yearFrom, m.agencyFrom, jsonb(m.agencyCandidates),
        published ? inc.publishedAt ?? null : null, published ? inc.publishedUrl ?? null : null,
        pending ? (inc.status === 'pending' ? 'published' : inc.status) : null].map((v) => p.add(v)).join(', ')})`;
    });
    const got = await execRaw<{ id: number; hash: string }>(tx.db, `INSERT INTO reports (body_id, year, status,
      template, title, agency, errors, warnings, infos, source_hash, vals, year_from, agency_from, agency_candidates,
      published_at, published_url, assign_status) VALUES ${values.join(', ')} RETURNING id, source_hash AS hash`,
    p.list);
    for (const r of got) ids.set(r.hash, r.id);
  }
  const idOf = (e: ReportEntry): number => {
    const id = ids.get(e.incoming.source!.hash);
    if (id === undefined) throw new BatchConflict('a report of the batch was not inserted');
    return id;
  };
  // fewer versions per statement: each holds the whole model (~7 KB packed, model-codec.ts)
  for (let i = 0; i < list.length; i += 200) {
    const p = new Params();
    const values = list.slice(i, i + 200).map((e) => `(${[idOf(e), 1, encodeModel(e.incoming.report),
      e.incoming.reason, statusOf(e.incoming).status, e.incoming.source!.hash, actor.username ?? null]
      .map((v) => p.add(v)).join(', ')})`);
    await execRaw(tx.db, `INSERT INTO report_versions (report_id, version, model, reason, status, source_hash,
      created_by) VALUES ${values.join(', ')}`, p.list);
  }
  const found = list.flatMap((e) => e.incoming.findings.map((f) => [idOf(e), signature(f), f.ruleId, f.severity,
    JSON.stringify(f), 1, 1]));
  for (let i = 0; i < found.length; i += ROWS_PER_STATEMENT) {
    const p = new Params();
    const values = found.slice(i, i + ROWS_PER_STATEMENT).map((row) => `(${row.map((v) => p.add(v)).join(', ')})`);
    await execRaw(tx.db, `INSERT INTO findings (report_id, signature, rule_id, severity, finding, first_version,
      last_version) VALUES ${values.join(', ')}`, p.list);
  }
  return list.map((e, k) => {
    const inc = e.incoming;
    const { pending, status } = statusOf(inc);
    const reportId = idOf(e);
    results[at[k]] = { status: pending ? 'pending' : 'imported', reportId, error: pending ? e.note : null };
    return { entity: 'report', entityId: reportId, action: 'import', before: null,
      after: { version: 1, status, source: inc.source!.hash, bodyId: inc.bodyId, year: inc.year },
      reason: inc.reason };
  });
}

/**
 * The job items' results, in one statement per thousand. The items are also named in an `id = ANY(…)`: without
 * it PGlite's planner (no statistics: PGlite has no autovacuum) hashed every item of the job to join the batch's
 * hundred, so each batch read the whole job: ~50 ms a batch at 3,000 items (EXPLAIN ANALYZE), ~2 ms with it.
 */
async function settleItems(tx: Ctx, jobId: number, entries: ImportBatchEntry[], results: ImportBatchResult[]) {
  for (let i = 0; i < entries.length; i += ROWS_PER_STATEMENT) {
    const p = new Params();
    const chunk = entries.slice(i, i + ROWS_PER_STATEMENT);
    const ids = p.add(`{${chunk.map((e) => e.itemId).join(',')}}`);
    const values = chunk.map((e, k) => {
      const r = results[i + k];
      return `(${p.add(e.itemId)}::int, ${p.add(r.status)}::text, ${p.add(r.reportId)}::int, ${
        p.add(r.error)}::text, ${p.add(e.hash)}::text)`;
    }).join(', ');
    await execRaw(tx.db, `UPDATE import_items AS i SET status = v.status, report_id = v.report_id, error = v.error,
      hash = v.hash FROM (VALUES ${values}) AS v (id, status, report_id, error, hash)
      WHERE i.id = v.id AND i.job_id = ${p.add(jobId)} AND i.id = ANY(${ids}::int[])`, p.list);
  }
}
