// The import's parse-ahead queue (src/import/ahead.ts): the writer waits for a batch to fill — the first n files
// parsed — but no longer than its patience once the first is, and not for files that will never come (closed).
import { describe, expect, it } from 'vitest';
import { Ahead } from '../src/import/ahead.js';

/** A promise with its resolve function. */
function later<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('Ahead.filled', () => {
  it('waits until the first n files are parsed', async () => {
    const ahead = new Ahead<number>(10);
    const files = [later<number>(), later<number>(), later<number>()];
    for (const f of files) await ahead.push(f.promise);
    let done = false;
    const filled = ahead.filled(2, 60_000).then(() => (done = true));
    files[1].resolve(1);
    await tick();
    expect(done).toBe(false);
    files[0].resolve(0);
    await filled;
    expect(ahead.peek()).toBe(0);
  });

  it('waits for files not yet pushed, and for fewer once the queue is closed', async () => {
    const ahead = new Ahead<number>(10);
    await ahead.push(Promise.resolve(0));
    let done = false;
    const filled = ahead.filled(3, 60_000).then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    await ahead.push(Promise.resolve(1));
    await tick();
    expect(done).toBe(false);
    ahead.close();
    await filled;
    expect(done).toBe(true);
  });

  it('gives up after its patience', async () => {
    const ahead = new Ahead<number>(10);
    await ahead.push(Promise.resolve(0));
    await ahead.push(new Promise<number>(() => undefined)); // never parsed
    const t = Date.now();
    await ahead.filled(2, 50);
    expect(Date.now() - t).toBeGreaterThanOrEqual(45);
    expect(ahead.peek()).toBe(0);
  });
});
