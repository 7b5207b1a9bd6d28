// Registers the CLI commands; each command lives in its own file.
import type { Command } from 'commander';
import { checkCommand } from './check-command.js';
import { demoCommand } from './demo-command.js';
import { generateCommand } from './generate-command.js';
import { parseCommand } from './parse-command.js';
import { renderCommand } from './render-command.js';

export function registerCommands(program: Command): void {
  program.command('parse').description('读取报告为单元格 / read reports into cells (JSON Lines with --json)')
    .option('--json', 'JSON Lines parse records (shared/spec/cells-format.md)')
    .argument('<files...>', 'files, directories or globs')
    .action(async (files: string[], opts: { json?: boolean }) => { process.exitCode = await parseCommand(files, opts); });
  program.command('check').description('核对报告 / check reports: every relation, lost tables, prose vs tables, cross-year')
    .option('--json', 'JSON Lines findings').option('--lang <lang>', 'zh (default) or en', 'zh')
    .argument('<files...>', 'files, directories or globs')
    .action(async (files: string[], opts: { json?: boolean; lang?: string }) => { process.exitCode = await checkCommand(files, opts); });
  program.command('render').description('输出标准格式报告 / render the standard report')
    .requiredOption('--to <format>', 'md | html | txt | json | csv | docx | xlsx | pdf').option('-o, --out <file>', 'write to a file')
    .argument('<files...>', 'report files (csv takes many)')
    .action(async (files: string[], opts: { to: string; out?: string }) => { process.exitCode = await renderCommand(files, opts); });
  program.command('generate').description('生成一致的合成报告及真值 / generate consistent synthetic reports with truth')
    .requiredOption('--count <n>', 'how many').requiredOption('--out <dir>', 'output directory')
    .option('--layout <names>', 'comma-separated layouts (default: all)').option('--damage <names>', 'comma-separated damage kinds')
    .option('--seed <s>', 'random seed', '1').option('--template <v>', '2019 or 2021 (default: by year)')
    .action(async (opts: { count: string; out: string; layout?: string; damage?: string; seed: string; template?: string }) => { process.exitCode = await generateCommand(opts); });
  program.command('demo').description('在内置合成样本上演示读取与核对 / parse and check bundled generated samples')
    .action(async () => { process.exitCode = await demoCommand(); });
}
