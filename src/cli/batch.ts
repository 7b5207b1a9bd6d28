// Runs a command over many inputs: expands directories and globs, keeps input order, shows a progress bar on a
// TTY for long batches, and turns one unreadable file into one clear error line while the batch goes on.
import cliProgress from 'cli-progress';
import { InputError } from '../errors.js';
import { expandInputs } from './inputs.js';

export interface BatchResult { failed: number; done: number }

export async function runBatch(inputs: string[], each: (file: string) => Promise<void>, onError?: (file: string, message: string) => void): Promise<BatchResult> {
  const files = expandInputs(inputs);
  const bar = process.stderr.isTTY && files.length >= 20
    ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} {file}', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(files.length, 0, { file: '' });
  let failed = 0;
  for (const file of files) {
    try {
      await each(file);
    } catch (e) {
      failed++;
      const message = e instanceof InputError ? `${e.file}: ${e.problem}（${e.problemEn}）` : `${file}: ${(e as Error).message}`;
      bar?.stop();
      process.stderr.write(`gongkai: ${message}\n`);
      onError?.(file, message);
    }
    bar?.increment(1, { file });
  }
  bar?.stop();
  return { failed, done: files.length };
}
