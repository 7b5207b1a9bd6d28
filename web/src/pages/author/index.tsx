// 填报: a body's editor writes its report for a year from the template — the six sections as text editors, the
// three tables as a form checked LIVE in the browser by the engine's own rules (checkReport from the model:
// balance, totals, blank vs 0, cross-year against last year's stored report) as the clerk types; save draft,
// preview the official layout, submit (备案). A returned report shows the supervisor's note and findings.
import { Alert, App, Button, Card, Col, Form, InputNumber, List, Modal, Row, Select, Space, Typography } from 'antd';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { api, ApiError, fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { Link, navigate, useLocation } from '../../app/router';
import { DEFAULT_YEAR, useUser } from '../../app/session';
import { reportOfDetail, reportOfForm } from '../../app/to-report';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded, SeverityTag, StatusTag } from '../../components/common';
import { OfficialTables } from '../../components/OfficialTables';
import {
  allCellKeys, checkReport, template, type Finding, type Page, type Report, type ReportDetail, type ReportSummary,
  type Severity, type TemplateVersion,
} from '../../model';
import { labelOfCell } from '../../../../src/render/layout';
import { SectionEditor } from './SectionEditor';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Text typed in a cell → value: '' blank (null), a number, or undefined when it is not a number. */
function parseTyped(s: string): number | null | undefined {
  const v = s.trim().replace(/[,，]/g, '');
  if (v === '') return null;
  return /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
}

function useLastYear(detail: ReportDetail): Report | undefined {
  const [prev, setPrev] = useState<Report | undefined>(undefined);
  useEffect(() => {
    if (!detail.bodyId || !detail.year) return;
    api.get<Page<ReportSummary>>(`/reports${qs({ body: detail.bodyId, year: detail.year - 1, limit: 5 })}`)
      .then((p) => p.items.find((r) => r.bodyId === detail.bodyId && r.year === detail.year! - 1))
      .then((r) => (r ? api.get<ReportDetail>(`/reports/${r.id}`) : undefined))
      .then((d) => setPrev(d ? reportOfDetail(d) : undefined), () => setPrev(undefined));
  }, [detail.bodyId, detail.year]);
  return prev;
}

