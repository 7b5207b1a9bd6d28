// One section's text: a plain textarea (the text is stored and shown as text, never as markup).
import { Input } from 'antd';

export function SectionEditor({ label, value, readOnly,
  onChange }: { label: string; value: string; readOnly: boolean; onChange: (v: string) => void }) {
  return (
    <Input.TextArea aria-label={label} value={value} readOnly={readOnly} autoSize={{ minRows: 3, maxRows: 14 }}
      onChange={(e) => onChange(e.target.value)} style={{ marginBottom: 8 }} />
  );
}
