// Roll-up (汇总) of the reports of the bodies under a region or a parent body for one year: the tables summed
// cell by cell — and checked by the engine's own rules as if the sums were one report, since a sum of consistent
// tables must itself be consistent — with the contributions of each body for drill-down; and the 口径 check of
// each government report that declares it includes its subordinates: it should equal the sum of theirs, and when
// some of theirs are missing the check names them rather than failing. Node-free.
//
// Summing: blank is not zero — a cell no contributor printed stays blank (null), a cell no contributor has is
// absent. A report counted in its parent's report (the parent declares 口径 including subordinates) is left out
// of the sums, or it would be counted twice. When any contributor prints （六）其他处理 as one row, all are summed
// on that one row (a three-item report contributes the sum of its items).
//
// In steps, so the sums can come from where the values are: `planRollup` decides from the reports' metadata who
// counts; the totals come from the models in memory (`totalsOf`, used by `rollup`) or from the database (the store
// sums reports.vals in SQL, store/rollup-sums.ts); `finishRollup` picks the keys, checks the sums and makes the 口径
// checks; `drillDown` lists each summed report's contribution to the cells asked (on demand: all of them for a
// province is megabytes).
import type {
  AnalysisBody, AnalysisReport, CellDifference, Rollup, RollupContributor, RollupMeta, RollupOptions, RollupPlan,
  RollupSums, RollupTotals, ScopeCheck,
} from '../model/analysis.js';
import type { Cell, Finding, Report } from '../model/report.js';
import {
  TEMPLATES, allCellKeys, cellKey, splitCellKey, tableGroupOf, type TableGroup, type TemplateVersion,
} from '../model/template.js';
import { checkReport } from '../rules/index.js';
import { nameRanks, round4 } from './util.js';

/** The rules that check relations between cells (what a sum must keep); the others judge a printed report. */
export const RELATION_RULES = new Set([
  'balance', 'outcome-total', 'row-total', 'review-totals', 'group-subtotal', 'domain', 'published-le-total',
]);

type Input = Pick<AnalysisReport, 'reportId' | 'bodyId' | 'bodyName' | 'year' | 'status' | 'report'>;

const OTHER_ITEM = /^applications\/outcome\.other\.[^/]+\//;
/** The columns of table 三 and the three items of （六）其他处理 (2021), which a report may print as one row. */
export const COLUMNS = TEMPLATES['2021'].tables.find((t) => t.key === 'applications')!.columns.map((c) => c.key);
export const ITEMS = TEMPLATES['2021'].tables.find((t) => t.key === 'applications')!.rows
  .filter((r) => r.parent === 'outcome.other').map((r) => r.key);

export function versionOf(report: Report): TemplateVersion {
  return report.template ?? (report.year !== null && report.year <= 2020 ? '2019' : '2021');
}

/** Whether a report prints （六）其他处理 as one row. */
function singleOther(report: Report): boolean {
  if (versionOf(report) === '2019') return true;
  for (const c of COLUMNS) if (report.cells[cellKey('applications', 'outcome.other', c)]) return true;
  return false;
}

/** The summed keys of a template, with 其他处理 as one row or three. */
export function rollupKeys(version: TemplateVersion, single: boolean): string[] {
  const keys = allCellKeys(version);
  if (version === '2019' || !single) return keys;
  const out: string[] = [];
  for (const k of keys) {
    if (!OTHER_ITEM.test(k)) out.push(k);
    else if (k.startsWith(`applications/${ITEMS[0]}/`))
      out.push(cellKey('applications', 'outcome.other', splitCellKey(k).column));
  }
  return out;
}

/** A report's contribution to a summed key: undefined when absent, null when blank. */
export function contribution(report: Pick<Report, 'cells'>, key: string, single: boolean): number | null | undefined {
  const cell = report.cells[key];
  if (cell) return cell.value;
  if (single && key.startsWith('applications/outcome.other/')) {
    const col = splitCellKey(key).column;
    let sum = 0;
    let seen = false;
    for (const item of ITEMS) {
      const c = report.cells[cellKey('applications', item, col)];
      if (!c) continue;
      seen = true;
      if (c.value === null) return null;
      sum += c.value;
    }
    return seen ? sum : undefined;
  }
  return undefined;
}

