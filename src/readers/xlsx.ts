// The XLSX reader (exceljs): each visible sheet as a heading (the sheet name) and a grid table; merged ranges
// become rowSpan/colSpan on their top-left cell with the covered cells left out, empty cells inside a row stay as
// '' cells, empty rows are skipped. Values as printed: numbers without float noise, formula results, rich text
// joined. Positions: line = running index of headings and rows (one line of the returned text each), column =
// the spreadsheet column (1 = A). The container is checked by zip.ts first, so exceljs never sees a zip bomb, and
// a sheet cut short is mended to its last complete row first (xlsx-partial.ts), so it is read with a note.
// The findings sheet that render/xlsx.ts writes (核查结果) is output, not report content, and is skipped.
import ExcelJS from 'exceljs';
import type { Block, GDocument, TableCell, TableRow } from '../document/model.js';
import { InputError } from '../errors.js';
import { checkXlsxLimits } from './xlsx-limits.js';
import { mendCutParts } from './xlsx-partial.js';
import { unzipEntries } from './zip.js';

/** Name of the findings sheet written by render/xlsx.ts. */
export const FINDINGS_SHEET = '核查结果';

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'B2:D4' → top, left, bottom, right (1-based). */
function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return null;
  const [a, b] = [{ c: colNumber(m[1]), r: Number(m[2]) }, { c: colNumber(m[3] ?? m[1]), r: Number(m[4] ?? m[2]) }];
  return { top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) };
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** The text a cell value is shown as (number formats are not applied: the value is what counts). */
export function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return String(v.error);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : '';
  if ('result' in v) return v.result === undefined ? '' : valueText(v.result as ExcelJS.CellValue);
  return '';
}

/** Read XLSX bytes into the document model, plus one line of text per position line. */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<{ doc: GDocument; text: string }> {
  const parts = unzipEntries(bytes, name, () => true); // every entry checked and inflated, within the zip limits
  checkXlsxLimits(bytes, name); // before exceljs, which expands merges cell by cell
  const mended = mendCutParts(bytes, parts, name); // a part cut short: read up to the cut, the loss noted
  const wb = new ExcelJS.Workbook();
  try {
    const data = mended.bytes;
    await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new InputError(name, `不是有效的 XLSX 文件：${(e as Error).message}`,
      `not a valid XLSX file: ${(e as Error).message}`);
  }
  const blocks: Block[] = [];
  const notes: GDocument['notes'] = [...mended.notes];
  const lines: string[] = [];
  const line = (text: string): number => lines.push(text);
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible' || ws.name === FINDINGS_SHEET) {
      if (ws.state !== 'visible')
        notes.push({ code: 'xlsx.hidden-sheet', message: `隐藏的工作表「${ws.name}」未读取`,
          messageEn: `hidden sheet "${ws.name}" was not read` });
      continue;
    }
    blocks.push({ kind: 'heading', level: 2, text: ws.name, pos: { line: line(ws.name), column: 1 } });
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const m of ws.model.merges ?? []) {
      const r = parseRange(m);
      if (!r) continue;
      spans.set(`${r.top}:${r.left}`, { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++)
        if (i !== r.top || j !== r.left) covered.add(`${i}:${j}`);
    }
    const rows: TableRow[] = [];
    // exceljs computes these by walking every row: asked once per sheet, not per row and cell (which was quadratic)
    const [rowCount, columnCount] = [ws.rowCount, ws.columnCount];
    for (let r = 1; r <= rowCount; r++) {
      // find, not get: getRow/getCell would create the (bounded, but many) empty rows and cells they look at
      const row = ws.findRow(r);
      if (!row) continue;
      const texts: { col: number; text: string }[] = [];
      const width = Math.max(row.cellCount, columnCount);
      for (let c = 1; c <= width; c++) {
        if (covered.has(`${r}:${c}`)) continue;
        texts.push({ col: c, text: valueText(row.findCell(c)?.value ?? null).trim() });
      }
      if (!texts.some((t) => t.text !== '')) continue;
      const ln = line(texts.map((t) => t.text).join('\t'));
      const cells = texts.map(({ col, text }): TableCell => {
        const cell: TableCell = { text, pos: { line: ln, column: col } };
        const s = spans.get(`${r}:${col}`);
        if (s && s.rows > 1) cell.rowSpan = s.rows;
        if (s && s.cols > 1) cell.colSpan = s.cols;
        return cell;
      });
      rows.push({ cells, pos: { line: ln, column: cells[0].pos.column } });
    }
    if (rows.length) blocks.push({ kind: 'table', layout: 'grid', rows, pos: rows[0].pos });
  }
  return { doc: { source: { name, format: 'xlsx', shape: 'xlsx', encoding: 'utf-8' }, blocks, notes },
    text: lines.join('\n') };
}
