#!/usr/bin/env node
// gongkai command line: parse, check, render, generate, serve, import, demo.
// Conventions: --version; exit 0 fine, 1 findings (check), 2 a usage error or an unusable input; option values
// are checked (commander's choices); `-` is standard input; each error is one line on stderr; output into a pipe
// closed early (`| head`) ends the command quietly with status 141, as SIGPIPE ends Unix tools (closed-pipe.ts).
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { InputError } from '../errors.js';
import { errorLine } from './batch.js';
import { exitOnClosedPipe } from './closed-pipe.js';
import { registerCommands } from './commands.js';

exitOnClosedPipe();
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command();
program.name('gongkai').description(
  '读取、核对、渲染政府信息公开工作年度报告 / read, check and render government information disclosure annual reports',
)
  .version(version, '-V, --version', '版本 / the version')
  // usage errors exit 2 (1 means findings); commander's own message is the one line
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`gongkai: ${message.replace(/^error: /, '')}`) });
registerCommands(program);
program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  process.stderr.write(`gongkai: ${e instanceof InputError ? errorLine(e.file, e) : (e as Error).message}\n`);
  process.exit(2);
});
