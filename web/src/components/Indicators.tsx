// The indicator table that the public page and the ranking page share: each indicator's name and definition as
// the API gives them (IndicatorTable.definitions), and the columns — the body, then each chosen indicator, where
// a rate over fewer cases than the minimum says so instead of showing a number. The rows are paged and sorted by
// the server (a province's year has ~10,000 of them): PagedIndicators asks for one page at a time.
import { Table, type TableColumnsType as ColumnsType, type TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState, type ReactNode } from 'react';
import { qs } from '../app/api';
import { useLang, useT } from '../app/i18n';
import { Link } from '../app/router';
import { useApi } from '../app/use-api';
import type { IndicatorId, IndicatorRow, IndicatorTable } from '../model';
import { ErrorBox, pct } from './common';

const valueOf = (r: IndicatorRow, id: IndicatorId) => r.values.find((v) => v.id === id);

/** The definitions of the chosen indicators, and the rule that hides rates over too few cases. */
export function IndicatorDefinitions({ ind, ids }: { ind: IndicatorTable; ids: IndicatorId[] }) {
  const t = useT();
  const lang = useLang();
  const defs = ind.definitions.filter((d) => ids.includes(d.id));
  return (
    <dl className="definitions">
      {defs.map((d) => (
        <div key={d.id}>
          <dt>{lang === 'en' ? d.nameEn : d.name}</dt>
          <dd>{lang === 'en' ? d.definitionEn : d.definition}</dd>
        </div>
      ))}
      <div>
        <dt>{t('样本不足', 'Too few cases')}</dt>
        <dd>{t(`办结少于 ${ind.minCases} 件的机关不计算比率、不参与比率排名。`,
          `Rates over fewer than ${ind.minCases} cases are hidden and not ranked.`)}</dd>
      </div>
    </dl>
  );
}

/** How the server sorts the rows: by the label (year, name) or an indicator's value, unknown and hidden last. */
export interface IndicatorSort { sort: 'label' | IndicatorId; order: 'asc' | 'desc' }

const ANTD = { asc: 'ascend', desc: 'descend' } as const;

/**
 * Columns of an antd Table over IndicatorTable.rows: the body, then the chosen indicators in order; with `sorted`,
 * each column sorts on the server (its header shows the order the rows are in).
 */
export function useIndicatorColumns(ind: IndicatorTable, ids: IndicatorId[], sorted?: IndicatorSort):
  ColumnsType<IndicatorRow> {
  const t = useT();
  const lang = useLang();
  const tooFew = t(`少于 ${ind.minCases} 件，不计算比率`, `fewer than ${ind.minCases} cases`);
  const sorting = (key: IndicatorSort['sort']) => (sorted ? { key, sorter: true,
    sortOrder: sorted.sort === key ? ANTD[sorted.order] : null } : {});
  const columns: ColumnsType<IndicatorRow> = [{ title: t('机关', 'Body'), dataIndex: 'label', ...sorting('label'),
    render: (label: string, r) => (r.reportId ? <Link to={`/reports/${r.reportId}`}>{label}</Link> : label) }];
  for (const id of ids) {
    const def = ind.definitions.find((d) => d.id === id);
    if (!def) continue;
    columns.push({
      title: lang === 'en' ? def.nameEn : def.name,
      ...sorting(id),
      render: (_, r) => {
        const v = valueOf(r, id);
        if (v?.hidden) return <span title={tooFew}>{t('样本不足', 'too few cases')}</span>;
        return def.kind === 'rate' ? pct(v?.value) : (v?.value ?? '—');
      },
    });
  }
  return columns;
}

/**
 * A region's indicators for the year, one page of rows at a time as the server pages and sorts them (`first`: the
 * order before a header is clicked). `above` shows what the answer holds beside the rows (definitions, charts).
 */
export function PagedIndicators({ region, year, ids, pageSize, first, empty, above }: {
  region: string | undefined; year: number; ids: IndicatorId[]; pageSize: number; first: IndicatorSort;
  empty: ReactNode; above?: (ind: IndicatorTable) => ReactNode;
}) {
  const [page, setPage] = useState(1);
  const [sorted, setSorted] = useState<IndicatorSort>(first);
  const state = useApi<IndicatorTable>(`/analysis/indicators${qs({ region, year, limit: pageSize,
    offset: (page - 1) * pageSize, sort: sorted.sort, order: sorted.order })}`);
  const ind = state.data;
  const columns = useIndicatorColumns(ind ?? { definitions: [], minCases: 0, rows: [], trend: [] }, ids, sorted);
  type Sorter = SorterResult<IndicatorRow>;
  const onChange = (p: TablePaginationConfig, _f: unknown, s: Sorter | Sorter[]) => {
    const one = Array.isArray(s) ? s[0] : s;
    const next: IndicatorSort = one?.order && one.columnKey
      ? { sort: one.columnKey as IndicatorSort['sort'], order: one.order === 'descend' ? 'desc' : 'asc' } : first;
    if (next.sort !== sorted.sort || next.order !== sorted.order) {
      setSorted(next);
      setPage(1);
    } else setPage(p.current ?? 1);
  };
  return (
    <>
      <ErrorBox error={state.error} onRetry={state.reload} />
      {ind && above?.(ind)}
      <Table<IndicatorRow> size="small" rowKey={(r) => `${r.reportId}:${r.year}`} loading={state.loading}
        dataSource={ind?.rows ?? []} columns={columns} onChange={onChange} locale={{ emptyText: empty }}
        pagination={{ current: page, pageSize, total: ind?.total ?? 0, showSizeChanger: false }} />
    </>
  );
}
