// 工作台 (supervisor): this year's filing progress for the region, errors by body level, indicator trends over
// years, and the bodies needing action first.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Chart } from '../../components/Chart';
import { SimpleTable } from '../../components/SimpleTable';
import { EmptyHint, ErrorBox, Loaded, Loading, StatusTag, pct } from '../../components/common';
import { LEVEL, pick } from '../../components/labels';
import type { BodyLevel, FilingRow, FilingStatus, IndicatorTable, Page, ReportSummary } from '../../model';

const ORDER: Record<string, number> = { missing: 0, returned: 1, submitted: 2, pending: 3, draft: 4, accepted: 5,
  published: 6 };

function ErrorsByLevel({ levels }: { levels: BodyLevel[] }) {
  const t = useT();
  const lang = useLang();
  const { region, year } = useFilters();
  const [rows, setRows] = useState<{ level: BodyLevel; total: number; withErrors: number }[] | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(levels.map(async (level) => {
      const base = { region, year, level, limit: 1 };
      const [all, bad] = await Promise.all([
        api.get<Page<ReportSummary>>(`/reports${qs(base)}`),
        api.get<Page<ReportSummary>>(`/reports${qs({ ...base, hasErrors: true })}`),
      ]);
      return { level, total: all.total, withErrors: bad.total };
    })).then((r) => live && setRows(r), () => live && setRows([]));
    return () => { live = false; };
  }, [levels.join(), region, year]);
  if (!rows) return <Loading />;
  const option = {
    grid: { left: 40, right: 10, bottom: 30, top: 16 },
    xAxis: { type: 'category', data: rows.map((r) => pick(LEVEL[r.level], lang)) },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('有错误', 'With errors'), data: rows.map((r) => r.withErrors), color: '#cf1322' },
      { type: 'bar', name: t('报告数', 'Reports'), data: rows.map((r) => r.total), color: '#8c8c8c' },
    ],
  };
  return (
    <>
      <Chart option={option} label={t('各层级有错误的报告数', 'Reports with errors by level')}
        legend={[{ name: t('有错误', 'With errors'), color: '#cf1322' },
          { name: t('报告数', 'Reports'), color: '#8c8c8c' }]} />
      <SimpleTable rows={rows} rowKey={(r) => r.level} columns={[
        { title: t('层级', 'Level'), render: (r) => pick(LEVEL[r.level], lang) },
        { title: t('报告数', 'Reports'), render: (r) => r.total },
        { title: t('有错误', 'With errors'), render: (r) => r.withErrors },
      ]} />
    </>
  );
}

function Trends() {
  const t = useT();
  const lang = useLang();
  const { region, year } = useFilters();
  // the totals per year only (summed in the database), not a row for every report of five years
  const state = useApi<IndicatorTable>(
    `/analysis/indicators${qs({ region, from: year - 4, to: year, view: 'trend' })}`);
  return (
    <Loaded state={state}>{(ind) => {
      if (ind.trend.length === 0) return <EmptyHint>{t('暂无指标数据。上传或导入往年报告后可见趋势。',
        'No indicators yet. Upload past reports to see trends.')}</EmptyHint>;
      const years = ind.trend.map((r) => r.year);
      const val = (id: string) => ind.trend.map((r) => r.values.find((v) => v.id === id)?.value ?? null);
      const def = (id: string) => ind.definitions.find((d) => d.id === id);
      const option = {
        grid: { left: 50, right: 50, bottom: 30, top: 36 },
        xAxis: { type: 'category', data: years.map(String) },
        yAxis: [{ type: 'value', name: t('件', 'cases') }, { type: 'value', name: '%', max: 100 }],
        series: [
          { type: 'bar', color: '#5470c6', name: pick([def('applications')?.name ?? '收到申请',
            def('applications')?.nameEn ?? 'Applications'], lang), data: val('applications') },
          { type: 'line', color: '#b4232c', yAxisIndex: 1,
            name: pick([def('disclosureRate')?.name ?? '公开率', def('disclosureRate')?.nameEn ?? 'Disclosure rate'],
              lang),
            data: val('disclosureRate').map((v) => (v === null ? null : +(v * 100).toFixed(1))) },
        ],
      };
      return (
        <>
          <Chart option={option} label={t('申请数与公开率的年度趋势', 'Applications and disclosure rate by year')}
            legend={[{ name: t('收到申请（件）', 'Applications'), color: '#5470c6' },
              { name: t('公开率（%）', 'Disclosure rate (%)'), color: '#b4232c' }]} />
          <SimpleTable rows={ind.trend} rowKey={(r) => r.year} columns={[
            { title: t('年度', 'Year'), render: (r) => r.year },
            { title: t('收到申请', 'Applications'), render: (r) => r.values.find((v) => v.id === 'applications')?.value
              ?? '—' },
            { title: t('公开率', 'Disclosure rate'), render: (r) =>
              pct(r.values.find((v) => v.id === 'disclosureRate')?.value) },
          ]} />
          <p style={{ color: '#595959', fontSize: 13 }}>{pick([def('disclosureRate')?.definition ?? '',
            def('disclosureRate')?.definitionEn ?? ''], lang)}</p>
        </>
      );
    }}</Loaded>
  );
}

