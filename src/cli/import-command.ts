// `gongkai import PATH|URL... [--data-dir DIR | --db URL] [--year Y] [--region CODE] [--json]`: imports report
// files, folders, archives and URLs into the database (PGlite in --data-dir / GONGKAI_DATA_DIR, or PostgreSQL at
// --db / DATABASE_URL), with a progress bar on a terminal. --json prints one JSON line per file and ends with
// {"imported":N,"unchanged":N,"failed":N,"pending":N}. A killed import run again resumes its job.
import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';
import { runImport, type ItemResult } from '../import/pipeline.js';
import { openFromEnv } from '../store/open.js';
import { safeLine } from './terminal.js';

export interface ImportFlags {
  dataDir?: string;
  db?: string;
  year?: string;
  region?: string;
  json?: boolean;
}

const SYSTEM = { userId: null, username: null };

export async function importCommand(inputs: string[], flags: ImportFlags): Promise<number> {
  const year = flags.year === undefined ? null : Number(flags.year);
  if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
    process.stderr.write(`gongkai import: not a year: ${flags.year}\n`);
    return 2;
  }
  if (flags.region !== undefined && !/^\d{6}$/.test(flags.region)) {
    process.stderr.write(`gongkai import: not a region code (six digits, GB/T 2260): ${flags.region}\n`);
    return 2;
  }
  if (flags.dataDir && flags.db) {
    process.stderr.write('gongkai import: give --data-dir or --db, not both\n');
    return 2;
  }
  const store = await openFromEnv({ dataDir: flags.dataDir, url: flags.db });
  const bar = process.stderr.isTTY
    ? new (progressBars()).SingleBar({ format: '{bar} {value}/{total} {file}', stream: process.stderr,
      clearOnComplete: true, hideCursor: true }, progressBars().Presets.shades_classic)
    : null;
  let started = false;
  const onItem = (r: ItemResult, done: number, total: number) => {
    if (bar && !started) {
      bar.start(total, 0, { file: '' });
      started = true;
    }
    bar?.setTotal(total);
    bar?.update(done, { file: safeLine(r.name).slice(-60) });
    if (flags.json) process.stdout.write(JSON.stringify(r) + '\n');
    else if (r.status === 'failed' || r.status === 'pending') {
      const what = r.status === 'failed' ? '' : '待确认 / pending: ';
      const line = `gongkai: ${safeLine(r.name)}: ${what}${safeLine(r.error ?? '')}\n`;
      if (bar) bar.stop();
      process.stderr.write(line);
      if (bar) {
        bar.start(total, done, { file: '' });
      }
    }
  };
  try {
    const { totals, jobId } = await runImport(store, inputs,
      { actor: SYSTEM, year, region: flags.region ?? null, onItem });
    bar?.stop();
    if (flags.json) process.stdout.write(JSON.stringify(totals) + '\n');
    else process.stdout.write(`导入任务 ${jobId}：新导入 ${totals.imported}，未变 ${totals.unchanged}，失败 ${totals.failed}，` +
      `待确认 ${totals.pending} / job ${jobId}: imported ${totals.imported}, unchanged ${totals.unchanged}, ` +
      `failed ${totals.failed}, pending ${totals.pending}\n`);
    return totals.failed > 0 ? 2 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}

/** cli-progress, loaded only when a bar is shown (a terminal and a long batch), not on every start. */
function progressBars(): typeof cliProgressModule {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
}
