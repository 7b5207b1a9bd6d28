// Small shared pieces: readable API errors, loading, empty states that say what to do next, status tags.
import { Alert, Empty, Spin, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ApiError } from '../app/api';
import { useLang, useT } from '../app/i18n';
import type { ReportStatus, Severity } from '../model';
import { pick, SEVERITY, SEVERITY_COLOR, STATUS, STATUS_COLOR } from './labels';

export function ErrorBox({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const hint = error.status === 401 ? t('请先登录。', 'Please sign in.') : error.status === 403
    ? t('您的账号无权查看此内容。', 'Your account may not see this.') : '';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('出错了', 'Something went wrong')}
      description={<span>{error.message} {hint}</span>}
      action={onRetry ? <a onClick={onRetry} role="button" tabIndex={0}>{t('重试', 'Retry')}</a> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

export function Loading({ tip }: { tip?: string }) {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }} aria-busy="true">
      <Spin description={tip ?? t('加载中…', 'Loading…')}><div style={{ height: 40 }} /></Spin>
    </div>
  );
}

export function EmptyHint({ children }: { children: ReactNode }) {
  return <Empty description={children} />;
}

export function StatusTag({ status }: { status: ReportStatus | 'missing' }) {
  const lang = useLang();
  return <Tag color={STATUS_COLOR[status]}>{pick(STATUS[status], lang, status)}</Tag>;
}

export function SeverityTag({ severity }: { severity: Severity }) {
  const lang = useLang();
  return <Tag color={SEVERITY_COLOR[severity]}>{pick(SEVERITY[severity], lang)}</Tag>;
}

/** Loading / error / content in one: shows the error readably and the spinner while loading. */
export function Loaded<T>({ state, children }: {
  state: { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void };
  children: (data: T) => ReactNode;
}) {
  if (state.error) return <ErrorBox error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}
