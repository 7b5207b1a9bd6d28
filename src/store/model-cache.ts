// The report page's model, kept per process for the versions read most recently. A stored version never changes
// (a change is a new version), so an entry keyed by report, version and the version row's creation time is valid
// for as long as it is kept, in every process sharing the database: there is nothing to invalidate. Bounded by
// count (a model is ~60 KB of JSON, a few hundred KB parsed), least recently read first out.
//
// Why: reading the page's 60 KB model from the database and parsing it is most of getReport (bench/load.mjs: CPU per
// request on PGlite, with and without — see the note in getReport). GET /api/reports/:id itself no longer goes
// through it: the server keeps that answer's model part serialised (src/server/report-answer.ts).
import { LRUCache } from 'lru-cache';
import type { Report } from '../model/report.js';
import type { Db } from './context.js';

/** entries per database handle */
export const MODEL_CACHE_ENTRIES = 256;

/** The kept models of one database handle (lru-cache: least recently read out first). */
type ModelCache = LRUCache<string, Report>;

// one cache per database handle: a transaction's handle gets its own, dropped with it, so a version written in a
// transaction that is rolled back is never served afterwards
const caches = new WeakMap<Db, ModelCache>();

export function modelCache(db: Db): ModelCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new LRUCache<string, Report>({ max: MODEL_CACHE_ENTRIES })));
  return c;
}

/** The cache key of a stored version. */
export const versionKey = (reportId: number, version: number, createdAt: Date | string): string =>
  `${reportId}:${version}:${createdAt instanceof Date ? createdAt.toISOString() : createdAt}`;
