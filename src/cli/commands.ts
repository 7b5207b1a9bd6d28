// Registers the CLI commands; each command lives in its own file.
import type { Command } from 'commander';
import { parseCommand } from './parse-command.js';

export function registerCommands(program: Command): void {
  program
    .command('parse')
    .description('read reports into cells (JSON Lines with --json) / 读取报告')
    .option('--json', 'print JSON Lines parse records')
    .argument('<files...>', 'files, directories or globs')
    .action(async (files: string[], opts: { json?: boolean }) => {
      process.exitCode = await parseCommand(files, opts);
    });
}
