// Hostile inputs (issue 9): every case of bench/hostile-cases.mjs — a FIFO, /dev/zero, a 1.5 GiB file, XLSX with a
// far cell, a huge merge or dimension, too many cells, PDF Flate bombs (one stream, many pages, the most content
// pdf.js is given), deep, wide and huge HTML, a 5 MB line, 40 MB of text, deep or huge DOCX XML, a zip bomb, a
// DOCX or an XLSX part cut in half, bad GBK, a stray NUL, a link loop, a missing file, escapes in names — generated
// here, run through the built CLI in a child process with a capped heap (--max-old-space-size) and a timeout, so a
// regression fails instead of hanging CI. Each must end with its exit status and its one clear line naming the
// file and the limit (or its diagnostic, with the rest read), under 512 MB peak RSS. The 5 s the issue asks for
// is measured by bench/hostile-input.mjs (timing here would fail on a busy machine, not on a regression); the
// guard here is the hang that was, not the speed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module shared with the bench (no types)
import { HOSTILE_CASES, RSS_PRELOAD, peakRssMb } from '../bench/hostile-cases.mjs';

interface HostileCase {
  name: string;
  unless?: () => string | null;
  make: (dir: string) => string[];
  exit: number;
  stderr?: RegExp;
  stdout?: RegExp;
  noControl?: boolean;
}

const MAIN = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const GUARD_MS = 60_000;
const HEAP_MB = 512;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child node process, killed at the guard; asynchronous, so the test worker stays responsive meanwhile. */
function run(args: string[]): Promise<{ status: number | null; signal: string | null;
  stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), GUARD_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

describe('hostile inputs end bounded, with one clear line or a diagnostic', () => {
  it('the built CLI is there (npm test builds first)', () => expect(existsSync(MAIN)).toBe(true));
  for (const c of HOSTILE_CASES as HostileCase[]) {
    const skip = c.unless?.() ?? null;
    it.skipIf(skip !== null)(c.name, async () => {
      const args = c.make(dir);
      const r = await run([`--max-old-space-size=${HEAP_MB}`, '--import', RSS_PRELOAD, MAIN, ...args]);
      expect(r.signal, `${c.name}: killed (the guard: over ${GUARD_MS / 1000} s)`).toBeNull();
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('gongkai: '));
      if (c.exit === 2) expect(lines.length, r.stderr).toBeGreaterThanOrEqual(1);
      if (c.stderr) expect(r.stderr).toMatch(c.stderr);
      if (c.stdout) expect(r.stdout).toMatch(c.stdout);
      if (c.noControl) expect(r.stdout + r.stderr.replace(/\ngongkai-maxrss-kb=\d+\n/, '')).not.toMatch(/[\u001b\r]/);
      expect(r.status, r.stderr).toBe(c.exit);
      // one line per failed input: no stack trace, no second line for the same file
      for (const l of lines) expect(l).not.toMatch(/\n|\s+at\s/);
      const rss = peakRssMb(r.stderr);
      expect(rss).not.toBeNull();
      expect(rss).toBeLessThan(512);
    }, GUARD_MS + 30_000);
  }
});
