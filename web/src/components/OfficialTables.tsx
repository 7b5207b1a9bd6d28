// The three official tables (2019 / 2021) with their merged headers, as React elements: the model's tableGrid
// (src/model/table-grid.ts, the structure src/render/html-tables.ts writes as HTML for files) drawn here without
// any HTML string, so no report text is ever interpreted as markup. What a value cell shows is up to the caller
// (a value, a flagged button, an input of the authoring form).
import type { ReactNode } from 'react';
import { tableGrid, type ColumnDef, type GridHead, type Report, type TableGrid, type TemplateVersion } from '../model';
import { sectionTables, tableRows } from '../../../src/render/layout';

/** Draws one value cell; `key` is the cell key, `column` its column. */
export type CellRenderer = (key: string, column: ColumnDef) => ReactNode;
/** Extra classes of a value cell (flagged, selected, blank…). */
export type CellClass = (key: string) => string;

interface Props {
  version: TemplateVersion;
  /** the cells decide the （六）其他处理 shape (single row or the 2021 items) */
  cells: Record<string, unknown>;
  renderCell: CellRenderer;
  cellClass?: CellClass;
  /** which sections' tables to draw (2, 3, 4) */
  sections?: number[];
}

const CLASS = { active: 't2', applications: 't3', review: 't4' } as const;
const CAPTION = { applications: '三、收到和处理政府信息公开申请情况', review: '四、政府信息公开行政复议、行政诉讼情况' };

function Th({ h }: { h: GridHead }) {
  return <th scope={h.scope ?? undefined} rowSpan={h.rowSpan > 1 ? h.rowSpan : undefined}
    colSpan={h.colSpan > 1 ? h.colSpan : undefined} className={h.cls ?? undefined}>{h.text}</th>;
}

function GridTable({ grid, renderCell, cellClass }: {
  grid: TableGrid; renderCell: CellRenderer; cellClass?: CellClass;
}) {
  const t = grid.table;
  return (
    <table className={`official ${CLASS[grid.shape]}`} data-table={t.key}>
      <caption>{grid.shape === 'active' ? (t.caption ?? t.key) : CAPTION[grid.shape]}</caption>
      <thead>{grid.head.map((row, i) => <tr key={i}>{row.map((h, j) => <Th key={j} h={h} />)}</tr>)}</thead>
      <tbody>
        {grid.body.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, j) => (c.kind === 'head' ? <Th key={j} h={c} /> : (
              <td key={c.key} className={`num ${cellClass?.(c.key) ?? ''}`.trim()} data-key={c.key}
                colSpan={c.colSpan > 1 ? c.colSpan : undefined}>{renderCell(c.key, c.column)}</td>
            )))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The tables of the given sections in template order. */
export function OfficialTables({ version, cells, renderCell, cellClass, sections = [2, 3, 4] }: Props) {
  // tableRows reads only the report's cell keys (for the （六） shape)
  const shape = { cells } as unknown as Report;
  return (
    <div className="official-tables">
      {sections.map((no) => (
        <div key={no} className="table-scroll" role="region" aria-label={`第${no}部分表格`} tabIndex={0}>
          {no === 2 && <h4>二、主动公开政府信息情况</h4>}
          {sectionTables(version, no).map((t) => (
            <GridTable key={t.key} grid={tableGrid(t, tableRows(shape, version, t))} renderCell={renderCell}
              cellClass={cellClass} />
          ))}
        </div>
      ))}
    </div>
  );
}