/** Sums of `reports` over `keys`: null where all printed blanks, absent where none has the cell. */
export function sumCells(reports: Report[], keys: string[], single: boolean): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const key of keys) {
    const sum = sumOf(reports, key, single);
    if (sum !== undefined) out[key] = sum === null ? null : round4(sum);
  }
  return out;
}

/** One key's sum over `reports`, unrounded: null where all printed blanks, undefined where none has the cell. */
function sumOf(reports: Report[], key: string, single: boolean): number | null | undefined {
  let sum: number | null | undefined;
  for (const r of reports) {
    const v = contribution(r, key, single);
    if (v === undefined) continue;
    if (v === null) { if (sum === undefined) sum = null; continue; }
    sum = (sum ?? 0) + v;
  }
  return sum;
}

/** A Report holding `cells`, for running the engine's checks on sums. */
export function syntheticReport(cells: Record<string, number | null>, version: TemplateVersion, year: number,
  label: string): Report {
  const model: Record<string, Cell> = {};
  const tables: Record<TableGroup, boolean> = { active: false, applications: false, review: false };
  let line = 1;
  for (const [key, value] of Object.entries(cells)) {
    const { table, row, column } = splitCellKey(key);
    const raw = value === null ? '' : String(value);
    model[key] = { key, table, row, column, value, raw, source: { line: line++, column: 1 }, how: 'direct' };
    tables[tableGroupOf(table)] = true;
  }
  return {
    file: `汇总:${label}`, format: 'rollup', encoding: 'utf-8', title: `${label}${year}年政府信息公开工作年度报告（汇总）`,
    agency: label, year, template: version, layoutEvidence: [],
    sections: TEMPLATES[version].sections
      .map((s) => ({ no: s.no, key: s.key, title: s.title, text: '', source: { line: 0, column: 0 } })),
    tables, cells: model, narrative: [], diagnostics: [], truncated: false,
  };
}

/** The relation findings of summed cells. */
export function checkSums(cells: Record<string, number | null>, version: TemplateVersion, year: number,
  label: string): Finding[] {
  return checkReport(syntheticReport(cells, version, year, label)).filter((f) => RELATION_RULES.has(f.ruleId));
}

/** The template a roll-up sums: the one most of the year's reports use; on a tie, the year's own. */
export function majorityTemplate(count: Record<TemplateVersion, number>, year: number): TemplateVersion {
  if (count['2019'] === count['2021']) return year <= 2020 ? '2019' : '2021';
  return count['2019'] > count['2021'] ? '2019' : '2021';
}

/** The ids of bodies in contributor order: by name (zh collation), then id. */
export function contributorOrder(bodies: readonly { id: number; name: string }[]): number[] {
  // each name ranked once (remembered across calls), then one typed-array sort of rank × 2^32 + id, exact while ranks
  // stay under 2^21 and ids are integers in [0, 2^32): a province has 10,000 bodies, and sorting objects cost more
  const rank = nameRanks(bodies.map((b) => b.name));
  if (rank.size >= 2 ** 21 || !bodies.every((b) => Number.isInteger(b.id) && b.id >= 0 && b.id < 2 ** 32)) {
    return [...bodies].sort((x, y) => rank.get(x.name)! - rank.get(y.name)! || x.id - y.id).map((b) => b.id);
  }
  const keys = new Float64Array(bodies.length);
  bodies.forEach((b, i) => { keys[i] = rank.get(b.name)! * 2 ** 32 + b.id; });
  return Array.from(keys.sort(), (k) => k % 2 ** 32);
}

/** What a contributor's line needs of its report. */
type ReportOf = Pick<RollupMeta, 'reportId' | 'status' | 'version'>;

/**
 * A body's line in a roll-up summing `version`: its report (none: missing), and whether the report is summed or why
 * not — another template, or counted in its parent's report (`inParent`: the parent declares 口径 including
 * subordinates and has a report).
 */
export function contributorOf(body: { id: number; name: string }, report: ReportOf | undefined,
  version: TemplateVersion, inParent: boolean): RollupContributor {
  let reason: string | null = null;
  if (!report) reason = '未报送';
  else if (report.version !== version) reason = `使用${report.version}版格式，未计入${version}版汇总`;
  else if (inParent) reason = '已计入上级单位报告（口径含下属单位）';
  return { bodyId: body.id, bodyName: body.name, reportId: report?.reportId ?? null,
    status: report ? report.status : 'missing', included: reason === null, reason };
}

