// Random but consistent cell values for one report: section 二 (with signed 2019 changes and decimal amounts),
// section 三 satisfying every relation (balance per column, （七）总计 = sum of outcomes, 总计 = sum of the six
// applicant columns) and section 四 with group totals. Sparse like real reports: mostly zeros, natural persons dominate.
import { allCellKeys, cellKey, tableDef, type TemplateVersion } from '../model/template.js';
import type { AgencyLevel, CellValue, LabelStyle } from './model.js';
import type { Rng } from './random.js';

export const APPLICANTS = [
  'naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicWelfareOrg', 'legalServiceOrg', 'otherOrg',
] as const;
export const REVIEW_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export const REVIEW_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

const LOCAL: readonly AgencyLevel[] = ['town', 'township', 'street'];

/** Outcome data rows of table 三 (every data row under 三、本年度办理结果 except （七）总计). */
export function outcomeRows(version: TemplateVersion): string[] {
  const t = tableDef(version, 'applications');
  return t
    ? t.rows.filter((r) => r.isData && r.key.startsWith('outcome.') && r.key !== 'outcome.total').map((r) => r.key)
    : [];
}

/** How often an outcome row is used, relative to the others. */
function outcomeWeight(row: string): number {
  const w: Record<string, number> = {
    'outcome.granted': 30, 'outcome.partial': 6, 'outcome.unableToProvide.notHeld': 22,
    'outcome.unableToProvide.needsCreation': 3, 'outcome.unableToProvide.unclearAfterCorrection': 1.5,
    'outcome.notProcessed.petitionComplaint': 3, 'outcome.notProcessed.repeated': 3,
    'outcome.other': 4, 'outcome.other.overdueCorrection': 2.5, 'outcome.other.otherReasons': 3,
    'outcome.denied.thirdPartyRights': 1.5,
    'outcome.denied.processInfo': 1.5, 'outcome.denied.administrativeQuery': 1,
  };
  return w[row] ?? 0.4;
}

function put(out: Record<string, CellValue>, key: string, value: number, text = String(value)): void {
  out[key] = { value, text };
}

/** A decimal with up to `maxDecimals` places (e.g. 12.5, 1276.7257, 0.092). */
function decimal(rng: Rng, max: number, maxDecimals: number): number {
  const places = rng.int(0, maxDecimals);
  const scaled = rng.int(1, Math.max(1, Math.round(max * 10 ** places)));
  return Number((scaled / 10 ** places).toFixed(places));
}

function signedText(v: number, style: LabelStyle): string {
  return v > 0 && style.plusSign ? `+${v}` : String(v);
}

function activeTables(
  rng: Rng, version: TemplateVersion, level: AgencyLevel, style: LabelStyle, out: Record<string, CellValue>,
): void {
  const local = LOCAL.includes(level);
  const big = level === 'city' ? 20 : level === 'county' || level === 'district' ? 6 : 1;
  const docs = local ? (rng.chance(0.7) ? 0 : rng.int(1, 3)) : rng.skewed(8 * big);
  const regs = level === 'city' && rng.chance(0.6) ? rng.int(1, 3) : 0;
  const count = (scale: number, pZero: number): number => (rng.chance(pZero) ? 0 : rng.skewed(scale));
  if (version === '2021') {
    for (const [row, made] of [['regulations', regs], ['normativeDocuments', docs]] as const) {
      const none = made === 0 && (local || (row === 'regulations' && level !== 'city'));
      const valid = none ? 0 : made + rng.skewed(row === 'regulations' ? 30 : 60 * big);
      put(out, cellKey('art20_1', row, 'made'), made);
      put(
        out,
        cellKey('art20_1', row, 'repealed'),
        none || rng.chance(0.6) ? 0 : rng.int(0, Math.max(1, Math.ceil(valid / 4))),
      );
      put(out, cellKey('art20_1', row, 'valid'), valid);
    }
    put(out, cellKey('art20_5', 'licensing', 'processed'), count(local ? 300 : 2000 * big, local ? 0.6 : 0.2));
    put(out, cellKey('art20_6', 'punishment', 'processed'), count(local ? 50 : 800 * big, local ? 0.6 : 0.25));
    put(out, cellKey('art20_6', 'coercion', 'processed'), count(local ? 10 : 200 * big, 0.5));
    const amount = rng.chance(local ? 0.85 : 0.45) ? 0 : decimal(rng, local ? 50 : 2000 * big, 4);
    put(out, cellKey('art20_8', 'fees', 'amount'), amount);
    return;
  }
  for (const [row, made] of [['regulations', regs], ['normativeDocuments', docs]] as const) {
    const published = rng.chance(0.8) ? made : rng.int(0, made);
    put(out, cellKey('art20_1', row, 'newlyMade'), made);
    put(out, cellKey('art20_1', row, 'newlyPublished'), published);
    const none = made === 0 && (local || (row === 'regulations' && level !== 'city'));
    put(
      out,
      cellKey('art20_1', row, 'totalPublished'),
      published + (none ? 0 : rng.skewed(row === 'regulations' ? 30 : 50 * big)),
    );
  }
  const items = (table: string, row: string, scale: number, decisions: number): void => {
    const prior = rng.chance(local ? 0.6 : 0.15) ? 0 : rng.skewed(scale);
    const change = rng.chance(0.5) ? 0 : rng.int(-Math.ceil(prior * 0.15), Math.ceil(prior * 0.2) + 2);
    put(out, cellKey(table, row, 'priorYearItems'), prior);
    put(out, cellKey(table, row, 'changeThisYear'), change, signedText(change, style));
    if (decisions > 0) put(out, cellKey(table, row, 'decisions'), prior + change === 0 ? 0 : count(decisions, 0.2));
  };
  items('art20_5', 'licensing', local ? 40 : 400 * big, local ? 100 : 3000 * big);
  items('art20_5', 'otherManagementServices', local ? 10 : 60 * big, local ? 30 : 500 * big);
  items('art20_6', 'punishment', local ? 20 : 300 * big, local ? 50 : 1000 * big);
  items('art20_6', 'coercion', local ? 5 : 40 * big, local ? 5 : 100 * big);
  items('art20_8', 'fees', local ? 3 : 50 * big, 0);
  const projects = rng.chance(local ? 0.8 : 0.3) ? 0 : rng.skewed(local ? 5 : 100 * big);
  put(out, cellKey('art20_9', 'centralizedProcurement', 'projects'), projects);
  put(
    out,
    cellKey('art20_9', 'centralizedProcurement', 'totalAmount'),
    projects === 0 ? 0 : decimal(rng, projects * 80, style.henan ? 4 : 2),
  );
}

