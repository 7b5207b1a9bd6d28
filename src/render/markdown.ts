// Markdown rendering of a report: title, the six sections with their text, and the official tables flattened
// into pipe tables (table 三 keeps its three label columns; table 四 is one row of 15 prefixed columns).
import type { Report } from '../model/report.js';
import type { TableDef, TemplateVersion } from '../model/template.js';
import {
  sectionTableLines,
  APPLICATIONS_CORNER, MISSING_TABLE_NOTE, REVIEW_GROUPS, SECTION_NOT_FOUND, TRUNCATED_NOTE,
  cellAt, displayTitle, formatCell, layoutVersion, paragraphs, sectionViews,
  tableRows, templateNote,
} from './layout.js';

/** Escape text for a paragraph: Markdown punctuation and line-start markers. */
export function mdText(s: string): string {
  return s
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^(\s*)([#>+-]|\d+\.)/, (_m, sp: string, mark: string) => `${sp}${mark.replace(/([#>+.-])/, '\\$1')}`);
}

/** Escape text for a table cell. */
function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function pipeTable(header: string[], rows: string[][], align: ('l' | 'r')[]): string[] {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  const sep = `|${align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(header), sep, ...rows.map(line)];
}

function activeTable(report: Report, t: TableDef): string[] {
  const header = ['信息内容', ...t.columns.map((c) => c.label)];
  const rows = t.rows.map(
    (r) => [r.label ?? '', ...t.columns.map((c) => formatCell(cellAt(report, t.key, r.key, c.key), c))],
  );
  return [`**${t.caption ?? t.key}**`, '', ...pipeTable(header, rows, ['l', ...t.columns.map(() => 'r' as const)])];
}

function applicationsTable(report: Report, version: TemplateVersion, t: TableDef): string[] {
  const rows = tableRows(report, version, t);
  const printed = new Set<string>();
  const body: string[][] = [];
  for (const r of rows) {
    if (!r.isData) continue;
    const labels = ['', '', ''];
    // ancestors' labels are printed once, on their first data row (as merged cells read)
    for (const a of rows.filter((x) => !x.isData && r.key.startsWith(`${x.key}.`))) {
      if (!printed.has(a.key)) labels[a.level] = a.label ?? '';
      printed.add(a.key);
    }
    labels[r.level] = r.label ?? '';
    body.push([...labels, ...t.columns.map((c) => formatCell(cellAt(report, t.key, r.key, c.key), c))]);
  }
  const header = [APPLICATIONS_CORNER, '', '', ...t.columns.map((c) => c.label)];
  return pipeTable(header, body, ['l', 'l', 'l', ...t.columns.map(() => 'r' as const)]);
}

function reviewTable(report: Report, t: TableDef): string[] {
  const header = t.columns.map((c) => {
    const [top, second] = REVIEW_GROUPS[c.group ?? ''] ?? ['', null];
    return [top, second, c.label].filter(Boolean).join('/');
  });
  const rows = t.rows.map((r) => t.columns.map((c) => formatCell(cellAt(report, t.key, r.key, c.key), c)));
  return pipeTable(header, rows, t.columns.map(() => 'r' as const));
}

function sectionTablesMd(report: Report, version: TemplateVersion, no: number): string[] {
  return sectionTableLines(
    report,
    version,
    no,
    { active: activeTable, applications: applicationsTable, review: reviewTable },
    MISSING_TABLE_NOTE,
  );
}

/** The report as a Markdown document. */
export function renderMarkdown(report: Report): string {
  const version = layoutVersion(report);
  const out: string[] = [`# ${mdText(displayTitle(report))}`, ''];
  const meta = [
    `机关：${report.agency ?? '未知'}`,
    `年度：${report.year ?? '未知'}`,
    `格式：${templateNote(report)}`,
  ]; // no source path: a rendered report does not show where a file lay on someone's disk
  out.push(`> ${meta.map(mdText).join(' · ')}`, '');
  for (const s of sectionViews(report)) {
    out.push(`## ${mdText(s.title)}`, '');
    if (!s.found) out.push(SECTION_NOT_FOUND, '');
    for (const p of paragraphs(s.text)) out.push(mdText(p), '');
    out.push(...sectionTablesMd(report, version, s.no));
  }
  if (report.truncated) out.push(TRUNCATED_NOTE, '');
  if (report.diagnostics.length > 0) {
    out.push('## 附：读取说明', '');
    for (const d of report.diagnostics) out.push(`- ${d.severity} \`${d.code}\`：${mdText(d.message)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
