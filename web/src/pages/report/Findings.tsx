// The findings of a report with the reviewer's decisions: confirm or dismiss with a reason (kept across
// re-checks by the server). Clicking a finding selects its first cell, so its source shows.
import { Button, Space, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useLang, useT } from '../../app/i18n';
import { SeverityTag } from '../../components/common';
import { DECISION, RULE, pick } from '../../components/labels';
import type { StoredFinding } from '../../model';

// the decision dialog (antd Form, Modal, Radio) loads on the first click of 确认/排除, not with the page
const DecisionModal = lazy(() => import('./DecisionModal'));

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
      {/* a plain list (antd List would bring its Pagination and Select into the page's first load) */}
      <ul className="finding-list">
        {findings.map((f) => (
          <li key={f.id} data-testid="finding" data-rule={f.ruleId} data-status={f.status} data-cells={f.cells.length}>
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
            {canDecide && f.status !== 'closed' && (
              <Button size="small" onClick={() => setDeciding(f)}>{t('确认/排除', 'Confirm / dismiss')}</Button>
            )}
          </li>
        ))}
      </ul>
      {deciding && <Suspense fallback={null}>
        <DecisionModal finding={deciding} onClose={() => setDeciding(null)}
          onDone={(f) => { setDeciding(null); onDecided(f); }} />
      </Suspense>}
    </>
  );
}
