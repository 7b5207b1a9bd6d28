// One-off: converts ../shared/spec/template-*.json into src/model/templates-data.ts (labels are facts of the
// official format). Relations are not copied: src/model/relations.ts derives them from the table structure.
import { readFileSync, writeFileSync } from 'node:fs';
const out = {};
for (const v of ['2019', '2021']) {
  const t = JSON.parse(readFileSync(new URL(`../../shared/spec/template-${v}.json`, import.meta.url), 'utf8'));
  out[v] = {
    version: v,
    docNo: t.formatDocument.docNo,
    sections: t.sections.map((s) => ({ no: s.no, key: s.key, title: s.title, kind: s.kind })),
    tables: t.tables.map((tb) => ({
      key: tb.key, section: tb.section, caption: tb.caption ?? null,
      columns: tb.columns.map((c) => ({ key: c.key, label: c.label, valueType: c.valueType,
        ...(c.unit ? { unit: c.unit } : {}), ...(c.min !== undefined ? { min: c.min } : {}),
        ...(c.group ? { group: c.group } : {}) })),
      rows: tb.rows.map((r) => ({ key: r.key, label: r.label, parent: r.parent, isData: r.isData, level: r.level })),
    })),
  };
}
writeFileSync(new URL('../src/model/templates-data.ts', import.meta.url),
  '// The two official table layouts (国办公开办函〔2019〕60号 and 〔2021〕30号) as data: tables, rows, columns, labels.\n' +
  '// Generated once by scripts/templates-from-spec.mjs; relations are derived in relations.ts.\n' +
  'import type { TemplateData } from \'./template.js\';\n\n' +
  Object.entries(out).map(([v, d]) => `export const TEMPLATE_${v}: TemplateData = ${JSON.stringify(d, null, 1)};\n`)
    .join('\n'));
