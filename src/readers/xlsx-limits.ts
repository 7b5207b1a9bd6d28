// Bounds on a workbook, checked on its sheet XML before exceljs loads it: exceljs expands a merged range cell by
// cell (one merge A1:XFD1048576 is 17 billion cells) and the reader lays each sheet out as a dense grid, so the
// declared dimension, every merge, every cell reference and the XML size are checked first, by linear scans of
// the parts taken from the ZIP with the limits of zip.ts.
import { listZip, unzipEntries } from './zip.js';
import {
  XLSX_MAX_CELLS, XLSX_MAX_COLUMNS, XLSX_MAX_GRID, XLSX_MAX_MERGED_CELLS, XLSX_MAX_ROWS, XLSX_MAX_XML_BYTES, limitError,
} from './limits.js';

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'B2:D4' or 'B2' → the last row and column and the cells it covers; null for what is not a reference. */
function extent(ref: string): { row: number; col: number; area: number } | null {
  const m = /^\$?([A-Za-z]{1,4})\$?(\d{1,8})(?::\$?([A-Za-z]{1,4})\$?(\d{1,8}))?$/.exec(ref.trim());
  if (!m) return null;
  const [c1, r1, c2, r2] = [colNumber(m[1]), Number(m[2]), colNumber(m[3] ?? m[1]), Number(m[4] ?? m[2])];
  return { row: Math.max(r1, r2), col: Math.max(c1, c2), area: (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1) };
}

/** Throw the limit's InputError for a workbook too big to read; nothing is built. */
export function checkXlsxLimits(bytes: Uint8Array, name: string): void {
  const xml = listZip(bytes, name).filter((e) => /\.xml$/i.test(e.name)).reduce((n, e) => n + e.size, 0);
  if (xml > XLSX_MAX_XML_BYTES)
    throw limitError(name, `工作簿的 XML 共 ${xml} 字节`,
      `the workbook's XML is ${xml} bytes`, 'XLSX_MAX_XML_BYTES', XLSX_MAX_XML_BYTES);
  for (const [part, data] of unzipEntries(bytes, name, (e) => SHEET.test(e))) {
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'); // refs are ASCII
    const sheet = part.replace(/^.*\//, '');
    let lastRow = 0;
    let lastCol = 0;
    const bound = (ref: string, what: string) => {
      const x = extent(ref);
      if (!x) return null;
      if (x.row > XLSX_MAX_ROWS)
        throw limitError(name, `工作表 ${sheet} 的${what} ${ref} 超出行数`,
          `sheet ${sheet}: ${what} ${ref} is past the last row allowed`, 'XLSX_MAX_ROWS', XLSX_MAX_ROWS);
      if (x.col > XLSX_MAX_COLUMNS)
        throw limitError(name, `工作表 ${sheet} 的${what} ${ref} 超出列数`,
          `sheet ${sheet}: ${what} ${ref} is past the last column allowed`, 'XLSX_MAX_COLUMNS', XLSX_MAX_COLUMNS);
      lastRow = Math.max(lastRow, x.row);
      lastCol = Math.max(lastCol, x.col);
      return x;
    };
    const dim = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(text);
    if (dim) bound(dim[1], '声明范围 / declared range');
    let merged = 0;
    for (const m of text.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g)) {
      merged += bound(m[1], '合并区域 / merged range')?.area ?? 0;
      if (merged > XLSX_MAX_MERGED_CELLS)
        throw limitError(name, `工作表 ${sheet} 的合并单元格过多`,
          `sheet ${sheet} merges too many cells`, 'XLSX_MAX_MERGED_CELLS', XLSX_MAX_MERGED_CELLS);
    }
    let cells = 0;
    for (const m of text.matchAll(/<(?:\w+:)?(c|row)\b([^>]*)>/g)) {
      const r = /\br="([^"]*)"/.exec(m[2])?.[1];
      if (m[1] === 'row') {
        if (r && Number(r) > XLSX_MAX_ROWS) bound(`A${r}`, '行 / row');
        continue;
      }
      if (++cells > XLSX_MAX_CELLS)
        throw limitError(name, `工作表 ${sheet} 的单元格过多`,
          `sheet ${sheet} has too many cells`, 'XLSX_MAX_CELLS', XLSX_MAX_CELLS);
      if (r) bound(r, '单元格 / cell');
    }
    if (lastRow * lastCol > XLSX_MAX_GRID)
      throw limitError(name, `工作表 ${sheet} 的范围 ${lastRow} 行 × ${lastCol} 列过大`,
        `sheet ${sheet} spans ${lastRow} rows × ${lastCol} columns`, 'XLSX_MAX_GRID', XLSX_MAX_GRID);
  }
}
