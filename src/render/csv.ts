// Tidy CSV of many reports: one line per cell in template order, with the cell's label, for spreadsheets.
// RFC 4180 (CRLF, quoted fields where needed) and a UTF-8 byte-order mark so Excel and WPS read it as UTF-8.
import type { Report } from '../model/report.js';
import { labelOfCell, layoutVersion, orderedCellKeys } from './layout.js';

export const CSV_HEADER = ['file', 'agency', 'year', 'template', 'cell_key', 'label', 'value'] as const;

/** Quote a field when it holds a comma, quote, CR or LF (RFC 4180). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** All cells of the reports as CSV, BOM first, CRLF line ends; blank cells have an empty value. */
export function renderCsv(reports: Report[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of reports) {
    const version = layoutVersion(r);
    for (const key of orderedCellKeys(r)) {
      const value = r.cells[key].value;
      const fields = [r.file, r.agency ?? '', r.year === null ? '' : String(r.year), r.template ?? '', key, labelOfCell(version, key), value === null ? '' : String(value)];
      lines.push(fields.map(csvField).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
