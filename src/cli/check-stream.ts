// The batch loop of `gongkai check`, built so memory stays flat over any number of reports while the output keeps
// input order and the cross-year checks still pair a report with the same agency's previous year wherever it
// stands among the inputs.
//
// What is kept in memory per report: as a possible previous year, its identity and the values of the few cells
// a cross-year relation reads from a previous year (PREVIOUS_KEYS, in typed arrays); and its place in the output
// queue. A report whose previous year may still come is checked without it, its output waits — in memory up to a
// fixed budget (SPOOL_MEMORY), beyond it in a spool file — and when that previous year arrives the report is read
// again from its file and checked again; at the end whatever still waits is final as it is. Output is written as
// soon as everything before it is final.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { agencyKey as bodyKey } from '../model/agency-key.js';
import type { Cell, Finding, Report } from '../model/report.js';
import { crossYearKeys, inferVersion } from '../model/relations.js';
import { splitCellKey } from '../model/template.js';
import { loadBytes } from '../parse.js';
import { checkReport } from '../rules/index.js';
import { tempDir } from '../temp.js';
import { detachedCopy } from '../text/normalise.js';
import { runBatch, type BatchResult, type BatchSource } from './batch.js';

/** Cell keys a cross-year relation reads from the previous year's report, in any template or layout. */
const PREVIOUS_KEYS: readonly string[] = crossYearKeys('previous');

/** A report as a previous year: identity, and PREVIOUS_KEYS' values (state 0 absent, 1 blank, 2 a number). */
interface PreviousView {
  report: Omit<Report, 'cells'>;
  values: Float64Array;
  state: Uint8Array;
}

export function previousView(report: Report): PreviousView {
  const values = new Float64Array(PREVIOUS_KEYS.length);
  const state = new Uint8Array(PREVIOUS_KEYS.length);
  PREVIOUS_KEYS.forEach((key, i) => {
    const cell = Object.hasOwn(report.cells, key) ? report.cells[key] : undefined;
    if (!cell) return;
    state[i] = cell.value === null ? 1 : 2;
    values[i] = cell.value ?? 0;
  });
  return {
    report: {
      file: copied(report.file), format: report.format, encoding: copied(report.encoding), title: null,
      agency: report.agency === null ? null : copied(report.agency),
      // the version as the whole report shows it (inferVersion looks at cells this view does not keep)
      year: report.year, template: report.template ?? inferVersion(report), layoutEvidence: [], sections: [],
      tables: { ...report.tables }, narrative: [], diagnostics: [], truncated: report.truncated,
    },
    values, state,
  };
}

/** The view as the Report the rules take as `previous`: the kept cells only. */
export function previousReport(view: PreviousView): Report {
  const cells: Report['cells'] = {};
  PREVIOUS_KEYS.forEach((key, i) => {
    if (!view.state[i]) return;
    const value = view.state[i] === 2 ? view.values[i] : null;
    const raw = value === null ? '' : String(value);
    const { table, row, column } = splitCellKey(key);
    // the recogniser's cell literal, field for field (recognise/assemble.ts): a cell of another shape made the rules'
    // reads of the previous year deoptimise when the first one came (bench/engine-deopts.mjs)
    const cell: Cell = { key, table, row, column, value, raw, unit: undefined, source: { line: 0, column: 0 },
      how: 'direct', reason: undefined };
    cells[key] = cell;
  });
  return { ...view.report, cells };
}

// one body, one identity: 淮安市洪泽区人民政府 and 洪泽区政府 pair (model/agency-key.ts)
/**
 * A string of its own: V8 may keep a substring as a slice of the string it was cut from (an agency name cut from
 * a report's whole text), and a map of such names would hold every report's text.
 */
const copied = detachedCopy;

/** The key of a body's year (not yet a copy: only the keys that are kept are copied). */
const agencyKey = (body: string | null, year: number | null): string | null =>
  body !== null && year !== null ? `${body}\u0000${year}` : null;

export interface Checked { file: string; report: Report; text: string; findings: Finding[] }

/** What was written for one input: its findings by severity, or that it could not be read. */
export interface Tally { file: string; errors: number; warnings: number; unreadable: boolean }

const tallyOf = (file: string, findings: Finding[]): Tally => ({
  file, unreadable: false,
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
});

/**
 * Outputs waiting their turn, kept in memory up to SPOOL_MEMORY characters at a time, the rest appended to a
 * temporary file and read back in order. Why the memory tier: in a batch of one year (the usual corpus), nearly
 * every output waits behind the first report whose previous year never comes; writing each to the file, reading it
 * back and encoding it twice cost ~4 % of a 2,000-report `check --json` batch's CPU (bench/corpus-throughput.mjs
 * --spool measures it; GONGKAI_SPOOL_MEMORY sets the budget, 0 spools everything). A fixed budget keeps memory flat
 * however long the batch: bench/check-memory.mjs's 10,000 reports peaked at 197 MB with the file alone, 205 MB with
 * 2 Mi characters held, 215 and 203 MB with 4 Mi (1,000 reports: 165 MB; the bound is 1.5×): 2 Mi, to keep room.
 */
