#!/usr/bin/env node
// gongkai command line: parse, check, render, generate, demo.
import { Command } from 'commander';
import { registerCommands } from './commands.js';

const program = new Command();
program.name('gongkai').description('读取、核对、渲染政府信息公开工作年度报告 / read, check and render government information disclosure annual reports');
registerCommands(program);
program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`gongkai: ${(e as Error).message}\n`);
  process.exit(2);
});
