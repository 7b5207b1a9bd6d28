// The import pipeline: inputs (files, folders, globs, ZIP archives, URLs, uploaded bytes) → a job whose items are
// recorded in the database → each file hashed (a file already stored is 'unchanged' without parsing), parsed and
// checked in the worker pool, matched to its body and year (or left 待确认), checked against the body's
// neighbouring years, and stored in one transaction. Files are parsed ahead in parallel and stored in input order,
// so a run gives the same database whatever the timing; a killed run resumed finishes as an uninterrupted one.
import { InputError } from '../errors.js';
import type { ImportItem, ImportItemStatus, ImportJob, ImportTotals, ReportStatus } from '../model/api.js';
import { expandInputs } from '../cli/inputs.js';
import { expandFile } from '../readers/index.js';
import { expandArchive, isArchive } from '../readers/zip.js';
import type { Actor, Store } from '../store/types.js';
import { findingsWithPrevious, recheckNextYear } from './cross-year.js';
import { BodyIndex, matchReport } from './match.js';
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

  const settle = async (item: ImportItem, r: ItemResult, counted: boolean) => {
    seqOf.set(r.name, item.id);
    await store.updateImportItem(job.id, item.id, { status: r.status, reportId: r.reportId, error: r.error,
      hash: item.hash });
    if (!counted) return;
    if (r.status !== 'queued') totals[r.status]++;
    results.push(r);
    done++;
    o.onItem?.(r, done, total);
  };

  // parse ahead (a window of files in the pool), store in input order — on PostgreSQL several at once, as long as
  // no two of them touch the same body (its neighbouring years) or the same file
  type Ready = { item: ImportItem; name: string; bytes: Uint8Array; hash: string; held: number | null;
    outcome: ParseOutcome | null; loadError?: string };
  const window: Promise<Ready>[] = [];
  const depth = Math.max(2, pool.threads * 3);

  const concurrency = store.kind === 'postgres' ? Number(process.env.GONGKAI_IMPORT_WRITERS ?? 4) : 1;
  const running = new Set<Promise<void>>();
  const busy = new Map<string, Promise<void>>();
  const commit = async (ready: Ready) => {
    const m = ready.outcome?.ok && ready.held === null
      ? matchReport(ready.outcome.report, bodies, { year: o.year, region: o.region, bodyId: o.bodyId }) : null;
    const keys = [`h:${ready.hash}`, ...(m && !m.pending ? [`b:${m.bodyId}`] : [])];
    for (let k = keys.find((x) => busy.has(x)); k; k = keys.find((x) => busy.has(x))) await busy.get(k);
    while (running.size >= concurrency) await Promise.race(running);
    const p: Promise<void> = store1(ready, m).finally(() => {
      running.delete(p);
      for (const k of keys) if (busy.get(k) === p) busy.delete(k);
    });
    running.add(p);
    for (const k of keys) busy.set(k, p);
  };
  const drain = async () => {
    while (window.length) await commit(await window.shift()!);
    await Promise.all(running);
  };

  const store1 = async (ready: Ready, match: ReturnType<typeof matchReport> | null) => {
    const { item, name, bytes, hash, held, outcome } = ready;
    if (ready.loadError !== undefined)
      return settle(item, { name, status: 'failed', reportId: null, error: ready.loadError }, true);
    item.hash = hash;
    if (held !== null) return settle(item, { name, status: 'unchanged', reportId: held, error: null }, true);
    if (!outcome?.ok)
      return settle(item, { name, status: 'failed', reportId: null, error: outcome && !outcome.ok
        ? `${outcome.error}（${outcome.errorEn}）` : 'no result' }, true);
    try {
      const m = match ?? matchReport(outcome.report, bodies, { year: o.year, region: o.region, bodyId: o.bodyId });
      const report = m.pending ? { ...outcome.report, agencyCandidates: m.candidates } : outcome.report;
      const findings = m.pending ? outcome.findings
        : await findingsWithPrevious(store, m.bodyId!, m.year!, report, outcome.findings);
      const saved = await store.saveImported({
        report, findings, source: { hash, name, bytes, format: report.format }, bodyId: m.bodyId, year: m.year,
        status: m.pending ? 'pending' : o.status ?? 'published', reason: m.pending ? `import: ${m.why}` : 'import',
      }, o.actor);
      if (saved.outcome === 'imported') await recheckNextYear(store, m.bodyId!, m.year!, report, o.actor);
      await settle(item, { name, status: saved.outcome, reportId: saved.reportId, error: m.pending ? m.why : null },
        true);
    } catch (e) {
      await settle(item, { name, status: 'failed', reportId: null, error: message(e) }, true);
    }
  };

  const enqueue = async (item: ImportItem, name: string, bytes: Uint8Array) => {
    const hash = sha256(bytes);
    const held = await store.hasSource(hash);
    const ready: Promise<Ready> = held !== null
      ? Promise.resolve({ item, name, bytes, hash, held, outcome: null })
      : pool.run({ name, bytes }).then((outcome) => ({ item, name, bytes, hash, held, outcome }),
        (e: unknown) => ({ item, name, bytes, hash, held, outcome: { ok: false as const, hash, error: message(e),
          errorEn: message(e) } }));
    window.push(ready);
    while (window.length >= depth) await commit(await window.shift()!);
  };

  try {
    for (const entry of list) {
      const item = byName.get(entry.name);
      if (!item || item.status !== 'queued' && !isContainer(item)) continue;
      let members: { name: string; bytes: Uint8Array }[];
      try {
        members = await load(entry);
      } catch (e) {
        // settled in its turn, so the items are recorded in input order
        window.push(Promise.resolve({ item, name: entry.name, bytes: new Uint8Array(0), hash: '', held: null,
          outcome: null, loadError: message(e) }));
        continue;
      }
      if (members.length === 1 && members[0].name === entry.name) {
        await enqueue(item, entry.name, members[0].bytes);
        continue;
      }
      // an archive: its members become items of their own (kept when resuming), the archive an item that sums them
      const added = await store.addImportItems(job.id, members.filter((m) => !byName.has(m.name)).map((m) => m.name));
      for (const a of added) byName.set(a.name, a);
      total += added.length - (isContainer(item) ? 0 : 1); // the archive stands for its members from now on
      for (const m of members) {
        const mi = byName.get(m.name)!;
        if (mi.status === 'queued') await enqueue(mi, m.name, m.bytes);
      }
      await drain();
      const statuses = members.map((m) => byName.get(m.name)!.status);
      const agg: ImportItemStatus = (['imported', 'pending', 'unchanged'] as const)
        .find((s) => statuses.includes(s)) ?? 'failed';
      await settle(item, { name: entry.name, status: agg, reportId: null,
        error: `${CONTAINER}${members.length} 个文件 / archive of ${members.length} files` }, false);
      item.status = agg;
      item.error = CONTAINER;
    }
    await drain();
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
