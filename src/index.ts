// gongkai's library API: read a report (file or bytes) into the checked report model, check it, render it,
// generate synthetic reports. Types shared with the CLI, the server and the UI are exported from here.
export type {
  Report, Cell, Section, SourceRef, NarrativeFigure, Diagnostic, Finding, FindingCell, ParseRecord, ReadHow, Severity,
  RuleId, DiagnosticCode, SourceFormat, Bilingual,
} from './model/report.js';
export type { TemplateVersion, TableGroup, TableDef, RowDef, ColumnDef, TemplateData } from './model/template.js';
export {
  TEMPLATES, template, tableDef, cellKey, splitCellKey, cellLabel, allCellKeys, tableGroupOf,
} from './model/template.js';
export { relationsFor, relationsOf, type Relation } from './model/relations.js';
export type {
  GDocument, Block, TableBlock, TableRow, TableCell, HeadingBlock, ParagraphBlock,
} from './document/model.js';
export { parseFile, parseBytes, loadReport, loadBytes, toParseRecord } from './parse.js';
export { readBytes, readPath, expandFile, READERS, type Reader, type ReaderFormat } from './readers/index.js';
export { readText } from './readers/text.js';
export { readHtml } from './readers/html.js';
export { decodeBytes } from './readers/decode.js';
export { recognise } from './recognise/index.js';
export { checkReport, ALL_RULES, ruleById, type Rule, type RuleContext } from './rules/index.js';
export {
  render, renderMarkdown, renderHtml, renderText, renderJson, renderCsv, RENDER_FORMATS, REPORT_SCHEMA, RENDERERS,
  OUTPUT_FORMATS, type RenderFormat, type OutputFormat, type Renderer, type RenderOptions,
} from './render/index.js';
export { formatFinding, formatMessage, type Lang, type MessageId } from './model/messages.js';
export { renderDocx } from './render/docx.js';
export { renderXlsx } from './render/xlsx.js';
export {
  generateReport, generateCorpus, writeCorpus, LAYOUTS, DAMAGES, type LayoutName, type DamageName, type Truth,
} from './generate/index.js';
export { InputError } from './errors.js';
