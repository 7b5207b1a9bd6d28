// 上传: drop files, a folder's files or a zip, or paste URLs; each file goes up on its own request (so its
// progress is real) and its import job is followed to its result; the 待确认 list below assigns a report's
// body and year from the engine's candidates.
import {
  App, Button, Card, Input, InputNumber, Progress, Radio, Select, Space, Table, Tag, Typography, Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, qs, upload } from '../../app/api';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useFilters, useUser } from '../../app/session';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded } from '../../components/common';
import type { Body, ImportItemStatus, ImportJob, Page, ReportDetail, ReportSummary } from '../../model';

interface Row {
  uid: string;
  name: string;
  /** 0–1 while uploading */
  sent: number;
  phase: 'uploading' | 'processing' | 'done' | 'failed';
  status?: ImportItemStatus;
  reportId?: number | null;
  error?: string | null;
}

const RESULT: Record<ImportItemStatus, [string, string, string]> = {
  queued: ['排队中', 'queued', 'default'], imported: ['已导入', 'imported', 'green'],
    unchanged: ['未变化（已导入过）', 'unchanged', 'blue'],
  failed: ['失败', 'failed', 'red'], pending: ['待确认', 'pending', 'purple'],
};

async function follow(jobId: number, onDone: (job: ImportJob) => void): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const job = await api.get<ImportJob>(`/imports/${jobId}`);
    if (job.status !== 'running') return onDone(job);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function PendingList({ tick }: { tick: number }) {
  const t = useT();
  const { message } = App.useApp();
  const { region } = useFilters();
  const state = useApi<Page<ReportSummary>>(`/reports${qs({ status: 'pending', region, limit: 50 })}`);
  const [bodies, setBodies] = useState<Body[]>([]);
  const { reload } = state;
  useEffect(() => { if (tick) reload(); }, [tick, reload]);
  const [choice, setChoice] = useState<Record<number, { bodyId?: number; year?: number }>>({});
  useEffect(() => {
    api.get<Page<Body>>(`/bodies${qs({ region, limit: 500 })}`).then((p) => setBodies(p.items), () => setBodies([]));
  }, [region]);
  const assign = async (r: ReportSummary) => {
    const c = { bodyId: choice[r.id]?.bodyId, year: choice[r.id]?.year ?? r.year ?? undefined };
    if (!c.bodyId || !c.year) return message.warning(t('请选择机关并填写年度', 'Choose the body and the year'));
    try {
      await api.post<ReportDetail>(`/reports/${r.id}/assign`, c);
      message.success(t('已指定', 'Assigned'));
      state.reload();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return (
    <Loaded state={state}>{(page) => page.items.length === 0
      ? <EmptyHint>{t('没有待确认的报告。', 'No report waits for assignment.')}</EmptyHint> : (
      <Table size="small" rowKey="id" dataSource={page.items} pagination={false} columns={[
        { title: t('文件 / 标题', 'File / title'), render: (_, r) =>
          <Link to={`/reports/${r.id}`}>{r.title ?? `#${r.id}`}</Link> },
        { title: t('引擎读出的机关', 'Agency as read'), dataIndex: 'agency', render: (a: string | null) => a ?? '—' },
        { title: t('机关', 'Body'), render: (_, r) => (
          <Select aria-label={t('机关', 'Body')} showSearch optionFilterProp="label" style={{ width: 220 }}
            placeholder={t('选择机关', 'Choose')}
            value={choice[r.id]?.bodyId} onChange={(v) =>
              setChoice((c) => ({ ...c, [r.id]: { ...c[r.id], bodyId: v } }))}
            options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        ) },
        { title: t('年度', 'Year'), render: (_, r) => (
          <InputNumber aria-label={t('年度', 'Year')} min={2008} max={2100}
            value={choice[r.id]?.year ?? r.year ?? undefined}
            onChange={(v) => setChoice((c) => ({ ...c, [r.id]: { ...c[r.id], year: v ?? undefined } }))} />
        ) },
        { title: '', render: (_, r) => <Button onClick={() => void assign(r)}>{t('确认', 'Assign')}</Button> },
      ]} />
    )}</Loaded>
  );
}

export default function UploadPage() {
  const t = useT();
  const user = useUser();
  const { message } = App.useApp();
  const { region, year } = useFilters();
  const [rows, setRows] = useState<Row[]>([]);
  const [urls, setUrls] = useState('');
  // files a body sent to the office are filings to review; reports fetched from websites are published ones
  const [asFiled, setAsFiled] = useState(true);
  const [tick, setTick] = useState(0);
  const queue = useRef(Promise.resolve());
  const patch = (uid: string, p: Partial<Row>) => setRows((rs) => rs.map((r) => (r.uid === uid ? { ...r, ...p } : r)));
  const finish = (uid: string) => (job: ImportJob) => {
    const item = job.items[0];
    // a failed job may leave its item queued: it will not be read now
    const failed = job.status === 'failed' || item?.status === 'failed' || item?.status === 'queued';
    patch(uid, { phase: failed ? 'failed' : 'done', status: failed ? 'failed' : item?.status, reportId: item?.reportId,
      error: item?.error ?? (failed ? t('导入失败，请稍后重试或联系管理员', 'The import failed; try again later or ask the admin')
        : null) });
    setTick((n) => n + 1);
  };
  const send = (file: File, uid: string) => {
    queue.current = queue.current.then(async () => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (region && /^\d{6}$/.test(region)) form.append('region', region);
      if (asFiled) form.append('status', 'submitted');
      try {
        const job = await upload<ImportJob>('/imports', form, (s) => patch(uid, { sent: s }));
        patch(uid, { sent: 1, phase: 'processing' });
        await follow(job.id, finish(uid));
      } catch (e) {
        patch(uid, { phase: 'failed', error: (e as ApiError).message });
      }
    });
  };
  const sendUrls = async () => {
    const list = urls.split(/\s+/).filter((u) => /^https?:\/\//.test(u));
    if (list.length === 0) return message.warning(t('请粘贴以 http:// 或 https:// 开头的网址', 'Paste http:// or https:// URLs'));
    const uid = `urls-${Date.now()}`;
    setRows((rs) => [...rs, { uid, name: list.join(' '), sent: 1, phase: 'processing' }]);
    try {
      const job = await api.post<ImportJob>('/imports', { urls: list });
      await follow(job.id, (j) => {
        patch(uid, { phase: j.status === 'failed' ? 'failed' : 'done',
          status: j.counts.failed ? 'failed' : j.counts.pending ? 'pending' : 'imported',
          error: j.items.filter((i) => i.error).map((i) => `${i.name}: ${i.error}`).join('；') || null,
            reportId: j.items[0]?.reportId });
        setTick((n) => n + 1);
      });
      setUrls('');
    } catch (e) {
      patch(uid, { phase: 'failed', error: (e as ApiError).message });
    }
  };
  if (!user) return <EmptyHint>{t('上传需要登录。', 'Sign in to upload.')} <Link to="/login">{t('登录',
    'Sign in')}</Link></EmptyHint>;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('上传报告', 'Upload reports')}</Typography.Title>
      {user.role !== 'editor' && (
        <Radio.Group value={asFiled} onChange={(e) => setAsFiled(e.target.value as boolean)} style={{ marginBottom: 8 }}
          aria-label={t('上传的文件是', 'The files are')}
          options={[{ value: true, label: t('机关报送、待审核的报告', 'Reports filed for review') },
            { value: false, label: t('已发布的报告', 'Published reports')}]} />
      )}
      <Upload.Dragger multiple directory={false} showUploadList={false}
        aria-label={t('选择或拖入文件', 'Choose or drop files')}
        beforeUpload={(file) => {
          setRows((rs) => [...rs, { uid: file.uid, name: file.webkitRelativePath || file.name, sent: 0,
            phase: 'uploading' }]);
          send(file, file.uid);
          return false;
        }}>
        <p style={{ fontSize: 16 }}>{t('把报告文件、文件夹或 zip 压缩包拖到这里，或点击选择文件',
          'Drop report files, folders or a zip here, or click to choose files')}</p>
        <p style={{ color: '#595959' }}>{t('支持 PDF、DOCX、DOC、XLSX、HTML、TXT；同一文件重复上传不会重复导入。',
          'PDF, DOCX, DOC, XLSX, HTML, TXT; the same file twice is imported once.')}</p>
      </Upload.Dragger>
      <Upload directory multiple showUploadList={false} beforeUpload={(file) => {
        setRows((rs) => [...rs, { uid: file.uid, name: file.webkitRelativePath || file.name, sent: 0,
          phase: 'uploading' }]);
        send(file, file.uid);
        return false;
      }}><Button style={{ marginTop: 8 }}>{t('选择文件夹', 'Choose a folder')}</Button></Upload>
      <Card size="small" style={{ marginTop: 16 }}
        title={<h2 className="card-h">{t('或粘贴网址（每行一个）', 'Or paste URLs (one per line)')}</h2>}>
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea aria-label={t('网址', 'URLs')} rows={2} value={urls} onChange={(e) => setUrls(e.target.value)}
            placeholder="https://…" />
          <Button onClick={() => void sendUrls()}>{t('导入', 'Import')}</Button>
        </Space.Compact>
      </Card>
      {rows.length > 0 && (
        <Table<Row> size="small" style={{ marginTop: 16 }} rowKey="uid" dataSource={rows} pagination={false} columns={[
          { title: t('文件', 'File'), dataIndex: 'name' },
          { title: t('进度', 'Progress'), render: (_, r) => r.phase === 'uploading'
            ? <Progress percent={Math.round(r.sent * 100)} size="small" aria-label={t('上传进度', 'Upload progress')} />
            : r.phase === 'processing' ? <Progress percent={100} status="active" size="small"
              format={() => t('解析中', 'reading')} aria-label={t('解析中', 'Reading')} />
              : <Progress percent={100} size="small" status={r.phase === 'failed' ? 'exception' : 'success'}
                aria-label={t('完成', 'Done')} /> },
          { title: t('结果', 'Result'), render: (_, r) => <Space wrap>
            {r.status && <Tag color={RESULT[r.status][2]}
              data-testid="import-result">{t(RESULT[r.status][0], RESULT[r.status][1])}</Tag>}
            {r.reportId && <Link to={`/reports/${r.reportId}`}>{t('查看报告', 'Open the report')}</Link>}
            {r.error && <span role="alert" style={{ color: '#a8071a' }}>{r.error}</span>}
          </Space> },
        ]} />
      )}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{t('待确认',
        'Waiting for assignment')}</Typography.Title>
      <p style={{ color: '#595959' }}>{t(`机关或年度读不准的报告在这里等待人工指定（默认年度 ${year}）。`,
        `Reports whose body or year could not be read with certainty wait here (default year ${year}).`)}</p>
      <PendingList tick={tick} />
    </>
  );
}
