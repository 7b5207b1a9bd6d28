// Settings kept in the database as JSON by key: 通报 scoring rules, due-date defaults per body level, the minimum
// number of cases below which a rate is hidden.
import { eq } from 'drizzle-orm';
import type { FilingSettings, ScoringRule } from '../model/analysis.js';
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

/**
 * The filing rules: the setting `filing` (PUT /api/settings/filing) over the older per-level setting `dueDates`
 * over the defaults (条例 第四十九条 dates; no working-day shift; publication due with filing).
 */
export async function filingSettings(ctx: Ctx): Promise<FilingSettings> {
  // in turn: inside a snapshot (one connection) statements cannot overlap
  const set = await getSetting<Partial<FilingSettings>>(ctx, 'filing');
  const older = await getSetting<Partial<Record<BodyLevel, string>>>(ctx, 'dueDates');
  return {
    dueDates: { ...DEFAULT_DUE_DATES, ...older, ...set?.dueDates },
    workingDays: set?.workingDays ?? false,
    publicationGraceDays: set?.publicationGraceDays ?? 0,
  };
}

/** Due date MM-DD for a body level: the filing settings' dates. */
export async function dueDates(ctx: Ctx): Promise<Record<string, string>> {
  return (await filingSettings(ctx)).dueDates;
}
