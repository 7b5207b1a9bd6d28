// Grid → rows of fields, the way a scrape flattens an HTML table: every <td> becomes a field; a merged cell
// may leave empty fields behind (colspan fill, rowspan fill), as in the tab, pipe and one-cell-per-line shapes.
import type { GridCell, GridRow } from './model.js';

export interface Field { text: string; key?: string; header?: boolean; parts?: string[] }

export interface FlattenStyle {
  /** empty fields after a cell spanning n columns: n-1 ('full'), at most 1 ('one'), or none */
  colspan: 'full' | 'one' | 'none';
  /** an empty field where a cell from a row above spans down */
  rowspan: boolean;
  /** an empty field at the end of every row */
  trailing: boolean;
}

export function flatten(grid: GridRow[], style: FlattenStyle): Field[][] {
  const covered: number[][] = grid.map(() => []); // columns covered from above, per row
  const rows: Field[][] = [];
  grid.forEach((row, r) => {
    const fields: Field[] = [];
    let col = 0;
    const takeCovered = (): void => {
      while (covered[r].includes(col)) {
        if (style.rowspan) fields.push({ text: '' });
        col++;
      }
    };
    for (const cell of row) {
      takeCovered();
      fields.push(field(cell));
      const cs = cell.colspan ?? 1;
      const fill = style.colspan === 'full' ? cs - 1 : style.colspan === 'one' ? Math.min(1, cs - 1) : 0;
      for (let i = 0; i < fill; i++) fields.push({ text: '' });
      for (let dr = 1; dr < (cell.rowspan ?? 1); dr++) for (let c = col; c < col + cs; c++) covered[r + dr]?.push(c);
      col += cs;
    }
    takeCovered();
    if (style.trailing) fields.push({ text: '' });
    rows.push(fields);
  });
  return rows;
}

function field(cell: GridCell): Field {
  return { text: cell.text, key: cell.key, header: cell.header, parts: cell.parts };
}

/** Display width: CJK and full-width characters count 2. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffef]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return w;
}
