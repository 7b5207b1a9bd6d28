// The import's worker: one file's bytes → the engine's report and findings (parse + check), the report packed as it
// is stored (store/model-codec.ts). The file's sha256 is the main thread's (it decides before parsing whether the
// file is stored already): sha256 is exported for it. Runs in a piscina worker thread (pool.ts), or in the calling
// thread when no pool is available. Packed, a report crosses to the main thread as ~6 KB of strings and a few
// small objects instead of a graph of ~2,000 objects (60 KB as JSON) that the main thread had to rebuild
// (structured clone) and then serialise again for the database.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { Finding } from '../model/report.js';
import { parseBytes } from '../parse.js';
import { checkReport } from '../rules/index.js';
import { packReport, type PackedReport } from '../store/model-codec.js';

export interface ParseTask { name: string; bytes: Uint8Array }

export type ParseOutcome =
  | { ok: true; report: PackedReport; findings: Finding[] }
  | { ok: false; error: string; errorEn: string };

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The pool's entry: a worker is handed a backlog of tasks (pool.ts) and runs them one at a time, in order, so
 * that it never holds more than one file's parse in memory (a PDF's pages, say) however many it was given. */
let running: Promise<unknown> = Promise.resolve();
export default function parseInTurn(task: ParseTask): Promise<ParseOutcome> {
  const next = running.then(() => parseAndCheck(task));
  running = next.catch(() => undefined);
  return next;
}

export async function parseAndCheck(task: ParseTask): Promise<ParseOutcome> {
  try {
    const report = await parseBytes(task.bytes, task.name);
    const findings = checkReport(report);
    return { ok: true, report: packReport(report), findings };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e.problem, errorEn: e.problemEn };
    const m = (e as Error).message ?? String(e);
    return { ok: false, error: m, errorEn: m };
  }
}
