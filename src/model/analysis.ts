// The shapes of analysis results (compare, 雷同 screening, roll-up, indicators, filing status, 通报 scoring):
// produced by the pure functions of src/analysis, sent by the API, drawn by the web app. Node-free.
import type { Finding, Report } from './report.js';
import type { Body, BodyLevel, ReportStatus } from './api.js';

// ---------------------------------------------------------------- inputs of the analysis functions

/**
 * What the analysis functions need to know about a stored report besides its model: who filed it, for which
 * year, where it stands in the workflow and when each step happened (ISO dates or timestamps; only the date
 * part YYYY-MM-DD is used). The server builds it from the store's ReportSummary (src/analysis/input.ts).
 */
export interface ReportMeta {
  reportId: number;
  bodyId: number | null;
  bodyName: string;
  level: BodyLevel | null;
  regionCode: string | null;
  year: number | null;
  status: ReportStatus;
  /** first filed (已报送) */
  submittedAt?: string | null;
  acceptedAt?: string | null;
  publishedAt?: string | null;
  /** last returned (退回), and when it was filed again after that return */
  returnedAt?: string | null;
  resubmittedAt?: string | null;
}

/** What filing status reads of a report: who filed it, for which year, its status and the workflow's dates. */
export type FilingReport = Pick<ReportMeta, 'reportId' | 'bodyId' | 'year' | 'status' | 'submittedAt' | 'acceptedAt'
  | 'publishedAt'>;

/** A report with its metadata, and its stored findings when the caller has them (else they are computed). */
export interface AnalysisReport extends ReportMeta {
  report: Report;
  findings?: Finding[];
}

/** The bodies an analysis expects (filing status, roll-up, scope checks): the API's Body, or the fields used. */
export type AnalysisBody = Pick<Body, 'id' | 'name' | 'level' | 'regionCode' | 'parentId'> &
  Partial<Pick<Body, 'dueDate' | 'scope'>>;

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
  /** characters of b's prose repeated from a, and b's prose characters counted (text common to the region
   * excluded); for peers, of whichever side's share is the rate */
  sharedChars?: number;
  chars?: number;
}

export interface SimilarityOptions {
  /** the year screened; reports of year − 1 serve as each body's previous year */
  year: number;
  /** list pairs whose repetition rate is at least this (0–1, default 0.5) */
  threshold?: number;
  /** character shingle length (default 5) */
  shingle?: number;
  /** LSH: bands × rows = signature length (defaults 64 × 2, tuned for the 50 % rule: bench/similarity.mjs finds
   * every pair at 0.5; at 0.3 a few pairs near the threshold are missed — more bands find more, at more cost) */
  bands?: number;
  rows?: number;
  /** candidates with an estimated Jaccard below this are dropped before the exact check, unless the shingles
   * they share make half the threshold of the shorter report (default 0.08) */
  minJaccard?: number;
  /** shared passages shorter than this many characters are not counted as repetition (default 12) */
  minPassage?: number;
  /** shingles found in more than this share of the year's reports are common text, not 雷同 (default 0.2; 1: off) */
  commonShare?: number;
  /** the common-text filter applies only from this many reports on (default 10) */
  commonMinReports?: number;
  /** a report with fewer distinctive prose characters than this is not screened (default 80) */
  minChars?: number;
}

export interface SimilarityResult {
  year: number;
  threshold: number;
  /** reports screened, candidate pairs from the LSH buckets, pairs confirmed exactly */
  screened: number;
  candidates: number;
  confirmed: number;
  pairs: SimilarPair[];
}

// ---------------------------------------------------------------- roll-up

export interface RollupContributor {
  bodyId: number;
  bodyName: string;
  reportId: number | null;
  /** the contributor's value for the cell asked about (drill-down), or its status when missing */
  status: ReportStatus | 'missing';
  /** whether its cells are in the sums: not when missing, of another template, or counted in its parent's report */
  included?: boolean;
  /** why it is left out (zh) */
  reason?: string | null;
}

