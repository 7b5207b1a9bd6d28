// The panel beside the tables: a hint until a cell or a finding is chosen, then that cell's detail (CellDetail,
// loaded on the first choice: the first view of a report does not wait for its forms).
import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { useT } from '../../app/i18n';
import { Loading } from '../../components/common';
import type { ReportDetail, StoredFinding, TemplateVersion } from '../../model';

const CellDetail = lazy(() => import('./CellDetail'));

export function CellPanel(props: {
  report: ReportDetail; cellKey: string | null; finding: StoredFinding | null; version: TemplateVersion;
  onChange: (r: ReportDetail) => void;
}) {
  const t = useT();
  if (!props.cellKey && !props.finding) {
    return <Card size="small"><p>{t('点击表格中的数字或右侧的问题，查看它的原文出处。',
      'Click a number in the tables or a finding to see where it was read.')}</p></Card>;
  }
  return <Suspense fallback={<Card size="small"><Loading /></Card>}><CellDetail {...props} /></Suspense>;
}
