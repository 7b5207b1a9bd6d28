// V8 tuning for the batch commands (parse, check, render): a smaller inlining budget for the optimising compiler,
// and a heap that grows by half its live size after a full collection instead of V8's default factor.
//
// Why: a batch process spends as much CPU compiling the engine as running it. Over 2,000 corpus reports on one
// core (`npm run bench -- --corpus`), TurboFan's background compiles took about 40 % of the process's CPU, most
// of it inlining the callees of the large recogniser functions (assembleTable, resolveOpen, readText: 100–400 ms
// per compile). Capping the cumulative inlined bytecode at 300 (V8's default is 920) cut the compile time by
// ~60 % while the per-report time once warm stayed the same (bench/corpus-throughput.mjs measures both).
// Memory: a `check` batch keeps ~30–50 MB live (cross-year views), but V8 let the old space grow to 280–520 MB
// before collecting, so the peak RSS of 10,000 reports was 1.5× that of 1,000 (bench/check-memory.mjs). With a
// growing factor of 1.5 the peaks were 205 and 150 MB (1.37×) for 2–7 % more time.
// The server is not tuned this way: it runs for days, so its compile time is paid once.
import { setFlagsFromString } from 'node:v8';

let tuned = false;

/** Call before the first report is read (flags apply to the compiles that follow; none has happened yet). */
export function tuneForBatch(): void {
  if (tuned || process.env.GONGKAI_V8_DEFAULTS === '1') return;
  tuned = true;
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
  setFlagsFromString('--heap-growing-percent=50');
}