export interface ScopeCheck {
  /** a government report that declares it includes its subordinates */
  reportId: number;
  bodyName: string;
  /** cells where the report differs from the sum of its subordinates */
  differences: CellDifference[];
  /** subordinate bodies whose report is missing (the check is then partial, not failed) */
  missing: string[];
  /** subordinates whose reports were summed */
  summed?: number;
  /** true when no subordinate report is missing (differences are then real, not explained by the gaps) */
  complete?: boolean;
}

export interface RollupOptions {
  year: number;
  regionCode?: string | null;
  parentBodyId?: number | null;
  /** the template summed (default: the one most of the year's reports use) */
  template?: '2019' | '2021';
  /** cell keys kept in byContributor (the pure `rollup` default: all; the API's: none unless asked) */
  drillKeys?: string[];
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
  /** every body expected, in name order; or one page of them (the API: `limit`, `offset`; counts.bodies in all) */
  contributors: RollupContributor[];
  counts: RollupCounts;
  /** for drill-down: cell key → [bodyId, value][], for the keys asked (the API: `drill`, default none) */
  byContributor: Record<string, [number, number | null][]>;
  scopeChecks: ScopeCheck[];
  /** with a page of contributors: its place */
  offset?: number;
  limit?: number;
}

/** How many bodies a roll-up expects, how many of them filed a report (in its scope), are summed, filed none. */
export interface RollupCounts {
  bodies: number;
  reports: number;
  included: number;
  missing: number;
}

/** What planning a roll-up needs of a report: who filed it, for which year, in which template — no cell. */
export interface RollupMeta {
  reportId: number;
  bodyId: number | null;
  year: number | null;
  status: ReportStatus;
  version: '2019' | '2021';
}

/**
 * A roll-up decided before any cell is read: the template summed, every expected body with whether it counts (and
 * why not), the reports summed in contributor order, and the 口径 checks to make (the reports each compares with).
 * The sums then come from the models in memory (analysis `rollup`) or from the database (store rollup-sums.ts).
 */
export interface RollupPlan {
  year: number;
  version: '2019' | '2021';
  label: string;
  regionCode: string | null;
  parentBodyId: number | null;
  contributors: RollupContributor[];
  counts: RollupCounts;
  /** the reports summed, in contributor order */
  included: { reportId: number; bodyId: number }[];
  /** per report including its subordinates: its own id and the subordinates' reports of its template */
  scopes: { reportId: number; bodyName: string; found: number[]; missing: string[] }[];
}

/**
 * The raw sums of a set of reports over a template's keys in both shapes of （六）其他处理 (its three items and the
 * one row), and whether any of them prints it as one row: `sums` has no entry for a key none of them has, null
 * for one all printed blank.
 */
export interface RollupTotals {
  single: boolean;
  sums: Record<string, number | null>;
}

/** What the sums of a planned roll-up are made of: the included reports' totals, and per 口径 check two more. */
export interface RollupSums {
  included: RollupTotals;
  /** in plan.scopes order: the report's own totals (one report) and its subordinates' */
  scopes: { own: RollupTotals; found: RollupTotals }[];
  /** the scope reports' templates (a report including subordinates may use another than the roll-up's) */
  versions: ('2019' | '2021')[];
}

/** A drill-down into a few cells of a roll-up (GET /api/analysis/rollup/contributors). */
export interface RollupDrill {
  year: number;
  template: '2019' | '2021';
  /** cell key → [bodyId, value][] over the summed reports (a report without the cell is left out; null: blank) */
  byContributor: Record<string, [number, number | null][]>;
  /** the bodies listed in byContributor, [bodyId, name, reportId] in contributor order (the roll-up pages its list) */
  bodies: [number, string, number][];
  /** cell key → how many summed reports have the cell (byContributor lists one page of them when a limit is asked) */
  total: Record<string, number>;
  /** the page: the first listed and how many at most (null: every one) */
  offset: number;
  limit: number | null;
  /** the order: 'body' the contributors' (by name), 'value' the largest first (blanks last) */
  sort: RollupDrillSort;
}

/** The order of a drill-down's contributors: the roll-up's (by name), or by value, the largest first. */
export type RollupDrillSort = 'body' | 'value';

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
  | 'carriedForward' // 结转下年度继续办理
  | 'handled' // 已办结（（七）总计）
  | 'carriedOver'; // 上年结转

