// `gongkai parse`: one JSON Lines record per input (in input order), or a readable summary.
import { parseBytes, toParseRecord } from '../parse.js';
import { runBatch } from './batch.js';
import { batchedStdout } from './stdout.js';
import { safeLine, safeText } from './terminal.js';

export async function parseCommand(inputs: string[], opts: { json?: boolean }): Promise<number> {
  // records gathered into fewer writes (stdout.ts), every one written before the command returns or fails
  try {
    return await run(inputs, opts, batchedStdout);
  } finally {
    batchedStdout.flush();
  }
}

async function run(inputs: string[], opts: { json?: boolean }, out: { write(s: string): void }): Promise<number> {
  const { failed } = await runBatch(inputs, async (file, bytes) => {
    const report = await parseBytes(bytes, file);
    if (opts.json) return void out.write(JSON.stringify(toParseRecord(report)) + '\n');
    const n = Object.values(report.cells).filter((c) => c.value !== null).length;
    const inferred = Object.values(report.cells).filter((c) => c.how !== 'direct').length;
    const tables = (['active', 'applications', 'review'] as const).map(
      (t) => `${{ active: '主动公开', applications: '依申请', review: '复议诉讼' }[t]}${report.tables[t] ? '✓' : '✗'}`,
    ).join(' ');
    out.write(safeText(`${safeLine(file)}\n  ${report.agency ?? '（未识别机关）'} · ${report.year ?? '?'}年 · ` +
      `模板${report.template ?? '未知'} · ${tables}\n`
      + `  读出${n}个数值${inferred ? `（其中${inferred}个由表内关系推定）` : ''} · ` +
        `读取诊断${report.diagnostics.length}条${report.truncated ? ' · 文本不完整' : ''}\n`));
    for (const d of report.diagnostics) out.write(
      safeText(`  - ${d.message}${d.source ? `（第${d.source.line}行）` : ''}\n`),
    );
  }, (file, message) => {
    if (opts.json) out.write(
      JSON.stringify({
        file,
        error: message,
        agency: null,
        year: null,
        template: null,
        tables: { active: false, applications: false, review: false },
        cells: {},
      }) + '\n',
    );
  });
  return failed ? 2 : 0;
}
