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
import type {
  AnalysisBody, AnalysisReport, CellDifference, Rollup, RollupContributor, RollupOptions, ScopeCheck,
} from '../model/analysis.js';
import type { Cell, Finding, Report } from '../model/report.js';
import {
  TEMPLATES, allCellKeys, cellKey, splitCellKey, tableGroupOf, type TableGroup, type TemplateVersion,
} from '../model/template.js';
import { checkReport } from '../rules/index.js';
import { nameOrder, round4 } from './util.js';

/** The rules that check relations between cells (what a sum must keep); the others judge a printed report. */
export const RELATION_RULES = new Set([
  'balance', 'outcome-total', 'row-total', 'review-totals', 'group-subtotal', 'domain', 'published-le-total',
]);

type Input = Pick<AnalysisReport, 'reportId' | 'bodyId' | 'bodyName' | 'year' | 'status' | 'report'>;

const OTHER_ITEM = /^applications\/outcome\.other\.[^/]+\//;
const COLUMNS = TEMPLATES['2021'].tables.find((t) => t.key === 'applications')!.columns.map((c) => c.key);
const ITEMS = TEMPLATES['2021'].tables.find((t) => t.key === 'applications')!.rows
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
export function contribution(report: Report, key: string, single: boolean): number | null | undefined {
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
    let sum: number | null | undefined;
    for (const r of reports) {
      const v = contribution(r, key, single);
      if (v === undefined) continue;
      if (v === null) { if (sum === undefined) sum = null; continue; }
      sum = (sum ?? 0) + v;
    }
    if (sum !== undefined) out[key] = sum === null ? null : round4(sum);
  }
  return out;
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

function majorityTemplate(reports: Input[], year: number): TemplateVersion {
  const count = { '2019': 0, '2021': 0 };
  for (const r of reports) count[versionOf(r.report)]++;
  if (count['2019'] === count['2021']) return year <= 2020 ? '2019' : '2021';
  return count['2019'] > count['2021'] ? '2019' : '2021';
}

/** The 口径 check of one report that includes its subordinates. */
function scopeCheck(body: AnalysisBody, report: Input, subs: AnalysisBody[], byBody: Map<number, Input>): ScopeCheck {
  const version = versionOf(report.report);
  const found = subs.map((b) => byBody.get(b.id)).filter((r): r is Input => !!r && versionOf(r.report) === version);
  const missing = subs.filter((b) => !byBody.has(b.id)).map((b) => b.name);
  // a subordinate's report of the other template cannot be summed cell by cell: the check lacks it too
  for (const b of subs) {
    const other = byBody.get(b.id);
    if (other && versionOf(other.report) !== version) missing.push(`${b.name}（${versionOf(other.report)}版格式）`);
  }
  const single = singleOther(report.report) || found.some((r) => singleOther(r.report));
  const keys = rollupKeys(version, single);
  const sums = found.length === 0 ? {} : sumCells(found.map((r) => r.report), keys, single);
  const differences: CellDifference[] = [];
  for (const key of keys) {
    const sum = sums[key];
    if (sum === undefined || sum === null) continue; // nothing to compare with
    const own = contribution(report.report, key, single);
    if (own === undefined) continue;
    if (own !== sum) differences.push({ key, a: own, b: sum });
  }
  return {
    reportId: report.reportId, bodyName: body.name, differences, missing, summed: found.length,
    complete: missing.length === 0,
  };
}

/**
 * Roll up the year's reports of `bodies` (the bodies expected under the region or parent; their reports in
 * `reports`). Bodies without a report are listed as missing contributors.
 */
export function rollup(reports: Input[], bodies: AnalysisBody[], options: RollupOptions): Rollup {
  const year = options.year;
  const byBody = new Map<number, Input>();
  for (const r of reports) if (r.bodyId !== null && (r.year ?? r.report.year) === year) byBody.set(r.bodyId, r);
  const bodyIds = new Set(bodies.map((b) => b.id));
  const all = [...byBody.values()].filter((r) => bodyIds.has(r.bodyId!));
  const version = options.template ?? majorityTemplate(all, year);
  const includes = new Map(bodies.map((b) => [b.id, b.scope === 'including-subordinates' && byBody.has(b.id)]));
  const contributors: RollupContributor[] = [];
  const included: Input[] = [];
  const byName = nameOrder(bodies.map((b) => b.name));
  for (const b of [...bodies].sort((x, y) => byName(x.name, y.name) || x.id - y.id)) {
    const r = byBody.get(b.id);
    let reason: string | null = null;
    if (!r) reason = '未报送';
    else if (versionOf(r.report) !== version) reason = `使用${versionOf(r.report)}版格式，未计入${version}版汇总`;
    else if (b.parentId !== null && includes.get(b.parentId)) reason = '已计入上级单位报告（口径含下属单位）';
    if (r && reason === null) included.push(r);
    contributors.push({
      bodyId: b.id, bodyName: b.name, reportId: r?.reportId ?? null, status: r ? r.status : 'missing',
      included: reason === null,
      reason,
    });
  }
  const single = included.some((r) => singleOther(r.report));
  const keys = rollupKeys(version, single);
  const cells = sumCells(included.map((r) => r.report), keys, single);
  const label = options.parentBodyId != null ? (bodies.find((b) => b.id === options.parentBodyId)?.name ?? '')
    : (options.regionCode ?? '');
  const findings = checkSums(cells, version, year, label);
  const drill = options.drillKeys ?? keys;
  const byContributor: Record<string, [number, number | null][]> = {};
  for (const key of drill) {
    const list: [number, number | null][] = [];
    for (const r of included) {
      const v = contribution(r.report, key, single);
      if (v !== undefined) list.push([r.bodyId!, v]);
    }
    byContributor[key] = list;
  }
  const scopeChecks: ScopeCheck[] = [];
  for (const b of bodies) {
    const r = byBody.get(b.id);
    if (b.scope !== 'including-subordinates' || !r) continue;
    scopeChecks.push(scopeCheck(b, r, bodies.filter((x) => x.parentId === b.id), byBody));
  }
  return {
    regionCode: options.regionCode ?? null, parentBodyId: options.parentBodyId ?? null, year, template: version,
    cells, findings, contributors, byContributor, scopeChecks,
  };
}
