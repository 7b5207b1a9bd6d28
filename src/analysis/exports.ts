// Downloads of analysis results and lists (GET /api/exports/*): the 通报 ranking as DOCX and XLSX, the filing list
// (催报) as XLSX, the roll-up as XLSX in the official table layout, indicators and the reports list as CSV, XLSX and
// JSON. Node side (exceljs, docx); the tables come from the pure functions beside this file.
import {
  AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IFontAttributesProperties,
} from 'docx';
import {
  LEVEL_NAMES, STATUS_NAMES, type FilingRow, type FilingStatus, type IndicatorRow, type IndicatorTable, type Ranking,
  type RankingRow, type Rollup, type RollupContributor, type ScopeCheck,
} from '../model/analysis.js';
import type { ReportSummary } from '../model/api.js';
import type { Finding } from '../model/report.js';
import { officialGrids } from '../render/docx.js';
import { labelOfCell } from '../render/layout.js';
import { TABLE_SHEETS, columnWidths, writeGrid } from '../render/xlsx.js';
import { syntheticReport } from './rollup.js';
import { DEDUCTION_NAMES } from './scoring.js';
import { addSheet, sheet, toCsv, toRecords, toXlsx, workbook, xlsxBytes, type Column } from './sheets.js';

export type ListFormat = 'csv' | 'xlsx' | 'json';

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  /** a file name to offer (ASCII; the server may add a UTF-8 filename* too) */
  filename: string;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (bytes: Uint8Array, format: keyof typeof CONTENT_TYPES, name: string): ExportFile =>
  ({ bytes, contentType: CONTENT_TYPES[format], filename: `${name}.${format}` });
const PCT = '0.0%';
const status = (s: keyof typeof STATUS_NAMES): string => STATUS_NAMES[s].zh;

// ---------------------------------------------------------------- reports list

const REPORT_COLUMNS: Column<ReportSummary>[] = [
  { key: 'id', header: '报告编号', width: 9, value: (r) => r.id },
  { key: 'body_id', header: '单位编号', width: 9, value: (r) => r.bodyId },
  { key: 'body', header: '单位', width: 30, value: (r) => r.bodyName },
  { key: 'level', header: '层级', width: 14,
    value: (r) => (r.bodyLevel ? LEVEL_NAMES[r.bodyLevel]?.zh ?? r.bodyLevel : null) },
  { key: 'region', header: '区划代码', width: 10, value: (r) => r.regionCode },
  { key: 'year', header: '年度', width: 7, value: (r) => r.year },
  { key: 'template', header: '格式', width: 7, value: (r) => r.template },
  { key: 'status', header: '状态', width: 8, value: (r) => status(r.status) },
  { key: 'version', header: '版本', width: 6, value: (r) => r.version },
  { key: 'title', header: '标题', width: 40, value: (r) => r.title },
  { key: 'agency', header: '报告所列机关', width: 26, value: (r) => r.agency },
  { key: 'errors', header: '错误', width: 6, value: (r) => r.counts.error },
  { key: 'warnings', header: '警告', width: 6, value: (r) => r.counts.warning },
  { key: 'info', header: '提示', width: 6, value: (r) => r.counts.info },
  { key: 'similar', header: '雷同', width: 6, value: (r) => (r.similar ? '是' : '否') },
  { key: 'submitted_at', header: '报送时间', width: 12, value: (r) => r.submittedAt },
  { key: 'accepted_at', header: '通过时间', width: 12, value: (r) => r.acceptedAt },
  { key: 'published_at', header: '发布时间', width: 12, value: (r) => r.publishedAt },
  { key: 'updated_at', header: '更新时间', width: 20, value: (r) => r.updatedAt },
];

/** The reports list (published reports for the public) as CSV, XLSX or JSON. */
export async function exportReports(items: ReportSummary[], format: ListFormat): Promise<ExportFile> {
  if (format === 'csv') return file(utf8(toCsv(REPORT_COLUMNS, items)), 'csv', 'reports');
  if (format === 'json') return file(utf8(JSON.stringify(toRecords(REPORT_COLUMNS, items))), 'json', 'reports');
  const list = sheet({ name: '报告列表', columns: REPORT_COLUMNS, rows: items });
  return file(await toXlsx('政府信息公开工作年度报告列表', [list]), 'xlsx', 'reports');
}

// ---------------------------------------------------------------- indicators

interface TidyIndicator { row: IndicatorRow; id: string }

