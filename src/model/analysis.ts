// The shapes of analysis results (compare, 雷同 screening, roll-up, indicators, filing status, 通报 scoring):
// produced by the pure functions of src/analysis, sent by the API, drawn by the web app. Node-free.
import type { Finding } from './report.js';
import type { BodyLevel, ReportStatus } from './api.js';

// ---------------------------------------------------------------- compare and text reuse

export interface CellDifference {
  key: string;
  a: number | null | undefined;
  b: number | null | undefined;
}

export interface SharedPassage {
  /** the passage as it stands in report a */
  text: string;
  /** character offsets in each section text */
  a: [number, number];
  b: [number, number];
}

export interface SectionReuse {
  key: string;
  /** share of report b's section text (characters) that also stands in report a, 0–1 */
  rate: number;
  passages: SharedPassage[];
}

export interface ComparisonSide {
  reportId: number | null;
  label: string;
  year: number | null;
  findings: Finding[];
}

export interface Comparison {
  a: ComparisonSide;
  b: ComparisonSide;
  cells: CellDifference[];
  sections: SectionReuse[];
  /** share of the whole text of b found in a, 0–1 */
  overallRate: number;
}

export interface SimilarPair {
  a: { reportId: number; label: string; year: number | null };
  b: { reportId: number; label: string; year: number | null };
  kind: 'previous-year' | 'peer';
  /** estimated similarity 0–1 (MinHash Jaccard of shingles), then confirmed repetition rate */
  similarity: number;
  rate: number;
}

// ---------------------------------------------------------------- roll-up

export interface RollupContributor {
  bodyId: number;
  bodyName: string;
  reportId: number | null;
  /** the contributor's value for the cell asked about (drill-down), or its status when missing */
  status: ReportStatus | 'missing';
}

export interface ScopeCheck {
  /** a government report that declares it includes its subordinates */
  reportId: number;
  bodyName: string;
  /** cells where the report differs from the sum of its subordinates */
  differences: CellDifference[];
  /** subordinate bodies whose report is missing (the check is then partial, not failed) */
  missing: string[];
}

export interface Rollup {
  regionCode: string | null;
  parentBodyId: number | null;
  year: number;
  template: '2019' | '2021';
  /** summed cells keyed as in the parse record */
  cells: Record<string, number | null>;
  /** the relations checked on the sums */
  findings: Finding[];
  contributors: RollupContributor[];
  /** for drill-down: cell key → [bodyId, value][] */
  byContributor: Record<string, [number, number | null][]>;
  scopeChecks: ScopeCheck[];
}

// ---------------------------------------------------------------- indicators

export type IndicatorId =
  | 'applications' // 收到申请数（本年新收）
  | 'applicationsPerBody'
  | 'disclosureRate' // 公开率 (予以公开 + 部分公开) / 已办结
  | 'denialShare' // 不予公开 / 已办结
  | 'unableShare' // 无法提供 / 已办结
  | 'notProcessedShare' // 不予处理 / 已办结
  | 'reviewCorrectionRate' // 复议纠错率 纠正 / 已审结
  | 'litigationCorrectionRate' // 诉讼纠错率 纠正 / 已审结
  | 'carriedForward'; // 结转下年度继续办理

export interface IndicatorDefinition {
  id: IndicatorId;
  name: string;
  nameEn: string;
  /** the definition as shown to users, naming the cells */
  definition: string;
  definitionEn: string;
  kind: 'count' | 'rate';
}

export interface IndicatorValue {
  id: IndicatorId;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** a rate over fewer cases than the configured minimum is hidden (value null, hidden true) */
  hidden: boolean;
}

export interface IndicatorRow {
  bodyId: number | null;
  label: string;
  year: number;
  values: IndicatorValue[];
}

export interface IndicatorTable {
  definitions: IndicatorDefinition[];
  minCases: number;
  rows: IndicatorRow[];
  /** region totals per year, for trends */
  trend: IndicatorRow[];
}

// ---------------------------------------------------------------- filing status (催报)

export interface FilingRow {
  bodyId: number;
  bodyName: string;
  level: BodyLevel;
  regionCode: string;
  /** YYYY-MM-DD */
  dueDate: string;
  reportId: number | null;
  status: ReportStatus | 'missing';
  submittedAt: string | null;
  publishedAt: string | null;
  /** days past the due date without filing (or filed late by), 0 when on time */
  daysOverdue: number;
  late: boolean;
}

export interface FilingSummary {
  expected: number;
  filed: number;
  returned: number;
  accepted: number;
  published: number;
  overdue: number;
  missing: number;
}

export interface FilingStatus {
  regionCode: string | null;
  year: number;
  /** the date the status is computed for (YYYY-MM-DD) */
  asOf: string;
  summary: FilingSummary;
  rows: FilingRow[];
}

// ---------------------------------------------------------------- 通报 scoring

export type DeductionKind =
  | 'late-filing'
  | 'late-publication'
  | 'missing-section'
  | 'missing-table'
  | 'strict-error'
  | 'similarity'
  | 'returned-not-fixed'
  | 'not-filed';

export interface ScoringRule {
  kind: DeductionKind;
  /** points deducted per occurrence */
  points: number;
  /** at most this many points for this kind per report (null: no cap) */
  cap: number | null;
  /** similarity: the repetition rate above which it applies; returned-not-fixed: days allowed */
  threshold: number | null;
  enabled: boolean;
}

export interface Deduction {
  kind: DeductionKind;
  points: number;
  /** what shows the deduction is due: the finding, the dates, the similar report */
  evidence: string;
  evidenceEn: string;
  reportId: number | null;
}

export interface RankingRow {
  rank: number;
  bodyId: number;
  bodyName: string;
  level: BodyLevel;
  reportId: number | null;
  score: number;
  deductions: Deduction[];
}

export interface Ranking {
  regionCode: string | null;
  year: number;
  base: number;
  rules: ScoringRule[];
  rows: RankingRow[];
}
