// `gongkai render --to FORMAT FILE`: the standard report back out (md, html, txt, json, csv).
import { writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseFile } from '../parse.js';
import { render, renderCsv, RENDER_FORMATS, type RenderFormat } from '../render/index.js';
import { checkReport } from '../rules/index.js';
import { expandInputs } from './inputs.js';

export async function renderCommand(inputs: string[], opts: { to: string; out?: string }): Promise<number> {
  if (!(RENDER_FORMATS as readonly string[]).includes(opts.to))
    throw new InputError('--to', `不支持的输出格式 ${opts.to}（可选：${RENDER_FORMATS.join('、')}）`, `unknown format ${opts.to} (one of ${RENDER_FORMATS.join(', ')})`);
  const to = opts.to as RenderFormat;
  const files = expandInputs(inputs);
  const reports = [];
  for (const f of files) reports.push(await parseFile(f));
  const output = to === 'csv' ? renderCsv(reports) : reports.map((r) => render(r, to, { findings: checkReport(r) })).join(to === 'json' ? '' : '\n');
  if (opts.out) writeFileSync(opts.out, output);
  else process.stdout.write(output);
  return 0;
}
