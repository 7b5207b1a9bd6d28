// 通报 scoring: each expected body starts from a base score and loses points by configurable deduction rules —
// late filing, late publication, missing sections or tables, strict-relation errors, 雷同 over a threshold,
// returned and not fixed in time, not filed — every deduction with its evidence in Chinese and English; then a
// ranked table (competition ranking: equal scores share a rank, the next rank skips). Node-free.
import type {
  AnalysisReport, Deduction, DeductionKind, FilingRow, FilingStatus, Ranking, RankingRow, ScoringOptions, ScoringRule,
  SimilarPair,
} from '../model/analysis.js';
import type { Finding } from '../model/report.js';
import { checkReport } from '../rules/index.js';
import { RELATION_RULES } from './rollup.js';
import { competitionRanks, dayOf, daysBetween, nameOrder, today, withDefaults } from './util.js';

/** A common shape of local rules; every office sets its own (PUT /api/settings/scoring). */
export const DEFAULT_SCORING_RULES: ScoringRule[] = [
  { kind: 'not-filed', points: 20, cap: null, threshold: null, enabled: true },
  { kind: 'late-filing', points: 2, cap: null, threshold: null, enabled: true },
  { kind: 'late-publication', points: 2, cap: null, threshold: null, enabled: true },
  { kind: 'missing-section', points: 1, cap: 6, threshold: null, enabled: true },
  { kind: 'missing-table', points: 2, cap: 6, threshold: null, enabled: true },
  { kind: 'strict-error', points: 1, cap: 10, threshold: null, enabled: true },
  { kind: 'similarity', points: 5, cap: 5, threshold: 0.5, enabled: true },
  { kind: 'returned-not-fixed', points: 3, cap: null, threshold: 10, enabled: true },
];

export const DEDUCTION_NAMES: Record<DeductionKind, { zh: string; en: string }> = {
  'not-filed': { zh: '未报送', en: 'Not filed' },
  'late-filing': { zh: '逾期报送', en: 'Filed late' },
  'late-publication': { zh: '逾期公开', en: 'Published late' },
  'missing-section': { zh: '缺少部分', en: 'Missing section' },
  'missing-table': { zh: '缺少表格', en: 'Missing table' },
  'strict-error': { zh: '表内勾稽错误', en: 'Table relation error' },
  similarity: { zh: '内容雷同', en: 'Repeated text' },
  'returned-not-fixed': { zh: '退回后未按时整改', en: 'Returned and not fixed in time' },
};

type Report = Pick<AnalysisReport,
  'reportId' | 'bodyId' | 'report' | 'findings' | 'status' | 'returnedAt' | 'resubmittedAt'>;
type Draft = Omit<Deduction, 'points'>;

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

function filingDeductions(f: FilingRow, asOf: string): { kind: DeductionKind; d: Draft }[] {
  const out: { kind: DeductionKind; d: Draft }[] = [];
  const filed = f.status !== 'missing' && f.status !== 'draft' && f.status !== 'pending';
  if (!filed && f.late)
    out.push({ kind: 'not-filed', d: { kind: 'not-filed', reportId: f.reportId,
      evidence: `应于${f.dueDate}前报送，截至${asOf}未报送（已逾期${f.daysOverdue}天）`,
      evidenceEn: `Due ${f.dueDate}; not filed by ${asOf} (${f.daysOverdue} days overdue)` } });
  if (filed && f.late)
    out.push({ kind: 'late-filing', d: { kind: 'late-filing', reportId: f.reportId,
      evidence: `应于${f.dueDate}前报送，${f.submittedAt}报送，逾期${f.daysOverdue}天`,
      evidenceEn: `Due ${f.dueDate}; filed ${f.submittedAt}, ${f.daysOverdue} days late` } });
  // unpublished after the date: the body's doing once its report is accepted (it may publish) or returned (its
  // report was not fit to publish); while the report waits for review the delay is the office's
  const canPublish = f.publishedAt !== null || f.status === 'accepted' || f.status === 'returned';
  if (filed && f.latePublication && canPublish) {
    const due = f.publicationDue ?? f.dueDate;
    const n = f.daysLatePublication ?? 0;
    out.push({ kind: 'late-publication', d: f.publishedAt
      ? { kind: 'late-publication', reportId: f.reportId, evidence: `应于${due}前公开，${f.publishedAt}公开，逾期${n}天`,
        evidenceEn: `To be published by ${due}; published ${f.publishedAt}, ${n} days late` }
      : { kind: 'late-publication', reportId: f.reportId, evidence: `应于${due}前公开，截至${asOf}尚未公开（已逾期${n}天）`,
        evidenceEn: `To be published by ${due}; not published by ${asOf} (${n} days overdue)` } });
  }
  return out;
}

function findingDeductions(r: Report, findings: Finding[]): { kind: DeductionKind; d: Draft }[] {
  const out: { kind: DeductionKind; d: Draft }[] = [];
  for (const f of findings) {
    const kind: DeductionKind | null = f.ruleId === 'missing-section' ? 'missing-section'
      : f.ruleId === 'missing-table' ? 'missing-table'
      : f.severity === 'error' && RELATION_RULES.has(f.ruleId) ? 'strict-error' : null;
    if (kind)
      out.push({
        kind,
        d: { kind, reportId: r.reportId, ruleId: f.ruleId, evidence: f.message, evidenceEn: f.messageEn },
      });
  }
  return out;
}

