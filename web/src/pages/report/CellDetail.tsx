// The selected cell: its value as printed and how it was read, the findings that name it, the source it was
// read from, and (when allowed) a correction with a reason. Its own chunk (antd Form, Descriptions), loaded on the
// first click of a cell or a finding (CellPanel.tsx).
import { App, Button, Card, Descriptions, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { hasRole, useUser } from '../../app/session';
import { SeverityTag } from '../../components/common';
import { labelOfCell } from '../../../../src/render/layout';
import type { ReportDetail, StoredFinding, TemplateVersion } from '../../model';
import { SourceView } from './SourceView';

const HOW: Record<string, [string, string]> = {
  direct: ['直接读取', 'read directly'], inferred: ['由表内关系推出', 'inferred from the relations'],
  ordered: ['按模板顺序放置', 'placed by template order'],
};

export default function CellDetail({ report, cellKey, finding, version, onChange }: {
  report: ReportDetail; cellKey: string | null; finding: StoredFinding | null; version: TemplateVersion;
  onChange: (r: ReportDetail) => void;
}) {
  const t = useT();
  const lang = useLang();
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ value: number | null; reason: string }>();
  const [busy, setBusy] = useState(false);
  const cell = cellKey ? report.cells[cellKey] : undefined;
  const related = cellKey ? report.findings.filter((f) => f.cells.some((c) => c.key === cellKey))
    : finding ? [finding] : [];
  const at = cell?.source ?? finding?.source ?? null;
  const canCorrect = cellKey !== null && hasRole(user, 'editor', 'supervisor', 'admin')
    && !['published', 'accepted', 'submitted'].includes(report.status)
      || (cellKey !== null && hasRole(user, 'supervisor') && report.status === 'submitted');
  const correct = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await api.patch<ReportDetail>(`/reports/${report.id}/cells`,
        { changes: [{ key: cellKey, value: v.value ?? null, reason: v.reason }] });
      onChange(r);
      form.resetFields();
      message.success(t('已更正，并已重新检查', 'Corrected and re-checked'));
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={<h2 className="card-h">{cellKey ? labelOfCell(version, cellKey)
      : t('问题', 'Finding')}</h2>} data-testid="cell-panel">
      {cellKey && (
        <Descriptions size="small" column={1} items={[
          { key: 'v', label: t('数值', 'Value'), children: cell
            ? (cell.value === null ? t('空白（不是0）', 'blank (not zero)') : String(cell.value))
              : t('原文缺失', 'not in the source') },
          { key: 'r', label: t('原文', 'As printed'), children: cell?.raw || '—' },
          { key: 'h', label: t('读取方式', 'How read'),
            children: cell ? `${lang === 'en' ? HOW[cell.how]?.[1] : HOW[cell.how]?.[0]}${cell.reason
              ? `：${cell.reason}` : ''}` : '—' },
        ]} />
      )}
      {related.map((f) => (
        <p key={f.id}><SeverityTag severity={f.severity} />{lang === 'en' ? f.messageEn : f.message}
          {f.expected !== undefined && <>（{t('应为', 'expected')} {f.expected}）</>}</p>
      ))}
      <h3 style={{ fontSize: 14 }}>{t('原文出处', 'Source')}</h3>
      <SourceView reportId={report.id} lines={report.sourceLines} at={at} length={cell?.raw.length ?? 1}
        isPdf={report.format === 'pdf'}
        encoding={report.encoding} format={report.format} />
      {canCorrect && (
        <Form form={form} name="cell-correction" layout="inline" style={{ marginTop: 12, rowGap: 8 }}
          aria-label={t('更正单元格', 'Correct the cell')}>
          <Form.Item name="value" label={t('更正为', 'Correct to')}>
            <InputNumber placeholder={t('空白', 'blank')} />
          </Form.Item>
          <Form.Item name="reason" label={t('理由', 'Reason')}
            rules={[{ required: true, message: t('请填写理由', 'Give a reason') }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Button onClick={correct} loading={busy}>{t('更正', 'Correct')}</Button>
        </Form>
      )}
    </Card>
  );
}
