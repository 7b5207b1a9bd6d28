// Plain-text rendering of a report for terminals and e-mail: the six sections, and the tables as aligned columns
// (East Asian width: CJK characters count two). Table 四 is shown as 3 rows × 5 results to stay narrow.
import type { Report } from '../model/report.js';
import type { TableDef, TemplateVersion } from '../model/template.js';
import {
  sectionTableLines,
  APPLICATIONS_CORNER, MISSING_TABLE_NOTE, REVIEW_GROUPS, SECTION_NOT_FOUND, TRUNCATED_NOTE,
  cellAt, displayTitle, formatCell, layoutVersion, paragraphs, sectionViews,
  tableRows, templateNote,
} from './layout.js';
import { displayWidth, pad } from './width.js';

type Align = 'left' | 'right';

/** Lay out rows as aligned columns; a dashed rule follows the first (header) row. */
export function textGrid(rows: string[][], align: Align[], indent = '  ', gap = 2): string[] {
  const n = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) =>
    (indent + widths.map((w, i) => pad(r[i] ?? '', w, align[i] ?? 'left')).join(' '.repeat(gap))).trimEnd();
  const rule = indent + widths.map((w) => '-'.repeat(w)).join(' '.repeat(gap));
  return [line(rows[0]), rule, ...rows.slice(1).map(line)];
}

function activeTable(report: Report, t: TableDef): string[] {
  const header = ['信息内容', ...t.columns.map((c) => c.label)];
  const rows = t.rows.map(
    (r) => [r.label ?? '', ...t.columns.map((c) => formatCell(cellAt(report, t.key, r.key, c.key), c))],
  );
  return [`  ${t.caption ?? t.key}`, ...textGrid([header, ...rows], ['left', ...t.columns.map((): Align => 'right')])];
}

function applicationsTable(report: Report, version: TemplateVersion, t: TableDef): string[] {
  const rows = tableRows(report, version, t).map((r) => [
    '  '.repeat(r.level) + (r.label ?? ''),
    ...t.columns.map((c) => (r.isData ? formatCell(cellAt(report, t.key, r.key, c.key), c) : '')),
  ]);
  const header = ['项目', ...t.columns.map((c) => c.label)];
  return [
    `  注：${APPLICATIONS_CORNER.replace(/^（|）$/g, '')}`,
    ...textGrid([header, ...rows], ['left', ...t.columns.map((): Align => 'right')]),
  ];
}

function reviewTable(report: Report, t: TableDef): string[] {
  const groups = [...new Set(t.columns.map((c) => c.group ?? ''))];
  const results = t.columns.filter((c) => c.group === groups[0]).map((c) => c.label);
  const row = t.rows[0];
  const body = groups.map((g) => {
    const [top, second] = REVIEW_GROUPS[g] ?? [g, null];
    const cols = t.columns.filter((c) => c.group === g);
    return [
      [top, second].filter(Boolean).join('·'),
      ...cols.map((c) => formatCell(cellAt(report, t.key, row.key, c.key), c)),
    ];
  });
  return textGrid([['', ...results], ...body], ['left', ...results.map((): Align => 'right')]);
}

function sectionTablesText(report: Report, version: TemplateVersion, no: number): string[] {
  return sectionTableLines(
    report,
    version,
    no,
    { active: activeTable, applications: applicationsTable, review: reviewTable },
    `  ${MISSING_TABLE_NOTE}`,
  );
}

function heading(s: string, ch: string): string[] {
  return [s, ch.repeat(displayWidth(s))];
}

/** The report as plain text with aligned table columns. */
export function renderText(report: Report): string {
  const version = layoutVersion(report);
  const out: string[] = [...heading(displayTitle(report), '='), ''];
  out.push(
    `机关：${report.agency ?? '未知'}`, `年度：${report.year ?? '未知'}`, `格式：${templateNote(report)}`, '',
  ); // no source path (as in every renderer)
  for (const s of sectionViews(report)) {
    out.push(...heading(s.title, '-'), '');
    if (!s.found) out.push(SECTION_NOT_FOUND, '');
    for (const p of paragraphs(s.text)) out.push(p, '');
    out.push(...sectionTablesText(report, version, s.no));
  }
  if (report.truncated) out.push(TRUNCATED_NOTE, '');
  if (report.diagnostics.length > 0) {
    out.push(...heading('附：读取说明', '-'), '');
    for (const d of report.diagnostics) out.push(`* [${d.severity}] ${d.code}：${d.message}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
