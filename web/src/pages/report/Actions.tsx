// The workflow actions the server says this user may take now (ReportDetail.actions): 报送, 退回 (with the
// findings and a note), 通过, 发布 (URL and date), 指定 (a pending report's body and year); re-check; downloads.
import { App, Button, Dropdown, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api, ApiError, fileUrl } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { hasRole, useUser } from '../../app/session';
import { ACTION, pick } from '../../components/labels';
import type { ReportDetail, WorkflowAction } from '../../model';
import type { Dialog } from './WorkflowDialog';

// the dialogs of 退回, 发布 and 指定 (antd Form, Modal, Select, Checkbox) load when one is first opened
const WorkflowDialog = lazy(() => import('./WorkflowDialog'));

const FORMATS = ['docx', 'xlsx', 'pdf', 'html', 'md', 'csv', 'json'];

export function Actions({ report, onChange }: { report: ReportDetail; onChange: (r: ReportDetail) => void }) {
  const t = useT();
  const lang = useLang();
  const user = useUser();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);

  const call = async (path: string, body?: unknown, done?: string) => {
    setBusy(true);
    try {
      const r = await api.post<ReportDetail>(`/reports/${report.id}/${path}`, body);
      onChange(r);
      message.success(done ?? t('已完成', 'Done'));
      setDialog(null);
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
    else if (a === 'return' || a === 'publish' || a === 'assign') setDialog(a);
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
      {dialog && <Suspense fallback={null}>
        <WorkflowDialog dialog={dialog} report={report} busy={busy} onCancel={() => setDialog(null)}
          onSubmit={call} />
      </Suspense>}
    </>
  );
}
