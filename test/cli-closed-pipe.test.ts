// The built command line (dist/cli/main.js; `npm test` builds first) writing into a pipe its reader has closed, as
// `gongkai check … | head` does: the command stops at once and quietly — nothing on stderr (it was an unhandled
// EPIPE stack trace) — with status 141, as a Unix tool killed by SIGPIPE (src/cli/closed-pipe.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
let dir = '';
const files: string[] = [];

/** Runs the CLI, reads its first chunk of output, then closes the pipe: its exit status and what it wrote to stderr. */
function closeAfterFirstChunk(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string;
  first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.once('data', (b: Buffer) => {
      first = b.toString('utf8');
      child.stdout.destroy(); // the reader goes, as head does once it has its bytes
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr, first }));
  });
}

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does it first)');
  dir = mkdtempSync(join(tmpdir(), 'gongkai-closed-pipe-'));
  // more output than a pipe holds (64 KB; check --json ~130 KB with these findings, parse and render ~2 MB), so
  // the command is still writing when its reader goes
  for (let i = 0; i < 60; i++) {
    const g = generateReport({ seed: 600 + i, agency: '青山县人民政府', year: 2018 + (i % 6), layout: 'tab',
      damage: ['inconsistent', 'blanks'] });
    files.push(join(dir, `r${String(i).padStart(2, '0')}${g.extension}`));
    writeFileSync(files[i], g.bytes);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('output into a closed pipe', () => {
  for (const args of [['check', '--json'], ['parse', '--json'], ['render', '--to', 'csv']]) {
    it(`gongkai ${args.join(' ')} stops quietly with status 141`, async () => {
      const r = await closeAfterFirstChunk([...args, ...files]);
      expect(r.first.length).toBeGreaterThan(0);
      expect(r.stderr).toBe('');
      expect({ code: r.code, signal: r.signal }).toEqual({ code: 141, signal: null });
    });
  }
});
