// Version history with diffs (GET /versions, /diff) and the audit trail of the report.
import { Button, List, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded, StatusTag } from '../../components/common';
import { auditAction } from '../../components/labels';
import {
  cellLabel, type AuditEntry, type Page, type ReportVersionInfo, type TemplateVersion, type VersionDiff,
} from '../../model';
import { changeLines } from './audit-change';

function show(v: number | null | undefined): string {
  return v === undefined ? '（无）' : v === null ? '（空）' : String(v);
}

export function Versions({ reportId, template }: { reportId: number; template: TemplateVersion }) {
  const t = useT();
  const state = useApi<ReportVersionInfo[]>(`/reports/${reportId}/versions`);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const diff = useApi<VersionDiff>(pair ? `/reports/${reportId}/diff${qs({ from: pair[0], to: pair[1] })}` : null);
  return (
    <Loaded state={state}>{(versions) => (
      <>
        <List size="small" dataSource={versions} renderItem={(v) => (
          <List.Item data-testid="version" actions={v.version > 1 ? [
            <Button key="d" size="small" onClick={() => setPair([v.version - 1, v.version])}>{t('与上一版比较',
              'Diff with previous')}</Button>,
          ] : []}>
            <Space wrap><strong>v{v.version}</strong><StatusTag status={v.status} /><span>{v.reason}</span>
              <span style={{ color: '#595959' }}>{v.createdBy
                ?? t('系统', 'system')} · {v.createdAt.slice(0, 16).replace('T', ' ')}</span></Space>
          </List.Item>
        )} />
        {versions.length > 1 && (
          <Space wrap style={{ margin: '8px 0' }}>
            <span>{t('比较版本', 'Compare versions')}</span>
            <Select aria-label={t('从版本', 'From version')} value={pair?.[0]} style={{ width: 90 }}
              options={versions.map((v) => ({ value: v.version, label: `v${v.version}` }))}
              onChange={(a) => setPair([a, pair?.[1] ?? versions[versions.length - 1].version])} />
            <Select aria-label={t('到版本', 'To version')} value={pair?.[1]} style={{ width: 90 }}
              options={versions.map((v) => ({ value: v.version, label: `v${v.version}` }))}
              onChange={(b) => setPair([pair?.[0] ?? 1, b])} />
          </Space>
        )}
        {pair && <Loaded state={diff}>{(d) => (
          <div data-testid="diff">
            <Typography.Title level={3} style={{ fontSize: 16 }}>v{d.from} → v{d.to}</Typography.Title>
            {d.cells.length + d.sections.length === 0 && <p>{t('两个版本内容相同。', 'The versions are the same.')}</p>}
            {d.cells.length > 0 && <Table size="small" pagination={false} rowKey="key" dataSource={d.cells} columns={[
              { title: t('单元格', 'Cell'), dataIndex: 'key', render: (k: string) => cellLabel(template, k) },
              { title: t('原值', 'From'), dataIndex: 'from', render: show },
              { title: t('新值', 'To'), dataIndex: 'to', render: show },
            ]} />}
            {d.sections.map((s) => <p key={s.key}>{t('正文修改：', 'Text changed: ')}{s.key}</p>)}
          </div>
        )}</Loaded>}
      </>
    )}</Loaded>
  );
}

/** An audit entry's change, a line per changed field (audit-change.ts); a corrected cell named by its label. */
function AuditChange({ entry, template }: { entry: AuditEntry; template: TemplateVersion }) {
  const t = useT();
  const lines = changeLines(entry.before, entry.after);
  if (lines.length === 0) return <span style={{ color: '#595959' }}>{t('无变化', 'no change')}</span>;
  return (
    <ul className="audit-change">{lines.map((c, i) => (
      c.same ? <li key={i}>{c.field === 'key' ? cellLabel(template, c.from) : `${c.field} ${c.from}`}</li>
        : <li key={i}>{c.field && <code>{c.field}</code>} {c.from} → {c.to}</li>
    ))}</ul>
  );
}

export function AuditTrail({ reportId, template }: { reportId: number; template: TemplateVersion }) {
  const t = useT();
  const lang = useLang();
  const state = useApi<Page<AuditEntry>>(`/reports/${reportId}/audit?limit=100`);
  return (
    <Loaded state={state}>{(page) => page.items.length === 0
      ? <EmptyHint>{t('暂无记录。', 'Nothing recorded yet.')}</EmptyHint> : (
      <Table size="small" rowKey="id" pagination={false} dataSource={page.items} columns={[
        { title: t('时间', 'When'), dataIndex: 'at', render: (d: string) => d.slice(0, 16).replace('T', ' ') },
        { title: t('用户', 'Who'), dataIndex: 'username' },
        { title: t('操作', 'What'), dataIndex: 'action', render: (a: string) => auditAction(a, lang) },
        { title: t('变更', 'Change'), render: (_, a) => <AuditChange entry={a} template={template} /> },
        { title: t('理由', 'Why'), dataIndex: 'reason' },
      ]} />
    )}</Loaded>
  );
}
