// The audit trail: every write records who, when, what (entity and id), the action, the old and new values and
// why. Written inside the write's own transaction, so a change and its record stand or fall together.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry, Page } from '../model/api.js';
import { audit } from './schema.js';
import { iso, type Ctx } from './context.js';
import { execRaw, jsonb, Params } from './raw-sql.js';
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
  // multi-row VALUES in chunks (a statement's parameters are bounded); sent as text and parameters (raw-sql.ts: an
  // import batch writes a hundred records at a time)
  for (let i = 0; i < records.length; i += 500) {
    const p = new Params();
    const values = records.slice(i, i + 500).map((r) => `(${[actor.userId ?? null, actor.username ?? null, r.entity,
      String(r.entityId), r.action, jsonb(r.before), jsonb(r.after), r.reason ?? null].map((v) => p.add(v))
      .join(', ')})`);
    await execRaw(ctx.db, `INSERT INTO audit (user_id, username, entity, entity_id, action, before, after, reason)
      VALUES ${values.join(', ')}`, p.list);
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
