// The file piscina loads in each worker thread: CommonJS, so that piscina's require() of it is a plain require and
// the engine (an ES module graph) is loaded by import(). Handed worker.js itself, piscina require()s an ES module
// (require(esm), on by default since Node 20.19), and Node 20 can abort the whole process there ("FATAL ERROR:
// v8::Module::IsGraphAsync must be used on an instantiated module", in module_job runSync; seen once in a CI run of
// the import tests). import() takes the asynchronous path that has no such race.
import type { ParseOutcome, ParseTask } from './worker.js' with { 'resolution-mode': 'import' };

type WorkerModule = { default: (task: ParseTask) => Promise<ParseOutcome> };
let engine: Promise<WorkerModule> | undefined;

function parseInWorker(task: ParseTask): Promise<ParseOutcome> {
  engine ??= import('./worker.js') as Promise<WorkerModule>;
  return engine.then((m) => m.default(task));
}

export = parseInWorker;