function Editor({ initial }: { initial: ReportDetail }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const [detail, setDetail] = useState(initial);
  const version: TemplateVersion = detail.template ?? '2021';
  const sectionDefs = template(version).sections;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(sectionDefs.map((s) => [s.key, detail.sections.find((x) => x.key === s.key)?.text ?? ''])));
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(allCellKeys(version).map((k) => {
    const v = detail.cells[k]?.value;
    return [k, v === null || v === undefined ? '' : String(v)];
  })));
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);
  const previous = useLastYear(detail);
  const deferred = useDeferredValue(typed);
  const deferredTexts = useDeferredValue(texts);
  const values = useMemo(() => {
    const out: Record<string, number | null> = {};
    for (const [k, s] of Object.entries(deferred)) {
      const v = parseTyped(s);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }, [deferred]);
  const invalid = useMemo(() => Object.keys(deferred).filter((k) => parseTyped(deferred[k]) === undefined), [deferred]);
  const findings: Finding[] = useMemo(
    () => checkReport(reportOfForm(detail, version, deferredTexts, values, sectionDefs), previous),
    [detail, version, deferredTexts, values, previous],
  );
  const flags = useMemo(() => {
    const m = new Map<string, Severity>();
    for (const f of findings) for (const c of f.cells) if (!m.has(c.key)
      || RANK[f.severity] > RANK[m.get(c.key)!]) m.set(c.key, f.severity);
    return m;
  }, [findings]);
  const editable = detail.actions.includes('edit') || detail.status === 'draft' || detail.status === 'returned';
  const content = () => ({ sections: sectionDefs.map((s) => ({ key: s.key, text: texts[s.key] ?? '' })),
    cells: values });
  const save = async (quiet = false): Promise<ReportDetail | null> => {
    if (invalid.length) {
      message.error(t('有单元格不是数字，请先改正', 'Some cells are not numbers; fix them first'));
      return null;
    }
    setBusy(true);
    try {
      const d = await api.put<ReportDetail>(`/reports/${detail.id}/content`, content());
      setDetail(d);
      if (!quiet) message.success(t('草稿已保存', 'Draft saved'));
      return d;
    } catch (e) {
      message.error((e as ApiError).message);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    const errors = findings.filter((f) => f.severity === 'error').length;
    const go = async () => {
      if (!(await save(true))) return;
      try {
        const d = await api.post<ReportDetail>(`/reports/${detail.id}/submit`);
        setDetail(d);
        message.success(t('已报送', 'Submitted'));
        navigate(`/reports/${d.id}`);
      } catch (e) {
        message.error((e as ApiError).message);
      }
    };
    if (errors === 0) return go();
    Modal.confirm({
      title: t(`还有 ${errors} 个错误，仍要报送吗？`, `${errors} errors remain. Submit anyway?`),
      okText: t('仍然报送', 'Submit'), cancelText: t('返回修改', 'Go back'), onOk: go,
    });
  };
  const returned = detail.findings.filter((f) => f.status === 'open' || f.status === 'confirmed');
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const cellClass = (key: string) =>
    ['author-cell', flags.has(key) ? `flag-${flags.get(key)}` : '', invalid.includes(key) ? 'bad' : ''].join(' ');
  const renderCell = (key: string) => (
    <input className={cellClass(key)} inputMode="decimal"
      aria-label={labelOfCell(version, key)} aria-invalid={invalid.includes(key) || flags.get(key) === 'error'}
      data-key={key} value={typed[key] ?? ''} readOnly={!editable}
      onChange={(e) => { const v = e.target.value; setTyped((s) => ({ ...s, [key]: v })); }} />
  );
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 21 }}>
        {t('填报', 'Author')}：{detail.bodyName} · {detail.year}{t('年度', '')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={detail.status} />
        <span>{t('模板', 'Template')} {version}（{template(version).docNo}）</span>
        <span>{previous ? t('已载入上年报告，跨年度核对已启用', 'Last year’s report loaded: cross-year checks on')
          : t('未找到上年报告（跨年度核对不可用）', 'No report for last year (no cross-year checks)')}</span>
      </Space>
      {detail.status === 'returned' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="return-note"
          title={t('报告被退回，请按意见修改后重新报送', 'Returned: fix and submit again')}
          description={<>
            <p style={{ margin: 0 }}>{t('退回意见：', 'Note: ')}{detail.returnNote}</p>
            {returned.length > 0 && <ul>{returned.map((f) =>
              <li key={f.id}>{lang === 'en' ? f.messageEn : f.message}</li>)}</ul>}
          </>} />
      )}
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title={t('报告已报送或已通过，当前不能修改。', 'The report is submitted or accepted and cannot be changed now.')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {sectionDefs.map((s) => (
            <Card key={s.key} size="small" style={{ marginBottom: 12 }} title={<h2 className="card-h">{s.title}</h2>}>
              <SectionEditor label={s.title} value={texts[s.key] ?? ''} readOnly={!editable}
                onChange={(v) => setTexts((x) => ({ ...x, [s.key]: v }))} />
              {s.no >= 2 && s.no <= 4 && (
                <OfficialTables version={version} cells={typed} sections={[s.no]} renderCell={renderCell}
                  cellClass={(k) => (flags.has(k) ? `flag-${flags.get(k)}` : '')} />
              )}
            </Card>
          ))}
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 8 }}>
            <Card size="small" title={(
              <h2 className="card-h" aria-live="polite" data-testid="live-count">
                {t(`实时检查：${errors} 个错误，${warnings} 个警告`, `Live check: ${errors} errors, ${warnings} warnings`)}
              </h2>
            )}>
              {invalid.length > 0 && (
                <p role="alert" style={{ color: '#a8071a' }}>
                  {t(`${invalid.length} 个单元格不是数字`, `${invalid.length} cells are not numbers`)}
                </p>
              )}
              <List size="small" dataSource={findings.slice(0, 60)} locale={{ emptyText: t('没有发现问题。', 'No findings.') }}
                style={{ maxHeight: '60vh', overflow: 'auto' }}
                renderItem={(f) => (
                  <List.Item data-testid="live-finding" data-rule={f.ruleId}>
                    <span><SeverityTag severity={f.severity} />
                      <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal',
                        textAlign: 'left' }}
                        onClick={() => document.querySelector<HTMLInputElement>(
                          `input[data-key="${f.cells[0]?.key}"]`)?.focus()}>
                        {lang === 'en' ? f.messageEn : f.message}
                      </Button></span>
                  </List.Item>
                )} />
            </Card>
            <Space wrap style={{ marginTop: 12 }}>
              <Button onClick={() => void save()} loading={busy} disabled={!editable}>{t('保存草稿', 'Save draft')}</Button>
              <Button disabled={!editable} onClick={() =>
                setTyped((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.trim() === '' ? '0' : v])))}>
                {t('未填写的单元格填 0', 'Fill empty cells with 0')}</Button>
              <Button onClick={() => setPreview(true)}>{t('预览', 'Preview')}</Button>
              <Button type="primary" onClick={() => void submit()} loading={busy}
                disabled={!editable}>{t('报送（备案）', 'Submit')}</Button>
            </Space>
          </div>
        </Col>
      </Row>
      <Modal open={preview} onCancel={() => setPreview(false)} footer={null} width="min(1200px, 96vw)"
        title={t('预览（正式版式）', 'Preview (official layout)')}>
        <p><a href={fileUrl(`/reports/${detail.id}/render/html`)} target="_blank"
          rel="noreferrer">{t('打开已保存版本的 HTML 版式', 'Open the saved version as HTML')}</a></p>
        {sectionDefs.map((s) => (
          <section key={s.key}>
            <h3 style={{ fontSize: 16 }}>{s.title}</h3>
            <div className="section-text">{texts[s.key]}</div>
            {s.no >= 2 && s.no <= 4 && <OfficialTables version={version} cells={typed} sections={[s.no]}
              renderCell={(k) => typed[k] ?? ''} />}
          </section>
        ))}
      </Modal>
    </>
  );
}

