// `gongkai demo`: generates a small set of synthetic reports in several layouts — some damaged, one inconsistent —
// parses and checks each, and prints a readable summary. `gongkai demo --reset [--data-dir DIR | --db URL]`
// empties the database and loads the demo province (src/demo) into it, printing the demo users.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus, generateReport, type GeneratedReport } from '../generate/index.js';
import { parseFile } from '../parse.js';
import { checkReport } from '../rules/index.js';
import { loadDemo } from '../demo/index.js';
import { openFromEnv } from '../store/open.js';

export interface DemoFlags { reset?: boolean; dataDir?: string; db?: string }

/** `demo --reset`: every table emptied, the demo province loaded again. */
export async function demoResetCommand(flags: DemoFlags): Promise<number> {
  if (flags.dataDir && flags.db) {
    process.stderr.write('gongkai demo: give --data-dir or --db, not both\n');
    return 2;
  }
  const store = await openFromEnv({ dataDir: flags.dataDir, url: flags.db });
  try {
    await store.resetAll();
    await loadDemo(store, { print: (l) => process.stdout.write(`${l}\n`) });
    process.stdout.write(
      'gongkai: 管理员账号将在下次 gongkai serve 启动时创建 / the admin user is created when gongkai serve next starts\n',
    );
    return 0;
  } finally {
    await store.close();
  }
}

export async function demoCommand(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
  const samples: GeneratedReport[] = [
    generateReport({ seed: 11, layout: 'tab' }),
    generateReport({ seed: 12, layout: 'html', template: '2019', year: 2020 }),
    generateReport({ seed: 13, layout: 'layout' }),
    generateReport({ seed: 14, layout: 'pdf-default' }),
    generateReport({ seed: 15, layout: 'markdown', damage: ['short-rows'] }),
    generateReport({ seed: 16, layout: 'pipe', damage: ['inconsistent'] }),
    generateReport({ seed: 17, layout: 'prose' }),
    generateReport({ seed: 18, layout: 'html-gbk' }),
  ];
  try {
    const files = writeCorpus(dir, samples);
    process.stdout.write('gongkai 演示：读取并核对内置生成的样本报告 / demo: parse and check generated sample reports\n\n');
    let exact = 0;
    for (const [i, file] of files.entries()) {
      const truth = samples[i].truth;
      const report = await parseFile(file);
      const findings = checkReport(report);
      const got = Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]));
      const same = Object.keys(truth.cells).length === Object.keys(got).length &&
        Object.entries(truth.cells).every(([k, v]) => got[k] === v);
      if (same) exact++;
      const errors = findings.filter((f) => f.severity === 'error');
      process.stdout.write(
        `${samples[i].name}\n  ${report.agency} ${report.year}年 · 模板 ${report.template ?? '（无表格）'} · ` +
          `${Object.keys(got).length} 个单元格 · 与真值${same ? '一致' : '不一致'}\n`,
      );
      for (const f of errors.slice(0, 3)) process.stdout.write(`  [错误] ${f.message}\n`);
      for (const f of findings.filter((x) => x.severity === 'warning').slice(0, 2)) {
        process.stdout.write(`  [警告] ${f.message}\n`);
      }
    }
    process.stdout.write(
      `\n${exact}/${files.length} 份报告的单元格与真值完全一致。试试：gongkai check <文件或目录>、gongkai render --to html <文件>\n`,
    );
    return exact === files.length ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
