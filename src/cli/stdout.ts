// Standard output of the batch commands (parse, check): records gathered into fewer, larger writes when the output
// is not a terminal. Why: each process.stdout.write goes through the stream machinery and makes a Buffer of its
// string before the system call; over the 2,000 records (4 M characters) of a corpus `check --json` to /dev/null,
// a write per record took ~69 ms of CPU, writes of 16 Ki characters ~40 ms (bench/stdout-writes.mjs; fs.writeSync
// of each string took ~18 ms, but it bypasses the stream and its closed-pipe handling). A terminal is written at once
// (a person watches it); elsewhere a record waits at most LATENCY_MS, or until the batch's next error line (batch.ts
// flushes before it writes to standard error, so `2>&1` keeps the order) or its end.

/** Characters gathered before they are written. */
const CHUNK = 16 * 1024;
/** The longest a record waits when the batch is slow (a large PDF next), in ms. */
const LATENCY_MS = 100;

export class BatchedOutput {
  private pending = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `through`: write each piece at once (a terminal). */
  constructor(
    private readonly stream: { write(s: string): unknown } = process.stdout,
    private readonly through = process.stdout.isTTY === true,
  ) {}

  write(s: string): void {
    if (this.through) {
      this.stream.write(s);
      return;
    }
    this.pending += s;
    if (this.pending.length >= CHUNK) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), LATENCY_MS).unref();
  }

  /** Write whatever waits. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.pending) return;
    const s = this.pending;
    this.pending = '';
    this.stream.write(s);
  }
}

/** The process's standard output for parse and check (flushed by them at their end and by batch.ts on errors). */
export const batchedStdout = new BatchedOutput();
