// Which body and year an imported report belongs to — or that it cannot be said with certainty, in which case
// the report waits as 待确认 (pending) with its candidates rather than being guessed into the tree. Certain: the
// year read from the title or the statistics period (or given with --year), the agency read from the title or the
// signature, and exactly one stored body answering to its agencyKey (within --region when given).
import { agencyKey } from '../model/agency-key.js';
import type { Body } from '../model/api.js';
import type { Report } from '../model/report.js';
import { regionPrefix } from '../store/regions.js';

export interface Match {
  bodyId: number | null;
  year: number | null;
  pending: boolean;
  /** why it waits (zh / en), when pending */
  why: string | null;
  /** names to choose from: the engine's agency candidates, then the bodies answering to them */
  candidates: string[];
}

/** Stored bodies by agencyKey (of their names and aliases), loaded once per import. */
export class BodyIndex {
  private byKey = new Map<string, Body[]>();
  constructor(list: Body[]) {
    for (const b of list) this.add(b);
  }
  add(b: Body): void {
    for (const k of new Set([b.agencyKey, ...b.aliases.map(agencyKey)]))
      (this.byKey.get(k) ?? this.byKey.set(k, []).get(k)!).push(b);
  }
  find(name: string, region: string | null): Body[] {
    const list = this.byKey.get(agencyKey(name)) ?? [];
    if (!region) return list;
    const prefix = regionPrefix(region);
    return list.filter((b) => b.regionCode.startsWith(prefix));
  }
}

const CERTAIN_YEAR = new Set(['title', 'period']);
const CERTAIN_AGENCY = new Set(['title', 'signature']);

export function matchReport(report: Omit<Report, 'cells'>, bodies: BodyIndex, o: { year?: number | null;
  region?: string | null; bodyId?: number | null }): Match {
  const year = o.year ?? report.year;
  const names = [...new Set([report.agency, ...(report.agencyCandidates ?? [])].filter((n): n is string => !!n))];
  const found = report.agency ? bodies.find(report.agency, o.region ?? null) : [];
  const others = names.slice(1).flatMap((n) => bodies.find(n, o.region ?? null));
  const candidates = [...new Set([...names, ...[...found, ...others].map((b) => b.name)])];
  const wait = (why: string): Match => ({ bodyId: null, year, pending: true, why, candidates });
  if (year === null) return wait('未能读出年度 / the year could not be read');
  if (o.year == null && report.yearFrom && !CERTAIN_YEAR.has(report.yearFrom))
    return wait('年度仅见于正文，未能确定 / the year is only stated in the body text');
  // an editor's import is filed under its own body, whatever name the file prints
  if (o.bodyId != null) return { bodyId: o.bodyId, year, pending: false, why: null, candidates: [] };
  if (!report.agency) return wait('未能读出单位名称 / the agency could not be read');
  if (report.agencyFrom && !CERTAIN_AGENCY.has(report.agencyFrom))
    return wait('单位名称由正文推断，未能确定 / the agency was inferred from the text');
  if (found.length === 0) return wait('没有对应的单位 / no stored body answers to the agency');
  if (found.length > 1) return wait('多个单位同名，须指定 / several bodies answer to the agency');
  return { bodyId: found[0].id, year, pending: false, why: null, candidates: [] };
}
