// Tidy CSV of many reports: one line per cell in template order, with the cell's label, for spreadsheets.
// RFC 4180 (CRLF, quoted fields where needed) and a UTF-8 byte-order mark so Excel and WPS read it as UTF-8.
// Text from the input (file name, agency) that a spreadsheet would take for a formula is neutralised as OWASP
// recommends (a leading '); numbers we write ourselves (a signed 本年增/减) stay numbers.
import type { Report } from '../model/report.js';
import { labelOfCell, layoutVersion, orderedCellKeys } from './layout.js';

export const CSV_HEADER = ['file', 'agency', 'year', 'template', 'cell_key', 'label', 'value'] as const;

/** Quote a field when it holds a comma, quote, CR or LF (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Characters that start a formula in Excel, WPS, LibreOffice and Google Sheets (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A signed number as printed (+4, -2.5): no formula can hide in it, and a reader must get it back as printed. */
const SIGNED_NUMBER = /^[+-]\d+(\.\d+)?$/;

/** A text cell that would start a formula gets a leading apostrophe, so it is shown as text, never run. */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) && !SIGNED_NUMBER.test(s) ? `'${s}` : s;
}

/** The CSV lines (without line ends) of one report's cells. */
export function csvLines(r: Report): string[] {
  const version = layoutVersion(r);
  const lines: string[] = [];
  const file = csvField(neutraliseFormula(r.file));
  const agency = csvField(neutraliseFormula(r.agency ?? ''));
  for (const key of orderedCellKeys(r)) {
    const value = r.cells[key].value;
    const text = [key, labelOfCell(version, key)].map((s) => csvField(neutraliseFormula(s)));
    const year = r.year === null ? '' : String(r.year);
    lines.push([file, agency, year, r.template ?? '', ...text, value === null ? '' : String(value)].join(','));
  }
  return lines;
}

/** The first line of a CSV file: the BOM and the header. */
export const CSV_START = `\uFEFF${CSV_HEADER.join(',')}\r\n`;

/** All cells of the reports as CSV, BOM first, CRLF line ends; blank cells have an empty value. */
export function renderCsv(reports: Report[]): string {
  return CSV_START + reports.map((r) => csvLines(r).map((l) => `${l}\r\n`).join('')).join('');
}
