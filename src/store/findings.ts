// Findings with the reviewer's decisions. A check's findings are matched to the stored ones by signature (rule,
// cells and their values): a match keeps its decision (confirmed / dismissed), a new one is opened, and a stored
// finding the check no longer gives is closed. A closed finding found again comes back with its old decision.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FindingCounts, StoredFinding } from '../model/api.js';
import type { Finding } from '../model/report.js';
import { findings, reports } from './schema.js';
import { writeAudit } from './audit.js';
import { inTx, iso, type Ctx } from './context.js';
import { StoreError, type Actor } from './types.js';

type Row = typeof findings.$inferSelect;

/** What a later check must find again for a decision to carry over: the rule, and each cell with its value. */
export function signature(f: Finding): string {
  const cells = f.cells.map((c) => `${c.key}=${c.value === null ? 'blank' : c.value}`).sort();
  return `${f.ruleId}|${cells.join(',')}`;
}

export const statusOf = (r: Pick<Row, 'closedAt' | 'decision'>): StoredFinding['status'] =>
  r.closedAt ? 'closed' : ((r.decision as 'confirmed' | 'dismissed' | null) ?? 'open');

export const toStored = (r: Row): StoredFinding => ({
  ...r.finding, id: r.id, status: statusOf(r), decisionReason: r.decisionReason, decidedBy: r.decidedBy,
  decidedAt: iso(r.decidedAt),
});

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

export async function listFindings(ctx: Ctx, reportId: number): Promise<StoredFinding[]> {
  const list = await ctx.db.select().from(findings).where(eq(findings.reportId, reportId)).orderBy(asc(findings.id));
  return list.map(toStored).sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed')
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id - b.id);
}

/** Counts of the findings that stand: not closed, not dismissed. */
export function countOf(list: { severity: string; status: StoredFinding['status'] }[]): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of list) if (f.status === 'open' || f.status === 'confirmed') c[f.severity as keyof FindingCounts]++;
  return c;
}

/**
 * Replaces a report's findings with a check's (inside the caller's transaction): decisions carried over by
 * signature, the rest opened, the stored ones not found again closed. Updates the report's counts.
 */
export async function applyFindings(tx: Ctx, reportId: number, version: number, found: Finding[],
  o: { fresh?: boolean } = {}): Promise<void> {
  // a report just created has no stored findings (and its counts were written with it: freshCounts)
  const stored = o.fresh ? [] : await tx.db.select().from(findings).where(eq(findings.reportId, reportId))
    .orderBy(asc(findings.id));
  // open ones first, so a signature found again continues the finding that stands, not a closed one
  const bySig = new Map<string, Row[]>();
  for (const r of [...stored].sort((a, b) => Number(!!a.closedAt) - Number(!!b.closedAt)))
    (bySig.get(r.signature) ?? bySig.set(r.signature, []).get(r.signature)!).push(r);
  const fresh: (typeof findings.$inferInsert)[] = [];
  const again: { id: number; f: Finding }[] = [];
  const kept = new Set<number>();
  const statuses: { severity: string; status: StoredFinding['status'] }[] = [];
  for (const f of found) {
    const sig = signature(f);
    const match = bySig.get(sig)?.shift();
    if (match) {
      kept.add(match.id);
      again.push({ id: match.id, f });
      statuses.push({ severity: f.severity, status: statusOf({ closedAt: null, decision: match.decision }) });
    } else {
      fresh.push({ reportId, signature: sig, ruleId: f.ruleId, severity: f.severity, finding: f, firstVersion: version,
        lastVersion: version });
      statuses.push({ severity: f.severity, status: 'open' });
    }
  }
  for (let i = 0; i < fresh.length; i += 500) await tx.db.insert(findings).values(fresh.slice(i, i + 500));
  for (let i = 0; i < again.length; i += 500) {
    const chunk = again.slice(i, i + 500);
    const values = sql.join(chunk.map((a) => sql`(${a.id}::int, ${JSON.stringify(a.f)}::jsonb, ${a.f.severity})`),
      sql`, `);
    await tx.db.execute(sql`UPDATE findings AS f SET finding = v.finding, severity = v.severity,
      last_version = ${version}, closed_at = NULL
      FROM (VALUES ${values}) AS v(id, finding, severity) WHERE f.id = v.id`);
  }
  const gone = stored.filter((r) => !kept.has(r.id) && !r.closedAt).map((r) => r.id);
  if (gone.length > 0)
    await tx.db.execute(sql`UPDATE findings SET closed_at = now()
      WHERE id IN (${sql.join(gone.map((id) => sql`${id}`), sql`, `)})`);
  if (o.fresh) return;
  const c = countOf(statuses);
  await tx.db.update(reports).set({ errors: c.error, warnings: c.warning, infos: c.info })
    .where(eq(reports.id, reportId));
}

/** The counts columns of a new report whose findings are all open. */
export function freshCounts(found: Finding[]): { errors: number; warnings: number; infos: number } {
  const c = countOf(found.map((f) => ({ severity: f.severity, status: 'open' as const })));
  return { errors: c.error, warnings: c.warning, infos: c.info };
}

/** Re-check: the current version's findings replaced as applyFindings does (no new version: same content). */
export async function recheck(ctx: Ctx, reportId: number, found: Finding[], actor: Actor): Promise<StoredFinding[]> {
  await inTx(ctx, async (tx) => {
    const [r] = await tx.db.select({ version: reports.version }).from(reports).where(eq(reports.id, reportId));
    if (!r) throw new StoreError('not-found', `report ${reportId}`);
    const before = countOf(await listFindings(tx, reportId));
    await applyFindings(tx, reportId, r.version, found);
    const after = countOf(await listFindings(tx, reportId));
    await writeAudit(tx, actor, [{ entity: 'report', entityId: reportId, action: 'recheck', before, after }]);
  });
  return listFindings(ctx, reportId);
}

export async function decide(ctx: Ctx, findingId: number, d: { decision: 'confirmed' | 'dismissed'; reason: string },
  actor: Actor): Promise<StoredFinding> {
  return inTx(ctx, async (tx) => {
    const [before] = await tx.db.select().from(findings).where(eq(findings.id, findingId));
    if (!before) throw new StoreError('not-found', `finding ${findingId}`);
    const [row] = await tx.db.update(findings).set({
      decision: d.decision, decisionReason: d.reason, decidedBy: actor.username, decidedAt: new Date(),
    }).where(eq(findings.id, findingId)).returning();
    const all = await listFindings(tx, before.reportId);
    const c = countOf(all);
    await tx.db.update(reports).set({ errors: c.error, warnings: c.warning, infos: c.info, updatedAt: new Date() })
      .where(eq(reports.id, before.reportId));
    await writeAudit(tx, actor, [{
      entity: 'finding', entityId: findingId, action: 'decide', before: { status: statusOf(before),
        reason: before.decisionReason }, after: { status: statusOf(row), reason: d.reason }, reason: d.reason,
    }]);
    return toStored(row);
  });
}

export async function getFinding(ctx: Ctx, findingId: number): Promise<(StoredFinding & { reportId: number }) | null> {
  const [r] = await ctx.db.select().from(findings).where(and(eq(findings.id, findingId)));
  return r ? { ...toStored(r), reportId: r.reportId } : null;
}
