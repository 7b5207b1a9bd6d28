// The worker pool parsing and checking import files on every core (piscina). The worker is the compiled
// worker-entry.cjs beside this module (dist/import), which imports worker.js, or dist's copy when running from the
// TypeScript sources (tests); without either the files are parsed in this thread, one at a time.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import parseInTurn, { type ParseOutcome, type ParseTask } from './worker.js';

export interface ParsePool {
  run(task: ParseTask): Promise<ParseOutcome>;
  readonly threads: number;
  close(): Promise<void>;
}

/** tasks a worker holds at once (see createPool) */
const TASKS_PER_WORKER = 64;

function workerFile(): string | null {
  // the CommonJS entry (worker-entry.cts says why), built beside this module or, from the sources, in dist/
  for (const rel of ['./worker-entry.cjs', '../../dist/import/worker-entry.cjs']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url.href;
  }
  return null;
}

/** A pool of `threads` workers (default: one per core, GONGKAI_IMPORT_THREADS overrides; 0 = this thread). */
export function createPool(threads = Number(process.env.GONGKAI_IMPORT_THREADS ?? availableParallelism())): ParsePool {
  const file = threads > 0 ? workerFile() : null;
  if (!file) return { run: parseInTurn, threads: 0, close: async () => undefined };
  // Each worker holds a backlog of tasks: piscina hands a worker its next task from the main thread, and the main
  // thread is busy for long stretches writing to the database (PGlite runs in it). With one task per worker the
  // workers sat idle through every batch write (measured: the import took parse time + write time, not the
  // larger of the two); with a backlog they go on parsing. A worker runs its tasks one after the other
  // (worker.ts), so the backlog costs only the bytes waiting.
  const pool = new Piscina<ParseTask, ParseOutcome>({ filename: file, minThreads: threads, maxThreads: threads,
    idleTimeout: 60_000, concurrentTasksPerWorker: TASKS_PER_WORKER });
  return {
    threads,
    // the bytes are copied to the worker (not transferred): the caller keeps them to store the source file
    run: (task) => pool.run(task),
    close: () => pool.destroy(),
  };
}