/** Table 三: per applicant column, new + carried over = handled + carried forward; handled split over outcome rows. */
function applications(rng: Rng, version: TemplateVersion, level: AgencyLevel, out: Record<string, CellValue>): void {
  const local = LOCAL.includes(level);
  const pZero = local ? 0.55 : level === 'department' ? 0.3 : level === 'city' ? 0 : 0.08;
  const scale = local ? 8 : level === 'department' ? 40 : level === 'city' ? 1500 : 120;
  const received = rng.chance(pZero) ? 0 : rng.int(1, Math.max(1, rng.skewed(scale) + 1));
  const onlyNatural = rng.chance(0.5);
  const mix = onlyNatural ? [1, 0, 0, 0, 0, 0] : [86, 5, 0.6, 0.6, 5, 2.8];
  const newRec = rng.split(received, mix);
  const carried = newRec.map(
    (n, i) => (received > 0 && rng.chance(i === 0 ? 0.3 : 0.05) ? rng.int(0, Math.ceil(n * 0.15) + 1) : 0),
  );
  const forward = newRec.map((n, i) => (rng.chance(0.25) ? rng.int(0, Math.floor((n + carried[i]) * 0.15)) : 0));
  const rows = outcomeRows(version);
  const active = new Set(rows.filter((r) => rng.chance(Math.min(0.95, outcomeWeight(r) / 25))));
  if (active.size === 0) active.add('outcome.granted');
  const weights = rows.map((r) => (active.has(r) ? outcomeWeight(r) : 0));
  const grid: Record<string, number[]> = {};
  for (const r of rows) grid[r] = APPLICANTS.map(() => 0);
  APPLICANTS.forEach((_, a) => {
    const handled = newRec[a] + carried[a] - forward[a];
    rng.split(handled, weights).forEach((n, i) => (grid[rows[i]][a] = n));
  });
  const total = APPLICANTS.map((_, a) => rows.reduce((s, r) => s + grid[r][a], 0));
  const all: [string, number[]][] = [['newReceived', newRec], ['carriedOver', carried],
    ...rows.map((r): [string, number[]] => [r, grid[r]]),
    ['outcome.total', total], ['carriedForward', forward]];
  for (const [row, vals] of all) {
    APPLICANTS.forEach((col, a) => put(out, cellKey('applications', row, col), vals[a]));
    put(out, cellKey('applications', row, 'total'), vals.reduce((s, v) => s + v, 0));
  }
}

/** Table 四: three groups, each 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
function review(rng: Rng, level: AgencyLevel, out: Record<string, CellValue>): void {
  const p = LOCAL.includes(level) ? 0.05 : level === 'city' ? 0.85 : level === 'department' ? 0.15 : 0.3;
  const scale: Record<(typeof REVIEW_GROUPS)[number], number> = {
    review: level === 'city' ? 300 : 8,
    litigationDirect: level === 'city' ? 40 : 3,
    litigationAfterReview: level === 'city' ? 20 : 2,
  };
  for (const g of REVIEW_GROUPS) {
    const n = rng.chance(p) ? rng.int(1, Math.max(1, rng.skewed(scale[g]) + 1)) : 0;
    const parts = rng.split(n, [5, 1.2, 1.5, 1]);
    REVIEW_PARTS.forEach((part, i) => put(out, cellKey('reviewLitigation', 'cases', `${g}.${part}`), parts[i]));
    put(out, cellKey('reviewLitigation', 'cases', `${g}.total`), n);
  }
}

/** Every cell of the template, consistent, in template key order. */
export function generateNumbers(
  rng: Rng, version: TemplateVersion, level: AgencyLevel, style: LabelStyle,
): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  activeTables(rng.fork(1), version, level, style, out);
  applications(rng.fork(2), version, level, out);
  review(rng.fork(3), level, out);
  const ordered: Record<string, CellValue> = {};
  for (const k of allCellKeys(version)) {
    if (!out[k]) throw new Error(`generator produced no value for ${k}`);
    ordered[k] = out[k];
  }
  return ordered;
}
