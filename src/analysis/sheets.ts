// Tabular exports of analysis results: one list of typed columns written as CSV (RFC 4180, UTF-8 BOM, CRLF, as
// render/csv.ts writes), as an XLSX sheet (exceljs) or as JSON records. Text cells that a spreadsheet would take for
// a formula (= + - @ tab CR at the start) are neutralised with a leading apostrophe (OWASP CSV injection), in CSV
// and XLSX alike; numbers stay numbers.
import ExcelJS from 'exceljs';
import { csvField, neutraliseFormula } from '../render/csv.js';

export type SheetValue = string | number | boolean | null | undefined;

export interface Column<T> {
  /** the header as shown (zh); `key` names the field in CSV and JSON */
  header: string;
  key: string;
  width?: number;
  /** Excel number format, e.g. '0.0%' */
  numFmt?: string;
  value: (row: T) => SheetValue;
}

export interface SheetSpec<T> {
  name: string;
  /** lines above the header (a title, the date) */
  caption?: string[];
  columns: Column<T>[];
  rows: T[];
}

function text(v: SheetValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return neutraliseFormula(v);
}

/** CSV: a header line of column keys and headers ("key|header" is not used: keys only, for machines), then rows. */
export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  const lines = [columns.map((c) => csvField(c.key)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(text(c.value(r)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** JSON records keyed by the column keys. */
export function toRecords<T>(columns: Column<T>[], rows: T[]): Record<string, SheetValue>[] {
  return rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.value(r) ?? null])));
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };

/** Add one sheet to a workbook. */
export function addSheet<T>(wb: ExcelJS.Workbook, spec: SheetSpec<T>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  for (const line of spec.caption ?? []) {
    const row = ws.addRow([neutraliseFormula(line)]);
    row.getCell(1).font = { bold: row.number === 1, size: row.number === 1 ? 14 : 11 };
  }
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  for (const r of spec.rows) {
    const row = ws.addRow(spec.columns.map((c) => {
      const v = c.value(r);
      return typeof v === 'string' ? neutraliseFormula(v) : v ?? null;
    }));
    row.eachCell({ includeEmpty: true }, (cell, i) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      const fmt = spec.columns[i - 1]?.numFmt;
      if (fmt) cell.numFmt = fmt;
    });
  }
  spec.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? 14));
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  return ws;
}

export function workbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  wb.title = title;
  return wb;
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A sheet to be added later (keeps each sheet's row type while a workbook mixes several). */
export type SheetWriter = (wb: ExcelJS.Workbook) => void;

export function sheet<T>(spec: SheetSpec<T>): SheetWriter {
  return (wb) => void addSheet(wb, spec);
}

/** A workbook of the given sheets, as bytes. */
export async function toXlsx(title: string, sheets: SheetWriter[]): Promise<Uint8Array> {
  const wb = workbook(title);
  for (const write of sheets) write(wb);
  return xlsxBytes(wb);
}
