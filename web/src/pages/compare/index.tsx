// 对比: two reports side by side — cell differences, each side's findings, and the text reused per section with
// its repetition rate. ?a=&b= (or ?body=&year=&b= to compare a report with the same body's previous year).
import { Card, Col, List, Progress, Row, Space, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { api, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link, setParams, useLocation } from '../../app/router';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded, SeverityTag, pct } from '../../components/common';
import { SECTION_NAMES, pick } from '../../components/labels';
import { cellLabel, type Comparison, type ComparisonSide, type Page, type ReportSummary } from '../../model';
import { ReportPicker } from './ReportPicker';

function show(v: number | null | undefined): string {
  return v === undefined ? '（无）' : v === null ? '（空）' : String(v);
}

const sideName = (s: ComparisonSide) => `${s.label}${s.year ? ` · ${s.year}` : ''}`;

function Side({ side }: { side: ComparisonSide }) {
  const t = useT();
  const lang = useLang();
  return (
    <Card size="small" title={<h3 className="card-h">{side.reportId
      ? <Link to={`/reports/${side.reportId}`}>{sideName(side)}</Link> : sideName(side)}</h3>}>
      {side.findings.length === 0 ? <p>{t('没有问题。', 'No findings.')}</p> : (
        <List size="small" dataSource={side.findings} renderItem={(f) => (
          <List.Item><span><SeverityTag severity={f.severity} />{lang === 'en' ? f.messageEn
            : f.message}</span></List.Item>
        )} />
      )}
    </Card>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  const t = useT();
  const lang = useLang();
  const template = (c.b.year ?? 2021) <= 2020 ? '2019' : '2021';
  return (
    <>
      <p data-testid="overall-rate">{t('全文重复率', 'Overall repetition rate')}: <strong>{pct(c.overallRate)}</strong>
        {t('（后者正文中与前者相同的比例）', ' (share of the second report’s text found in the first)')}</p>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><Side side={c.a} /></Col>
        <Col xs={24} lg={12}><Side side={c.b} /></Col>
      </Row>
      <h2 style={{ fontSize: 17, marginTop: 16 }}>{t('数字差异', 'Cell differences')}</h2>
      <Table size="small" rowKey="key" dataSource={c.cells} pagination={{ pageSize: 30 }}
        locale={{ emptyText: t('两份报告的表格数字相同。', 'The tables hold the same numbers.') }}
        columns={[
          { title: t('单元格', 'Cell'), dataIndex: 'key', render: (k: string) => cellLabel(template, k) },
          { title: sideName(c.a), dataIndex: 'a', render: show },
          { title: sideName(c.b), dataIndex: 'b', render: show },
        ]} />
      <h2 style={{ fontSize: 17, marginTop: 16 }}>{t('正文雷同', 'Reused text')}</h2>
      {c.sections.map((s) => (
        <Card key={s.key} size="small" style={{ marginBottom: 12 }} className="reuse"
          title={<Space wrap><span>{pick(SECTION_NAMES[s.key], lang, s.key)}</span>
            <Progress percent={Math.round(s.rate * 100)} size="small" style={{ width: 190 }}
              status={s.rate > 0.5 ? 'exception' : 'normal'} format={() => pct(s.rate)}
              aria-label={t(`重复率 ${pct(s.rate)}`, `Repetition ${pct(s.rate)}`)} /></Space>}>
          {s.passages.length === 0 ? <p>{t('没有重复段落。', 'No repeated passage.')}</p>
            : s.passages.map((p, i) => <p key={i} className="section-text"><mark>{p.text}</mark></p>)}
        </Card>
      ))}
    </>
  );
}

/** A compared report's name for its picker (which may not list it among its first matches). */
const side = (x: Comparison['a'] | undefined) => (x ? `${x.label} · ${x.year ?? '—'}` : undefined);

export default function ComparePage() {
  const t = useT();
  const { params } = useLocation();
  const a = Number(params.get('a')) || null;
  const b = Number(params.get('b')) || null;
  const body = params.get('body');
  const year = Number(params.get('year')) || null;
  // ?body=&year=&b=: find the same body's report of the previous year
  useEffect(() => {
    if (a || !body || !year) return;
    api.get<Page<ReportSummary>>(`/reports${qs({ body, year: year - 1, limit: 5 })}`).then((p) => {
      const prev = p.items.find((r) => String(r.bodyId) === body && r.year === year - 1);
      if (prev) setParams({ a: prev.id, body: null });
    }, () => undefined);
  }, [a, body, year]);
  const state = useApi<Comparison>(a && b ? `/analysis/compare${qs({ a, b })}` : null);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('对比', 'Compare')}</Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <ReportPicker label={t('报告甲（如上年）', 'Report A (e.g. last year)')} value={a}
          known={side(state.data?.a)} onChange={(id) => setParams({ a: id })} />
        <span>↔</span>
        <ReportPicker label={t('报告乙', 'Report B')} value={b} known={side(state.data?.b)}
          onChange={(id) => setParams({ b: id })} />
      </Space>
      {a && b ? <Loaded state={state}>{(c) => <ComparisonView c={c} />}</Loaded>
        : <EmptyHint>{body ? t('正在查找上一年度的报告…若没有，请在上方选择。', 'Looking for last year’s report… if none, choose one above.')
          : t('请在上方选择两份报告，或在报告列表中勾选两份后点“对比”。',
            'Choose two reports above, or tick two in the report list and press Compare.')}</EmptyHint>}
    </>
  );
}
