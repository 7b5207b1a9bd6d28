// V8 tuning for the batch commands (parse, check, render): a smaller inlining budget for the optimising
// compiler, a later tier-up, and a heap that grows by 30 % of its live size after a full collection instead of
// V8's default factor.
//
// Why: a batch process spends as much CPU compiling the engine as running it. Over 2,000 corpus reports on one
// core (`npm run bench -- --corpus`), TurboFan's background compiles took about 40 % of the process's CPU, most
// of it inlining the callees of the large recogniser functions (assembleTable, resolveOpen, readText: 100–400 ms
// per compile). Capping the cumulative inlined bytecode at 300 (V8's default is 920) cut the compile time by
// ~60 % while the per-report time once warm stayed the same (bench/corpus-throughput.mjs measures both).
// Memory: a `check` batch keeps ~30–50 MB live (cross-year views), but V8 let the old space grow to 280–520 MB
// before collecting, so the peak RSS of 10,000 reports was 1.5× that of 1,000 (bench/check-memory.mjs). With a
// growing factor of 1.5 the peaks were 205 and 150 MB (1.37×) for 2–7 % more time; after the later tier-up below,
// one run in three came out at 1.51× (10,000: 207–224 MB), so the factor is now 1.3: 202–207 MB, 1.25–1.41× in
// three runs, with no difference in corpus-throughput.mjs beyond its run-to-run noise.
// Tier-up: a function is looked at for optimisation after running 8× V8's default budget of bytecode (interrupt
// budget 67,584 → 540,672 bytes). With the default, TurboFan compiled the recogniser's large functions while their
// type feedback had seen only the first few report shapes, then deoptimised (wrong map) and compiled them again
// as new shapes came (assembleTable 4×, rowCandidates 6×): background compiles took 1.5 s of a 3.9 s batch (per
// thread CPU, 2,000 corpus reports, one core). With 8× they took 0.55 s, the main thread's time unchanged, the
// batch's CPU −20 to −25 % (2×: −10 %; 16× and 64×: no better). `GONGKAI_INTERRUPT_BUDGET` overrides it
// (bench/corpus-throughput.mjs --tier-up measures the default beside it).
// The server is not tuned this way: it runs for days, so its compile time is paid once.
import { setFlagsFromString } from 'node:v8';

/** 8× V8's default (67,584 bytes of bytecode run before a function's hotness is looked at); see above. */
const INTERRUPT_BUDGET = 8 * 67_584;

let tuned = false;

/** Call before the first report is read (flags apply to the compiles that follow; none has happened yet). */
export function tuneForBatch(): void {
  if (tuned || process.env.GONGKAI_V8_DEFAULTS === '1') return;
  tuned = true;
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
  setFlagsFromString(`--interrupt-budget=${Number(process.env.GONGKAI_INTERRUPT_BUDGET) || INTERRUPT_BUDGET}`);
  setFlagsFromString('--heap-growing-percent=30');
}
