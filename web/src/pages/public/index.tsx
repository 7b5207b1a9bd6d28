// 公开: what anyone may see without signing in — published reports with search, indicators with their
// definitions, and the open-data downloads. No write control here.
import { Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { fileUrl, qs } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link, setParams, useLocation } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { EmptyHint, ErrorBox } from '../../components/common';
import { IndicatorDefinitions, PagedIndicators } from '../../components/Indicators';
import type { IndicatorId, Page, ReportSummary } from '../../model';

const PAGE = 20;

const SHOWN: IndicatorId[] = ['applications', 'disclosureRate', 'reviewCorrectionRate', 'litigationCorrectionRate'];

function Indicators() {
  const t = useT();
  const { region, year } = useFilters();
  return (
    <PagedIndicators key={`${region}:${year}`} region={region} year={year} ids={SHOWN} pageSize={PAGE}
      first={{ sort: 'label', order: 'asc' }}
      empty={t('本年度还没有已发布报告的指标。', 'No indicators from published reports this year.')}
      above={(ind) => <IndicatorDefinitions ind={ind} ids={SHOWN} />} />
  );
}

export default function PublicPage() {
  const t = useT();
  const { region, year } = useFilters();
  const { params } = useLocation();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const [text, setText] = useState(q);
  const state = useApi<Page<ReportSummary>>(`/reports${qs({ status: 'published', region, year, q, limit: PAGE,
    offset: (page - 1) * PAGE })}`);
  const dl = qs({ region, year });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t(`已发布的年度报告 · ${year}年度`,
        `Published reports · ${year}`)}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('搜索报告', 'Search reports')} placeholder={t('机关名称或标题', 'Body or title')} value={text}
          allowClear
          onChange={(e) => setText(e.target.value)} onSearch={(v) => setParams({ q: v, page: null })}
            style={{ width: 260 }} />
        <span>{t('开放数据下载：', 'Open data: ')}</span>
        <a href={fileUrl(`/exports/reports.csv${dl}`)} download>{t('报告 CSV', 'Reports CSV')}</a>
        <a href={fileUrl(`/exports/reports.xlsx${dl}`)} download>{t('报告 XLSX', 'Reports XLSX')}</a>
        <a href={fileUrl(`/exports/reports.json${dl}`)} download>{t('报告 JSON', 'Reports JSON')}</a>
        <a href={fileUrl(`/exports/indicators.csv${dl}`)} download>{t('指标 CSV', 'Indicators CSV')}</a>
        <a href={fileUrl(`/exports/indicators.xlsx${dl}`)} download>{t('指标 XLSX', 'Indicators XLSX')}</a>
      </Space>
      <ErrorBox error={state.error} onRetry={state.reload} />
      <Table<ReportSummary> rowKey="id" size="small" loading={state.loading} dataSource={state.data?.items ?? []}
        locale={{ emptyText: <EmptyHint>{t('没有找到已发布的报告。请换个年度、地区或关键词。',
          'No published report found. Try another year, region or search.')}</EmptyHint> }}
        pagination={{ current: page, pageSize: PAGE, total: state.data?.total ?? 0, showSizeChanger: false,
          onChange: (p) => setParams({ page: p }) }}
        columns={[
          { title: t('报告', 'Report'), render: (_, r) =>
            <Link to={`/reports/${r.id}`}>{r.title ?? `${r.bodyName ?? ''}${r.year ?? ''}年政府信息公开工作年度报告`}</Link> },
          { title: t('机关', 'Body'), dataIndex: 'bodyName' },
          { title: t('年度', 'Year'), dataIndex: 'year' },
          { title: t('发布日期', 'Published'), dataIndex: 'publishedAt',
            render: (d: string | null) => d?.slice(0, 10) ?? '—' },
          { title: t('下载', 'Download'), render: (_, r) => <Space size={6}>
            <a href={fileUrl(`/reports/${r.id}/render/docx`)} download
              aria-label={t('下载 DOCX', 'Download DOCX')}>DOCX</a>
            <a href={fileUrl(`/reports/${r.id}/render/xlsx`)} download
              aria-label={t('下载 XLSX', 'Download XLSX')}>XLSX</a>
          </Space> },
        ]} />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('指标', 'Indicators')}</Typography.Title>
      <Indicators />
    </>
  );
}