/** Tidy: one line per body (or 合计), year and indicator, with the definition. */
function indicatorColumns(table: IndicatorTable): Column<TidyIndicator>[] {
  const def = new Map(table.definitions.map((d) => [d.id, d]));
  const v = (t: TidyIndicator) => t.row.values.find((x) => x.id === t.id)!;
  return [
    { key: 'year', header: '年度', value: (t) => t.row.year },
    { key: 'body_id', header: '单位编号', value: (t) => t.row.bodyId },
    { key: 'report_id', header: '报告编号', value: (t) => t.row.reportId ?? null },
    { key: 'body', header: '单位', width: 30, value: (t) => t.row.label },
    { key: 'indicator', header: '指标代码', value: (t) => t.id },
    { key: 'name', header: '指标', value: (t) => def.get(t.id as never)?.name },
    { key: 'value', header: '数值', value: (t) => v(t).value },
    { key: 'numerator', header: '分子', value: (t) => v(t).numerator },
    { key: 'denominator', header: '分母', value: (t) => v(t).denominator },
    { key: 'hidden', header: `不足${table.minCases}件不显示`, value: (t) => v(t).hidden },
    { key: 'definition', header: '定义', width: 50, value: (t) => def.get(t.id as never)?.definition },
  ];
}

function tidy(table: IndicatorTable): TidyIndicator[] {
  return [...table.rows, ...table.trend].flatMap((row) => table.definitions.map((d) => ({ row, id: d.id })));
}

/** One row per body and year, one column per indicator (rates as percentages; a hidden rate says why). */
function wideColumns(table: IndicatorTable): Column<IndicatorRow>[] {
  return [
    { key: 'year', header: '年度', width: 7, value: (r) => r.year },
    { key: 'body', header: '单位', width: 30, value: (r) => r.label },
    ...table.definitions.map((d): Column<IndicatorRow> => ({
      key: d.id, header: d.name, width: 12, numFmt: d.kind === 'rate' ? PCT : undefined,
      value: (r) => {
        const x = r.values.find((y) => y.id === d.id)!;
        return x.hidden ? `不足${table.minCases}件` : x.value;
      },
    })),
  ];
}

/** Indicators as tidy CSV, JSON (the whole table, definitions included) or XLSX (values, totals, definitions). */
export async function exportIndicators(table: IndicatorTable, format: ListFormat): Promise<ExportFile> {
  if (format === 'csv') return file(utf8(toCsv(indicatorColumns(table), tidy(table))), 'csv', 'indicators');
  if (format === 'json') return file(utf8(JSON.stringify(table)), 'json', 'indicators');
  const wide = wideColumns(table);
  const note = `比率的分母不足${table.minCases}件的不显示比率（仍列出分子与分母）。`;
  return file(await toXlsx('政府信息公开指标', [
    sheet({ name: '各单位指标', caption: ['政府信息公开指标', note], columns: wide, rows: table.rows }),
    sheet({ name: '合计与趋势', columns: wide, rows: table.trend }),
    sheet({ name: '指标说明', columns: [
      { key: 'id', header: '代码', width: 26, value: (d) => d.id },
      { key: 'name', header: '指标', width: 18, value: (d) => d.name },
      { key: 'definition', header: '定义', width: 60, value: (d) => d.definition },
      { key: 'definitionEn', header: 'Definition', width: 60, value: (d) => d.definitionEn },
    ], rows: table.definitions }),
  ]), 'xlsx', 'indicators');
}

// ---------------------------------------------------------------- 通报 ranking

const deductionText = (r: RankingRow): string =>
  r.deductions.filter((d) => d.points > 0)
    .map((d) => `${DEDUCTION_NAMES[d.kind].zh}扣${d.points}分：${d.evidence}`).join('；');

function rankingTitle(ranking: Ranking, label?: string): string {
  return `${label ?? ranking.regionCode ?? ''}${ranking.year}年度政府信息公开工作年度报告评估排名`;
}

const RANK_COLUMNS: Column<RankingRow>[] = [
  { key: 'rank', header: '名次', width: 6, value: (r) => r.rank },
  { key: 'body', header: '单位', width: 30, value: (r) => r.bodyName },
  { key: 'level', header: '层级', width: 14, value: (r) => LEVEL_NAMES[r.level]?.zh ?? r.level },
  { key: 'score', header: '得分', width: 8, value: (r) => r.score },
  { key: 'deducted', header: '扣分', width: 8, value: (r) => r.deducted ?? null },
  { key: 'deductions', header: '扣分情况', width: 80, value: deductionText },
];

