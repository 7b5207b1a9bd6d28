// 通报 / 排名: scores under the configured deduction rules with each deduction's evidence (DOCX/XLSX export),
// and indicator rankings in which rates over too few cases are hidden, not ranked.
import { Table, Tabs, Tag, Typography } from 'antd';
import { fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded } from '../../components/common';
import { IndicatorDefinitions, indicatorValue, useIndicatorColumns } from '../../components/Indicators';
import { DEDUCTION, LEVEL, pick } from '../../components/labels';
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

function RankedIndicators({ ind }: { ind: IndicatorTable }) {
  const t = useT();
  const { region, year } = useFilters();
  const columns = useIndicatorColumns(ind, RANKED);
  // highest 公开率 first; hidden rates (too few cases) last
  const rows = [...ind.rows].sort((a, b) =>
    (indicatorValue(b, 'disclosureRate') ?? -1) - (indicatorValue(a, 'disclosureRate') ?? -1));
  return (
    <>
      <IndicatorDefinitions ind={ind} ids={RANKED} />
      <p><a href={fileUrl(`/exports/indicators.xlsx${qs({ region, year })}`)}
        download>{t('导出指标 XLSX', 'Export indicators (XLSX)')}</a></p>
      <Table size="small" rowKey={(r) => `${r.bodyId}:${r.year}`} dataSource={rows} pagination={{ pageSize: 50 }}
        columns={columns} />
    </>
  );
}

function IndicatorRanking() {
  const t = useT();
  const { region, year } = useFilters();
  const state = useApi<IndicatorTable>(`/analysis/indicators${qs({ region, year })}`);
  return (
    <Loaded state={state}>{(ind) => ind.rows.length === 0
      ? <EmptyHint>{t('本地区本年度暂无指标数据。', 'No indicators for this region and year yet.')}</EmptyHint>
      : <RankedIndicators ind={ind} />}</Loaded>
  );
}

export default function RankingPage() {
  const t = useT();
  const { year } = useFilters();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t(`通报 / 排名 · ${year}年度`,
        `Ranking · ${year}`)}</Typography.Title>
      <Tabs items={[
        { key: 'scores', label: t('通报评分', 'Scores'), children: <Scores /> },
        { key: 'indicators', label: t('指标排名', 'Indicators'), children: <IndicatorRanking /> },
      ]} />
    </>
  );
}