function similarityDeductions(reportId: number, pairs: SimilarPair[], threshold: number):
  { kind: DeductionKind; d: Draft }[] {
  const out: { kind: DeductionKind; d: Draft }[] = [];
  for (const p of pairs) {
    if (p.rate <= threshold) continue;
    // previous year: the newer report repeats the older; between peers neither is known to be the copy: both
    const other = p.b.reportId === reportId ? p.a : p.kind === 'peer' && p.a.reportId === reportId ? p.b : null;
    if (!other) continue;
    const what = p.kind === 'previous-year' ? `本单位${other.year ?? ''}年报告` : `${other.label}${other.year ?? ''}年报告`;
    const whatEn = p.kind === 'previous-year' ? `its own ${other.year ?? ''} report`
      : `the ${other.year ?? ''} report of ${other.label}`;
    out.push({ kind: 'similarity', d: { kind: 'similarity', reportId, otherReportId: other.reportId,
      evidence: `与${what}重复率${pct(p.rate)}，超过${pct(threshold)}`,
      evidenceEn: `${pct(p.rate)} of its text repeats ${whatEn} (over ${pct(threshold)})` } });
  }
  return out;
}

function returnDeduction(r: Report, days: number, asOf: string): { kind: DeductionKind; d: Draft }[] {
  const returned = dayOf(r.returnedAt);
  if (!returned) return [];
  const fixed = dayOf(r.resubmittedAt);
  const still = r.status === 'returned';
  const took = fixed ? daysBetween(returned, fixed) : still ? daysBetween(returned, asOf) : 0;
  if (took <= days) return [];
  const evidence = fixed ? `${returned}退回，${fixed}重新报送，用时${took}天，超过${days}天`
    : `${returned}退回，截至${asOf}未重新报送（${took}天），超过${days}天`;
  const evidenceEn = fixed ? `Returned ${returned}, filed again ${fixed}: ${took} days, over ${days}`
    : `Returned ${returned}, not filed again by ${asOf} (${took} days), over ${days}`;
  const kind = 'returned-not-fixed';
  return [{ kind, d: { kind, reportId: r.reportId, evidence, evidenceEn } }];
}

/** Points of each deduction under its rule's cap (a deduction past the cap stays listed, with 0 points). */
function apply(drafts: { kind: DeductionKind; d: Draft }[], rules: Map<DeductionKind, ScoringRule>): Deduction[] {
  const used = new Map<DeductionKind, number>();
  const out: Deduction[] = [];
  for (const { kind, d } of drafts) {
    const rule = rules.get(kind);
    if (!rule || !rule.enabled) continue;
    const so = used.get(kind) ?? 0;
    const points = rule.cap === null ? rule.points : Math.max(0, Math.min(rule.points, rule.cap - so));
    used.set(kind, so + points);
    const capped = points < rule.points;
    const note = capped ? { evidence: `${d.evidence}（已达该项扣分上限）`, evidenceEn: `${d.evidenceEn} (cap reached)` } : {};
    out.push({ ...d, points, ...note });
  }
  return out;
}

/**
 * Score and rank the bodies of a filing status: its rows are the expected bodies; `reports` give findings and
 * return dates; `similar` the 雷同 pairs of the year (screenSimilarity, with a threshold at or below the rule's).
 */
export function scoreBodies(filing: FilingStatus, reports: Report[], similar: SimilarPair[], options: ScoringOptions):
  Ranking {
  const defaults = {
    asOf: filing.asOf ?? today(), base: 100, rules: DEFAULT_SCORING_RULES, regionCode: filing.regionCode,
  };
  const o = withDefaults(defaults, options);
  const rules = new Map(o.rules.map((r) => [r.kind, r]));
  const byId = new Map(reports.map((r) => [r.reportId, r]));
  const rows = filing.rows.map((f): Omit<RankingRow, 'rank'> => {
    const drafts = filingDeductions(f, o.asOf);
    const r = f.reportId !== null ? byId.get(f.reportId) : undefined;
    if (r && f.status !== 'missing') {
      drafts.push(...findingDeductions(r, r.findings ?? checkReport(r.report)));
      const sim = rules.get('similarity');
      drafts.push(...similarityDeductions(r.reportId, similar, sim?.threshold ?? 0.5));
      drafts.push(...returnDeduction(r, rules.get('returned-not-fixed')?.threshold ?? 10, o.asOf));
    }
    const deductions = apply(drafts, rules);
    const deducted = Math.round(deductions.reduce((s, d) => s + d.points, 0) * 100) / 100;
    const score = Math.max(0, o.base - deducted);
    return {
      bodyId: f.bodyId, bodyName: f.bodyName, level: f.level, reportId: f.reportId, score, deductions, deducted,
    };
  });
  const byName = nameOrder(rows.map((r) => r.bodyName));
  rows.sort((a, b) => b.score - a.score || byName(a.bodyName, b.bodyName) || a.bodyId - b.bodyId);
  const ranks = competitionRanks(rows, (a, b) => a.score === b.score);
  return {
    regionCode: o.regionCode ?? null, year: o.year, base: o.base, rules: o.rules,
    rows: rows.map((r, i) => ({ rank: ranks[i], ...r })),
  };
}