async function rankingXlsx(ranking: Ranking, label?: string): Promise<Uint8Array> {
  const details = ranking.rows.flatMap((row) => row.deductions.map((d) => ({ row, d })));
  return toXlsx(rankingTitle(ranking, label), [
    sheet({
      name: '排名', caption: [rankingTitle(ranking, label), `基础分${ranking.base}分，按扣分规则扣减，同分并列。`],
      columns: RANK_COLUMNS, rows: ranking.rows,
    }),
    sheet({ name: '扣分明细', columns: [
      { key: 'body', header: '单位', width: 30, value: (x) => x.row.bodyName },
      { key: 'kind', header: '扣分项', width: 16, value: (x) => DEDUCTION_NAMES[x.d.kind].zh },
      { key: 'points', header: '扣分', width: 6, value: (x) => x.d.points },
      { key: 'evidence', header: '依据', width: 60, value: (x) => x.d.evidence },
      { key: 'evidenceEn', header: 'Evidence', width: 60, value: (x) => x.d.evidenceEn },
      { key: 'report_id', header: '报告编号', width: 9, value: (x) => x.d.reportId },
    ], rows: details }),
    sheet({ name: '扣分规则', columns: [
      { key: 'kind', header: '扣分项', width: 18, value: (r) => DEDUCTION_NAMES[r.kind].zh },
      { key: 'points', header: '每次扣分', width: 10, value: (r) => r.points },
      { key: 'cap', header: '上限', width: 8, value: (r) => r.cap },
      { key: 'threshold', header: '阈值', width: 8, value: (r) => r.threshold },
      { key: 'enabled', header: '启用', width: 6, value: (r) => (r.enabled ? '是' : '否') },
    ], rows: ranking.rules }),
  ]);
}

const FONT: IFontAttributesProperties = { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE_FONT: IFontAttributesProperties = {
  eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman',
};
const para = (text: string, size = 24, font = FONT, center = false): Paragraph =>
  new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text, font, size })],
  });

