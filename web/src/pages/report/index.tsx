// 报告详情: the report in the official table layout (2019 or 2021) with flagged cells; a click on a cell or a
// finding shows where it was read; decisions, corrections, versions, workflow actions and downloads.
import { Alert, Col, Row, Space, Tag } from 'antd';
import { lazy, Suspense, useLayoutEffect, useMemo, useState } from 'react';
import { useLang, useT } from '../../app/i18n';
import { Link, setParams, useLocation } from '../../app/router';
import { hasRole, useUser } from '../../app/session';
import { useApi } from '../../app/use-api';
import { Loaded, Loading, StatusTag } from '../../components/common';
import { OfficialTables } from '../../components/OfficialTables';
import { SECTION_NAMES, pick } from '../../components/labels';
import { UrlTabs } from '../../components/UrlTabs';
import { formatCell } from '../../../../src/render/layout';
import { openFindingFlags } from '../../model';
import type { ReportDetail, StoredFinding, TemplateVersion } from '../../model';
import { Actions } from './Actions';
import { CellPanel } from './CellPanel';
import { FindingList } from './Findings';
import { dropPreview } from './preview';

// the history tabs (antd Table, Select) load when opened: the first view of a report is its tables and findings
const Versions = lazy(() => import('./Versions').then((m) => ({ default: m.Versions })));
const AuditTrail = lazy(() => import('./Versions').then((m) => ({ default: m.AuditTrail })));

/** Beside the report's tables: once they are in the document, the server's preview of them goes (preview.ts). */
function PreviewReplaced() {
  useLayoutEffect(dropPreview, []);
  return null;
}

function ReportView({ initial }: { initial: ReportDetail }) {
  const t = useT();
  const lang = useLang();
  const user = useUser();
  const [report, setReport] = useState(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [finding, setFinding] = useState<StoredFinding | null>(null);
  const version: TemplateVersion = report.template ?? (report.year !== null && report.year <= 2020 ? '2019' : '2021');
  const flags = useMemo(() => openFindingFlags(report.findings), [report.findings]);
  const selectFinding = (f: StoredFinding) => {
    setFinding(f);
    setSelected(f.cells[0]?.key ?? null);
    if (f.cells.length) setParams({ tab: null }); // its cells are shown in the tables tab
  };
  const renderCell = (key: string, column: Parameters<typeof formatCell>[1]) => {
    const cell = report.cells[key];
    const flag = flags.get(key);
    const text = formatCell(cell, column);
    return (
      <button type="button" className="cell-btn" data-flag={flag} aria-pressed={selected === key}
        aria-label={`${text || (cell ? t('空白', 'blank') : t('缺失', 'missing'))}${flag ? t('，有问题', ', flagged') : ''}`}
        onClick={() => {
          setSelected(key);
          setFinding(null);
        }}>{text}</button>
    );
  };
  const cellClass = (key: string) => {
    const cell = report.cells[key];
    const cls = [cell ? (cell.value === null ? 'blank' : '') : 'absent', flags.has(key) ? `flag-${flags.get(key)}` : '',
      selected === key ? 'selected' : ''];
    return cls.filter(Boolean).join(' ');
  };
  const decided = (f: StoredFinding) => setReport((r) =>
    ({ ...r, findings: r.findings.map((x) => (x.id === f.id ? f : x)) }));
  const active = report.findings.filter((f) => f.status !== 'closed');
  return (
    <>
      <h1 className="page-h1" data-testid="report-title">{report.title ?? report.bodyName ?? `#${report.id}`}</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={report.status} />
        <span>{report.bodyName ?? report.agency ?? t('机关待确认', 'body not assigned')}</span>
        <span>{report.year ?? '—'}{t('年度', '')}</span>
        <Tag>{t('模板', 'template')} {version}</Tag>
        <span>v{report.version}</span>
        {report.publishedUrl && <a href={report.publishedUrl} rel="noreferrer noopener"
          target="_blank">{t('发布页面', 'Published page')}</a>}
        {report.bodyId && report.year && (
          <Link to={`/compare?body=${report.bodyId}&year=${report.year}&b=${report.id}`}>
            {t('与上年对比', 'Compare with last year')}
          </Link>
        )}
      </Space>
      {report.returnNote && (report.status === 'returned' || report.status === 'draft') && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('退回意见', 'Returned with this note')}
          description={report.returnNote} />
      )}
      {report.truncated && <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title={t('原文在第六部分之前中断。', 'The source ends before section 六.')} />}
      <div style={{ marginBottom: 12 }}><Actions report={report} onChange={(r) => { setReport(r); }} /></div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <UrlTabs items={[
            { key: 'tables', label: t('表格', 'Tables'), children: (
              <>
                <OfficialTables version={version} cells={report.cells} renderCell={renderCell} cellClass={cellClass} />
                <PreviewReplaced />
              </>
            ) },
            // each tab drops the server's preview when drawn (a page opened on it by its address has none)
            { key: 'text', label: t('正文', 'Text'), children: [<PreviewReplaced key="preview" />,
              ...report.sections.map((s) => (
              <section key={s.key}>
                <h2 style={{ fontSize: 16 }}>{s.title ?? pick(SECTION_NAMES[s.key], lang, s.key)}</h2>
                <div className="section-text" data-testid="section-text">
                  {s.text || t('（原文未见本节）', '(not in the source)')}
                </div>
              </section>
            ))] },
            { key: 'versions', label: t('版本', 'Versions'),
              children: <><PreviewReplaced /><Suspense fallback={<Loading />}>
                <Versions reportId={report.id} template={version} />
              </Suspense></> },
            ...(hasRole(user, 'supervisor', 'admin', 'editor')
              ? [{ key: 'audit', label: t('操作记录', 'Audit'),
                children: <><PreviewReplaced /><Suspense fallback={<Loading />}><AuditTrail
                  reportId={report.id} template={version} /></Suspense></> }] : []),
          ]} />
        </Col>
        <Col xs={24} xl={9}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <CellPanel report={report} cellKey={selected} finding={finding} version={version} onChange={setReport} />
            <section aria-label={t('问题', 'Findings')}>
              <h2 className="card-h" style={{ margin: '8px 0' }}>
                {t(`问题（${active.length}）`, `Findings (${active.length})`)}
              </h2>
              <FindingList findings={active} canDecide={hasRole(user, 'supervisor', 'admin')} onSelect={selectFinding}
                onDecided={decided} />
            </section>
          </Space>
        </Col>
      </Row>
    </>
  );
}

export default function ReportPage() {
  const { path } = useLocation();
  const id = Number(path.split('/')[2]);
  const state = useApi<ReportDetail>(`/reports/${id}`);
  // the report could not be loaded (the error shows instead), or the page is left: no preview of it stays
  useLayoutEffect(() => {
    if (state.error) dropPreview();
  }, [state.error]);
  useLayoutEffect(() => dropPreview, []);
  // moving from one report to another: the previous report stays in state until the next arrives, and must not
  // be shown as if it were the one asked for
  if (state.data && state.data.id !== id && !state.error) return <Loading />;
  return <Loaded state={state}>{(r) => <ReportView key={`${r.id}:${r.version}`} initial={r} />}</Loaded>;
}
