// 报告列表: filters (region and year from the header; level, template, status, errors, 雷同), sorting, paging,
// bulk export; each row's status and finding counts. Two selected rows open the comparison.
import { Button, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link, navigate, setParams, useLocation } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { EmptyHint, ErrorBox, StatusTag } from '../../components/common';
import { LEVEL, STATUS, pick } from '../../components/labels';
import type { BodyLevel, Page, ReportStatus, ReportSummary } from '../../model';

const PAGE = 20;

export default function ReportsPage() {
  const t = useT();
  const lang = useLang();
  const { region, year } = useFilters();
  const { params } = useLocation();
  const f = {
    level: params.get('level') ?? '', template: params.get('template') ?? '', status: params.get('status') ?? '',
    hasErrors: params.get('hasErrors') === 'true', similar: params.get('similar') === 'true', q: params.get('q') ?? '',
    sort: params.get('sort') ?? 'updated', order: params.get('order') ?? 'desc',
      page: Number(params.get('page') ?? 1) || 1,
  };
  const query = qs({
    region, year, level: f.level, template: f.template, status: f.status, hasErrors: f.hasErrors || undefined,
    similar: f.similar || undefined, q: f.q, sort: f.sort, order: f.order, limit: PAGE, offset: (f.page - 1) * PAGE,
  });
  const state = useApi<Page<ReportSummary>>(`/reports${query}`);
  const [selected, setSelected] = useState<number[]>([]);
  const [q, setQ] = useState(f.q);
  const exportQs = qs({ region, year });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('报告列表', 'Reports')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('搜索', 'Search')} placeholder={t('标题、机关名称', 'Title or body')} value={q}
          onChange={(e) => setQ(e.target.value)} onSearch={(v) => setParams({ q: v, page: null })}
            style={{ width: 220 }} allowClear />
        <Select aria-label={t('层级', 'Level')} placeholder={t('全部层级', 'All levels')} allowClear style={{ width: 130 }}
          value={f.level || undefined} onChange={(v) => setParams({ level: v, page: null })}
          options={Object.entries(LEVEL).map(([k, p]) => ({ value: k, label: pick(p, lang) }))} />
        <Select aria-label={t('模板', 'Template')} placeholder={t('全部模板', 'All templates')} allowClear
          style={{ width: 120 }}
          value={f.template || undefined} onChange={(v) => setParams({ template: v, page: null })}
          options={[{ value: '2019', label: '2019' }, { value: '2021', label: '2021' }]} />
        <Select aria-label={t('状态', 'Status')} placeholder={t('全部状态', 'All statuses')} allowClear style={{ width: 130 }}
          value={f.status || undefined} onChange={(v) => setParams({ status: v, page: null })}
          options={Object.entries(STATUS).filter(([k]) => k !== 'missing').map(([k, p]) =>
            ({ value: k, label: pick(p, lang) }))} />
        <Checkbox checked={f.hasErrors} onChange={(e) =>
          setParams({ hasErrors: e.target.checked ? 'true' : null, page: null })}>{t('有错误', 'Has errors')}</Checkbox>
        <Checkbox checked={f.similar} onChange={(e) =>
          setParams({ similar: e.target.checked ? 'true' : null, page: null })}>{t('雷同', 'Similar text')}</Checkbox>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('导出：', 'Export: ')}</span>
        <a href={fileUrl(`/exports/reports.xlsx${exportQs}`)} download>XLSX</a>
        <a href={fileUrl(`/exports/reports.csv${exportQs}`)} download>CSV</a>
        <a href={fileUrl(`/exports/reports.json${exportQs}`)} download>JSON</a>
        <Button disabled={selected.length !== 2} onClick={() => navigate(`/compare?a=${selected[0]}&b=${selected[1]}`)}>
          {t('对比所选两份', 'Compare the two selected')}
        </Button>
      </Space>
      <ErrorBox error={state.error} onRetry={state.reload} />
      <Table<ReportSummary>
        rowKey="id" size="small" loading={state.loading} dataSource={state.data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (k) => setSelected((k as number[]).slice(-2)) }}
        locale={{ emptyText: <EmptyHint>{t('没有符合条件的报告。可以放宽筛选条件，或',
          'No report matches. Loosen the filters, or ')}<Link to="/upload">{t('上传报告',
            'upload reports')}</Link></EmptyHint> }}
        onChange={(_, __, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setParams({ sort: s.order ? String(s.columnKey) : null,
            order: s.order === 'ascend' ? 'asc' : s.order ? 'desc' : null });
        }}
        pagination={{ current: f.page, pageSize: PAGE, total: state.data?.total ?? 0, showSizeChanger: false,
          showTotal: (n) => t(`共 ${n} 份`, `${n} reports`), onChange: (p) => setParams({ page: p }) }}
        columns={[
          { key: 'body', title: t('机关', 'Body'), sorter: true,
            sortOrder: f.sort === 'body' ? (f.order === 'asc' ? 'ascend' : 'descend') : null,
            render: (_, r) => <Link to={`/reports/${r.id}`}>{r.bodyName ?? r.agency ?? r.title ?? `#${r.id}`}</Link> },
          { key: 'level', title: t('层级', 'Level'),
            render: (_, r) => r.bodyLevel ? pick(LEVEL[r.bodyLevel as BodyLevel], lang) : '—' },
          { key: 'year', title: t('年度', 'Year'), dataIndex: 'year', sorter: true,
            sortOrder: f.sort === 'year' ? (f.order === 'asc' ? 'ascend' : 'descend') : null },
          { key: 'template', title: t('模板', 'Template'), dataIndex: 'template' },
          { key: 'status', title: t('状态', 'Status'), dataIndex: 'status', sorter: true,
            sortOrder: f.sort === 'status' ? (f.order === 'asc' ? 'ascend' : 'descend') : null,
            render: (s: ReportStatus) => <StatusTag status={s} /> },
          { key: 'errors', title: t('问题', 'Findings'), sorter: true,
            sortOrder: f.sort === 'errors' ? (f.order === 'asc' ? 'ascend' : 'descend') : null,
            render: (_, r) => <Space size={2}>
              {r.counts.error > 0 && <Tag color="red">{t('错误', 'errors')} {r.counts.error}</Tag>}
              {r.counts.warning > 0 && <Tag color="gold">{t('警告', 'warnings')} {r.counts.warning}</Tag>}
              {r.counts.error + r.counts.warning === 0 && <span>—</span>}
              {r.similar && <Tag color="purple">{t('雷同', 'similar')}</Tag>}
            </Space> },
          { key: 'updated', title: t('更新', 'Updated'), dataIndex: 'updatedAt', sorter: true,
            sortOrder: f.sort === 'updated' ? (f.order === 'asc' ? 'ascend' : 'descend') : null,
              render: (d: string) => d?.slice(0, 10) },
        ]}
      />
    </>
  );
}
