// Standard output of the batch commands (parse, check): records gathered into fewer, larger writes when the output
// is not a terminal. Why: each process.stdout.write goes through the stream machinery and makes a Buffer of its
// string before the system call; over the 2,000 records (4 M characters) of a corpus `check --json` to /dev/null,
// a write per record took ~69 ms of CPU, writes of 16 Ki characters ~40 ms (bench/stdout-writes.mjs). A terminal is
// written at once (a person watches it); elsewhere a record waits at most LATENCY_MS, or until the batch's next error
// line (batch.ts flushes before it writes to standard error, so `2>&1` keeps the order) or its end.
// Into a file (or /dev/null) each record goes to the descriptor at once by fs.writeSync, the call Node's stream for a
// file makes (its SyncWriteStream), without the stream's Buffer of the string first and without gathering: the 22 M
// characters of a corpus `parse --json` batch (2,000 records) took 109 ms of CPU gathered by the stream, 50 ms
// gathered by writeSync, 28 ms a writeSync per record (bench/stdout-writes.mjs); under callgrind the batch went from
// 9.44 to 9.20 G instructions. A pipe or a socket keeps the stream (asynchronous when full, and its closed-pipe
// handling: closed-pipe.ts).
import { fstatSync, writeSync } from 'node:fs';

/** Characters gathered before they are written. */
const CHUNK = 16 * 1024;
/** The longest a record waits when the batch is slow (a large PDF next), in ms. */
const LATENCY_MS = 100;

export class BatchedOutput {
  private pending = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  /**
   * `through`: write each piece at once (a terminal). `fd`: the descriptor to write to directly (a file's, see
   * fileDescriptor), or -1 for the stream.
   */
  constructor(
    private readonly stream: { write(s: string | Uint8Array): unknown } = process.stdout,
    private readonly through = process.stdout.isTTY === true,
    private readonly fd = stream === process.stdout && !through ? fileDescriptor(1) : -1,
  ) {}

  /** A record, as text or as its UTF-8 bytes (written after everything before it). */
  write(s: string | Uint8Array): void {
    if (this.through) {
      this.stream.write(s);
      return;
    }
    if (this.fd >= 0) {
      this.send(s); // nothing waits in this mode
      return;
    }
    if (typeof s !== 'string') {
      this.flush();
      this.send(s);
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
    this.send(s);
  }

  private send(s: string | Uint8Array): void {
    if (this.fd < 0) this.stream.write(s);
    else if (typeof s === 'string') writeSync(this.fd, s); // two calls: writeSync's overloads take one kind each
    else writeSync(this.fd, s);
  }
}

/** `fd` when it is a regular file or a device other than a terminal (Node writes those synchronously), else -1. */
function fileDescriptor(fd: number): number {
  try {
    const st = fstatSync(fd);
    return st.isFile() || st.isCharacterDevice() ? fd : -1;
  } catch {
    return -1;
  }
}

/** The process's standard output for parse and check (flushed by them at their end and by batch.ts on errors). */
export const batchedStdout = new BatchedOutput();
