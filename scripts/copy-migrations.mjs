#!/usr/bin/env node
// Build step: the store's SQL migrations beside the compiled store (dist/store/migrations/), so the packed package
// (which has no src/) applies them on start. tsc copies no .sql files. The target is emptied first: a migration
// renamed or removed in src/ does not live on in dist/.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'src', 'store', 'migrations');
const to = join(root, 'dist', 'store', 'migrations');
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
const files = readdirSync(from).filter((f) => f.endsWith('.sql'));
for (const f of files) copyFileSync(join(from, f), join(to, f));
console.log(`copied ${files.length} migrations to dist/store/migrations`);
