// 通报 / 排名: scores under the configured deduction rules with each deduction's evidence (DOCX/XLSX export),
// and indicator rankings in which rates over too few cases are hidden, not ranked: paged and sorted by the server,
// with each rate's distribution as the server bins it.
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Chart } from '../../components/Chart';
import { EmptyHint, Loaded, pct } from '../../components/common';
import { IndicatorDefinitions, PagedIndicators } from '../../components/Indicators';
import { DEDUCTION, LEVEL, pick } from '../../components/labels';
import { UrlTabs } from '../../components/UrlTabs';
import type { BodyLevel, IndicatorId, IndicatorTable, Ranking, RankingRow } from '../../model';

function Scores() {
  const t = useT();
  const lang = useLang();
  const { region, year } = useFilters();
  const state = useApi<Ranking>(`/analysis/ranking${qs({ region, year })}`);
  return (
    <Loaded state={state}>{(r) => (
      <>
        <p>{t(`基础分 ${r.base}。`, `Base score ${r.base}.`)}{' '}
          <a href={fileUrl(`/exports/ranking.docx${qs({ region, year })}`)}
            download>{t('导出通报 DOCX', 'Export DOCX')}</a>{'　'}
          <a href={fileUrl(`/exports/ranking.xlsx${qs({ region, year })}`)}
            download>{t('导出通报 XLSX', 'Export XLSX')}</a></p>
        <Table<RankingRow> size="small" rowKey="bodyId" dataSource={r.rows} pagination={{ pageSize: 50 }}
          locale={{ emptyText: t('本地区本年度没有可评分的机关。', 'No body to score here this year.') }}
          expandable={{
            rowExpandable: (row) => row.deductions.length > 0,
            expandedRowRender: (row) => (
              <ul style={{ margin: 0 }}>{row.deductions.map((d, i) => (
                <li key={i}><Tag>{pick(DEDUCTION[d.kind], lang)}</Tag>−{d.points}{' '}
                  {lang === 'en' ? d.evidenceEn : d.evidence}
                  {d.reportId && <> <Link to={`/reports/${d.reportId}`}>{t('查看报告', 'report')}</Link></>}</li>
              ))}</ul>
            ),
          }}
          columns={[
            { title: t('名次', 'Rank'), dataIndex: 'rank', width: 70 },
            // names and levels keep a readable width at 200 % zoom; the deductions column wraps instead
            { title: t('机关', 'Body'), dataIndex: 'bodyName', onCell: () => ({ style: { minWidth: 128 } }),
              render: (n: string, row) => row.reportId ? <Link to={`/reports/${row.reportId}`}>{n}</Link> : n },
            { title: t('层级', 'Level'), dataIndex: 'level', onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (l: BodyLevel) => pick(LEVEL[l], lang) },
            { title: t('得分', 'Score'), dataIndex: 'score' },
            { title: t('扣分项', 'Deductions'), render: (_, row) =>
              row.deductions.map((d, i) => <Tag key={i}>{pick(DEDUCTION[d.kind], lang)} −{d.points}</Tag>) },
          ]} />
      </>
    )}</Loaded>
  );
}

const RANKED: IndicatorId[] = ['applications', 'disclosureRate', 'denialShare', 'reviewCorrectionRate',
  'litigationCorrectionRate'];

/** How the bodies spread on one rate (the server's bins and median; rates over too few cases counted apart). */
function Spread({ ind }: { ind: IndicatorTable }) {
  const t = useT();
  const lang = useLang();
  const [id, setId] = useState<IndicatorId>('disclosureRate');
  const d = ind.distributions?.find((x) => x.id === id) ?? ind.distributions?.[0];
  if (!d) return null;
  const name = (x: IndicatorId) => {
    const def = ind.definitions.find((y) => y.id === x);
    return def ? (lang === 'en' ? def.nameEn : def.name) : x;
  };
  const bin = (b: { from: number; to: number }) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`;
  const option = {
    grid: { left: 40, right: 10, bottom: 30, top: 16 },
    xAxis: { type: 'category', data: d.bins.map(bin) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('机关数', 'Bodies'), data: d.bins.map((b) => b.count), color: '#5470c6' }],
  };
  return (
    <section aria-label={t('指标分布', 'Distribution')} style={{ marginBottom: 16 }}>
      <Space wrap>
        <span>{t('分布：', 'Distribution: ')}</span>
        <Select<IndicatorId> value={d.id} onChange={setId} style={{ minWidth: 180 }}
          aria-label={t('选择指标', 'Choose an indicator')}
          options={(ind.distributions ?? []).map((x) => ({ value: x.id, label: name(x.id) }))} />
        <span>{t(`${d.year}年度，中位数 ${pct(d.median)}；样本不足未计 ${d.hidden} 个。`,
          `${d.year}: median ${pct(d.median)}; ${d.hidden} with too few cases left out.`)}</span>
      </Space>
      <Chart option={option} height={220} label={t(`${name(d.id)}的分布（各区间机关数）`,
        `${name(d.id)}: bodies per range`)} />
    </section>
  );
}

function IndicatorRanking() {
  const t = useT();
  const { region, year } = useFilters();
  return (
    <>
      <p><a href={fileUrl(`/exports/indicators.xlsx${qs({ region, year })}`)}
        download>{t('导出全部指标 XLSX', 'Export all indicators (XLSX)')}</a></p>
      {/* highest 公开率 first (the server sorts; unknown and hidden rates last); a new region or year starts over */}
      <PagedIndicators key={`${region}:${year}`} region={region} year={year} ids={RANKED} pageSize={50}
        first={{ sort: 'disclosureRate', order: 'desc' }}
        empty={<EmptyHint>{t('本地区本年度暂无指标数据。', 'No indicators for this region and year yet.')}</EmptyHint>}
        above={(ind) => <><IndicatorDefinitions ind={ind} ids={RANKED} /><Spread ind={ind} /></>} />
    </>
  );
}

export default function RankingPage() {
  const t = useT();
  const { year } = useFilters();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t(`通报 / 排名 · ${year}年度`,
        `Ranking · ${year}`)}</Typography.Title>
      <UrlTabs items={[
        { key: 'scores', label: t('通报评分', 'Scores'), children: <Scores /> },
        { key: 'indicators', label: t('指标排名', 'Indicators'), children: <IndicatorRanking /> },
      ]} />
    </>
  );
}
