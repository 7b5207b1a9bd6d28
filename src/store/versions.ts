// Report versions: every change of a report's content is a new version holding the engine's Report in full
// (cells with their provenance, sections, narrative, diagnostics; stored with its cells packed, model-codec.ts —
// the schema's model column packs and unpacks). Listed and diffed here.
import { and, asc, eq } from 'drizzle-orm';
import type { ReportStatus, ReportVersionInfo, VersionDiff } from '../model/api.js';
import type { Report } from '../model/report.js';
import type { StoredModel } from './model-codec.js';
import { reportVersions } from './schema.js';
import { iso, type Ctx } from './context.js';
import { StoreError, type Actor } from './types.js';

export async function insertVersion(tx: Ctx, v: { reportId: number; version: number; model: StoredModel; reason: string;
  status: ReportStatus; sourceHash: string | null }, actor: Actor): Promise<void> {
  await tx.db.insert(reportVersions).values({
    reportId: v.reportId, version: v.version, model: v.model, reason: v.reason, status: v.status,
    sourceHash: v.sourceHash, createdBy: actor.username,
  });
}

export async function versionModel(ctx: Ctx, reportId: number, version: number): Promise<Report | null> {
  const [r] = await ctx.db.select({ model: reportVersions.model }).from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.version, version)));
  return r ? (r.model as Report) : null;
}

export async function listVersions(ctx: Ctx, reportId: number): Promise<ReportVersionInfo[]> {
  const list = await ctx.db.select({
    version: reportVersions.version, createdAt: reportVersions.createdAt, createdBy: reportVersions.createdBy,
    reason: reportVersions.reason, status: reportVersions.status,
  }).from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(asc(reportVersions.version));
  return list.map((v) => ({ ...v, createdAt: iso(v.createdAt)!, status: v.status as ReportStatus }));
}

/** Cell and section differences between two versions of a report. */
export async function diffVersions(ctx: Ctx, reportId: number, from: number, to: number): Promise<VersionDiff> {
  const [a, b] = await Promise.all([versionModel(ctx, reportId, from), versionModel(ctx, reportId, to)]);
  if (!a || !b) throw new StoreError('not-found', `report ${reportId} version ${!a ? from : to}`);
  return { from, to, ...diffModels(a, b) };
}

export function diffModels(a: Report, b: Report): Omit<VersionDiff, 'from' | 'to'> {
  const keys = [...new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])].sort();
  const cells = keys.filter((k) => a.cells[k]?.value !== b.cells[k]?.value)
    .map((k) => ({ key: k, from: a.cells[k]?.value, to: b.cells[k]?.value }));
  const textOf = (r: Report) => new Map(r.sections.map((s) => [s.key, s.text]));
  const ta = textOf(a);
  const tb = textOf(b);
  const sections = [...new Set([...ta.keys(), ...tb.keys()])].filter((k) => (ta.get(k) ?? '') !== (tb.get(k) ?? ''))
    .map((k) => ({ key: k, from: ta.get(k) ?? '', to: tb.get(k) ?? '' }));
  return { cells, sections };
}
