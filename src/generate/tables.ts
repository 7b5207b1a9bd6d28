// The three official tables as grids with rowspan/colspan, exactly as the official layout merges them
// (section 二: a 4-column grid of sub-tables; 三: 3 label columns + 7 values; 四: 15 values under a 3-row header).
// Every layout renders these grids; value cells carry their cell key.
import { tableDef, type TemplateVersion } from '../model/template.js';
import { breakParts, caption, columnLabel, CORNER, rowLabel, styled } from './labels.js';
import type { CellValue, GridCell, GridRow, LabelStyle } from './model.js';
import { APPLICANTS, REVIEW_GROUPS, REVIEW_PARTS } from './numbers.js';

type Printed = Record<string, CellValue>;

function value(printed: Printed, key: string, colspan = 1): GridCell {
  return { text: printed[key].text, key, colspan };
}

function head(text: string, extra: Partial<GridCell> = {}): GridCell {
  return { text, header: true, parts: breakParts(text), ...extra };
}

export function activeGrid(version: TemplateVersion, printed: Printed, style: LabelStyle): GridRow[] {
  const rows: GridRow[] = [];
  for (const t of ['art20_1', 'art20_5', 'art20_6', 'art20_8', 'art20_9']) {
    const def = tableDef(version, t);
    if (!def) continue;
    rows.push([head(caption(version, t, style), { colspan: 4 })]);
    const cols = def.columns;
    const span = cols.length === 1 ? 3 : 1;
    const header: GridRow = [
      head('信息内容'),
      ...cols.map((c) => head(columnLabel(version, t, c.key, style), { colspan: span })),
    ];
    if (cols.length === 2) header.push(head(''));
    rows.push(header);
    for (const r of def.rows) {
      const row: GridRow = [
        head(rowLabel(version, t, r.key, style)),
        ...cols.map((c) => value(printed, `${t}/${r.key}/${c.key}`, span)),
      ];
      if (cols.length === 2) row.push({ text: '' });
      rows.push(row);
    }
  }
  return rows;
}

export function applicationsGrid(version: TemplateVersion, printed: Printed, style: LabelStyle): GridRow[] {
  const def = tableDef(version, 'applications');
  if (!def) return [];
  const rows: GridRow[] = [
    [head(styled(CORNER, style), { rowspan: 3, colspan: 3 }), head('申请人情况', { colspan: 7 })],
    [head('自然人', { rowspan: 2 }), head('法人或其他组织', { colspan: 5 }), head('总计', { rowspan: 2 })],
    APPLICANTS.slice(1).map((c) => head(columnLabel(version, 'applications', c, style))),
  ];
  const values = (row: string): GridCell[] => [...APPLICANTS, 'total'].map(
    (c) => value(printed, `applications/${row}/${c}`),
  );
  const dataUnder = (parent: string): number => def.rows.filter(
    (r) => r.isData && r.key.startsWith(`${parent}.`),
  ).length;
  const started = new Set<string>();
  for (const r of def.rows) {
    if (!r.isData) continue;
    const label = head(rowLabel(version, 'applications', r.key, style));
    const lead: GridCell[] = [];
    if (r.level === 0) {
      label.colspan = 3;
    } else {
      if (!started.has('outcome')) {
        started.add('outcome');
        lead.push(head(rowLabel(version, 'applications', 'outcome', style), { rowspan: dataUnder('outcome') }));
      }
      if (r.level === 2 && r.parent) {
        if (!started.has(r.parent)) {
          started.add(r.parent);
          lead.push(head(rowLabel(version, 'applications', r.parent, style), { rowspan: dataUnder(r.parent) }));
        }
      } else {
        label.colspan = 2;
      }
    }
    rows.push([...lead, label, ...values(r.key)]);
  }
  return rows;
}

export function reviewGrid(printed: Printed): GridRow[] {
  const parts = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    [head('行政复议', { colspan: 5 }), head('行政诉讼', { colspan: 10 })],
    [...parts.map((p) => head(p, { rowspan: 2 })), head('未经复议直接起诉', { colspan: 5 }), head('复议后起诉', { colspan: 5 })],
    [...parts.map((p) => head(p)), ...parts.map((p) => head(p))],
    REVIEW_GROUPS.flatMap(
      (g) => [...REVIEW_PARTS, 'total'].map((p) => value(printed, `reviewLitigation/cases/${g}.${p}`)),
    ),
  ];
}
