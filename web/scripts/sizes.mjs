// Each route's first-load JavaScript, gzip-compressed: the shell entry plus the route's chunk and every chunk
// they import statically (dynamic imports — other routes, pdf.js — load later). Reads dist/web/.vite/manifest.json.
// Usage: node web/scripts/sizes.mjs [--json]
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8'));
const gz = new Map();
const size = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(dist + file), { level: 9 }).length);
  return gz.get(file);
};
function closure(key, seen = new Set()) {
  const e = manifest[key];
  if (!e || seen.has(e.file)) return seen;
  seen.add(e.file);
  for (const imp of e.imports ?? []) closure(imp, seen);
  return seen;
}
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const shell = closure(entryKey);
const rows = [];
for (const [key, e] of Object.entries(manifest)) {
  const m = /pages\/([^/]+)\/index\.tsx$/.exec(key);
  if (!m || !e.isDynamicEntry) continue;
  const files = closure(key, new Set(shell));
  const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + size(f), 0);
  rows.push({ route: m[1], firstLoadGzipKB: +(bytes / 1024).toFixed(1), routeOnlyGzipKB: +([...closure(key)].filter((f) => !shell.has(f)).reduce((n, f) => n + size(f), 0) / 1024).toFixed(1) });
}
rows.sort((a, b) => b.firstLoadGzipKB - a.firstLoadGzipKB);
const shellKB = +([...shell].reduce((n, f) => n + size(f), 0) / 1024).toFixed(1);
if (process.argv.includes('--json')) console.log(JSON.stringify({ shellKB, rows }));
else {
  console.log(`shell (entry + static imports): ${shellKB} KB gzip`);
  for (const r of rows) console.log(`${r.route.padEnd(10)} first load ${String(r.firstLoadGzipKB).padStart(7)} KB   route-only ${r.routeOnlyGzipKB} KB`);
}