export interface IndicatorDefinition {
  id: IndicatorId;
  name: string;
  nameEn: string;
  /** the definition as shown to users, naming the cells */
  definition: string;
  definitionEn: string;
  kind: 'count' | 'rate';
  /** the cells of the numerator and the denominator (template keys; a group name stands for its items' sum) */
  numerator?: string[];
  denominator?: string[];
  /** which way is better, for rankings (null: not ranked) */
  better?: 'higher' | 'lower' | null;
}

export interface IndicatorOptions {
  /** a rate over fewer cases than this is hidden (default 10) */
  minCases?: number;
  /** years to include (default: all years of the reports given) */
  from?: number;
  to?: number;
  /** bins of the distributions over 0–1 (default 10) */
  bins?: number;
}

/**
 * Which rows of an indicator table are given, in which order (GET /api/analysis/indicators: a province's year has
 * ~10,000 rows; its page, rankings and distributions are computed on the server).
 */
export interface IndicatorPageOptions {
  /**
   * 'label' (default): by year, then the body's name (zh order), then the report; an indicator: by its value (ties:
   * the larger denominator first, then in label order), rows without a value (unknown or hidden) last either way
   */
  sort?: 'label' | IndicatorId;
  /** 'asc' (default) or 'desc'; with 'label', desc is the exact reverse of asc */
  order?: 'asc' | 'desc';
  /** rows given (default: every row) and how many are skipped first */
  limit?: number;
  offset?: number;
  /** the rows of each ranking given: its first `top` (default: every ranked row) */
  top?: number;
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
  /** the report the row is read from (body rows); null for totals */
  reportId?: number | null;
  /** reports summed (totals rows) */
  reports?: number;
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
  /** with a page (IndicatorPageOptions): how many rows there are in all, and the page's place */
  total?: number;
  offset?: number;
  limit?: number;
  /** per rate, the bodies of the latest year ranked (hidden rates left out) */
  rankings?: IndicatorRanking[];
  /** per rate, how the bodies of the latest year spread (hidden rates left out) */
  distributions?: IndicatorDistribution[];
}

export interface IndicatorRanking {
  id: IndicatorId;
  year: number;
  /** best first (highest 公开率; lowest shares and correction rates), ties share a rank */
  rows: { rank: number; bodyId: number | null; label: string; value: number; denominator: number }[];
  /** bodies whose rate is hidden (fewer cases than the minimum) */
  hidden: number;
  /** with `top`: how many bodies are ranked in all (rows holds the first `top`) */
  total?: number;
}

export interface IndicatorDistribution {
  id: IndicatorId;
  year: number;
  /** bins [from, to) of the rate, the last closed */
  bins: { from: number; to: number; count: number }[];
  hidden: number;
  median: number | null;
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
  /** the date the report had to be published by (YYYY-MM-DD; 条例 第四十九条: the same as filing by default) */
  publicationDue?: string;
  /** published after that date, or still unpublished after it */
  latePublication?: boolean;
  daysLatePublication?: number;
  /** the body's due date as configured before moving it to a working day (when that option is on) */
  nominalDueDate?: string;
}

/**
 * A due date's month and day (MM-DD) that exists in every year: 02-29 is refused, as a rule that moves to 03-01
 * three years in four is not one a body can be held to. The API's schemas and the filing computation use it.
 */
export const MONTH_DAY_PATTERN = '^(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])'
  + '|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))$';
const MONTH_DAY = new RegExp(MONTH_DAY_PATTERN);

/** Whether a string is a due date's MM-DD (MONTH_DAY_PATTERN). */
export const isMonthDay = (s: string | null | undefined): s is string => typeof s === 'string' && MONTH_DAY.test(s);

/** The filing rules an admin sets (GET/PUT /api/settings/filing): they apply to every body without its own date. */
export interface FilingSettings {
  /** due dates MM-DD per body level (each level present: the setting over the defaults) */
  dueDates: Record<BodyLevel, string>;
  /** a due date on a weekend or public holiday moves to the next working day */
  workingDays: boolean;
  /** days after the filing due date by which the report must be published */
  publicationGraceDays: number;
}

