// 报送情况 / 催报: per body — due date, filed, state, days overdue; export the list of bodies to chase. The server
// pages the list (a province has ~10,000 bodies: the whole list was a 3 MB answer): the page asks for 50 rows,
// filtered and sorted there; the summary counts every body. The XLSX export still holds the whole list.
import { Card, Checkbox, Space, Statistic, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Loaded, StatusTag } from '../../components/common';
import { LEVEL, pick } from '../../components/labels';
import type { BodyLevel, FilingRow, FilingStatus } from '../../model';

/** The rows a page asks the server for, and the orders it can ask (GET /api/analysis/filing). */
const PAGE = 50;
type Sort = 'overdue' | 'name' | 'due';
// a sorted column toggles between its two orders (antd's third click would unsort: the server always sorts)
const CYCLE_UP: SortOrder[] = ['ascend', 'descend', 'ascend'];
const CYCLE_DOWN: SortOrder[] = ['descend', 'ascend', 'descend'];

export default function FilingPage() {
  const t = useT();
  const lang = useLang();
  const { region, year } = useFilters();
  const [chase, setChase] = useState(false);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ by: Sort; order: 'asc' | 'desc' }>({ by: 'overdue', order: 'desc' });
  useEffect(() => setPage(1), [region, year]);
  const state = useApi<FilingStatus>(`/analysis/filing${qs({ region, year, limit: PAGE, offset: (page - 1) * PAGE,
    chase: chase || undefined, sort: sort.by, order: sort.order })}`);
  const orderOf = (by: Sort): SortOrder => (sort.by === by ? (sort.order === 'asc' ? 'ascend' : 'descend') : null);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t(`报送情况 · ${year}年度`,
        `Filing status · ${year}`)}</Typography.Title>
      <Loaded state={state}>{(f) => {
        return (
          <>
            <div className="kpi">
              {([['应报', 'Expected', f.summary.expected], ['已报', 'Filed', f.summary.filed],
                ['退回', 'Returned', f.summary.returned],
                ['已通过', 'Accepted', f.summary.accepted], ['已发布', 'Published', f.summary.published],
                  ['逾期', 'Overdue', f.summary.overdue],
                ['未报', 'Missing', f.summary.missing]] as [string, string, number][]).map(([zh, en, v]) => (
                <Card key={en} size="small"><Statistic title={t(zh, en)} value={v} /></Card>
              ))}
            </div>
            <Space wrap style={{ marginBottom: 12 }}>
              <span>{t(`统计日期 ${f.asOf}`, `As of ${f.asOf}`)}</span>
              <Checkbox checked={chase} onChange={(e) => { setChase(e.target.checked); setPage(1); }}>{t('只看需催报的机关',
                'Only bodies to chase')}</Checkbox>
              <a href={fileUrl(`/exports/filing.xlsx${qs({ region, year })}`)}
                download>{t('导出催报名单 XLSX', 'Export the list (XLSX)')}</a>
            </Space>
            {/* short columns never wrap (at 200 % zoom they broke dates and levels into narrow lines); below 720 px
                the table scrolls in its own box instead of squeezing the body names */}
            <Table<FilingRow> size="small" rowKey="bodyId" dataSource={f.rows} loading={state.loading}
              pagination={{ current: page, pageSize: PAGE, total: f.total ?? f.rows.length, showSizeChanger: false }}
              onChange={(p, _filters, sorter) => {
                const one = Array.isArray(sorter) ? sorter[0] : sorter;
                const by = (one?.order ? one.columnKey : undefined) as Sort | undefined;
                const next = by ? { by, order: one.order === 'ascend' ? 'asc' as const : 'desc' as const }
                  : { by: 'overdue' as const, order: 'desc' as const };
                if (next.by !== sort.by || next.order !== sort.order) {
                  setSort(next);
                  setPage(1);
                } else setPage(p.current ?? 1);
              }}
              scroll={{ x: 720 }}
              locale={{ emptyText: t('没有需要催报的机关。', 'No body to chase.') }}
              columns={[
                { title: t('机关', 'Body'), dataIndex: 'bodyName', key: 'name', sorter: true,
                  sortOrder: orderOf('name'), sortDirections: CYCLE_UP,
                  render: (n: string, r) => r.reportId ? <Link to={`/reports/${r.reportId}`}>{n}</Link> : n },
                { title: t('层级', 'Level'), dataIndex: 'level', className: 'nowrap',
                  render: (l: BodyLevel) => pick(LEVEL[l], lang) },
                { title: t('截止日期', 'Due'), dataIndex: 'dueDate', key: 'due', className: 'nowrap', sorter: true,
                  sortOrder: orderOf('due'), sortDirections: CYCLE_UP },
                { title: t('状态', 'Status'), dataIndex: 'status', className: 'nowrap',
                  render: (s: FilingRow['status']) => <StatusTag status={s} /> },
                { title: t('报送日期', 'Filed'), dataIndex: 'submittedAt', className: 'nowrap',
                  render: (d: string | null) => d?.slice(0, 10) ?? '—' },
                { title: t('发布日期', 'Published'), dataIndex: 'publishedAt', className: 'nowrap',
                  render: (d: string | null) => d?.slice(0, 10) ?? '—' },
                { title: t('逾期天数', 'Days overdue'), dataIndex: 'daysOverdue', key: 'overdue', className: 'nowrap',
                  sorter: true, sortOrder: orderOf('overdue'), sortDirections: CYCLE_DOWN, render: (d: number, r) =>
                    (r.late ? <strong style={{ color: '#a8071a' }}>{d}</strong> : d) },
              ]} />
          </>
        );
      }}</Loaded>
    </>
  );
}
