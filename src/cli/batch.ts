// Runs a command over many inputs: expands directories, globs and ZIP archives, keeps input order, shows a
// progress bar on a TTY for long batches, and turns one unreadable file into one clear error line while the
// batch goes on.
import cliProgress from 'cli-progress';
import { InputError } from '../errors.js';
import { expandFile } from '../readers/index.js';
import { expandInputs } from './inputs.js';

export interface BatchResult { failed: number; done: number }

export async function runBatch(
  inputs: string[],
  each: (name: string, bytes: Uint8Array) => Promise<void>,
  onError?: (file: string, message: string) => void,
): Promise<BatchResult> {
  const files = expandInputs(inputs);
  const bar = process.stderr.isTTY && files.length >= 20
    ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} {file}', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(files.length, 0, { file: '' });
  let failed = 0;
  let done = 0;
  const fail = (file: string, e: unknown) => {
    failed++;
    const message = e instanceof InputError ? `${e.file}: ${e.problem}（${e.problemEn}）` : `${file}: ${(e as Error).message}`;
    bar?.stop();
    process.stderr.write(`gongkai: ${message}\n`);
    onError?.(file, message);
  };
  for (const file of files) {
    let members: { name: string; bytes: Uint8Array }[] = [];
    try {
      members = expandFile(file); // the file itself, or the reports inside a ZIP archive
    } catch (e) {
      fail(file, e);
    }
    for (const m of members) {
      try {
        await each(m.name, m.bytes);
        done++;
      } catch (e) {
        fail(m.name, e);
      }
    }
    bar?.increment(1, { file });
  }
  bar?.stop();
  return { failed, done };
}
