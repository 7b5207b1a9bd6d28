// `gongkai render --to FORMAT FILE`: the standard report back out (md, html, txt, json, csv; docx and xlsx as bytes).
import { writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseFile } from '../parse.js';
import { render, renderCsv, RENDER_FORMATS, type RenderFormat } from '../render/index.js';
import { checkReport } from '../rules/index.js';
import { expandInputs } from './inputs.js';

const BINARY_FORMATS = ['docx', 'xlsx', 'pdf'] as const;

export async function renderCommand(inputs: string[], opts: { to: string; out?: string }): Promise<number> {
  if (opts.to === 'docx' || opts.to === 'xlsx' || opts.to === 'pdf') return renderBinary(inputs, opts.to, opts.out);
  const all = [...RENDER_FORMATS, ...BINARY_FORMATS];
  if (!(RENDER_FORMATS as readonly string[]).includes(opts.to))
    throw new InputError('--to', `不支持的输出格式 ${opts.to}（可选：${all.join('、')}）`, `unknown format ${opts.to} (one of ${all.join(', ')})`);
  const to = opts.to as RenderFormat;
  const files = expandInputs(inputs);
  const reports = [];
  for (const f of files) reports.push(await parseFile(f));
  const output = to === 'csv' ? renderCsv(reports) : reports.map((r) => render(r, to, { findings: checkReport(r) })).join(to === 'json' ? '' : '\n');
  if (opts.out) writeFileSync(opts.out, output);
  else process.stdout.write(output);
  return 0;
}

/** docx / xlsx (with the findings sheet): one report, written to -o FILE, else its bytes to a non-terminal stdout. */
async function renderBinary(inputs: string[], to: 'docx' | 'xlsx' | 'pdf', out?: string): Promise<number> {
  if (!out && process.stdout.isTTY)
    throw new InputError('-o', `${to} 是二进制格式，请用 -o 指定输出文件`, `${to} is a binary format: give an output file with -o`);
  const files = expandInputs(inputs);
  if (files.length !== 1)
    throw new InputError('--to', `${to} 输出只接受一个报告（收到 ${files.length} 个）`, `${to} output takes exactly one report (got ${files.length})`);
  const report = await parseFile(files[0]);
  const bytes = to === 'docx'
    ? await (await import('../render/docx.js')).renderDocx(report)
    : to === 'pdf'
      ? await (await import('../render/pdf.js')).renderPdf(report, { findings: checkReport(report) })
      : await (await import('../render/xlsx.js')).renderXlsx(report, { findings: checkReport(report) });
  if (out) writeFileSync(out, bytes);
  else process.stdout.write(bytes);
  return 0;
}
