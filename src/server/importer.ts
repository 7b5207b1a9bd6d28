// How the imports route starts a job: the store engineer's import pipeline (src/import) behind one small
// interface, so that the route stays the same whatever the pipeline's internals, and tests can count on a job
// being recorded in the store before the answer leaves.
import type { ImportJob } from '../model/api.js';
import type { Actor, Store } from '../store/types.js';

export interface ImportInput {
  files?: { name: string; bytes: Uint8Array }[];
  urls?: string[];
  /** an editor's import is filed under its own body */
  bodyId?: number | null;
  year?: number;
  region?: string;
  /** files a body filed with the office for review enter as submitted (default: imported reports are published) */
  status?: 'submitted';
}

export interface Importer {
  /** records the job and starts it in the background; answers with the job as recorded */
  start(store: Store, input: ImportInput, actor: Actor): Promise<ImportJob>;
}