/**
 * The 口径 check to make of the report of a body that includes its subordinates (`subs`, in body order, each with
 * its report if any): their reports of its template are summed; those without one, or with the other template
 * (which cannot be summed cell by cell), are named as missing.
 */
export function scopeOf(body: { name: string }, report: Pick<RollupMeta, 'reportId' | 'version'>,
  subs: { name: string; report?: Pick<RollupMeta, 'reportId' | 'version'> }[]): RollupPlan['scopes'][number] {
  const found = subs.filter((s) => s.report?.version === report.version).map((s) => s.report!.reportId);
  const missing = subs.filter((s) => !s.report).map((s) => s.name);
  for (const s of subs) {
    if (s.report && s.report.version !== report.version) missing.push(`${s.name}（${s.report.version}版格式）`);
  }
  return { reportId: report.reportId, bodyName: body.name, found, missing };
}

/** Plan the roll-up of `bodies` (the bodies expected) over their reports' metadata. */
export function planRollup(reports: RollupMeta[], bodies: AnalysisBody[], options: RollupOptions): RollupPlan {
  const year = options.year;
  const byBody = new Map<number, RollupMeta>();
  for (const r of reports) if (r.bodyId !== null && r.year === year) byBody.set(r.bodyId, r);
  const bodyIds = new Set(bodies.map((b) => b.id));
  const count = { '2019': 0, '2021': 0 };
  for (const r of byBody.values()) if (bodyIds.has(r.bodyId!)) count[r.version]++;
  const version = options.template ?? majorityTemplate(count, year);
  const includes = new Map(bodies.map((b) => [b.id, b.scope === 'including-subordinates' && byBody.has(b.id)]));
  const contributors: RollupContributor[] = [];
  const included: RollupPlan['included'] = [];
  const byId = new Map(bodies.map((b) => [b.id, b]));
  for (const b of contributorOrder(bodies).map((id) => byId.get(id)!)) {
    const c = contributorOf(b, byBody.get(b.id), version, b.parentId !== null && !!includes.get(b.parentId));
    if (c.included) included.push({ reportId: c.reportId!, bodyId: b.id });
    contributors.push(c);
  }
  const children = new Map<number, AnalysisBody[]>();
  for (const b of bodies) {
    if (b.parentId === null) continue;
    const list = children.get(b.parentId);
    if (list) list.push(b);
    else children.set(b.parentId, [b]);
  }
  const scopes: RollupPlan['scopes'] = [];
  for (const b of bodies) {
    const r = byBody.get(b.id);
    if (b.scope !== 'including-subordinates' || !r) continue;
    scopes.push(scopeOf(b, r, (children.get(b.id) ?? []).map((s) => ({ name: s.name, report: byBody.get(s.id) }))));
  }
  const label = options.parentBodyId != null ? (bodies.find((b) => b.id === options.parentBodyId)?.name ?? '')
    : (options.regionCode ?? '');
  const reported = contributors.filter((c) => c.reportId !== null).length;
  const counts = { bodies: contributors.length, reports: reported, included: included.length,
    missing: contributors.length - reported };
  return { year, version, label, regionCode: options.regionCode ?? null, parentBodyId: options.parentBodyId ?? null,
    contributors, counts, included, scopes };
}

/** Every key a roll-up of `version` may sum: its cells and the one-row form of （六）其他处理. */
export function totalKeys(version: TemplateVersion): string[] {
  return [...new Set([...rollupKeys(version, false), ...rollupKeys(version, true)])];
}

/** The totals of reports in memory (undefined: absent; null: blank). */
export function totalsOf(reports: Report[], version: TemplateVersion): RollupTotals {
  const sums: Record<string, number | null> = {};
  for (const key of totalKeys(version)) {
    const sum = sumOf(reports, key, true);
    if (sum !== undefined) sums[key] = sum;
  }
  return { single: reports.some((r) => singleOther(r)), sums };
}

/** The cells a drill-down into `keys` reads: the keys, and the items of a one-row （六）其他处理. */
export function drillCells(keys: string[]): string[] {
  const out = new Set(keys);
  for (const k of keys) {
    if (!k.startsWith('applications/outcome.other/')) continue;
    for (const item of ITEMS) out.add(cellKey('applications', item, splitCellKey(k).column));
  }
  return [...out];
}

