// GET /api/reports/:id written as JSON text joined from the three runs of ReportDetailOut (response-schemas.ts):
// its head and tail serialised per request (status, dates, findings with their decisions, actions: they change
// without a new version), its model's run — tables, cells with their provenance, sections, narrative: ~57 KB of
// the ~60 KB answer — serialised once per stored version and kept. A stored version never changes (a change is a
// new version), so a run kept under its version key (report, version, the version row's creation time: the store's
// ReportHead) is valid for as long as it is kept, in every process sharing the database: nothing to invalidate.
// Bounded by size, least recently read first out. The joined text is byte for byte what fastify's serialiser
// writes for the whole detail (test/server-report-answer.test.ts).
//
// Why (bench/endpoints.mjs, in-process CPU per request against the build before, and bench/load.mjs): the store
// no longer reads, inflates and rebuilds the model's ~200 cell objects and the serialiser no longer walks them on
// every request; a kept run is one buffer off the JS heap, not a few hundred KB of objects for the GC to trace.
import { LRUCache } from 'lru-cache';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReportDetail } from '../model/api.js';
import type { ReportHead } from '../store/types.js';
import { notFound } from './errors.js';
import { ReportDetailParts } from './response-schemas.js';

// the runs' schemas (fastify's compiler compiles each once per route: it keys them by the object)
const { head: HEAD, model: MODEL, tail: TAIL } = ReportDetailParts;

/** what is kept of a version: the head's fields from the model, and the model's run as UTF-8 JSON text (the
 * inside of its object: no braces) — half the size of a JS string of it (its Chinese makes that two bytes a
 * character), and written to the socket as it is */
interface Kept {
  format: string;
  encoding: string;
  truncated: boolean;
  run: Buffer;
}

/**
 * Kept runs by version key, least recently read first out (lru-cache), `budget` bytes of them at most; a budget of 0
 * keeps none, and a run larger than the budget is not kept.
 */
export class RunCache {
  private readonly lru: LRUCache<string, Kept> | null;

  constructor(readonly budget: number) {
    this.lru = budget > 0
      ? new LRUCache<string, Kept>({ maxSize: budget, sizeCalculation: (kept) => Math.max(1, kept.run.byteLength) })
      : null;
  }

  get(key: string): Kept | undefined {
    return this.lru?.get(key);
  }

  set(key: string, kept: Kept): void {
    if (kept.run.byteLength <= this.budget) this.lru?.set(key, kept);
  }

  get entries(): number {
    return this.lru?.size ?? 0;
  }
}

/** The head of a report the user may read, with the actions it may take now (as reportFor gives them). */
async function readableHead(req: FastifyRequest, id: number): Promise<ReportHead> {
  const head = await req.server.store.getReportHead(id);
  if (!head) throw notFound(`no report ${id}`);
  const access = await req.access();
  // a report the user may not read is "not found": its existence is not disclosed
  if (!access.can('read', head.detail)) throw notFound(`no report ${id}`);
  head.detail.actions = access.actions(head.detail);
  return head;
}

/** The report's detail as UTF-8 JSON (ReportDetailOut), its model's run from `cache` when kept. */
export async function reportAnswer(req: FastifyRequest, reply: FastifyReply, id: number, cache: RunCache):
  Promise<Buffer> {
  const head = await readableHead(req, id);
  let kept = cache.get(head.versionKey);
  if (!kept) {
    const m = await req.server.store.getReportModel(id, head.version);
    if (!m) throw notFound(`no report ${id}`); // the version went in between (a reset): as if it were not there
    const model: Pick<ReportDetail, 'tables' | 'cells' | 'sections' | 'narrative'> =
      { tables: m.tables, cells: m.cells, sections: m.sections, narrative: m.narrative };
    kept = { format: m.format, encoding: m.encoding, truncated: m.truncated,
      run: Buffer.from(reply.compileSerializationSchema(MODEL)(model).slice(1, -1)) };
    cache.set(head.versionKey, kept);
  }
  const d = head.detail;
  const headText = reply.compileSerializationSchema(HEAD)(
    { ...d, format: kept.format, encoding: kept.encoding, truncated: kept.truncated });
  const tailText = reply.compileSerializationSchema(TAIL)(d);
  // each run is a JSON object with at least one property: joined, they are the one object of all three
  return Buffer.concat([Buffer.from(`${headText.slice(0, -1)},`), kept.run, Buffer.from(`,${tailText.slice(1)}`)]);
}
