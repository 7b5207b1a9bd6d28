// A searchable report chooser (GET /api/reports?q=) used by the comparison page.
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../../app/api';
import type { Page, ReportSummary } from '../../model';

export function ReportPicker({ value, onChange, label, known }: {
  value: number | null; onChange: (id: number) => void; label: string;
  /** the chosen report's name when the caller knows it (else it shows as #id until a search lists it) */
  known?: string;
}) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ReportSummary[]>([]);
  useEffect(() => {
    const h = setTimeout(() => {
      api.get<Page<ReportSummary>>(`/reports${qs({ q, limit: 30 })}`).then((p) => setItems(p.items),
        () => setItems([]));
    }, 250);
    return () => clearTimeout(h);
  }, [q]);
  const options = items.map((r) => ({ value: r.id,
    label: `${r.bodyName ?? r.agency ?? r.title ?? '#'} · ${r.year ?? '—'}` }));
  if (value !== null && !options.some((o) => o.value === value))
    options.unshift({ value, label: known ?? `#${value}` });
  return (
    <Select aria-label={label} showSearch filterOption={false} onSearch={setQ} value={value ?? undefined}
      placeholder={label} style={{ minWidth: 260 }} options={options} onChange={onChange} />
  );
}