/** Drill-down: per key, each summed report's body and contribution (reports without the cell left out). */
export function drillDown(plan: Pick<RollupPlan, 'included'>, keys: string[],
  reports: Map<number, Pick<Report, 'cells'>>): Record<string, [number, number | null][]> {
  const out: Record<string, [number, number | null][]> = {};
  for (const key of keys) {
    const list: [number, number | null][] = [];
    for (const { reportId, bodyId } of plan.included) {
      const r = reports.get(reportId);
      const v = r ? contribution(r, key, true) : undefined;
      if (v !== undefined) list.push([bodyId, v]);
    }
    out[key] = list;
  }
  return out;
}

/** The 口径 check of one report from its own totals and those of its subordinates found. */
function scopeCheck(scope: RollupPlan['scopes'][number], version: TemplateVersion, own: RollupTotals,
  found: RollupTotals): ScopeCheck {
  const single = own.single || found.single;
  const keys = rollupKeys(version, single);
  const differences: CellDifference[] = [];
  for (const key of keys) {
    const sum = found.sums[key];
    if (sum === undefined || sum === null) continue; // nothing to compare with
    const mine = own.sums[key];
    if (mine === undefined) continue;
    if (mine !== round4(sum)) differences.push({ key, a: mine, b: round4(sum) });
  }
  return {
    reportId: scope.reportId, bodyName: scope.bodyName, differences, missing: scope.missing,
    summed: scope.found.length, complete: scope.missing.length === 0,
  };
}

/**
 * The roll-up from its plan and sums: the summed cells, their checks, the 口径 checks and any drill-down. Who is summed
 * (plan.included) is in the sums already; the contributors may be one page of them.
 */
export function finishRollup(plan: Omit<RollupPlan, 'included'>, sums: RollupSums,
  byContributor: Record<string, [number, number | null][]> = {}): Rollup {
  const keys = rollupKeys(plan.version, sums.included.single);
  const cells: Record<string, number | null> = {};
  for (const key of keys) {
    const v = sums.included.sums[key];
    if (v !== undefined) cells[key] = v === null ? null : round4(v);
  }
  const findings = checkSums(cells, plan.version, plan.year, plan.label);
  const scopeChecks = plan.scopes.map((s, i) => scopeCheck(s, sums.versions[i], sums.scopes[i].own,
    sums.scopes[i].found));
  return {
    regionCode: plan.regionCode, parentBodyId: plan.parentBodyId, year: plan.year, template: plan.version,
    cells, findings, contributors: plan.contributors, counts: plan.counts, byContributor, scopeChecks,
  };
}

/** One page of a roll-up's contributors, in their order (the API's answer: a province expects ~10,000 bodies). */
export function rollupPage(r: Rollup, page: { limit: number; offset: number }): Rollup {
  return { ...r, contributors: r.contributors.slice(page.offset, page.offset + page.limit), offset: page.offset,
    limit: page.limit };
}

/**
 * Roll up the year's reports of `bodies` (the bodies expected under the region or parent; their reports in
 * `reports`), in memory. Bodies without a report are listed as missing contributors. The drill-down covers
 * `options.drillKeys`, by default every summed key.
 */
export function rollup(reports: Input[], bodies: AnalysisBody[], options: RollupOptions): Rollup {
  const metas = reports.map((r) => ({ reportId: r.reportId, bodyId: r.bodyId, status: r.status,
    year: r.year ?? r.report.year, version: versionOf(r.report) }));
  const plan = planRollup(metas, bodies, options);
  const byId = new Map(reports.map((r) => [r.reportId, r.report]));
  const pick = (ids: number[]) => ids.map((id) => byId.get(id)!);
  const included = totalsOf(pick(plan.included.map((r) => r.reportId)), plan.version);
  const versions = plan.scopes.map((s) => versionOf(byId.get(s.reportId)!));
  const scopes = plan.scopes.map((s, i) => ({
    own: totalsOf([byId.get(s.reportId)!], versions[i]), found: totalsOf(pick(s.found), versions[i]),
  }));
  const drill = options.drillKeys ?? rollupKeys(plan.version, included.single);
  return finishRollup(plan, { included, scopes, versions }, drillDown(plan, drill, byId));
}
