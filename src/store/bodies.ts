// Bodies (the reporting agencies): name, aliases, level, region, parent, filing due date, 口径. A body's identity
// is its agencyKey plus its region, so 洪泽区人民政府 and 淮安市洪泽区人民政府 in one region are one body.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { agencyKey } from '../model/agency-key.js';
import type { Body, BodyInput, BodyLevel, Page } from '../model/api.js';
import { isMonthDay } from '../model/analysis.js';
import { bodies } from './schema.js';
import { writeAudit } from './audit.js';
import { inTx, rows, type Ctx } from './context.js';
import { aliased, jsonPage } from './json-rows.js';
import { subtreePattern } from './regions.js';
import { DEFAULT_DUE_DATES, dueDates } from './settings.js';
import type { Actor } from './types.js';

type Row = typeof bodies.$inferSelect;

/** The level due dates (filing settings) a body without its own date files by. */
type LevelDates = Record<string, string>;

/** A stored body as the API gives it: `dueDate` the date it files by, `ownDueDate` its own when it has one. */
export const toBody = (r: Omit<Row, 'keys'>, levels: LevelDates): Body => {
  // a stored date that does not exist every year (02-30) gives way to its level's, as on the filing page
  const own = isMonthDay(r.dueDate) ? r.dueDate : null;
  return {
    id: r.id, name: r.name, aliases: r.aliases, agencyKey: r.agencyKey, level: r.level as BodyLevel,
    regionCode: r.regionCode, parentId: r.parentId,
    dueDate: own ?? levels[r.level] ?? DEFAULT_DUE_DATES[r.level as BodyLevel] ?? DEFAULT_DUE_DATES.other,
    ownDueDate: own,
    scope: r.scope as Body['scope'],
  };
};

/** What a write stores as a body's own due date: a real MM-DD, or null (the level's setting applies). */
const ownDate = (d: string | null | undefined): string | null => (isMonthDay(d) ? d : null);

/** What toBody reads of a row. */
const BODY_COLUMNS = {
  id: bodies.id, name: bodies.name, aliases: bodies.aliases, agencyKey: bodies.agencyKey, level: bodies.level,
  regionCode: bodies.regionCode, parentId: bodies.parentId, dueDate: bodies.dueDate, scope: bodies.scope,
};

/** The agency keys a body answers to: its name's and every alias's. */
export const bodyKeys = (name: string, aliases: string[]): string[] =>
  [...new Set([name, ...aliases].map(agencyKey).filter(Boolean))];

