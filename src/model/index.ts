// The `gongkai/model` entry: everything a browser or the server needs to hold and check a report without
// Node — the report, cell, finding and template types, the templates, the relations, the rules with
// checkReport, and the message catalogue. Nothing imported from here may touch node:* (test/model-entry.test.ts
// bundles it for the browser to prove it).
export type {
  Report, Cell, Section, SourceRef, NarrativeFigure, Diagnostic, Finding, FindingCell, ParseRecord, ReadHow, Severity,
  RuleId, DiagnosticCode, SourceFormat, Bilingual, YearStatement, YearFrom, AgencyFrom,
} from './report.js';
export { SOURCE_FORMATS, isSourceFormat, bilingual } from './report.js';
export {
  formatFinding, formatMessage, isMessageId, type Lang, type MessageId, type MessageArgs, type MessageData,
  type JsonValue,
} from './messages.js';
export { cellText, cellTextEn, columnLabel, rowLabel, tableLabel, GROUP_LABELS } from './labels.js';
export type {
  TemplateVersion, TableGroup, TableDef, RowDef, ColumnDef, SectionDef, TemplateData, ValueType,
} from './template.js';
export {
  TEMPLATES, template, tableDef, cellKey, splitCellKey, cellLabel, allCellKeys, tableGroupOf, groupItems,
} from './template.js';
export {
  relationsFor, relationsOf, relationsWithPrefix, parseTerm, applicationsTable, layoutTables,
  type Relation, type Term, type RelationKind, type RelationOp,
} from './relations.js';
export { inferVersion, versionOf, otherShapeOf, layoutOf, type Layout, type OtherLayout } from './layout.js';
export {
  tableGrid, APPLICATIONS_CORNER, APPLICANT_GROUPS, REVIEW_GROUPS, type TableGrid, type GridCell, type GridHead,
  type GridValue,
} from './table-grid.js';
export { checkReport, ALL_RULES, ruleById, type Rule, type RuleContext } from '../rules/index.js';
export type * from './api.js';
export { openFindingFlags } from './finding-flags.js';
export type * from './analysis.js';
export { MONTH_DAY_PATTERN, isMonthDay } from './analysis.js';
export { agencyKey, sameAgency } from './agency-key.js';
