// V8 tuning for the batch commands (parse, check, render): a smaller inlining budget for the optimising compiler.
//
// Why: a batch process spends as much CPU compiling the engine as running it. Over 2,000 corpus reports on one
// core (`npm run bench -- --corpus`), TurboFan's background compiles took about 40 % of the process's CPU, most
// of it inlining the callees of the large recogniser functions (assembleTable, resolveOpen, readText: 100–400 ms
// per compile). Capping the cumulative inlined bytecode at 300 (V8's default is 920) cut the compile time by
// ~60 % while the per-report time once warm stayed the same (bench/corpus-throughput.mjs measures both). The
// server is not tuned this way: it runs for days, so its compile time is paid once.
import { setFlagsFromString } from 'node:v8';

let tuned = false;

/** Call before the first report is read (flags apply to the compiles that follow; none has happened yet). */
export function tuneForBatch(): void {
  if (tuned || process.env.GONGKAI_V8_DEFAULTS === '1') return;
  tuned = true;
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}