async function rankingDocx(ranking: Ranking, label?: string): Promise<Uint8Array> {
  const widths = [700, 2600, 900, 4600];
  const cell = (text: string, i: number, bold = false) => new TableCell({
    width: { size: widths[i], type: WidthType.DXA },
    children: [new Paragraph({
      alignment: i === 3 ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text, font: FONT, size: 21, bold })],
    })],
  });
  const header = new TableRow({
    tableHeader: true, children: ['名次', '单位', '得分', '扣分情况'].map((t, i) => cell(t, i, true)),
  });
  const rows = ranking.rows.map((r) => new TableRow({
    cantSplit: true,
    children: [String(r.rank), r.bodyName, String(r.score), deductionText(r) || '—'].map((t, i) => cell(t, i)),
  }));
  const rules = ranking.rules.filter((r) => r.enabled)
    .map((r) => `${DEDUCTION_NAMES[r.kind].zh}：每次扣${r.points}分` +
      `${r.cap !== null ? `，最多扣${r.cap}分` : ''}${r.threshold !== null ? `（阈值${r.threshold}）` : ''}`);
  const doc = new Document({
    creator: 'gongkai', title: rankingTitle(ranking, label),
    sections: [{ children: [
      para(rankingTitle(ranking, label), 36, TITLE_FONT, true),
      para(`基础分${ranking.base}分。扣分规则：${rules.join('；')}。得分相同者名次并列。`),
      new Table({
        rows: [header, ...rows], width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
      }),
    ] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The 通报 ranking as DOCX (a table for the 通报 text) or XLSX (ranking, every deduction, the rules). */
export async function exportRanking(ranking: Ranking, format: 'docx' | 'xlsx', label?: string): Promise<ExportFile> {
  if (format === 'docx') return file(await rankingDocx(ranking, label), 'docx', 'ranking');
  return file(await rankingXlsx(ranking, label), 'xlsx', 'ranking');
}

// ---------------------------------------------------------------- filing list (催报)

const FILING_COLUMNS: Column<FilingRow>[] = [
  { key: 'body', header: '单位', width: 30, value: (r) => r.bodyName },
  { key: 'level', header: '层级', width: 14, value: (r) => LEVEL_NAMES[r.level]?.zh ?? r.level },
  { key: 'region', header: '区划代码', width: 10, value: (r) => r.regionCode },
  { key: 'due', header: '应报日期', width: 12, value: (r) => r.dueDate },
  { key: 'status', header: '状态', width: 9, value: (r) => status(r.status) },
  { key: 'submitted', header: '报送日期', width: 12, value: (r) => r.submittedAt },
  { key: 'overdue', header: '逾期天数', width: 9, value: (r) => r.daysOverdue },
  { key: 'publication_due', header: '应公开日期', width: 12, value: (r) => r.publicationDue ?? null },
  { key: 'published', header: '公开日期', width: 12, value: (r) => r.publishedAt },
  { key: 'late_publication', header: '逾期公开天数', width: 11, value: (r) => r.daysLatePublication ?? null },
];

/** The filing status as XLSX: the summary above one row per expected body (overdue first). */
export async function exportFiling(filing: FilingStatus, label?: string): Promise<ExportFile> {
  const s = filing.summary;
  const summary = `应报${s.expected}家，已报送${s.filed}家（退回${s.returned}、已通过${s.accepted}、已发布${s.published}），` +
    `逾期未报${s.overdue}家，未报送${s.missing}家；统计截至${filing.asOf}。`;
  const title = `${label ?? filing.regionCode ?? ''}${filing.year}年度政府信息公开工作年度报告报送情况`;
  const list = sheet({ name: '报送情况', caption: [title, summary], columns: FILING_COLUMNS, rows: filing.rows });
  return file(await toXlsx(title, [list]), 'xlsx', 'filing');
}

// ---------------------------------------------------------------- roll-up

const FINDING_COLUMNS: Column<Finding>[] = [
  { key: 'rule', header: '规则', width: 16, value: (f) => f.ruleId },
  { key: 'message', header: '说明', width: 70, value: (f) => f.message },
  { key: 'messageEn', header: 'Message', width: 70, value: (f) => f.messageEn },
];

/** The roll-up as XLSX: the summed tables in the official layout, contributors, drill-down, checks, 口径. */
export async function exportRollup(result: Rollup, label?: string): Promise<ExportFile> {
  const name = label ?? result.regionCode ?? '';
  const title = `${name}${result.year}年度政府信息公开工作年度报告数据汇总`;
  const wb = workbook(title);
  const included = result.contributors.filter((c) => c.included !== false && c.reportId !== null);
  addSheet<RollupContributor>(wb, {
    name: '汇总说明',
    caption: [title, `格式：${result.template}版；计入${included.length}家，共${result.contributors.length}家。`],
    columns: [
      { key: 'body', header: '单位', width: 30, value: (c) => c.bodyName },
      { key: 'status', header: '状态', width: 9, value: (c) => status(c.status) },
      { key: 'included', header: '计入汇总', width: 9, value: (c) => (c.included === false ? '否' : '是') },
      { key: 'reason', header: '说明', width: 40, value: (c) => c.reason ?? '' },
    ],
    rows: result.contributors,
  });
  const report = syntheticReport(result.cells, result.template, result.year, name);
  for (const { section, grid } of officialGrids(report)) {
    const ws = wb.addWorksheet(TABLE_SHEETS[section]);
    if (!grid) { ws.getCell(1, 1).value = '（无数据）'; continue; }
    columnWidths(ws, grid);
    writeGrid(ws, grid, 1);
  }
  const checked = result.findings.length === 0 ? '汇总表通过全部表内勾稽关系核查。' : '汇总表未通过以下核查：';
  addSheet<Finding>(wb, { name: '核查结果', caption: [checked], columns: FINDING_COLUMNS, rows: result.findings });
  const keys = Object.keys(result.byContributor);
  const values = new Map(keys.map((k) => [k, new Map(result.byContributor[k])]));
  addSheet<RollupContributor | null>(wb, {
    name: '各单位明细',
    columns: [
      { key: 'body', header: '单位', width: 30, value: (c) => (c ? c.bodyName : '合计') },
      ...keys.map((k): Column<RollupContributor | null> => ({
        key: k, header: labelOfCell(result.template, k), width: 12,
        value: (c) => (c ? values.get(k)!.get(c.bodyId) ?? null : result.cells[k] ?? null),
      })),
    ],
    rows: [null, ...included],
  });
  addSheet<ScopeCheck>(wb, {
    name: '口径核对',
    caption: ['口径含下属单位的报告与下属单位报告之和的核对（有下属单位未报送时，差异可能由缺报引起）'],
    columns: [
      { key: 'body', header: '单位', width: 30, value: (s) => s.bodyName },
      { key: 'complete', header: '下属单位齐全', width: 12, value: (s) => (s.complete === false ? '否' : '是') },
      { key: 'missing', header: '未报送的下属单位', width: 40, value: (s) => s.missing.join('、') },
      { key: 'differences', header: '差异', width: 80,
        value: (s) => s.differences
          .map((d) => `${labelOfCell(result.template, d.key)}：本报告${d.a ?? '空白'}，下属合计${d.b ?? '空白'}`).join('；') },
    ],
    rows: result.scopeChecks,
  });
  return file(await xlsxBytes(wb), 'xlsx', 'rollup');
}
