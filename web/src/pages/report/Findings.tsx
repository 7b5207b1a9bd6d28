// The findings of a report with the reviewer's decisions: confirm or dismiss with a reason (kept across
// re-checks by the server). Clicking a finding selects its first cell, so its source shows.
import { App, Button, Form, Input, List, Modal, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { SeverityTag } from '../../components/common';
import { DECISION, RULE, pick } from '../../components/labels';
import type { DecisionRequest, StoredFinding } from '../../model';

export function DecisionModal({ finding, onClose, onDone }: {
  finding: StoredFinding | null; onClose: () => void; onDone: (f: StoredFinding) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionRequest>();
  const [busy, setBusy] = useState(false);
  const ok = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const f = await api.post<StoredFinding>(`/findings/${finding!.id}/decision`, v);
      message.success(t('已记录', 'Recorded'));
      form.resetFields();
      onDone(f);
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!finding} title={t('处理问题', 'Decide on the finding')} onOk={ok} onCancel={onClose}
      confirmLoading={busy}
      okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')} destroyOnHidden>
      {finding && <p>{finding.message}</p>}
      <Form form={form} name="finding-decision" layout="vertical" initialValues={{ decision: "dismissed" }}>
        <Form.Item name="decision" label={t('结论', 'Decision')}>
          <Radio.Group>
            <Radio value="confirmed">{t('确认有误', 'Confirm')}</Radio>
            <Radio value="dismissed">{t('排除（不是问题）', 'Dismiss (not a problem)')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label={t('理由', 'Reason')}
          rules={[{ required: true, message: t('请填写理由', 'Give a reason') }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FindingList({ findings, canDecide, onSelect, onDecided }: {
  findings: StoredFinding[]; canDecide: boolean;
  onSelect: (f: StoredFinding) => void; onDecided: (f: StoredFinding) => void;
}) {
  const t = useT();
  const lang = useLang();
  const [deciding, setDeciding] = useState<StoredFinding | null>(null);
  if (findings.length === 0) return <p>{t('没有发现问题。', 'No findings.')}</p>;
  return (
    <>
      <List
        size="small"
        dataSource={findings}
        renderItem={(f) => (
          <List.Item data-testid="finding" data-rule={f.ruleId} data-status={f.status}
            actions={canDecide && f.status !== 'closed' ? [
              <Button key="d" size="small" onClick={() => setDeciding(f)}>{t('确认/排除', 'Confirm / dismiss')}</Button>,
            ] : []}>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <SeverityTag severity={f.severity} />
                <Tag>{pick(DECISION[f.status], lang)}</Tag>
                <span className="rule" title={f.ruleId}>{pick(RULE[f.ruleId], lang, f.ruleId)}</span>
              </Space>
              <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onSelect(f)}>{lang === 'en' ? f.messageEn : f.message}</Button>
              {f.decisionReason && <span style={{ color: '#595959' }}>{t('理由：',
                'Reason: ')}{f.decisionReason}（{f.decidedBy}）</span>}
            </Space>
          </List.Item>
        )}
      />
      <DecisionModal finding={deciding} onClose={() => setDeciding(null)}
        onDone={(f) => { setDeciding(null); onDecided(f); }} />
    </>
  );
}
