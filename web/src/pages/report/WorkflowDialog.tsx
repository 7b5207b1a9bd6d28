// The dialogs of the workflow actions that need more than a click: 退回 (a note and the findings sent with it),
// 发布 (URL and date), 指定 (a pending report's body and year). Its own chunk, loaded when one is first opened;
// the request itself is the caller's (Actions.tsx), which closes the dialog when it succeeds.
import { Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { ACTION, pick } from '../../components/labels';
import type { Body, Page, ReportDetail } from '../../model';

export type Dialog = 'return' | 'publish' | 'assign';

export default function WorkflowDialog({ dialog, report, busy, onCancel, onSubmit }: {
  dialog: Dialog; report: ReportDetail; busy: boolean; onCancel: () => void;
  onSubmit: (path: string, body: unknown, done: string) => Promise<void>;
}) {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm();
  const [bodies, setBodies] = useState<Body[]>([]);
  useEffect(() => {
    if (dialog !== 'assign') return;
    api.get<Page<Body>>(`/bodies${qs({ region: report.regionCode ?? undefined, limit: 500 })}`).then((p) =>
      setBodies(p.items), () => setBodies([]));
  }, [dialog, report.regionCode]);
  const openIds = report.findings.filter((f) => f.status === 'open' || f.status === 'confirmed').map((f) => f.id);
  const submitDialog = async () => {
    const v = await form.validateFields();
    if (dialog === 'return') await onSubmit('return', { note: v.note, findingIds: v.findingIds ?? [] },
      t('已退回', 'Returned'));
    if (dialog === 'publish') await onSubmit('publish', { url: v.url, date: v.date }, t('已发布', 'Published'));
    if (dialog === 'assign') await onSubmit('assign', { bodyId: v.bodyId, year: v.year }, t('已指定', 'Assigned'));
  };
  return (
    <Modal open onCancel={onCancel} onOk={submitDialog} confirmLoading={busy}
      destroyOnHidden
      okText={t('确定', 'OK')} cancelText={t('取消', 'Cancel')}
      title={pick(ACTION[dialog], lang)}>
      <Form form={form} name="workflow" layout="vertical" preserve={false}
        initialValues={{ findingIds: openIds, date: new Date().toISOString().slice(0, 10),
          year: report.year ?? undefined }}>
        {dialog === 'return' && <>
          <Form.Item name="note" label={t('退回意见', 'Note to the body')}
            rules={[{ required: true, message: t('请填写退回意见', 'Write a note') }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="findingIds" label={t('随退回发送的问题', 'Findings sent with the return')}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }}
              options={report.findings.filter((f) => f.status !== 'closed' && f.status !== 'dismissed')
                .map((f) => ({ value: f.id, label: lang === 'en' ? f.messageEn : f.message }))} />
          </Form.Item>
        </>}
        {dialog === 'publish' && <>
          <Form.Item name="url" label={t('发布网址', 'Publication URL')}
            rules={[{ required: true, type: 'url', message: t('请填写有效网址', 'Give a valid URL') }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item name="date" label={t('发布日期', 'Publication date')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
            <Input type="date" />
          </Form.Item>
        </>}
        {dialog === 'assign' && <>
          <p>{t('引擎识别的机关候选：', 'The engine’s candidates: ')}{report.agencyCandidates.join('、') || report.agency
            || '—'}</p>
          <Form.Item name="bodyId" label={t('机关', 'Body')}
            rules={[{ required: true, message: t('请选择机关', 'Choose the body') }]}>
            <Select showSearch optionFilterProp="label"
              options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
          <Form.Item name="year" label={t('年度', 'Year')}
            rules={[{ required: true, message: t('请填写年度', 'Give the year') }]}>
            <InputNumber min={2008} max={2100} />
          </Form.Item>
        </>}
      </Form>
    </Modal>
  );
}
