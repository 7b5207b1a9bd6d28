// The import pipeline: inputs (files, folders, globs, ZIP archives, URLs, uploaded bytes) → a job whose items are
// recorded in the database → each file hashed (a file already stored is 'unchanged' without parsing), parsed and
// checked in the worker pool, matched to its body and year (or left 待确认), checked against the body's
// neighbouring years, and stored. Files are parsed ahead in parallel (a bounded queue, ahead.ts) while the main
// thread writes them in input order, in batches of up to GONGKAI_IMPORT_BATCH files (default 100): one transaction
// per batch with multi-row statements, each report still all-or-nothing (store/import-batch.ts says how), the job's
// item results written in the same transaction as their reports. So a run gives the same database whatever the
// timing (but for the last bits of a fraction in the kept region sums, added up a batch at a time in floating
// point: batches are cut by what is parsed in time), and a killed run resumed finishes as an uninterrupted one.
import { InputError } from '../errors.js';
import type { ImportItem, ImportItemStatus, ImportJob, ImportTotals, ReportStatus } from '../model/api.js';
import { expandInputs } from '../cli/inputs.js';
import { expandFile } from '../readers/index.js';
import { expandArchive, isArchive } from '../readers/zip.js';
import type { Finding } from '../model/report.js';
import { withHead, type PackedReport } from '../store/model-codec.js';
import type { Actor, ImportBatchEntry, ImportBatchResult, Store } from '../store/types.js';
import { Ahead } from './ahead.js';
import { forBatch } from './cross-year.js';
import { BodyIndex, matchReport, type Match } from './match.js';
import { createPool, type ParsePool } from './pool.js';
import { fetchUrl, isUrl } from './url.js';
import { sha256, type ParseOutcome } from './worker.js';

/** One input: a path (file, folder, glob), a URL, or bytes already in hand (an upload). */
export type ImportInput = string | { name: string; bytes: Uint8Array };

export interface ImportOptions {
  actor: Actor;
  /** the year of every report (when the files do not say it with certainty) */
  year?: number | null;
  /** match bodies within this region's subtree */
  region?: string | null;
  /** file every report under this body (an editor's upload: its own body); the year must still be certain */
  bodyId?: number | null;
  /** the status an imported report enters with (default published: imported reports are published ones) */
  status?: ReportStatus;
  /** resume the running job started on the same inputs (default true) */
  resume?: boolean;
  pool?: ParsePool;
  /** after each report file is settled */
  onItem?: (item: ItemResult, done: number, total: number) => void;
}

export interface ItemResult {
  name: string;
  status: ImportItemStatus;
  reportId: number | null;
  error: string | null;
}

export interface ImportRun {
  job: ImportJob;
  done: Promise<{ jobId: number; totals: ImportTotals; items: ItemResult[] }>;
}

interface Entry { name: string; input: ImportInput; error?: InputError }

const message = (e: unknown): string =>
  e instanceof InputError ? `${e.problem}（${e.problemEn}）` : (e as Error).message ?? String(e);

function entries(inputs: ImportInput[]): Entry[] {
  const out: Entry[] = [];
  for (const input of inputs) {
    if (typeof input !== 'string') out.push({ name: input.name, input });
    else if (isUrl(input)) out.push({ name: input, input });
    else for (const e of expandInputs([input])) out.push({ name: e.path, input: e.path, error: e.error });
  }
  return out;
}

/** The report files one entry holds (itself, or an archive's members). */
async function load(e: Entry): Promise<{ name: string; bytes: Uint8Array }[]> {
  if (e.error) throw e.error;
  if (typeof e.input !== 'string') {
    const { name, bytes } = e.input;
    return isArchive(bytes, name) ? expandArchive(bytes, name) : [{ name, bytes }];
  }
  if (isUrl(e.input)) {
    const got = await fetchUrl(e.input);
    return isArchive(got.bytes, got.name) ? expandArchive(got.bytes, e.input) : [{ name: e.input, bytes: got.bytes }];
  }
  return expandFile(e.input);
}

/** Starts an import: the job is recorded (or the running one on the same inputs resumed) before this returns. */
export async function startImport(store: Store, inputs: ImportInput[], o: ImportOptions): Promise<ImportRun> {
  const list = entries(inputs);
  const names = list.map((e) => e.name);
  const resumed = o.resume === false ? null : await store.findResumableJob(names);
  const job = resumed !== null ? (await store.getImportJob(resumed))! : await store.createImportJob(names, o.actor);
  return { job, done: runJob(store, job, list, o) };
}

/** files per batch (one transaction): GONGKAI_IMPORT_BATCH, default 100 */
const batchSize = (): number => Math.max(1, Number(process.env.GONGKAI_IMPORT_BATCH ?? 100) || 100);
/** ms the writer waits for a batch to fill once its first file is parsed (Ahead.filled) */
const FILL_PATIENCE = 1000;
/** source bytes per batch (a batch of large PDFs is cut sooner) */
const BATCH_BYTES = 32 * 1024 * 1024;

