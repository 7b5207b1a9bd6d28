// Regional forms of the 2019 table add rows of their own (其他主动公开文件): the standard rows are read as usual;
// an extra row is reported as a diagnostic naming it, so its values are seen to be left out, not lost unnoticed.
import type { Diagnostic } from '../model/report.js';
import { isExtraActiveRow } from './labels.js';
import type { Row } from './tokens.js';

export function extraRowDiagnostics(rows: Row[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i].tokens[0];
    // a table row: a label cell followed by values on its line, or (one cell per line) on the next
    const valued = rows[i].tokens.length >= 2 || rows[i + 1]?.tokens[0]?.kind === 'number';
    if (!first || !valued || first.kind === 'number' || !isExtraActiveRow(first.text)) continue;
    const label = first.text.trim();
    out.push({
      code: 'extra-row',
      severity: 'warning',
      message: `表格中有格式之外的行“${label}”，其数值不计入标准行`,
      messageEn: `The table has a row outside the official format ("${label}"); `
        + 'its values are not counted in any standard row',
      source: first.pos,
    });
  }
  return out;
}
