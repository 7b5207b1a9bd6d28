// A worker for bench/import.mjs's strictest baseline: parse + check one file and hand back only whether it parsed
// (the import's own worker also packs the model and sends it to the main thread: import work, not parse+check).
// The build is bench/import.mjs's --dist (workerData), dist/ by default.
import { workerData } from 'node:worker_threads';

const dist = workerData?.dist ?? new URL('../../dist/', import.meta.url).href;
const { parseBytes } = await import(new URL('parse.js', dist).href);
const { checkReport } = await import(new URL('rules/index.js', dist).href);

export default async function parseCheck({ name, bytes }) {
  try {
    checkReport(await parseBytes(bytes, name));
    return true;
  } catch {
    return false;
  }
}
