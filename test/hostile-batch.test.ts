// Batches (issue 9): inputs expand with one error entry per bad path (a link loop, an unreadable directory, a glob
// matching nothing) in its place and the rest read; `**` globs; check streams in input order and still pairs a
// report with its previous year wherever it stands (the same findings as checking with the whole previous
// report); control characters from inputs never reach a terminal raw; render --to csv writes the good files and
// reports the bad ones.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkStream } from '../src/cli/check-stream.js';
import { expandInputs } from '../src/cli/inputs.js';
import { renderCommand } from '../src/cli/render-command.js';
import { safeLine, safeText } from '../src/cli/terminal.js';
import { generateReport } from '../src/generate/index.js';
import { loadBytes } from '../src/parse.js';
import { checkReport } from '../src/rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, data: string | Uint8Array) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return path;
};
/** Silence the batch's error lines on stderr, keeping what was written. */
function quietStderr(): { lines: string[]; restore: () => void } {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write')
    .mockImplementation((s: string | Uint8Array) => (lines.push(String(s)), true));
  return { lines, restore: () => spy.mockRestore() };
}

describe('expanding inputs', () => {
  it('a symbolic-link loop is one error entry in its place; the files around it are listed once each', () => {
    const d = join(dir, 'loop');
    write(join(d, 'a.txt'), 'x');
    write(join(d, 'sub', 'b.txt'), 'x');
    symlinkSync('..', join(d, 'sub', 'up'));
    symlinkSync('a.txt', join(d, 'same.txt')); // the same file under another name: listed once
    const entries = expandInputs([d]);
    expect(entries.map((e) => [e.path.slice(d.length + 1), e.error ? 'error' : 'ok'])).toEqual([
      ['a.txt', 'ok'], ['sub/b.txt', 'ok'], ['sub/up', 'error'],
    ]);
    expect(entries[2].error?.problemEn).toMatch(/symbolic link loop/);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable directory is one error entry; the batch goes on', () => {
    const d = join(dir, 'locked');
    write(join(d, 'a.txt'), 'x');
    write(join(d, 'z', 'hidden.txt'), 'x');
    chmodSync(join(d, 'z'), 0o000);
    try {
      const entries = expandInputs([d]);
      expect(entries.map((e) => !!e.error)).toEqual([false, true]);
      expect(entries[1].error?.problemEn).toMatch(/cannot list the directory: permission denied/);
    } finally {
      chmodSync(join(d, 'z'), 0o755);
    }
  });

  it('recursive globs (**) by tinyglobby, sorted; a glob matching nothing is an error entry', () => {
    const d = join(dir, 'glob');
    write(join(d, 'x', 'y', 'deep.txt'), 'x');
    write(join(d, 'top.txt'), 'x');
    write(join(d, 'x', 'skip.md'), 'x');
    expect(expandInputs([`${d}/**/*.txt`]).map((e) => e.path))
      .toEqual([join(d, 'top.txt'), join(d, 'x/y/deep.txt')].sort());
    const none = expandInputs([`${d}/**/*.pdf`]);
    expect(none).toHaveLength(1);
    expect(none[0].error?.problemEn).toBe('no file matches this pattern');
  });

  it('- is standard input', () => expect(expandInputs(['-'])).toEqual([{ path: '-' }]));
});

describe('check streams in input order and pairs years wherever they stand', () => {
  const agency = '青山区测试局';
  const earlier = generateReport({ seed: 11, layout: 'tab', agency, year: 2022 });
  const later = generateReport({ seed: 12, layout: 'tab', agency, year: 2023 });
  const other = generateReport({ seed: 13, layout: 'markdown' });

  async function run(inputs: string[]) {
    const out: string[] = [];
    const q = quietStderr();
    try {
      const r = await checkStream(inputs, ({ file, findings }) => JSON.stringify({ file, findings }) + '\n',
        (file, message) => JSON.stringify({ file, error: message }) + '\n',
        // an output read back from the spool file comes as its UTF-8 bytes
        (s) => out.push(typeof s === 'string' ? s : Buffer.from(s).toString('utf8')));
      return { ...r, records: out.map((s) =>
        JSON.parse(s) as { file: string; findings?: { ruleId: string }[]; error?: string }) };
    } finally {
      q.restore();
    }
  }

  it('the later year first, an error between: same order out, cross-year findings as with the whole previous report',
    async () => {
    const a = write(join(dir, 'years', '1-later.txt'), later.bytes);
    const missing = join(dir, 'years', '2-missing.txt');
    const b = write(join(dir, 'years', '3-other.md'), other.bytes);
    const c = write(join(dir, 'years', '4-earlier.txt'), earlier.bytes);
    const r = await run([a, missing, b, c]);
    expect(r.records.map((x) => x.file)).toEqual([a, missing, b, c]);
    expect(r.records[1].error).toMatch(/no such file or directory/);
    expect(r.failed).toBe(1);
    const full = {
      later: (await loadBytes(later.bytes, a)).report,
      earlier: (await loadBytes(earlier.bytes, c)).report,
    };
    const expected = checkReport(full.later, full.earlier);
    expect(expected.some((f) => f.ruleId === 'cross-year')).toBe(true); // the pairing matters for this pair
    expect(JSON.stringify(r.records[0].findings)).toBe(JSON.stringify(expected));
  });

  it('the earlier year first: the same findings', async () => {
    const c = write(join(dir, 'years2', 'a-earlier.txt'), earlier.bytes);
    const a = write(join(dir, 'years2', 'b-later.txt'), later.bytes);
    const r = await run([c, a]);
    const expected = checkReport((await loadBytes(later.bytes, a)).report, (await loadBytes(earlier.bytes, c)).report);
    expect(JSON.stringify(r.records[1].findings)).toBe(JSON.stringify(expected));
  });
});

describe('text from inputs on a terminal', () => {
  it('ANSI escapes, CR, LF and bidi overrides are shown as escapes; a block keeps its line breaks and tabs', () => {
    expect(safeLine('a\u001b[2J\r\nb\u202ec')).toBe('a\\x1b[2J\\x0d\\x0ab\\u202ec');
    expect(safeText('x\ty\nz\u0007')).toBe('x\ty\nz\\x07');
  });
});

describe('render --to csv over a batch with a bad input', () => {
  it('writes the good files in input order, reports the bad one, exits 2', async () => {
    const good1 = write(join(dir, 'csv', 'a.txt'), generateReport({ seed: 21, layout: 'tab' }).bytes);
    const bad = write(join(dir, 'csv', 'b.txt'), new Uint8Array([0, 1, 2, 3, 0, 0, 0, 9]));
    const good2 = write(join(dir, 'csv', 'c.txt'), generateReport({ seed: 22, layout: 'tab' }).bytes);
    const out = join(dir, 'csv', 'out.csv');
    const q = quietStderr();
    let code: number;
    try {
      code = await renderCommand([good1, bad, good2], { to: 'csv', out });
    } finally {
      q.restore();
    }
    expect(code).toBe(2);
    expect(q.lines.join('')).toMatch(/b\.txt: .*unsupported file type/);
    const files = readFileSync(out, 'utf8').split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
    expect([...new Set(files)]).toEqual([good1, good2]);
  });
});
