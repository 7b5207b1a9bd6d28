// `gongkai render --to FORMAT FILE...`: the standard report back out (md, html, txt, json, csv; docx, xlsx and pdf
// as bytes). Text formats take many inputs and write them in input order as they are read; a bad input is one
// error line and the others are still written (exit 2 then). Binary formats take exactly one report.
import { createWriteStream, writeFileSync, type WriteStream } from 'node:fs';
import { InputError } from '../errors.js';
import { parseBytes } from '../parse.js';
import type { Report } from '../model/report.js';
import { CSV_START, csvLines } from '../render/csv.js';
import { render, RENDERERS, RENDER_FORMATS, type OutputFormat, type RenderFormat } from '../render/index.js';
import { ALL_FORMATS } from './render-formats.js';
import { checkReport } from '../rules/index.js';
import { runBatch } from './batch.js';
import { safeText } from './terminal.js';

export const BINARY_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
type Listed = (typeof ALL_FORMATS)[number];
type Registered = OutputFormat;
/** Compile-time: render-formats.ts lists exactly the registry's formats, and the text and binary ones split it. */
const sameFormats: [Listed] extends [Registered] ? ([Registered] extends [Listed]
  ? ([Listed] extends [RenderFormat | (typeof BINARY_FORMATS)[number]] ? true : false) : false) : false = true;
void sameFormats;

export async function renderCommand(inputs: string[], opts: { to: string; out?: string }): Promise<number> {
  if (opts.to === 'docx' || opts.to === 'xlsx' || opts.to === 'pdf') return renderBinary(inputs, opts.to, opts.out);
  if (!(RENDER_FORMATS as readonly string[]).includes(opts.to))
    throw new InputError(
      '--to',
      `不支持的输出格式 ${opts.to}（可选：${ALL_FORMATS.join('、')}）`,
      `unknown format ${opts.to} (one of ${ALL_FORMATS.join(', ')})`,
    );
  const to = opts.to as RenderFormat;
  const file: WriteStream | null = opts.out ? createWriteStream(opts.out) : null;
  // a document from the input on a terminal: its control characters shown as escapes (piped or to a file: as is)
  const write = (s: string) => (file ? file.write(s) : process.stdout.write(process.stdout.isTTY ? safeText(s) : s));
  let first = true;
  if (to === 'csv') write(CSV_START);
  const { failed } = await runBatch(inputs, async (name, bytes) => {
    const report = await parseBytes(bytes, name);
    if (to === 'csv') write(csvLines(report).map((l) => `${l}\r\n`).join(''));
    else write((first || to === 'json' ? '' : '\n') + render(report, to, { findings: checkReport(report) }));
    first = false;
  });
  if (file) await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return failed ? 2 : 0;
}

/** docx / xlsx / pdf (with the findings): one report, written to -o FILE, else its bytes to a non-terminal stdout. */
async function renderBinary(inputs: string[], to: 'docx' | 'xlsx' | 'pdf', out?: string): Promise<number> {
  if (!out && process.stdout.isTTY)
    throw new InputError('-o', `${to} 是二进制格式，请用 -o 指定输出文件`, `${to} is a binary format: give an output file with -o`);
  const reports: Report[] = [];
  let count = 0;
  const { failed } = await runBatch(inputs, async (name, bytes) => {
    if (++count === 1) reports.push(await parseBytes(bytes, name));
  });
  if (failed) return 2;
  if (count !== 1)
    throw new InputError(
      '--to',
      `${to} 输出只接受一个报告（收到 ${count} 个）`,
      `${to} output takes exactly one report (got ${count})`,
    );
  const report = reports[0];
  const findings = checkReport(report);
  const bytes = await RENDERERS[to].bytes(report, { findings });
  if (out) writeFileSync(out, bytes);
  else process.stdout.write(bytes);
  return 0;
}
