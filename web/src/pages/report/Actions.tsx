// The workflow actions the server says this user may take now (ReportDetail.actions): 报送, 退回 (with the
// findings and a note), 通过, 发布 (URL and date), 指定 (a pending report's body and year); re-check; downloads.
import { App, Button, Checkbox, Dropdown, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api, ApiError, fileUrl, qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { hasRole, useUser } from '../../app/session';
import { ACTION, pick } from '../../components/labels';
import type { Body, Page, ReportDetail, WorkflowAction } from '../../model';

type Dialog = 'return' | 'publish' | 'assign' | null;

const FORMATS = ['docx', 'xlsx', 'pdf', 'html', 'md', 'csv', 'json'];

export function Actions({ report, onChange }: { report: ReportDetail; onChange: (r: ReportDetail) => void }) {
  const t = useT();
  const lang = useLang();
  const user = useUser();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [bodies, setBodies] = useState<Body[]>([]);

  const call = async (path: string, body?: unknown, done?: string) => {
    setBusy(true);
    try {
      const r = await api.post<ReportDetail>(`/reports/${report.id}/${path}`, body);
      onChange(r);
      message.success(done ?? t('已完成', 'Done'));
      setDialog(null);
      form.resetFields();
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const act = (a: WorkflowAction) => {
    if (a === 'edit') navigate(`/author?report=${report.id}`);
    else if (a === 'submit') void call('submit', undefined, t('已报送', 'Submitted'));
    else if (a === 'accept') void call('accept', undefined, t('已通过', 'Accepted'));
    else if (a === 'return' || a === 'publish' || a === 'assign') {
      setDialog(a);
      if (a === 'assign') {
        api.get<Page<Body>>(`/bodies${qs({ region: report.regionCode ?? undefined, limit: 500 })}`).then((p) =>
          setBodies(p.items), () => setBodies([]));
      }
    }
  };
  const openIds = report.findings.filter((f) => f.status === 'open' || f.status === 'confirmed').map((f) => f.id);
  const submitDialog = async () => {
    const v = await form.validateFields();
    if (dialog === 'return') await call('return', { note: v.note, findingIds: v.findingIds ?? [] },
      t('已退回', 'Returned'));
    if (dialog === 'publish') await call('publish', { url: v.url, date: v.date }, t('已发布', 'Published'));
    if (dialog === 'assign') await call('assign', { bodyId: v.bodyId, year: v.year }, t('已指定', 'Assigned'));
  };
  const canRecheck = hasRole(user, 'supervisor', 'editor', 'admin') && report.status !== 'published';
  return (
    <>
      <Space wrap>
        {report.actions.map((a) => (
          <Button key={a} type={a === 'accept' || a === 'submit' ? 'primary' : 'default'} danger={a === 'return'}
            loading={busy} onClick={() => act(a)} data-action={a}>{pick(ACTION[a], lang)}</Button>
        ))}
        {canRecheck && <Button onClick={() => void call('recheck', undefined, t('已重新检查', 'Re-checked'))}
          loading={busy}>{t('重新检查', 'Re-check')}</Button>}
        <Dropdown menu={{ items: [
          ...(report.source ? [{ key: 'src', label: <a href={fileUrl(`/reports/${report.id}/source`)}
            download={report.source.name}>{t('原文件', 'Original file')} ({report.source.name})</a> }] : []),
          ...FORMATS.map((f) => ({ key: f, label: <a href={fileUrl(`/reports/${report.id}/render/${f}`)}
            download>{f.toUpperCase()}</a> })),
        ] }}>
          <Button>{t('下载', 'Download')} ▾</Button>
        </Dropdown>
      </Space>
      <Modal open={dialog !== null} onCancel={() => setDialog(null)} onOk={submitDialog} confirmLoading={busy}
        destroyOnHidden
        okText={t('确定', 'OK')} cancelText={t('取消', 'Cancel')}
        title={dialog ? pick(ACTION[dialog], lang) : ''}>
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
    </>
  );
}