export async function listBodies(ctx: Ctx, f: { region?: string; parentId?: number; level?: string; q?: string;
  limit?: number; offset?: number }): Promise<Page<Body>> {
  const where: SQL[] = [];
  if (f.region) where.push(sql`${bodies.regionCode} LIKE ${subtreePattern(f.region)}`);
  if (f.parentId !== undefined) where.push(sql`(${bodies.parentId} = ${f.parentId} OR ${bodies.id} = ${f.parentId})`);
  if (f.level) where.push(eq(bodies.level, f.level));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '')}%`;
    where.push(sql`(${bodies.name} LIKE ${like} OR array_to_string(${bodies.aliases}, ' ') LIKE ${like})`);
  }
  const cond = where.length ? and(...where) : undefined;
  const page = ctx.db.select(aliased(BODY_COLUMNS)).from(bodies).where(cond)
    .orderBy(asc(bodies.regionCode), asc(bodies.id)).limit(Math.min(f.limit ?? 50, 1_000_000)).offset(f.offset ?? 0);
  const count = ctx.db.select({ n: sql<number>`count(*)::int` }).from(bodies).where(cond);
  // the page and the total in one statement, the page as one JSON value (json-rows.ts)
  const { items, total } = await jsonPage<Omit<Row, 'keys'>>(ctx, page, count);
  const levels = await dueDates(ctx);
  return { items: items.map((r) => toBody(r, levels)), total };
}

export async function getBody(ctx: Ctx, id: number): Promise<Body | null> {
  const [r] = await ctx.db.select().from(bodies).where(eq(bodies.id, id));
  return r ? toBody(r, await dueDates(ctx)) : null;
}

/** Bodies answering to the name's agency key (name or alias), in the region's subtree when one is given. */
export async function bodiesByName(ctx: Ctx, name: string, regionCode?: string | null): Promise<Body[]> {
  const key = agencyKey(name);
  if (!key) return [];
  const where: SQL[] = [sql`${key} = ANY(${bodies.keys})`];
  if (regionCode) where.push(sql`${bodies.regionCode} LIKE ${subtreePattern(regionCode)}`);
  const list = await ctx.db.select().from(bodies).where(and(...where)).orderBy(asc(bodies.id));
  if (!list.length) return [];
  const levels = await dueDates(ctx);
  return list.map((r) => toBody(r, levels));
}

/** The one body the name denotes (null when none, or when several in different regions answer to it). */
export async function findBodyByName(ctx: Ctx, name: string, regionCode?: string | null): Promise<Body | null> {
  const list = await bodiesByName(ctx, name, regionCode);
  return list.length === 1 ? list[0] : null;
}

/**
 * Inserts bodies, or updates the one with the same agencyKey and region (multi-row, one transaction). A body given
 * no due date of its own follows its level's setting.
 */
export async function upsertBodies(ctx: Ctx, list: BodyInput[], actor: Actor): Promise<Body[]> {
  if (list.length === 0) return [];
  return inTx(ctx, async (tx) => {
    const out: Body[] = [];
    const levels = await dueDates(tx);
    for (let i = 0; i < list.length; i += 500) {
      const values = list.slice(i, i + 500).map((b) => ({
        name: b.name, aliases: b.aliases, agencyKey: agencyKey(b.name), keys: bodyKeys(b.name, b.aliases),
        level: b.level, regionCode: b.regionCode, parentId: b.parentId,
        dueDate: ownDate(b.dueDate), scope: b.scope,
      }));
      const rows = await tx.db.insert(bodies).values(values).onConflictDoUpdate({
        target: [bodies.agencyKey, bodies.regionCode],
        set: {
          name: sql`excluded.name`, aliases: sql`excluded.aliases`, keys: sql`excluded.keys`,
          level: sql`excluded.level`,
          parentId: sql`excluded.parent_id`, dueDate: sql`excluded.due_date`, scope: sql`excluded.scope`,
        },
      }).returning();
      out.push(...rows.map((r) => toBody(r, levels)));
    }
    await writeAudit(tx, actor, out.map((b) => ({ entity: 'body', entityId: b.id, action: 'upsert', after: b })));
    return out;
  });
}

/** Changes a body; `dueDate` null or '' clears its own date (its level's setting applies), absent leaves it. */
export async function updateBody(ctx: Ctx, id: number, patch: Partial<BodyInput>, actor: Actor): Promise<Body> {
  return inTx(ctx, async (tx) => {
    const before = await getBody(tx, id);
    if (!before) throw new Error(`invariant broken: body ${id} does not exist`);
    const { dueDate: _due, ...rest } = patch;
    const next = { ...before, ...rest };
    const [row] = await tx.db.update(bodies).set({
      name: next.name, aliases: next.aliases, agencyKey: agencyKey(next.name), keys: bodyKeys(next.name, next.aliases),
      level: next.level, regionCode: next.regionCode, parentId: next.parentId,
      dueDate: patch.dueDate !== undefined ? ownDate(patch.dueDate) : undefined, scope: next.scope,
    }).where(eq(bodies.id, id)).returning();
    const after = toBody(row, await dueDates(tx));
    await writeAudit(tx, actor, [{ entity: 'body', entityId: id, action: 'update', before, after }]);
    return after;
  });
}

/** A body and every body under it through parent links (a supervisor's scope by parent body). */
export async function bodySubtree(ctx: Ctx, id: number): Promise<number[]> {
  const list = await rows<{ id: number }>(ctx.db, sql`WITH RECURSIVE t AS (SELECT id FROM bodies WHERE id = ${id}
    UNION SELECT b.id FROM bodies b JOIN t ON b.parent_id = t.id) SELECT id FROM t ORDER BY id`);
  return list.map((r) => Number(r.id));
}
