// What `gongkai check` prints for a person: per report, the findings first (each with where it points: the line,
// the PDF page and position, the spreadsheet column, and the line quoted), then the reading notes grouped one
// line per table (every note with --verbose, none with --quiet); a batch ends with a summary. Chinese output
// names cells by their printed labels, never by internal keys. Pure functions of the checked report.
import { columnLabel, rowLabel } from '../model/labels.js';
import { versionOf } from '../model/layout.js';
import type { Diagnostic, Finding, FindingCell, Report, SourceRef } from '../model/report.js';
import { splitCellKey, tableGroupOf, type TableGroup, type TemplateVersion } from '../model/template.js';

export interface OutputOptions {
  en?: boolean;
  /** every reading note on its own line */
  verbose?: boolean;
  /** no reading notes */
  quiet?: boolean;
}

export interface CheckedReport { file: string; report: Report; text: string; findings: Finding[] }

const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;

/** A spreadsheet column's letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Where a source position is, for a person: 第3页（x 72–540，y 610–622）, 第12行 C列, 第40行. */
export function placeOf(source: SourceRef | undefined, format: string, en: boolean): string {
  if (!source) return '';
  if (source.page !== undefined) {
    const box = source.bbox?.map((v) => Math.round(v));
    if (en) return box ? `page ${source.page} (x ${box[0]}–${box[2]}, y ${box[1]}–${box[3]})` : `page ${source.page}`;
    return box ? `第${source.page}页（x ${box[0]}–${box[2]}，y ${box[1]}–${box[3]}）` : `第${source.page}页`;
  }
  if (format === 'xlsx') return en ? `column ${columnLetters(source.column)}` : `${columnLetters(source.column)}列`;
  if (source.line > 0) return en ? `line ${source.line}` : `第${source.line}行`;
  return '';
}

/** A cell as printed in the report: '（七）总计·自然人', '行政复议总计'; in English its key. */
export function cellName(version: TemplateVersion, key: string, en: boolean): string {
  if (en || key.startsWith('prev:')) return key;
  const { table, row, column } = splitCellKey(key);
  if (!column) return key;
  if (table === 'reviewLitigation') return columnLabel(version, table, column);
  return `${rowLabel(version, table, row)}·${columnLabel(version, table, column)}`;
}

/** Rules whose cells are absent or already named in the message: their values would say nothing more. */
const NO_CELL_LIST = new Set(['partial-table', 'missing-table', 'blank-cell']);

function cellsText(version: TemplateVersion, f: Finding, en: boolean): string {
  const cells: FindingCell[] = f.cells;
  if (!cells.length || NO_CELL_LIST.has(f.ruleId)) return '';
  const shown = cells.slice(0, 8).map((c) => `${cellName(version, c.key, en)}=${c.value ?? (en ? 'blank' : '空白')}`);
  const more = cells.length > 8 ? (en ? ` … ${cells.length - 8} more` : ` 等${cells.length}个`) : '';
  return ` [${shown.join(en ? ', ' : '，')}${more}]`;
}

/** The table a reading note is about (by the first cell it names), else where it came from. */
function noteGroup(d: Diagnostic): TableGroup | 'file' | 'other' {
  const key = d.cells?.[0];
  if (key) return tableGroupOf(key.split('/')[0]);
  return /^(pdf|docx|xlsx|doc|html|text|zip|decode)\./.test(d.code) ? 'file' : 'other';
}

const GROUP_NAME: Record<TableGroup | 'file' | 'other', { zh: string; en: string }> = {
  active: { zh: '第二部分表格', en: 'section 2 tables' },
  applications: { zh: '第三部分表格', en: 'section 3 table' },
  review: { zh: '第四部分表格', en: 'section 4 table' },
  file: { zh: '文件', en: 'file' },
  other: { zh: '', en: '' },
};

const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The reading notes: one line per table (how many, and the first), or every note with `verbose`. */
function noteLines(report: Report, opts: OutputOptions, quote: (s?: SourceRef) => string): string[] {
  const en = !!opts.en;
  const tag = en ? '[read]' : '[读取]';
  const msg = (d: Diagnostic): string => (en ? d.messageEn : d.message);
  if (opts.verbose) {
    return report.diagnostics.map((d) => {
      const where = placeOf(d.source, report.format, en);
      return `  ${tag} ${msg(d)}${where ? (en ? ` (${where})` : `（${where}）`) : ''}${quote(d.source)}`;
    });
  }
  const groups = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    const g = noteGroup(d);
    groups.set(g, [...(groups.get(g) ?? []), d]);
  }
  const out: string[] = [];
  for (const [g, notes] of groups) {
    const label = GROUP_NAME[g as keyof typeof GROUP_NAME][en ? 'en' : 'zh'];
    const name = label ? (en ? `${label}: ` : `${label}：`) : '';
    if (notes.length === 1) out.push(`  ${tag} ${name}${shorten(msg(notes[0]), 100)}`);
    else
      out.push(en
        ? `  ${tag} ${name}${notes.length} notes, e.g. ${shorten(msg(notes[0]), 80)} (--verbose lists them all)`
        : `  ${tag} ${name}${notes.length}条读取说明，如：${shorten(msg(notes[0]), 80)}（--verbose 逐条列出）`);
  }
  return out;
}

/** The text printed for one checked report. */
export function formatChecked(c: CheckedReport, opts: OutputOptions = {}): string {
  const { report, findings } = c;
  const en = !!opts.en;
  const version = versionOf(report);
  const lines = c.text.split('\n');
  const quote = (s?: SourceRef): string => {
    const line = s?.line;
    if (!line || lines[line - 1] === undefined) return '';
    return `\n      ${line} | ${lines[line - 1].replace(/\t/g, ' ⇥ ').trim().slice(0, 120)}`;
  };
  const template = report.template
    ? (en ? `${report.template} layout` : `${report.template}版表格`)
    : en ? 'no table' : '无表格';
  const year = report.year === null ? '?' : en ? String(report.year) : `${report.year}年`;
  const out = [`${c.file} — ${report.agency ?? '?'} ${year}（${template}）`];
  for (const f of findings) {
    const expected = f.expected !== undefined ? (en ? ` (expected ${f.expected})` : `，应为${f.expected}`) : '';
    const where = placeOf(f.source, report.format, en);
    const at = where ? (en ? ` @ ${where}` : `（${where}）`) : '';
    const level = en ? `${f.severity} ${f.ruleId}` : LEVEL[f.severity];
    const text = en ? f.messageEn : f.message;
    out.push(`  [${level}] ${text}${expected}${cellsText(version, f, en)}${at}${quote(f.source)}`);
  }
  if (!findings.length) out.push(en ? '  no findings' : '  未发现问题');
  if (!opts.quiet) out.push(...noteLines(report, opts, quote));
  return out.join('\n') + '\n\n';
}

export interface Summary { reports: number; withErrors: number; withWarnings: number; unreadable: number }

/** The last lines of a batch: how many reports, how many with errors, with warnings, unreadable. */
export function formatSummary(s: Summary, en = false): string {
  const clean = s.reports - s.withErrors - s.withWarnings - s.unreadable;
  return en
    ? `${s.reports} inputs: ${s.withErrors} with errors, ${s.withWarnings} with warnings only, `
      + `${s.unreadable} unreadable, ${clean} without findings\n`
    : `共${s.reports}份：有错误${s.withErrors}份，仅有警告${s.withWarnings}份，无法读取${s.unreadable}份，未发现问题${clean}份\n`;
}
