// Registers the CLI commands; each command lives in its own file.
import { Option, type Command } from 'commander';
import { checkCommand, type CheckOptions } from './check-command.js';
import type { DemoFlags } from './demo-command.js';
import { parseCommand } from './parse-command.js';
import { ALL_FORMATS } from './render-formats.js';
import { tuneForBatch } from './batch-tuning.js';

export function registerCommands(program: Command): void {
  program.command('parse').description('读取报告为单元格 / read reports into cells (JSON Lines with --json)')
    .option('--json', 'JSON Lines parse records (shared/spec/cells-format.md)')
    .argument('<files...>', 'files, directories or globs')
    .action(async (files: string[], opts: { json?: boolean }) => {
      tuneForBatch();
      process.exitCode = await parseCommand(files, opts);
    });
  program.command('check').description('核对报告 / check reports: every relation, lost tables, prose vs tables, cross-year')
    .option('--json', 'JSON Lines findings')
    .addOption(new Option('--lang <lang>', 'zh (default) or en').choices(['zh', 'en']).default('zh'))
    .option('--verbose', 'every reading note on its own line').option('--quiet', 'no reading notes')
    .argument('<files...>', 'files, directories or globs')
    .action(async (files: string[], opts: CheckOptions) => {
      tuneForBatch();
      process.exitCode = await checkCommand(files, opts);
    });
  program.command('render').description('输出标准格式报告 / render the standard report')
    .addOption(new Option('--to <format>', 'md | html | txt | json | csv | docx | xlsx | pdf')
      .choices(ALL_FORMATS).makeOptionMandatory())
    .option('-o, --out <file>', 'write to a file')
    .argument('<files...>', 'report files (csv takes many)')
    .action(async (files: string[], opts: { to: string; out?: string }) => {
      tuneForBatch();
      process.exitCode = await (await import('./render-command.js')).renderCommand(files, opts);
    });
  program.command('generate').description('生成一致的合成报告及真值 / generate consistent synthetic reports with truth')
    .requiredOption('--count <n>', 'how many').requiredOption('--out <dir>', 'output directory')
    .option('--layout <names>', 'comma-separated layouts (default: all)')
    .option('--damage <names>', 'comma-separated damage kinds')
    .option('--seed <s>', 'random seed', '1').option('--template <v>', '2019 or 2021 (default: by year)')
    .action(async (
      opts: { count: string; out: string; layout?: string; damage?: string; seed: string; template?: string },
    ) => {
      // the generator (and its 繁体 layout's OpenCC tables) loads only for this command
      process.exitCode = await (await import('./generate-command.js')).generateCommand(opts);
    });
  program.command('serve').description('启动服务与网页应用 / serve the API and the web app (HOST/PORT, default 127.0.0.1:3000)')
    .option('--host <host>', 'address to listen on (default $HOST or 127.0.0.1)')
    .option('--port <port>', 'port (default $PORT or 3000)')
    .option('--data-dir <dir>', 'embedded database directory (default $GONGKAI_DATA_DIR or ./data)')
    .option('--db <url>', 'PostgreSQL URL (default $DATABASE_URL)')
    .action(
      async (
        opts: { host?: string; port?: string; dataDir?: string; db?: string },
      ) => { process.exitCode = await (await serviceCommands()).serve(opts); },
    );
  program.command('import').description('导入报告到数据库 / import reports (files, folders, archives, URLs) into the database')
    .argument('<inputs...>', 'files, directories, globs, ZIP archives or http(s) URLs')
    .option('--data-dir <dir>', 'embedded database directory (default $GONGKAI_DATA_DIR or ./data)')
    .option('--db <url>', 'PostgreSQL URL (default $DATABASE_URL)').option('--year <y>', 'the year of every report')
    .option('--region <code>', 'match bodies within this region (GB/T 2260 code)')
    .option('--json', 'one JSON line per file, then {"imported":N,"unchanged":N,"failed":N,"pending":N}')
    .action(async (
      inputs: string[],
      opts: { dataDir?: string; db?: string; year?: string; region?: string; json?: boolean },
    ) => {
      process.exitCode = await (await serviceCommands()).importFiles(inputs, opts);
    });
  program.command('demo').description(
    '在内置合成样本上演示读取与核对 / parse and check bundled generated samples; --reset: reload the demo province',
  )
    .option('--reset', 'empty the database and load the demo province (演示省) again')
    .option('--data-dir <dir>', 'embedded database directory (default $GONGKAI_DATA_DIR or ./data)')
    .option('--db <url>', 'PostgreSQL URL (default $DATABASE_URL)')
    .action(async (opts: DemoFlags) => {
      const demo = await import('./demo-command.js');
      process.exitCode = opts.reset ? await demo.demoResetCommand(opts) : await demo.demoCommand();
    });
}

/**
 * The database, server and import commands load the store (PGlite's WebAssembly), fastify and the worker pool:
 * loaded only when one of them runs, so that parse, check and render start as fast as before the service existed.
 */
async function serviceCommands() {
  const [{ serveCommand }, { importCommand }] = await Promise.all([import('./serve-command.js'),
    import('./import-command.js')]);
  return { serve: serveCommand, importFiles: importCommand };
}
