// Each route's first-load JavaScript, gzip-compressed: the shell entry, the shell's own lazy parts (the region
// tree, loaded beside every page), the route's chunk and every chunk they import statically (other dynamic
// imports — other routes, pdf.js — load later). Reads dist/web/.vite/manifest.json.
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
// parts of the shell it loads lazily on every page (the region tree): counted in every route's first load
const shellLazy = (manifest[entryKey].dynamicImports ?? []).filter((k) => !/pages\//.test(k));
const everyPage = new Set(shell);
for (const k of shellLazy) closure(k, everyPage);
const rows = [];
for (const [key, e] of Object.entries(manifest)) {
  const m = /pages\/([^/]+)\/index\.tsx$/.exec(key);
  if (!m || !e.isDynamicEntry) continue;
  const files = closure(key, new Set(everyPage));
  const bytes = [...files].filter((f) => f.endsWith('.js')).reduce((n, f) => n + size(f), 0);
  const own = [...closure(key)].filter((f) => !shell.has(f)).reduce((n, f) => n + size(f), 0);
  rows.push({ route: m[1], firstLoadGzipKB: +(bytes / 1024).toFixed(1), routeOnlyGzipKB: +(own / 1024).toFixed(1) });
}
rows.sort((a, b) => b.firstLoadGzipKB - a.firstLoadGzipKB);
const shellKB = +([...shell].reduce((n, f) => n + size(f), 0) / 1024).toFixed(1);
if (process.argv.includes('--json')) console.log(JSON.stringify({ shellKB, rows }));
else {
  const lazyKB = +([...everyPage].filter((f) => !shell.has(f)).reduce((n, f) => n + size(f), 0) / 1024).toFixed(1);
  console.log(`shell (entry + static imports): ${shellKB} KB gzip; + ${lazyKB} KB loaded beside every page`);
  for (const r of rows)
    console.log(`${r.route.padEnd(10)} first load ${String(r.firstLoadGzipKB).padStart(7)} KB   ` +
      `route-only ${r.routeOnlyGzipKB} KB`);
}
