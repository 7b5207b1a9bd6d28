// The analysis functions (Node-free): compare two reports, 雷同 screening, roll-up with 口径 checks, indicators,
// filing status, 通报 scoring. The exports of their tables (XLSX, DOCX, CSV, JSON) are in exports.ts (Node).
export { analysisInput } from './input.js';
export {
  compareReports, cellDifferences, textReuse, DEFAULT_MIN_PASSAGE, type CompareInput, type CompareOptions,
} from './compare.js';
export { screenSimilarity, SIMILARITY_DEFAULTS } from './similarity.js';
export {
  rollup, planRollup, finishRollup, rollupPage, totalsOf, drillDown, sumCells, checkSums, syntheticReport,
  RELATION_RULES,
} from './rollup.js';
export {
  indicatorTable, indicatorTableOf, indicatorParts, reportIndicators, rankIndicator, distribution, INDICATORS,
  INDICATOR_DEFAULTS,
} from './indicators.js';
export { filingStatus, dueDateOf, nextWorkingDay, DEFAULT_DUE_DATES } from './filing.js';
export { scoreBodies, DEFAULT_SCORING_RULES, DEDUCTION_NAMES } from './scoring.js';
export type * from '../model/analysis.js';
