// 汇总: the roll-up of a region's bodies for a year in the official layout, its own checks, drill-down from a
// cell to each contributor (asked of the server when a cell is opened: a province's every cell by every body would
// be megabytes), the 口径 check of government reports against their subordinates, the bodies expected one page at a
// time (a province expects ~10,000: the roll-up answers the first page, the others are asked as they are opened),
// XLSX export.
import { Card, Col, List, Row, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded, SeverityTag, StatusTag } from '../../components/common';
import { OfficialTables } from '../../components/OfficialTables';
import { labelOfCell } from '../../../../src/render/layout';
import type { Rollup, RollupContributor, RollupDrill, RollupDrillSort, ScopeCheck } from '../../model';

/** Bodies listed per page. */
const PAGE = 10;

/** Contributions listed per page of a drill-down. */
const DRILL_PAGE = 20;

/**
 * The contributions of each summed body to one cell, asked a page at a time when the cell is opened (a province's
 * 10,000 bodies are not sent at once), in the bodies' order or the largest first.
 */
function Drill({ r, cell, region }: { r: Rollup; cell: string; region: string | undefined }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<RollupDrillSort>('body');
  const state = useApi<RollupDrill>(`/analysis/rollup/contributors${qs({ region, year: r.year, keys: cell,
    limit: DRILL_PAGE, offset: (page - 1) * DRILL_PAGE, sort })}`);
  return (
    <>
      <Segmented<RollupDrillSort> size="small" value={sort} style={{ marginBottom: 8 }}
        onChange={(v) => { setSort(v); setPage(1); }}
        options={[{ value: 'body', label: t('按机关', 'By body') },
          { value: 'value', label: t('按数值', 'Largest first') }]} />
      <Loaded state={state}>{(d) => {
        const names = new Map(d.bodies.map(([id, name, reportId]) => [id, { name, reportId }]));
        return (
          <Table size="small" rowKey={(x) => String(x[0])}
            pagination={{ current: page, pageSize: DRILL_PAGE, total: d.total[cell] ?? 0, size: 'small',
              hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
            dataSource={d.byContributor[cell] ?? []} columns={[
              { title: t('机关', 'Body'), render: (_, x) => {
                const c = names.get(x[0]);
                return c ? <Link to={`/reports/${c.reportId}`}>{c.name}</Link> : x[0];
              } },
              { title: t('数值', 'Value'), render: (_, x) => (x[1] === null ? t('空白', 'blank') : x[1]) },
            ]} />
        );
      }}</Loaded>
    </>
  );
}

/** The bodies expected, a page at a time: the first came with the roll-up, the others are asked when opened. */
function Contributors({ r, region }: { r: Rollup; region: string | undefined }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const later = useApi<Rollup>(page === 1 ? null
    : `/analysis/rollup${qs({ region, year: r.year, limit: PAGE, offset: (page - 1) * PAGE })}`);
  const list = page === 1 ? r.contributors : later.data?.contributors ?? [];
  return (
    <div data-testid="rollup-bodies"><Table<RollupContributor> size="small" rowKey="bodyId" dataSource={list}
      loading={page > 1 && later.loading}
      pagination={{ current: page, pageSize: PAGE, total: r.counts.bodies, size: 'small', showSizeChanger: false,
        onChange: setPage }}
      columns={[
        { title: t('机关', 'Body'), dataIndex: 'bodyName',
          render: (n: string, c) => (c.reportId ? <Link to={`/reports/${c.reportId}`}>{n}</Link> : n) },
        { title: t('状态', 'Status'), dataIndex: 'status', className: 'nowrap',
          render: (_: unknown, c) => <StatusTag status={c.status} /> },
        // a short answer stays on one line when a long body name takes the row's width; a reason may wrap
        { title: t('汇总', 'Summed'), dataIndex: 'reason',
          render: (_: unknown, c) => (c.included ? <span className="nowrap">{t('计入', 'yes')}</span>
            : c.status === 'missing' ? <span className="nowrap">{c.reason}</span> : c.reason ?? '') },
      ]} /></div>
  );
}

function RollupView({ r, region }: { r: Rollup; region: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const [key, setKey] = useState<string | null>(null);
  const flagged = new Set(r.findings.flatMap((f) => f.cells.map((c) => c.key)));
  if (r.counts.bodies === 0) return <EmptyHint>{t('该地区本年度没有可汇总的报告。请选择其他地区或年度。',
    'No reports to roll up here. Choose another region or year.')}</EmptyHint>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <OfficialTables version={r.template} cells={r.cells}
          cellClass={(k) => [flagged.has(k) ? 'flag-error' : '', key === k ? 'selected' : ''].join(' ')}
          renderCell={(k) => (
            <button type="button" className="cell-btn" aria-pressed={key === k} onClick={() => setKey(k)}
              aria-label={`${labelOfCell(r.template, k)}：${r.cells[k] ?? t('空白', 'blank')}`}>
              {r.cells[k] === null || r.cells[k] === undefined ? '' : String(r.cells[k])}
            </button>
          )} />
      </Col>
      <Col xs={24} xl={9}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small" title={<h2 className="card-h">{key ? labelOfCell(r.template, key)
            : t('分项来源', 'Contributors')}</h2>} data-testid="drill">
            {key ? <Drill key={key} r={r} cell={key} region={region} />
              : <p>{t('点击汇总表中的数字，查看各机关的数值。', 'Click a summed number to see each body’s value.')}</p>}
          </Card>
          <Card size="small" title={<h2 className="card-h">{t('汇总表自身的检查', 'Checks of the sums')}</h2>}>
            {r.findings.length === 0 ? <p>{t('汇总表通过全部勾稽关系。', 'The sums pass every relation.')}</p>
              : <List size="small" dataSource={r.findings}
                renderItem={(f) => (
                  <List.Item>
                    <span><SeverityTag severity={f.severity} />{lang === 'en' ? f.messageEn : f.message}</span>
                  </List.Item>
                )} />}
          </Card>
          <Card size="small" title={<h2 className="card-h">{t('口径核对', 'Scope checks')}</h2>}>
            {r.scopeChecks.length === 0 ? <p>{t('没有声明含下级的政府报告。',
              'No government report declares it includes its subordinates.')}</p>
              : r.scopeChecks.map((s: ScopeCheck) => (
                <div key={s.reportId} className="in-text" style={{ marginBottom: 8 }}>
                  <Link to={`/reports/${s.reportId}`}>{s.bodyName}</Link>：
                  {s.differences.length === 0 ? t('与下级合计一致', 'equals the sum of its subordinates')
                    : t(`${s.differences.length} 处与下级合计不符`, `${s.differences.length} cells differ from the sum`)}
                  {s.missing.length > 0 && <span>；{t('缺少报告：', 'missing reports: ')}{s.missing.join('、')}</span>}
                </div>
              ))}
          </Card>
          <Card size="small" title={<h2 className="card-h">{t(`参与汇总的机关（${r.counts.bodies}）`,
            `Bodies (${r.counts.bodies})`)}</h2>}>
            <p data-testid="rollup-counts">{t(`已报送 ${r.counts.reports}，计入汇总 ${r.counts.included}，未报送 `
              + `${r.counts.missing}`, `${r.counts.reports} filed, ${r.counts.included} summed, `
              + `${r.counts.missing} missing`)}</p>
            <Contributors r={r} region={region} />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

export default function RollupPage() {
  const t = useT();
  const { region, year } = useFilters();
  const state = useApi<Rollup>(`/analysis/rollup${qs({ region, year, limit: PAGE })}`);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t(`汇总 · ${year}年度`, `Roll-up · ${year}`)}</Typography.Title>
      <p><a href={fileUrl(`/exports/rollup.xlsx${qs({ region, year })}`)}
        download>{t('导出汇总表 XLSX', 'Export the roll-up (XLSX)')}</a></p>
      <Loaded state={state}>{(r) => <RollupView key={`${region}-${year}`} r={r} region={region} />}</Loaded>
    </>
  );
}
