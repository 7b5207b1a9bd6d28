// Import jobs and their per-file results, recorded as the import goes so that a killed import can be resumed:
// a job's items are queued up front, each one settled (imported, unchanged, failed, pending) as it is stored.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ImportItem, ImportItemStatus, ImportJob, Page } from '../model/api.js';
import { importItems, importJobs } from './schema.js';
import { inTx, iso, type Ctx } from './context.js';
import type { Actor } from './types.js';

const STATUSES: ImportItemStatus[] = ['queued', 'imported', 'unchanged', 'failed', 'pending'];

const toItem = (r: typeof importItems.$inferSelect): ImportItem =>
  ({ id: r.id, name: r.name, hash: r.hash, status: r.status as ImportItemStatus, reportId: r.reportId,
    error: r.error });

export async function createImportJob(ctx: Ctx, names: string[], actor: Actor): Promise<ImportJob> {
  const id = await inTx(ctx, async (tx) => {
    const [job] = await tx.db.insert(importJobs).values({ createdBy: actor.username, total: names.length })
      .returning({ id: importJobs.id });
    for (let i = 0; i < names.length; i += 1000)
      await tx.db.insert(importItems)
        .values(names.slice(i, i + 1000).map((name, j) => ({ jobId: job.id, seq: i + j, name })));
    return job.id;
  });
  return (await getImportJob(ctx, id))!;
}

/** Adds items to a running job (an archive's members, found once it is opened). */
export async function addImportItems(ctx: Ctx, jobId: number, names: string[]): Promise<ImportItem[]> {
  if (names.length === 0) return [];
  return inTx(ctx, async (tx) => {
    const [{ next }] = await tx.db.select({ next: sql<number>`coalesce(max(${importItems.seq}), -1)::int + 1` })
      .from(importItems).where(eq(importItems.jobId, jobId));
    const rows = await tx.db.insert(importItems).values(names.map((name, j) => ({ jobId, seq: next + j, name })))
      .returning();
    await tx.db.update(importJobs).set({ total: sql`${importJobs.total} + ${names.length}` })
      .where(eq(importJobs.id, jobId));
    return rows.map(toItem);
  });
}

export async function updateImportItem(ctx: Ctx, jobId: number, itemId: number, patch: { status: ImportItemStatus;
  hash?: string | null; reportId?: number | null; error?: string | null }): Promise<void> {
  await ctx.db.update(importItems).set(patch).where(and(eq(importItems.jobId, jobId), eq(importItems.id, itemId)));
}

export async function finishImportJob(ctx: Ctx, jobId: number, status: 'done' | 'failed'): Promise<void> {
  await ctx.db.update(importJobs).set({ status }).where(eq(importJobs.id, jobId));
}

export async function getImportJob(ctx: Ctx, jobId: number, withItems = true): Promise<ImportJob | null> {
  const [job] = await ctx.db.select().from(importJobs).where(eq(importJobs.id, jobId));
  if (!job) return null;
  const counted = await ctx.db.select({ status: importItems.status, n: sql<number>`count(*)::int` }).from(importItems)
    .where(eq(importItems.jobId, jobId)).groupBy(importItems.status);
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ImportItemStatus, number>;
  for (const c of counted) counts[c.status as ImportItemStatus] = Number(c.n);
  const items = withItems ? (await ctx.db.select().from(importItems).where(eq(importItems.jobId, jobId))
    .orderBy(asc(importItems.seq))).map(toItem) : [];
  const total = STATUSES.reduce((s, k) => s + counts[k], 0);
  return { id: job.id, createdAt: iso(job.createdAt)!, createdBy: job.createdBy,
    status: job.status as ImportJob['status'],
    total, done: total - counts.queued, counts, items };
}

export async function listImportJobs(ctx: Ctx, limit: number, offset: number, createdBy?: string):
  Promise<Page<ImportJob>> {
  const cond = createdBy !== undefined ? eq(importJobs.createdBy, createdBy) : undefined;
  const ids = await ctx.db.select({ id: importJobs.id }).from(importJobs).where(cond).orderBy(desc(importJobs.id))
    .limit(Math.min(limit, 1000)).offset(offset);
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(importJobs).where(cond);
  const items = await Promise.all(ids.map((r) => getImportJob(ctx, r.id, false)));
  return { items: items.filter((j): j is ImportJob => j !== null), total: Number(n) };
}

export async function unfinishedItems(ctx: Ctx, jobId: number): Promise<ImportItem[]> {
  const list = await ctx.db.select().from(importItems)
    .where(and(eq(importItems.jobId, jobId), eq(importItems.status, 'queued'))).orderBy(asc(importItems.seq));
  return list.map(toItem);
}

/** The latest unfinished job whose items are exactly these names (to resume it rather than start anew). */
export async function findResumableJob(ctx: Ctx, names: string[]): Promise<number | null> {
  const running = await ctx.db.select({ id: importJobs.id }).from(importJobs)
    .where(and(eq(importJobs.status, 'running'), eq(importJobs.total, names.length)))
    .orderBy(desc(importJobs.id)).limit(20);
  for (const { id } of running) {
    const list = await ctx.db.select({ name: importItems.name }).from(importItems).where(eq(importItems.jobId, id))
      .orderBy(asc(importItems.seq));
    if (list.length === names.length && list.every((r, i) => r.name === names[i])) return id;
  }
  return null;
}
