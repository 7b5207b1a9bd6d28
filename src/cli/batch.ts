// Runs a command over many inputs: expands directories, globs, `-` and ZIP archives, keeps input order, shows a
// progress bar on a TTY for long batches, and turns one unreadable input (a missing file, a loop, a zip bomb,
// an unreadable directory) into one clear error line while the batch goes on.
import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { expandFile, readInput } from '../readers/index.js';
import { limitError, maxInputBytes } from '../readers/limits.js';
import { expandInputs, STDIN } from './inputs.js';
import { batchedStdout } from './stdout.js';
import { safeLine } from './terminal.js';

export interface BatchResult { failed: number; done: number }

/** Where a report came from, to read it again (check's cross-year pairing re-reads rather than keeps). */
export interface BatchSource { reread: () => Promise<Uint8Array> }

/** Standard input, read up to the input size cap. */
export async function readStdin(cap = maxInputBytes()): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > cap) throw limitError('-', '标准输入过大', 'standard input is too large', 'GONGKAI_MAX_INPUT_BYTES', cap);
    chunks.push(chunk as Buffer);
  }
  if (!size) throw new InputError('-', '标准输入为空', 'standard input is empty');
  return Buffer.concat(chunks);
}

/** The one error line for an input: the file, the problem in Chinese and in English, controls made visible. */
export function errorLine(file: string, e: unknown): string {
  return safeLine(
    e instanceof InputError ? `${e.file}: ${e.problem}（${e.problemEn}）` : `${file}: ${(e as Error).message}`,
  );
}

/**
 * How to read a report again: its file, or its archive expanded again; standard input is kept (it cannot be
 * read twice). A function of its own, so the closure holds the names and not the bytes of every report.
 */
function rereader(file: string, name: string, kept: Uint8Array | null): () => Promise<Uint8Array> {
  if (kept) return async () => kept;
  if (name === file) return async () => readInput(file);
  return async () => {
    const again = expandFile(file).find((x) => x.name === name);
    if (!again) throw new InputError(name, '再次读取时文件已不在', 'the file was gone when read again');
    return again.bytes;
  };
}

export async function runBatch(
  inputs: string[],
  each: (name: string, bytes: Uint8Array, source: BatchSource) => Promise<void>,
  onError?: (file: string, message: string) => void,
): Promise<BatchResult> {
  const entries = expandInputs(inputs);
  const bar = process.stderr.isTTY && entries.length >= 20
    ? new (progressBars()).SingleBar(
      { format: '{bar} {value}/{total} {file}', stream: process.stderr, clearOnComplete: true },
      progressBars().Presets.shades_classic,
    )
    : null;
  bar?.start(entries.length, 0, { file: '' });
  // the size cap, read from the environment once for the batch (a lookup of process.env per file showed in profiles)
  const cap = maxInputBytes();
  let failed = 0;
  let done = 0;
  const fail = (file: string, e: unknown) => {
    failed++;
    const message = errorLine(file, e);
    bar?.stop();
    batchedStdout.flush(); // the records before this input's, first (one file for both: `2>&1`)
    process.stderr.write(`gongkai: ${message}\n`);
    onError?.(file, message);
  };
  for (const entry of entries) {
    const file = entry.path;
    let members: { name: string; bytes: Uint8Array }[] = [];
    try {
      if (entry.error) throw entry.error;
      // the file itself, or the reports inside a ZIP archive
      members = file === STDIN ? [{ name: STDIN, bytes: await readStdin(cap) }] : expandFile(file, cap);
    } catch (e) {
      fail(file, e);
    }
    for (const m of members) {
      const reread = rereader(file, m.name, file === STDIN ? m.bytes : null);
      try {
        await each(m.name, m.bytes, { reread });
        done++;
      } catch (e) {
        fail(m.name, e);
      }
    }
    bar?.increment(1, { file: safeLine(file) });
  }
  bar?.stop();
  return { failed, done };
}

/** cli-progress, loaded only when a bar is shown (a terminal and a long batch), not on every start. */
function progressBars(): typeof cliProgressModule {
  return createRequire(import.meta.url)('cli-progress') as typeof cliProgressModule;
}
