// The audit trail: every write records who, when, what (entity and id), the action, the old and new values and
// why. Written inside the write's own transaction, so a change and its record stand or fall together.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry, Page } from '../model/api.js';
import { audit } from './schema.js';
import { iso, type Ctx } from './context.js';
import type { Actor } from './types.js';

export interface AuditRecord {
  entity: string;
  entityId: string | number;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function writeAudit(ctx: Ctx, actor: Actor, records: AuditRecord[]): Promise<void> {
  // multi-row VALUES in chunks (a statement's parameters are bounded)
  for (let i = 0; i < records.length; i += 500) {
    await ctx.db.insert(audit).values(records.slice(i, i + 500).map((r) => ({
      userId: actor.userId, username: actor.username, entity: r.entity, entityId: String(r.entityId), action: r.action,
      before: r.before ?? null, after: r.after ?? null, reason: r.reason ?? null,
    })));
  }
}

export async function listAudit(ctx: Ctx, filter: { entity?: string; entityId?: string; userId?: number;
  limit?: number; offset?: number }): Promise<Page<AuditEntry>> {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(audit.entity, filter.entity));
  if (filter.entityId) where.push(eq(audit.entityId, filter.entityId));
  if (filter.userId !== undefined) where.push(eq(audit.userId, filter.userId));
  const cond = where.length ? and(...where) : undefined;
  const list = await ctx.db.select().from(audit).where(cond).orderBy(desc(audit.id))
    .limit(Math.min(filter.limit ?? 50, 1000)).offset(filter.offset ?? 0);
  const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(audit).where(cond);
  return {
    total: Number(n),
    items: list.map((a) => ({
      id: Number(a.id), at: iso(a.at)!, username: a.username, entity: a.entity, entityId: a.entityId, action: a.action,
      before: a.before, after: a.after, reason: a.reason,
    })),
  };
}
