// A report as an Excel workbook (exceljs): a 报告正文 sheet (title, the six section headings and their text), one
// sheet per official table — 二 主动公开 (the four 第二十条 sub-tables on one grid), 三 申请, 四 复议诉讼 — with the
// official merged cells (header rows frozen; a cell a finding involves filled and noted), and a findings sheet
// (核查结果) when findings are given. Values are numbers (text only
// where the report printed a unit or sign the number alone would lose); blank and absent cells are empty.
import ExcelJS from 'exceljs';
import type { Finding, Report, Severity } from '../model/report.js';
import { FINDINGS_SHEET } from '../readers/xlsx.js';
import { neutraliseFormula } from './csv.js';
import { headerRows, officialGrids, proseOf, type OfficialGrid } from './docx.js';
import {
  MISSING_TABLE_NOTE, SECTION_NOT_FOUND, TRUNCATED_NOTE, displayTitle, labelOfCell, layoutVersion, sectionViews,
} from './layout.js';

/** Sheet names of the three tables, by section. */
export const TABLE_SHEETS: Record<number, string> = { 2: '二 主动公开', 3: '三 申请', 4: '四 复议诉讼' };

export interface XlsxOptions {
  /** findings of the checks, written to the 核查结果 sheet */
  findings?: Finding[];
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
const FONT = { name: '仿宋_GB2312', size: 11 };

/**
 * The value written for a cell's printed text: a number when the text is a plain number; text that a
 * spreadsheet would take for a formula once edited (=, +, -, @, tab, CR first) gets a leading ' (OWASP).
 */
function cellValue(text: string): ExcelJS.CellValue {
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : neutraliseFormula(text);
}

const FINDING_FILL: Record<Severity, ExcelJS.Fill> = {
  error: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
  warning: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } },
  info: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
};
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings by the cell keys they involve: the worst severity and each distinct message once. */
export function findingMarks(findings: Finding[]): Map<string, { severity: Severity; notes: string[] }> {
  const marks = new Map<string, { severity: Severity; notes: string[] }>();
  for (const f of findings) {
    const note = `[${SEVERITY_ZH[f.severity]}] ${f.message}${f.expected !== undefined ? `（应为 ${f.expected}）` : ''}`;
    for (const c of f.cells) {
      const m = marks.get(c.key) ?? { severity: f.severity, notes: [] };
      if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
      if (!m.notes.includes(note)) m.notes.push(note);
      marks.set(c.key, m);
    }
  }
  return marks;
}

/**
 * Write one grid at `top` (1-based row) with its merges; returns the next free row. A value cell some finding
 * involves is filled by the worst severity and carries the findings as its note.
 */
export function writeGrid(
  ws: ExcelJS.Worksheet, grid: OfficialGrid, top: number, marks?: ReturnType<typeof findingMarks>,
): number {
  const occupied = new Set<string>();
  grid.rows.forEach((cells, r) => {
    let col = 1;
    for (const c of cells) {
      while (occupied.has(`${r}:${col}`)) col++;
      for (let i = 0; i < c.rowSpan; i++) for (let j = 0; j < c.colSpan; j++) occupied.add(`${r + i}:${col + j}`);
      const row = top + r;
      if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(row, col, row + c.rowSpan - 1, col + c.colSpan - 1);
      const cell = ws.getCell(row, col);
      cell.value = c.header ? c.text : cellValue(c.text);
      cell.alignment = { vertical: 'middle', horizontal: c.label ? 'left' : 'center', wrapText: true };
      cell.font = { ...FONT, bold: c.colSpan === grid.width };
      if (c.header) cell.fill = HEADER_FILL;
      const mark = c.key ? marks?.get(c.key) : undefined;
      if (mark) {
        cell.fill = FINDING_FILL[mark.severity];
        cell.note = mark.notes.join('\n');
      }
      for (let i = 0; i < c.rowSpan; i++) {
        for (let j = 0; j < c.colSpan; j++) ws.getCell(row + i, col + j).border = THIN;
      }
      col += c.colSpan;
    }
  });
  return top + grid.rows.length;
}

export function columnWidths(ws: ExcelJS.Worksheet, grid: OfficialGrid): void {
  const widths = grid.key === 'active' ? [22, 18, 18, 18]
    : grid.key === 'applications' ? [12, 16, 26, ...Array(grid.width - 3).fill(10)]
    : Array(grid.width).fill(9);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function findingsSheet(wb: ExcelJS.Workbook, report: Report, findings: Finding[]): void {
  const ws = wb.addWorksheet(FINDINGS_SHEET);
  const version = layoutVersion(report);
  ws.columns = [
    { header: '级别', width: 8 }, { header: '规则', width: 18 }, { header: '说明', width: 60 },
    { header: 'Message', width: 60 },
    { header: '涉及单元格', width: 60 }, { header: '应为', width: 10 }, { header: '原文行', width: 8 },
  ];
  ws.getRow(1).font = { bold: true };
  if (findings.length === 0) ws.addRow(['', '', '未发现问题。', 'No problems found.']);
  for (const f of findings) {
    const cells = f.cells.map((c) => `${labelOfCell(version, c.key)} = ${c.value === null ? '空白' : c.value}`).join('；');
    ws.addRow([
      SEVERITY_ZH[f.severity], f.ruleId, neutraliseFormula(f.message), neutraliseFormula(f.messageEn),
      neutraliseFormula(cells), f.expected ?? null, f.source?.line ?? null,
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.eachRow((row) => row.eachCell((c) => (c.alignment = { vertical: 'top', wrapText: true })));
}

/** The title and the six sections with their text; where a section has a table, which sheet holds it. */
function textSheet(wb: ExcelJS.Workbook, report: Report, present: Map<number, boolean>): void {
  const ws = wb.addWorksheet('报告正文');
  ws.getColumn(1).width = 100;
  const add = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([neutraliseFormula(text)]);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  };
  add(displayTitle(report), { name: '方正小标宋简体', size: 16, bold: true });
  for (const s of sectionViews(report)) {
    add(s.title, { name: '黑体', size: 12, bold: true });
    if (!s.found) add(SECTION_NOT_FOUND, FONT);
    for (const p of proseOf(s)) add(p, FONT);
    if (present.has(s.no)) add(present.get(s.no) ? `（表格见工作表「${TABLE_SHEETS[s.no]}」）` : MISSING_TABLE_NOTE, FONT);
  }
  if (report.truncated) add(TRUNCATED_NOTE, FONT);
}

/** The report as XLSX bytes. */
export async function renderXlsx(report: Report, options: XlsxOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  wb.title = displayTitle(report);
  const grids = officialGrids(report);
  const marks = findingMarks(options.findings ?? []);
  textSheet(wb, report, new Map(grids.map((g) => [g.section, g.grid !== null])));
  for (const { section, grid } of grids) {
    const ws = wb.addWorksheet(TABLE_SHEETS[section]);
    if (!grid) {
      ws.getCell(1, 1).value = MISSING_TABLE_NOTE;
      continue;
    }
    columnWidths(ws, grid);
    writeGrid(ws, grid, 1, marks);
    const frozen = headerRows(grid);
    if (frozen) ws.views = [{ state: 'frozen', ySplit: frozen }];
  }
  if (options.findings) findingsSheet(wb, report, options.findings);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
