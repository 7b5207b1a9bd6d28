// The import's parse-ahead queue: files handed to the worker pool, in input order, at most `depth` at a time. The
// reader of the inputs waits while it is full; the writer takes from its head the files already parsed (a batch),
// once a batch's worth is (or a moment after the first one is: filled). So the pool keeps parsing while the main
// thread writes.

interface Slot<T> {
  promise: Promise<T>;
  /** set once the promise has settled: the writer takes settled slots without waiting */
  value?: T;
}

export class Ahead<T> {
  private slots: Slot<T>[] = [];
  private closed = false;
  private aborted = false;
  private wakeWriter: (() => void) | null = null;
  private wakeReader: (() => void) | null = null;

  constructor(private readonly depth: number) {}

  /** Adds a file being parsed (a promise that never rejects); false once the writer gave up. */
  async push(promise: Promise<T>): Promise<boolean> {
    while (this.slots.length >= this.depth && !this.aborted) await new Promise<void>((r) => (this.wakeReader = r));
    if (this.aborted) return false;
    const slot: Slot<T> = { promise };
    // registered before any reader awaits the promise, so `value` is set when an awaiting writer resumes
    void promise.then((v) => (slot.value = v));
    this.slots.push(slot);
    this.wake();
    return true;
  }

  /** No more files. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The writer failed: the reader stops adding. */
  abort(): void {
    this.aborted = true;
    this.wake();
  }

  /** The first file once parsed (it stays in the queue); null when the queue is closed and empty. */
  async first(): Promise<T | null> {
    while (this.slots.length === 0) {
      if (this.closed) return null;
      await new Promise<void>((r) => (this.wakeWriter = r));
    }
    return this.slots[0].promise;
  }

  /**
   * Waits until the first `n` files are parsed (fewer when the queue closes with fewer), at most `patience` ms (the
   * writer asks once the first is parsed): a batch written whole costs the main thread less than the same files in
   * several (statements, commits and the kept tables' triggers cost per statement; bench/import.mjs), while slow
   * inputs (PDFs) still settle steadily.
   */
  async filled(n: number, patience: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((r) => (timer = setTimeout(() => r('expired'), patience)));
    try {
      for (;;) {
        const want = this.slots.slice(0, n);
        const pending = want.find((s) => !('value' in s));
        if (!pending && (want.length >= n || this.closed)) return;
        // the first file not parsed yet, else the reader's next file (or the end of the inputs)
        const next = pending ? pending.promise : new Promise<void>((r) => (this.wakeWriter = r));
        if (await Promise.race([expired, next]) === 'expired') return;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** The first file if it is parsed already. */
  peek(): T | undefined {
    return this.slots[0]?.value;
  }

  shift(): void {
    this.slots.shift();
    this.wake();
  }

  private wake(): void {
    const w = this.wakeWriter;
    const r = this.wakeReader;
    this.wakeWriter = null;
    this.wakeReader = null;
    w?.();
    r?.();
  }
}