export const SPOOL_MEMORY = Number(process.env.GONGKAI_SPOOL_MEMORY ?? 2 * 2 ** 20);

type SpoolRef = { text: string } | { at: number; length: number };

class Spool {
  private dir: ReturnType<typeof tempDir> | null = null;
  private fd = -1;
  private size = 0;
  /** characters of the outputs held in memory now */
  private held = 0;

  put(text: string): SpoolRef {
    if (this.held + text.length <= SPOOL_MEMORY) {
      this.held += text.length;
      return { text };
    }
    if (!this.dir) {
      this.dir = tempDir('gongkai-check-');
      this.fd = openSync(join(this.dir.path, 'spool'), 'w+');
    }
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    const ref = { at: this.size, length: bytes.length };
    this.size += bytes.length;
    return ref;
  }

  /** An output that will not be asked for (replaced by a later one). */
  drop(ref: SpoolRef): void {
    if ('text' in ref) this.held -= ref.text.length;
  }

  /**
   * The output, once: a held one is let go. One from the file comes as the UTF-8 bytes it was written as, to be
   * written out as they are: decoded to text here, it was only encoded again on its way out (the decoding and the
   * second encoding of ~2.5 M spooled characters: ~130 M instructions of a 2,000-report corpus `check --json`).
   */
  take(ref: SpoolRef): string | Uint8Array {
    if ('text' in ref) {
      this.held -= ref.text.length;
      return ref.text;
    }
    const bytes = Buffer.allocUnsafe(ref.length);
    readSync(this.fd, bytes, 0, ref.length, ref.at);
    return bytes;
  }

  dispose(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.dir?.dispose();
    this.fd = -1;
    this.dir = null;
  }
}

interface Slot {
  out: SpoolRef | null;
  tally: Tally;
  waitingFor?: string;
  file?: string;
  source?: BatchSource;
}

/**
 * Check every input in order. `format` turns one checked report into its output (called again for a report whose
 * previous year came later); `formatError` gives the output for an input that could not be read (or '').
 */
export async function checkStream(
  inputs: string[],
  format: (c: Checked) => string,
  formatError: (file: string, message: string) => string,
  write: (s: string | Uint8Array, tally: Tally) => void,
): Promise<BatchResult> {
  const views = new Map<string, PreviousView>();
  const queue: Slot[] = [];
  let head = 0;
  const waiting = new Map<string, Slot[]>();
  const spool = new Spool();
  const flush = () => {
    while (head < queue.length && queue[head].out !== null && queue[head].waitingFor === undefined) {
      const slot = queue[head];
      write(spool.take(slot.out!), slot.tally);
      queue[head++] = { out: null, tally: slot.tally }; // written: only its tally stays
    }
  };
  /** Queue an output: written now when nothing before it waits, else spooled. */
  const enqueue = (text: string, tally: Tally, wait?: Omit<Slot, 'out' | 'tally'>): Slot => {
    if (head === queue.length && !wait) {
      write(text, tally);
      queue.push({ out: null, tally });
      head++;
      return queue[queue.length - 1];
    }
    const slot: Slot = { out: spool.put(text), tally, ...wait };
    queue.push(slot);
    return slot;
  };
  const settle = async (key: string, previous: Report) => {
    for (const slot of waiting.get(key) ?? []) {
      try {
        const { report, text } = await loadBytes(await slot.source!.reread(), slot.file!);
        const findings = checkReport(report, previous);
        const out = format({ file: slot.file!, report, text, findings });
        if (slot.out) spool.drop(slot.out);
        slot.out = spool.put(out);
        slot.tally = tallyOf(slot.file!, findings);
      } catch {
        // changed or gone since it was read: its output stands as first checked, without the cross-year checks
      }
      delete slot.waitingFor;
      delete slot.source;
    }
    waiting.delete(key);
  };
  try {
    const result = await runBatch(inputs, async (file, bytes, source) => {
      const { report, text } = await loadBytes(bytes, file);
      const body = report.agency ? bodyKey(report.agency) : null;
      const own = agencyKey(body, report.year);
      const before = agencyKey(body, report.year === null ? null : report.year - 1);
      const view = before === null ? undefined : views.get(before);
      const findings = checkReport(report, view && previousReport(view));
      // its previous year may still come: it waits for it (until the end at most)
      const wait = before !== null && !view ? { waitingFor: copied(before), file, source } : undefined;
      const slot = enqueue(format({ file, report, text, findings }), tallyOf(file, findings), wait);
      if (wait) {
        const list = waiting.get(wait.waitingFor);
        if (list) list.push(slot);
        else waiting.set(wait.waitingFor, [slot]);
      }
      if (own !== null && !views.has(own)) {
        const mine = previousView(report);
        views.set(copied(own), mine);
        await settle(own, previousReport(mine));
      }
      flush();
    }, (file, message) => {
      enqueue(formatError(file, message), { file, errors: 0, warnings: 0, unreadable: true });
      flush();
    });
    for (let i = head; i < queue.length; i++) delete queue[i].waitingFor;
    flush();
    return result;
  } finally {
    spool.dispose();
  }
}
