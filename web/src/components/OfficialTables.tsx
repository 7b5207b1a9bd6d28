// The three official tables (2019 / 2021) with their merged headers, as React elements — the structure of
// src/render/html-tables.ts (which builds HTML strings for files) drawn here without any HTML string, so no
// report text is ever interpreted as markup. What a value cell shows is up to the caller (a value, a flagged
// button, an input of the authoring form).
import type { ReactNode } from 'react';
import { cellKey, type ColumnDef, type RowDef, type TableDef, type TemplateVersion } from '../model';
import {
  APPLICANT_GROUPS, APPLICATIONS_CORNER, REVIEW_GROUPS, dataDescendants, sectionTables, tableRows,
} from '../../../src/render/layout';
import type { Report } from '../model';

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

function runs<T>(items: T[], keyOf: (x: T) => string): { key: string; items: T[] }[] {
  const out: { key: string; items: T[] }[] = [];
  for (const x of items) {
    const k = keyOf(x);
    const last = out[out.length - 1];
    if (last && last.key === k) last.items.push(x);
    else out.push({ key: k, items: [x] });
  }
  return out;
}

// the renderer and the class function travel together
interface Draw { cell: CellRenderer; cls?: CellClass }

function Td({ k, column, colSpan, render }: { k: string; column: ColumnDef; colSpan?: number; render: Draw }) {
  return <td className={`num ${render.cls?.(k) ?? ''}`.trim()} data-key={k} colSpan={colSpan}>{render.cell(k, column)}</td>;
}

function ActiveTable({ t, render }: { t: TableDef; render: Draw }) {
  const spans = t.columns.map((_, i) => (i === t.columns.length - 1 ? 4 - t.columns.length : 1));
  return (
    <table className="official t2" data-table={t.key}>
      <caption>{t.caption ?? t.key}</caption>
      <thead>
        <tr>
          <th scope="col" className="label">信息内容</th>
          {t.columns.map((c, i) => <th scope="col" key={c.key} colSpan={spans[i]}>{c.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {t.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="label">{r.label ?? ''}</th>
            {t.columns.map((c, i) => <Td key={c.key} k={cellKey(t.key, r.key, c.key)} column={c} colSpan={spans[i]} render={render} />)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ApplicationsTable({ t, rows, render }: { t: TableDef; rows: RowDef[]; render: Draw }) {
  const groups = runs(t.columns, (c) => c.group ?? `:${c.key}`);
  const opened = new Set<string>();
  const labels = (r: RowDef): ReactNode[] => {
    const cells: ReactNode[] = [];
    for (const a of rows.filter((x) => !x.isData && r.key.startsWith(`${x.key}.`))) {
      if (opened.has(a.key)) continue;
      opened.add(a.key);
      cells.push(<th scope="rowgroup" key={a.key} rowSpan={dataDescendants(rows, a.key).length} className={`label level${a.level}`}>{a.label}</th>);
    }
    cells.push(<th scope="row" key={r.key} colSpan={3 - r.level} className={`label level${r.level}`}>{r.label}</th>);
    return cells;
  };
  return (
    <table className="official t3" data-table={t.key}>
      <caption>三、收到和处理政府信息公开申请情况</caption>
      <thead>
        <tr>
          <th rowSpan={3} colSpan={3} className="corner">{APPLICATIONS_CORNER}</th>
          <th colSpan={t.columns.length} scope="colgroup">申请人情况</th>
        </tr>
        <tr>
          {groups.map((g) => g.items.length === 1 && !g.items[0].group
            ? <th key={g.key} rowSpan={2} scope="col">{g.items[0].label}</th>
            : <th key={g.key} colSpan={g.items.length} scope="colgroup">{APPLICANT_GROUPS[g.key] ?? g.key}</th>)}
        </tr>
        <tr>{t.columns.filter((c) => c.group).map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.filter((r) => r.isData).map((r) => (
          <tr key={r.key}>
            {labels(r)}
            {t.columns.map((c) => <Td key={c.key} k={cellKey(t.key, r.key, c.key)} column={c} render={render} />)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReviewTable({ t, render }: { t: TableDef; render: Draw }) {
  const groups = runs(t.columns, (c) => c.group ?? '');
  const tops = runs(groups, (g) => (REVIEW_GROUPS[g.key] ?? [g.key, null])[0]);
  const row2: ReactNode[] = [];
  const row3: ReactNode[] = [];
  for (const g of groups) {
    const second = (REVIEW_GROUPS[g.key] ?? ['', null])[1];
    if (second === null) row2.push(...g.items.map((c) => <th key={`${g.key}.${c.key}`} rowSpan={2} scope="col">{c.label}</th>));
    else {
      row2.push(<th key={g.key} colSpan={g.items.length} scope="colgroup">{second}</th>);
      row3.push(...g.items.map((c) => <th key={`${g.key}.${c.key}`} scope="col">{c.label}</th>));
    }
  }
  return (
    <table className="official t4" data-table={t.key}>
      <caption>四、政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <tr>{tops.map((top) => <th key={top.key} scope="colgroup" colSpan={top.items.reduce((n, g) => n + g.items.length, 0)}>{top.key}</th>)}</tr>
        <tr>{row2}</tr>
        <tr>{row3}</tr>
      </thead>
      <tbody>
        {t.rows.map((r) => <tr key={r.key}>{t.columns.map((c) => <Td key={c.key} k={cellKey(t.key, r.key, c.key)} column={c} render={render} />)}</tr>)}
      </tbody>
    </table>
  );
}

/** The tables of the given sections in template order. */
export function OfficialTables({ version, cells, renderCell, cellClass, sections = [2, 3, 4] }: Props) {
  const draw: Draw = { cell: renderCell, cls: cellClass };
  // tableRows reads only the report's cell keys (for the （六） shape)
  const shape = { cells } as unknown as Report;
  return (
    <div className="official-tables">
      {sections.map((no) => (
        <div key={no} className="table-scroll" role="region" aria-label={`第${no}部分表格`} tabIndex={0}>
          {no === 2 && <h4>二、主动公开政府信息情况</h4>}
          {sectionTables(version, no).map((t) => no === 2
            ? <ActiveTable key={t.key} t={t} render={draw} />
            : t.key === 'applications'
              ? <ApplicationsTable key={t.key} t={t} rows={tableRows(shape, version, t)} render={draw} />
              : <ReviewTable key={t.key} t={t} render={draw} />)}
        </div>
      ))}
    </div>
  );
}
