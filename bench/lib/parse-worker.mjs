// A worker for bench/import.mjs's strictest baseline: parse + check one file and hand back only whether it parsed
// (the import's own worker also packs the model and sends it to the main thread: import work, not parse+check).
const { parseBytes } = await import('../../dist/parse.js');
const { checkReport } = await import('../../dist/rules/index.js');

export default async function parseCheck({ name, bytes }) {
  try {
    checkReport(await parseBytes(bytes, name));
    return true;
  } catch {
    return false;
  }
}