/**
 * The year a new report starts at: last year (the one due now) unless the body has it, then the latest earlier
 * year it lacks (a report the body missed); if it has every year back to 2019, the year after last year.
 */
export function firstYearLacking(have: Iterable<number | null>, latest = DEFAULT_YEAR): number {
  const held = new Set(have);
  for (let y = latest; y >= 2019; y--) if (!held.has(y)) return y;
  return latest + 1;
}

function Create() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ year: number; template: TemplateVersion }>();
  const mine = useApi<Page<ReportSummary>>(user?.bodyId
    ? `/reports${qs({ body: user.bodyId, limit: 20, sort: 'year', order: 'desc' })}` : null);
  // once the body's reports are known, a year it already has is not offered (creating it again is a 409) —
  // unless the clerk has already typed a year
  const items = mine.data?.items;
  const editor = user?.role === 'editor';
  useEffect(() => {
    if (items && editor && !form.isFieldTouched('year')) {
      form.setFieldsValue({ year: firstYearLacking(items.map((r) => r.year)) });
    }
  }, [items, editor, form]);
  if (!user || user.role !== 'editor' || !user.bodyId) {
    return <EmptyHint>{t('填报由机关的填报人员使用。请用机关账号登录。',
      'Authoring is for a body’s editor. Sign in with the body’s account.')} <Link to="/login">{t('登录',
        'Sign in')}</Link></EmptyHint>;
  }
  const create = async (v: { year: number; template: TemplateVersion }) => {
    setBusy(true);
    try {
      const d = await api.post<ReportDetail>('/reports', { bodyId: user.bodyId, year: v.year, template: v.template });
      navigate(`/author?report=${d.id}`);
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('填报', 'Author')}</Typography.Title>
      <Card size="small" title={<h2 className="card-h">{t('新建年度报告', 'Start a report')}</h2>}
        style={{ maxWidth: 560, marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={create} initialValues={{ year: DEFAULT_YEAR, template: '2021' }}>
          <Form.Item name="year" label={t('年度', 'Year')}><InputNumber min={2019} max={2100}
            aria-label={t('报告年度', 'Report year')} /></Form.Item>
          <Form.Item name="template" label={t('模板', 'Template')}>
            <Select style={{ width: 110 }} options={[{ value: '2021', label: '2021' },
              { value: '2019', label: '2019' }]} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>{t('新建', 'Create')}</Button>
        </Form>
      </Card>
      <Loaded state={mine}>{(p) => (
        <Card size="small" title={<h2 className="card-h">{t('本机关的报告', 'This body’s reports')}</h2>}>
          {p.items.length === 0 ? <p>{t('还没有报告。', 'No report yet.')}</p> : (
            <List size="small" dataSource={p.items} renderItem={(r) => (
              <List.Item actions={[<Link key="e" to={r.status === 'draft' || r.status === 'returned'
                ? `/author?report=${r.id}` : `/reports/${r.id}`}>
                {r.status === 'draft' || r.status === 'returned' ? t('继续填写', 'Edit') : t('查看', 'View')}</Link>]}>
                <Space>{r.year}<StatusTag status={r.status} /></Space>
              </List.Item>
            )} />
          )}
        </Card>
      )}</Loaded>
    </>
  );
}

export default function AuthorPage() {
  const { params } = useLocation();
  const id = Number(params.get('report')) || null;
  const state = useApi<ReportDetail>(id ? `/reports/${id}` : null);
  if (!id) return <Create />;
  return <Loaded state={state}>{(d) => <Editor key={d.id} initial={d} />}</Loaded>;
}
