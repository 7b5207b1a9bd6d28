// `gongkai parse`: one JSON Lines record per input (in input order), or a readable summary.
import { InputError } from '../errors.js';
import { parseFile, toParseRecord } from '../parse.js';
import { expandInputs } from './inputs.js';

export async function parseCommand(inputs: string[], opts: { json?: boolean }): Promise<number> {
  const files = expandInputs(inputs);
  let status = 0;
  for (const file of files) {
    try {
      const report = await parseFile(file);
      if (opts.json) process.stdout.write(JSON.stringify(toParseRecord(report)) + '\n');
      else {
        const n = Object.keys(report.cells).length;
        process.stdout.write(`${file}: ${report.agency ?? '（未识别机关）'} ${report.year ?? '?'}年 模板${report.template ?? '未知'} · ${n}个单元格 · 诊断${report.diagnostics.length}条\n`);
      }
    } catch (e) {
      status = 2;
      const msg = e instanceof InputError ? `${e.file}: ${e.problem}` : `${file}: ${(e as Error).message}`;
      process.stderr.write(`gongkai: ${msg}\n`);
      if (opts.json) process.stdout.write(JSON.stringify({ file, error: msg, agency: null, year: null, template: null, tables: { active: false, applications: false, review: false }, cells: {} }) + '\n');
    }
  }
  return status;
}
