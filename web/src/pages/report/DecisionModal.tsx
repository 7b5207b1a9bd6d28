// The dialog to confirm or dismiss a finding with a reason (kept across re-checks by the server); its own chunk,
// loaded when a reviewer first opens it.
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import type { DecisionRequest, StoredFinding } from '../../model';

export default function DecisionModal({ finding, onClose, onDone }: {
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
