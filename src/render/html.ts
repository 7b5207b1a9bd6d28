// A standalone, print-friendly HTML page of a report (UTF-8, zh-CN): the six sections with the official tables
// and their merged cells, what could not be read, and optionally the findings of the checks with the cells they
// name highlighted.
import type { Finding, Report, Severity } from '../model/report.js';
import { activeTableHtml, applicationsTableHtml, esc, reviewTableHtml, type TableContext } from './html-tables.js';
import {
  MISSING_TABLE_NOTE, SECTION_GROUP, SECTION_NOT_FOUND, TRUNCATED_NOTE, displayTitle, groupPresent, labelOfCell,
  layoutVersion, paragraphs, sectionTables, sectionViews, templateNote,
} from './layout.js';

export interface HtmlOptions {
  /** findings of the checks: listed at the end, and the cells they name are highlighted */
  findings?: Finding[];
}

// Two rules are split by "` + `" (not by a line break in the CSS) so the page's bytes stay as they were.
const CSS = `
@page { size: A4; margin: 20mm 16mm; }
body { font-family: 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif;
  font-size: 12pt; line-height: 1.6; color: #000; background: #fff; max-width: 190mm; margin: 0 auto; padding: 1em; }
h1, h2, th, .meta dt, .sev {` +
  ` font-family: 'SimHei', '黑体', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif; }
h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: .5em 0 1em; }
h2 { font-size: 14pt; font-weight: normal; margin: 1.4em 0 .6em; page-break-after: avoid; }
p { text-indent: 2em; margin: .3em 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; font-size: 10.5pt; margin: 0 0 1.5em; }
.meta dt { color: #444; } .meta dd { margin: 0; }
.note { color: #666; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: 10.5pt; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: .2em .4em; text-align: center; vertical-align: middle; }
th { font-weight: normal; }
table.t2 { table-layout: fixed; }
th.caption { font-weight: bold; }
th.label { text-align: left; }
th.corner { font-size: 9pt; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.absent { background: #eee; }
td.inferred, td.ordered { font-style: italic; }
td.flag-error { background: #f8d0d0; outline: 2px solid #c00; outline-offset: -2px; }
td.flag-warning { background: #fbeec0; }
td.flag-info { background: #dbe8f8; }
ol.findings li, ul.diagnostics li { margin: .2em 0; }
.sev { display: inline-block; min-width: 2.5em; padding: 0 .3em; margin-right: .4em;` +
  ` border: 1px solid; font-size: 9pt; text-align: center; }
.sev-error .sev { color: #c00; } .sev-warning .sev { color: #a60; } .sev-info .sev { color: #246; }
@media print { body { max-width: none; padding: 0; } td.absent { background: none; }
  td.flag-error, td.flag-warning, td.flag-info { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Cell key → the worst severity among the findings that name it. */
function flagsOf(findings: Finding[]): Map<string, Severity> {
  const flags = new Map<string, Severity>();
  for (const f of findings)
    for (const c of f.cells) {
      const prev = flags.get(c.key);
      if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) flags.set(c.key, f.severity);
    }
  return flags;
}

function sectionTablesHtml(ctx: TableContext, no: number): string[] {
  const tables = sectionTables(ctx.version, no);
  if (tables.length === 0) return [];
  if (!groupPresent(ctx.report, SECTION_GROUP[no])) return [`<p class="note missing">${MISSING_TABLE_NOTE}</p>`];
  return tables.map((t) =>
    no === 2
      ? activeTableHtml(ctx, t)
      : t.key === 'applications' ? applicationsTableHtml(ctx, t) : reviewTableHtml(ctx, t));
}

function findingsHtml(ctx: TableContext, findings: Finding[]): string[] {
  const out = ['<section class="findings">', '<h2>附：核查结果</h2>'];
  if (findings.length === 0) return [...out, '<p class="note">未发现问题。</p>', '</section>'];
  out.push('<ol class="findings">');
  const listed = new Set<string>();
  for (const f of findings) {
    // printed labels only (the rule id stays in an attribute); a finding printed the same as one listed is not repeated
    const cells = f.cells
      .map(
        (c) => `<span class="cell">${esc(labelOfCell(ctx.version, c.key))} = ` +
          `${c.value === null ? '空白' : c.value}</span>`,
      )
      .join('；');
    const expected = f.expected !== undefined ? `；应为 ${f.expected}` : '';
    const item = `<li class="sev-${f.severity}" data-rule="${esc(f.ruleId)}"><span ` +
      `class="sev">${SEVERITY_ZH[f.severity]}</span>${esc(f.message)}` +
      `${cells ? `<br>${cells}${esc(expected)}` : esc(expected)}</li>`;
    if (listed.has(item)) continue;
    listed.add(item);
    out.push(item);
  }
  return [...out, '</ol>', '</section>'];
}

/** The report as a complete HTML page. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const ctx: TableContext = { report, version: layoutVersion(report), flags: flagsOf(options.findings ?? []) };
  const title = displayTitle(report);
  const meta: [string, string][] = [
    ['机关', report.agency ?? '未知'],
    ['年度', report.year === null ? '未知' : String(report.year)],
    ['格式', templateNote(report)],
  ]; // no source path: a printed report does not show where a file lay on someone's disk
  const body: string[] = [
    `<h1>${esc(title)}</h1>`,
    '<dl class="meta">',
    ...meta.map(([k, v]) => `<dt>${k}</dt><dd>${esc(v)}</dd>`),
    '</dl>',
  ];
  for (const s of sectionViews(report)) {
    body.push(`<section id="s${s.no}">`, `<h2>${esc(s.title)}</h2>`);
    if (!s.found) body.push(`<p class="note">${SECTION_NOT_FOUND}</p>`);
    body.push(...paragraphs(s.text).map((p) => `<p>${esc(p)}</p>`), ...sectionTablesHtml(ctx, s.no), '</section>');
  }
  if (report.truncated) body.push(`<p class="note">${TRUNCATED_NOTE}</p>`);
  if (report.diagnostics.length > 0) {
    body.push('<section class="diagnostics">', '<h2>附：读取说明</h2>', '<ul class="diagnostics">');
    for (const d of report.diagnostics)
      body.push(
        `<li class="sev-${d.severity}"><span class="sev">${SEVERITY_ZH[d.severity]}</span>${esc(d.message)} ` +
          `<code>${esc(d.code)}</code></li>`,
      );
    body.push('</ul>', '</section>');
  }
  if (options.findings) body.push(...findingsHtml(ctx, options.findings));
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
