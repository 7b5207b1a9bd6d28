// Settings kept in the database as JSON by key: 通报 scoring rules, due-date defaults per body level, the minimum
// number of cases below which a rate is hidden.
import { eq } from 'drizzle-orm';
import type { ScoringRule } from '../model/analysis.js';
import type { BodyLevel } from '../model/api.js';
import { settings } from './schema.js';
import { writeAudit } from './audit.js';
import { inTx, type Ctx } from './context.js';
import type { Actor } from './types.js';

// The defaults are the analysis layer's (one source for the scoring rules and the due dates by level).
export { DEFAULT_SCORING_RULES as DEFAULT_SCORING } from '../analysis/scoring.js';
export { DEFAULT_DUE_DATES } from '../analysis/filing.js';
import { DEFAULT_SCORING_RULES as DEFAULT_SCORING } from '../analysis/scoring.js';
import { DEFAULT_DUE_DATES } from '../analysis/filing.js';

export async function getSetting<T>(ctx: Ctx, key: string): Promise<T | null> {
  const [r] = await ctx.db.select().from(settings).where(eq(settings.key, key));
  return r ? (r.value as T) : null;
}

export async function putSetting<T>(ctx: Ctx, key: string, value: T, actor: Actor): Promise<void> {
  await inTx(ctx, async (tx) => {
    const before = await getSetting<T>(tx, key);
    await tx.db.insert(settings).values({ key, value, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
    await writeAudit(tx, actor, [{ entity: 'setting', entityId: key, action: 'update', before, after: value }]);
  });
}

export async function scoringRules(ctx: Ctx): Promise<ScoringRule[]> {
  return (await getSetting<ScoringRule[]>(ctx, 'scoring')) ?? DEFAULT_SCORING;
}

/** Due date MM-DD for a body level: the setting `dueDates` (per level) over the defaults. */
export async function dueDates(ctx: Ctx): Promise<Record<string, string>> {
  return { ...DEFAULT_DUE_DATES, ...((await getSetting<Record<string, string>>(ctx, 'dueDates')) ?? {}) };
}