export default function DashboardPage() {
  const t = useT();
  const { region, year } = useFilters();
  const filing = useApi<FilingStatus>(`/analysis/filing${qs({ region, year })}`);
  const levels = useMemo(() => [...new Set((filing.data?.rows ?? []).map((r) => r.level))], [filing.data]);
  const urgent = useMemo(() => (filing.data?.rows ?? [])
    .filter((r) => r.status !== 'published' && r.status !== 'accepted')
    .sort((a, b) => (ORDER[a.status] - ORDER[b.status]) || b.daysOverdue - a.daysOverdue).slice(0, 10), [filing.data]);
  const s = filing.data?.summary;
  const kpis: [string, string, number | undefined][] = [
    ['应报', 'Expected', s?.expected], ['已报', 'Filed', s?.filed], ['退回', 'Returned', s?.returned],
    ['已通过', 'Accepted', s?.accepted], ['已发布', 'Published', s?.published], ['逾期', 'Overdue', s?.overdue],
    ['未报', 'Missing', s?.missing],
  ];
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t(`工作台 · ${year}年度`,
        `Dashboard · ${year}`)}</Typography.Title>
      <ErrorBox error={filing.error} onRetry={filing.reload} />
      <section aria-label={t('报送进度', 'Filing progress')} className="kpi">
        {kpis.map(([zh, en, v]) => <Card key={en} size="small"><Statistic title={t(zh, en)} value={v ?? '—'} /></Card>)}
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="card-h">{t('各层级错误情况', 'Errors by body level')}</h2>}>
            {/* while the filing status loads, say so: "no reports" would be a wrong answer for a moment */}
            {!filing.data ? (filing.error ? null : <Loading />) : levels.length ? <ErrorsByLevel levels={levels} /> : (
              <EmptyHint>
                {t('本地区本年度还没有报告。', 'No reports for this region and year yet.')}{' '}
                <Link to="/upload">{t('上传报告', 'Upload reports')}</Link>
              </EmptyHint>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="card-h">{t('指标趋势', 'Indicator trends')}</h2>}><Trends /></Card>
        </Col>
        <Col span={24}>
          <Card title={<h2 className="card-h">{t('优先处理', 'Needing action first')}</h2>}
            extra={<Link to={`/filing${qs({ region, year })}`}>{t('全部报送情况', 'All filing status')}</Link>}>
            <SimpleTable<FilingRow> rows={urgent} rowKey={(r) => r.bodyId}
              empty={filing.data ? t('没有需要处理的机关。', 'No body needs action.') : filing.error ? '—' : <Loading />}
              columns={[
                { title: t('机关', 'Body'), render: (r) => r.reportId
                  ? <Link to={`/reports/${r.reportId}`}>{r.bodyName}</Link> : r.bodyName },
                { title: t('状态', 'Status'), render: (r) => <StatusTag status={r.status} /> },
                { title: t('截止日期', 'Due'), render: (r) => r.dueDate },
                { title: t('逾期天数', 'Days overdue'), render: (r) => r.daysOverdue },
              ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
