// The worker pool parsing and checking import files on every core (piscina). The worker is the compiled
// worker.js beside this module (dist/import), or dist's copy when running from the TypeScript sources (tests);
// without either the files are parsed in this thread, one at a time.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import parseAndCheck, { type ParseOutcome, type ParseTask } from './worker.js';

export interface ParsePool {
  run(task: ParseTask): Promise<ParseOutcome>;
  readonly threads: number;
  close(): Promise<void>;
}

function workerFile(): string | null {
  for (const rel of ['./worker.js', '../../dist/import/worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  return null;
}

/** A pool of `threads` workers (default: one per core, GONGKAI_IMPORT_THREADS overrides; 0 = this thread). */
export function createPool(threads = Number(process.env.GONGKAI_IMPORT_THREADS ?? availableParallelism())): ParsePool {
  const file = threads > 0 ? workerFile() : null;
  if (!file) return { run: parseAndCheck, threads: 0, close: async () => undefined };
  const pool = new Piscina<ParseTask, ParseOutcome>({ filename: file, minThreads: threads, maxThreads: threads,
    idleTimeout: 60_000 });
  return {
    threads,
    // the bytes are copied to the worker (not transferred): the caller keeps them to store the source file
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
