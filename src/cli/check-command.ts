// `gongkai check`: findings per report, each with the source line it points at; the same agency's previous
// year among the inputs enables the cross-year checks. Exit 1 on any error-level finding, 2 on unusable input.
import type { Finding, Report } from '../model/report.js';
import { loadBytes } from '../parse.js';
import { checkReport } from '../rules/index.js';
import { runBatch } from './batch.js';

const LEVEL = { error: '错误', warning: '警告', info: '提示' } as const;

export async function checkCommand(inputs: string[], opts: { json?: boolean; lang?: string }): Promise<number> {
  const loaded: { file: string; report: Report; text: string }[] = [];
  const { failed } = await runBatch(inputs, async (file, bytes) => {
    const { report, text } = await loadBytes(bytes, file);
    loaded.push({ file, report, text });
  }, (file, message) => {
    if (opts.json) process.stdout.write(JSON.stringify({ file, error: message }) + '\n');
  });
  let errors = 0;
  for (const { file, report, text } of loaded) {
    const previous = loaded.find((o) => o.report.agency && o.report.agency === report.agency && report.year !== null && o.report.year === report.year - 1)?.report;
    const findings = checkReport(report, previous);
    errors += findings.filter((f) => f.severity === 'error').length;
    if (opts.json) process.stdout.write(JSON.stringify({ file, agency: report.agency, year: report.year, template: report.template, findings, diagnostics: report.diagnostics }) + '\n');
    else process.stdout.write(readable(file, report, text, findings, opts.lang === 'en'));
  }
  return failed ? 2 : errors ? 1 : 0;
}

function readable(file: string, report: Report, text: string, findings: Finding[], en: boolean): string {
  const lines = text.split('\n');
  const quote = (line?: number) => (line && lines[line - 1] !== undefined ? `\n      ${line} | ${lines[line - 1].replace(/\t/g, ' ⇥ ').trim().slice(0, 120)}` : '');
  const out = [`${file} — ${report.agency ?? '?'} ${report.year ?? '?'} (${report.template ?? '无表格'})`];
  for (const d of report.diagnostics) out.push(`  [读取] ${en ? d.messageEn : d.message}${quote(d.source?.line)}`);
  for (const f of findings) {
    const cells = f.cells.length ? ` [${f.cells.map((c) => `${c.key}=${c.value ?? '空'}`).join(', ')}]` : '';
    const expected = f.expected !== undefined ? ` 应为 ${f.expected}` : '';
    out.push(`  [${en ? f.severity : LEVEL[f.severity]}] ${f.ruleId}: ${en ? f.messageEn : f.message}${expected}${cells}${quote(f.source?.line)}`);
  }
  if (!findings.length && !report.diagnostics.length) out.push('  未发现问题 / no findings');
  return out.join('\n') + '\n\n';
}
