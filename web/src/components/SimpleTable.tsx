// A plain semantic table for small, unpaged lists (the dashboard's): antd's Table costs ~47 KB gzip, which the
// dashboard's first load cannot afford under its 500 KB budget.
import type { ReactNode } from 'react';

export interface SimpleColumn<T> { title: string; render: (row: T) => ReactNode }

export function SimpleTable<T>({ rows, columns, rowKey, empty, caption }: {
  rows: T[]; columns: SimpleColumn<T>[]; rowKey: (row: T) => string | number; empty?: ReactNode; caption?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="simple">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead><tr>{columns.map((c) => <th key={c.title} scope="col">{c.title}</th>)}</tr></thead>
        <tbody>
          {rows.length === 0 ? <tr><td colSpan={columns.length}>{empty}</td></tr>
            : rows.map((r) => <tr key={rowKey(r)}>{columns.map((c) => <td key={c.title}>{c.render(r)}</td>)}</tr>)}
        </tbody>
      </table>
    </div>
  );
}