/** What an admin sends to set the filing rules: a level left out of `dueDates` takes the default. */
export interface FilingSettingsRequest {
  dueDates: Partial<Record<BodyLevel, string>>;
  workingDays: boolean;
  publicationGraceDays: number;
}

export interface FilingOptions {
  year: number;
  /** YYYY-MM-DD; default today (UTC) */
  asOf?: string;
  /** due dates MM-DD per body level, over the defaults (departments 01-31, governments 03-31) */
  dueDates?: Partial<Record<BodyLevel, string>>;
  /** a due date on a weekend or public holiday moves to the next working day (chinese-days calendar) */
  workingDays?: boolean;
  /** days after the filing due date by which the report must be published (default 0: the same date) */
  publicationGraceDays?: number;
}

export interface FilingSummary {
  expected: number;
  filed: number;
  returned: number;
  accepted: number;
  published: number;
  overdue: number;
  missing: number;
  /** filed, but after the due date */
  filedLate?: number;
  /** started (draft or 待确认) but not filed */
  notFiled?: number;
}

/** How many of a region's bodies have a status and lateness (the filing page's summary is read as these groups). */
export interface FilingGroup {
  status: ReportStatus | 'missing';
  late: boolean;
  count: number;
}

/**
 * A filing page's place (offset, limit) and the first key of its order: days overdue or the due date (ties then go
 * by name), or none when the page is by name. Whoever lists the bodies of a page need list only those whose first
 * key ties with a place in the page (analysis/filing-order.ts): a province's 10,000 bodies are ordered by name only
 * for a page by name.
 */
export interface FilingWindow {
  key: 'overdue' | 'due' | 'name';
  desc: boolean;
  offset: number;
  limit: number;
}

export interface FilingStatus {
  regionCode: string | null;
  year: number;
  /** the date the status is computed for (YYYY-MM-DD) */
  asOf: string;
  summary: FilingSummary;
  /** every body's row, or one page of them (GET /api/analysis/filing with `limit`) */
  rows: FilingRow[];
  /** with a page: how many rows the filter keeps, and the page's place */
  total?: number;
  offset?: number;
  limit?: number;
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
  /** the finding's rule, the similar report, … (for links in the UI) */
  ruleId?: string;
  otherReportId?: number | null;
}

export interface RankingRow {
  rank: number;
  bodyId: number;
  bodyName: string;
  level: BodyLevel;
  reportId: number | null;
  score: number;
  deductions: Deduction[];
  /** points deducted in all */
  deducted?: number;
}

export interface ScoringOptions {
  year: number;
  regionCode?: string | null;
  /** YYYY-MM-DD; default today (UTC) */
  asOf?: string;
  /** points before deductions (default 100); a score never goes below 0 */
  base?: number;
  /** the deduction rules (default DEFAULT_SCORING_RULES of src/analysis/scoring.ts) */
  rules?: ScoringRule[];
}

export interface Ranking {
  regionCode: string | null;
  year: number;
  base: number;
  rules: ScoringRule[];
  rows: RankingRow[];
}

// ---------------------------------------------------------------- names shown in tables and exports

/** Workflow states as shown (zh, en); 'missing' = no report at all. */
export const STATUS_NAMES: Record<ReportStatus | 'missing', { zh: string; en: string }> = {
  pending: { zh: '待确认', en: 'Pending assignment' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报送', en: 'Submitted' },
  returned: { zh: '退回', en: 'Returned' },
  accepted: { zh: '已通过', en: 'Accepted' },
  published: { zh: '已发布', en: 'Published' },
  missing: { zh: '未报送', en: 'Missing' },
};

/** Body levels as shown (zh, en). */
export const LEVEL_NAMES: Record<BodyLevel, { zh: string; en: string }> = {
  province: { zh: '省级人民政府', en: 'Provincial government' },
  city: { zh: '设区的市人民政府', en: 'City government' },
  county: { zh: '县级人民政府', en: 'County government' },
  town: { zh: '乡镇人民政府', en: 'Town government' },
  street: { zh: '街道办事处', en: 'Sub-district office' },
  department: { zh: '政府部门', en: 'Government department' },
  committee: { zh: '管理委员会', en: 'Administrative committee' },
  other: { zh: '其他', en: 'Other' },
};
