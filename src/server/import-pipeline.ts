// The default Importer: the import pipeline of src/import (startImport records the job, or resumes the running
// one on the same inputs, before it returns; the files are parsed in the worker pool and stored in the background).
// An editor's upload enters as a draft of the editor's own body (ImportOptions.bodyId).
import { startImport, type ImportInput as PipelineInput } from '../import/pipeline.js';
import type { Importer } from './importer.js';

export const pipelineImporter: Importer = {
  async start(store, input, actor) {
    const inputs: PipelineInput[] = [...(input.files ?? []), ...(input.urls ?? [])];
    let region = input.region ?? null;
    if (input.bodyId) region = (await store.getBody(input.bodyId))?.regionCode ?? region;
    // an editor's upload is filed under the editor's own body, never matched elsewhere by the name it prints
    const run = await startImport(store, inputs, { actor, year: input.year ?? null, region,
      bodyId: input.bodyId ?? null, status: input.bodyId ? 'draft' : input.status });
    // the job's outcome is recorded in the store (GET /api/imports/:id); a crash of the run is logged, not thrown
    run.done.catch((e: unknown) => process.stderr.write(`gongkai: import job ${run.job.id} failed: ${String(e)}\n`));
    return run.job;
  },
};