/** A file of the job as the reader hands it to the writer: parsed, held already, unreadable, or an archive. */
interface Ready {
  item: ImportItem;
  name: string;
  bytes: Uint8Array | null;
  hash: string | null;
  /** the report already holding these bytes */
  held: number | null;
  outcome: ParseOutcome | null;
  loadError?: string;
  /** an archive: settled after its members, from theirs */
  members?: string[];
}

async function runJob(store: Store, job: ImportJob, list: Entry[], o: ImportOptions) {
  const pool = o.pool ?? createPool();
  const bodies = new BodyIndex((await store.listBodies({ limit: 1_000_000 })).items);
  const byName = new Map(job.items.map((i) => [i.name, i]));
  const seqOf = new Map<string, number>();
  const results: ItemResult[] = [];
  const totals: ImportTotals = { imported: 0, unchanged: 0, failed: 0, pending: 0 };
  // a resumed job: what was settled before counts as it was (archives count by their members)
  const settledBefore = job.items.filter((i) => i.status !== 'queued' && !isContainer(i));
  for (const i of settledBefore) {
    results.push({ name: i.name, status: i.status, reportId: i.reportId, error: i.error });
    totals[i.status as Exclude<ImportItemStatus, 'queued'>]++;
  }
  let total = job.items.filter((i) => !isContainer(i)).length;
  let done = settledBefore.length;
  const size = batchSize();
  // parsed ahead: two batches' worth, so the pool parses the next batch while the main thread writes one
  const ahead = new Ahead<Ready>(Math.max(2 * size, pool.threads * 4));
  const matchOptions = { year: o.year, region: o.region, bodyId: o.bodyId };

  // the reader: inputs loaded and hashed in input order; the files stored already are found a batch at a time
  // (one query) and not parsed; the others go to the pool
  const read = async (): Promise<void> => {
    let buffer: Ready[] = [];
    const flush = async (): Promise<boolean> => {
      const hashes = buffer.flatMap((r) => (r.hash && !r.members ? [r.hash] : []));
      const held = hashes.length ? await store.heldSources(hashes) : new Map<string, number>();
      for (const r of buffer) {
        const h = r.hash !== null ? held.get(r.hash) : undefined;
        const ready: Promise<Ready> = r.bytes === null || r.members || h !== undefined
          ? Promise.resolve({ ...r, held: h ?? null })
          : pool.run({ name: r.name, bytes: r.bytes }).then((outcome) => ({ ...r, outcome }),
            (e: unknown) => ({ ...r, outcome: { ok: false as const, error: message(e), errorEn: message(e) } }));
        if (!(await ahead.push(ready))) return false;
      }
      buffer = [];
      return true;
    };
    const add = (r: Ready): Promise<boolean> | boolean => (buffer.push(r) >= size ? flush() : true);
    const file = (item: ImportItem, name: string, bytes: Uint8Array): Ready =>
      ({ item, name, bytes, hash: sha256(bytes), held: null, outcome: null });
    for (const entry of list) {
      const item = byName.get(entry.name);
      if (!item || item.status !== 'queued' && !isContainer(item)) continue;
      let members: { name: string; bytes: Uint8Array }[];
      try {
        members = await load(entry);
      } catch (e) {
        // settled in its turn, so the items are recorded in input order
        if (!(await add({ item, name: entry.name, bytes: null, hash: null, held: null, outcome: null,
          loadError: message(e) }))) return;
        continue;
      }
      if (members.length === 1 && members[0].name === entry.name) {
        if (!(await add(file(item, entry.name, members[0].bytes)))) return;
        continue;
      }
      // an archive: its members become items of their own (kept when resuming), the archive an item that sums them
      const added = await store.addImportItems(job.id, members.filter((m) => !byName.has(m.name)).map((m) => m.name));
      for (const a of added) byName.set(a.name, a);
      total += added.length - (isContainer(item) ? 0 : 1); // the archive stands for its members from now on
      for (const m of members) {
        const mi = byName.get(m.name)!;
        if (mi.status === 'queued' && !(await add(file(mi, m.name, m.bytes)))) return;
      }
      if (!(await add({ item, name: entry.name, bytes: null, hash: null, held: null, outcome: null,
        members: members.map((m) => m.name) }))) return;
    }
    await flush();
  };

  // the writer: batches of parsed files in input order, each batch one transaction (store/import-batch.ts)
  const written = new Map<string, number>(); // hash → report, for the files this run stored
  type Plan = { settled: ImportBatchResult } | { match: Match; report: PackedReport; findings: Finding[] };
  const plan = (r: Ready): Plan => {
    const { outcome } = r;
    if (r.loadError !== undefined) return { settled: { status: 'failed', reportId: null, error: r.loadError } };
    const held = r.held ?? (r.hash !== null ? written.get(r.hash) : undefined);
    if (held != null) return { settled: { status: 'unchanged', reportId: held, error: null } };
    if (!outcome?.ok)
      return { settled: { status: 'failed', reportId: null, error: outcome && !outcome.ok
        ? `${outcome.error}（${outcome.errorEn}）` : 'no result' } };
    const match = matchReport(outcome.report.head, bodies, matchOptions);
    const report = match.pending
      ? withHead(outcome.report, { ...outcome.report.head, agencyCandidates: match.candidates }) : outcome.report;
    return { match, report, findings: outcome.findings };
  };
  const record = (r: Ready, res: ItemResult) => {
    r.item.status = res.status;
    if (r.hash !== null) r.item.hash = r.hash;
    if (r.hash !== null && res.reportId !== null && res.status !== 'failed') written.set(r.hash, res.reportId);
    seqOf.set(res.name, r.item.id);
    if (res.status !== 'queued') totals[res.status]++;
    results.push(res);
    done++;
    o.onItem?.(res, done, total);
  };
  const writeBatch = async (batch: { r: Ready; p: ReturnType<typeof plan> }[]) => {
    const matched = batch.flatMap(({ p }) => ('match' in p && !p.match.pending ? [p] : []));
    const cross = await forBatch(store, matched.map((p) => ({ bodyId: p.match.bodyId!, year: p.match.year!,
      report: p.report, findings: p.findings })));
    const crossOf = new Map(matched.map((p, i) => [p, cross[i]]));
    const entries: ImportBatchEntry[] = batch.map(({ r, p }) => {
      if ('settled' in p) return { itemId: r.item.id, hash: r.hash, settled: p.settled } satisfies ImportBatchEntry;
      const m = p.match;
      const c = crossOf.get(p);
      return { itemId: r.item.id, hash: r.hash, fast: !c?.existing && !c?.rechecks.length, rechecks: c?.rechecks ?? [],
        note: m.pending ? m.why : null, incoming: {
          report: p.report, findings: c?.findings ?? p.findings, bodyId: m.bodyId, year: m.year,
          source: { hash: r.hash!, name: r.name, bytes: r.bytes!, format: p.report.head.format },
          status: m.pending ? 'pending' : o.status ?? 'published', reason: m.pending ? `import: ${m.why}` : 'import',
        } };
    });
    const got = await store.writeImportBatch(job.id, entries, o.actor);
    batch.forEach(({ r }, i) => record(r, { name: r.name, ...got[i] }));
  };
  const write = async (): Promise<void> => {
    for (let head = await ahead.first(); head !== null; head = await ahead.first()) {
      if (head.members) {
        ahead.shift();
        const statuses = head.members.map((m) => byName.get(m)!.status);
        const agg: ImportItemStatus = (['imported', 'pending', 'unchanged'] as const)
          .find((s) => statuses.includes(s)) ?? 'failed';
        const error = `${CONTAINER}${head.members.length} 个文件 / archive of ${head.members.length} files`;
        await store.writeImportBatch(job.id, [{ itemId: head.item.id, hash: null,
          settled: { status: agg, reportId: null, error } }], o.actor);
        head.item.status = agg;
        head.item.error = error;
        continue;
      }
      // the parsed files at the head, up to a batch; cut before a file whose body or bytes the batch has already
      await ahead.filled(size, FILL_PATIENCE);
      const batch: { r: Ready; p: ReturnType<typeof plan> }[] = [];
      const bodiesIn = new Set<number>();
      const hashesIn = new Set<string>();
      let bytes = 0;
      for (let r = ahead.peek(); r && !r.members && batch.length < size && bytes < BATCH_BYTES; r = ahead.peek()) {
        const p = plan(r);
        const body = 'match' in p && !p.match.pending ? p.match.bodyId! : null;
        if (r.hash !== null && hashesIn.has(r.hash) || body !== null && bodiesIn.has(body)) break;
        ahead.shift();
        batch.push({ r, p });
        if (r.hash !== null) hashesIn.add(r.hash);
        if (body !== null) bodiesIn.add(body);
        bytes += r.bytes?.length ?? 0;
      }
      await writeBatch(batch);
    }
  };

  try {
    const reading = read().finally(() => ahead.close());
    const writing = write().catch((e: unknown) => {
      ahead.abort();
      throw e;
    });
    // both to their end before the pool closes (a writer still writing must not see its files' parses cancelled)
    const [r, w] = await Promise.allSettled([reading, writing]);
    if (r.status === 'rejected') throw r.reason;
    if (w.status === 'rejected') throw w.reason;
    await store.finishImportJob(job.id, 'done');
  } catch (e) {
    await store.finishImportJob(job.id, 'failed').catch(() => undefined);
    throw e;
  } finally {
    if (!o.pool) await pool.close();
  }
  results.sort((a, b) => (seqOf.get(a.name) ?? 0) - (seqOf.get(b.name) ?? 0)); // input order, whatever the timing
  return { jobId: job.id, totals, items: results };
}

const CONTAINER = '压缩包，含 ';
const isContainer = (i: ImportItem): boolean => (i.error ?? '').startsWith(CONTAINER);

/** Runs an import to the end (the CLI's way). */
export async function runImport(store: Store, inputs: ImportInput[], o: ImportOptions) {
  const run = await startImport(store, inputs, o);
  return run.done;
}
