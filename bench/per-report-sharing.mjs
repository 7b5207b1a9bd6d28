#!/usr/bin/env node
// Benchmark behind two per-report objects the engine hands around (no assertions, figures for the notes):
// - rules: ReportRelations (src/rules/lib/evaluate.ts) — checkReport's one RuleContext shared by every rule, so each
//   relation is evaluated once, against each rule given a context of its own (every relation rule then builds its
//   own: more work than before the context existed, so this shows what sharing saves, not old against new);
// - recogniser: SqueezedLines (src/recognise/lines.ts) — one per report for the metadata, year and narrative
//   finders, against one per finder (each squeezes its lines again). Session 10: no difference measured.
// In-process, warm, CPU time per report, the two ways alternating; reports parsed from a directory (default: the
// corpus texts under ../shared/corpus, else 300 generated reports).
//   npm run build && node bench/per-report-sharing.mjs [--dir DIR] [--rounds 40]
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.GONGKAI_DIST ?? join(root, 'dist');
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const rounds = Number(opt('rounds', '40'));
const { parseBytes, checkReport, ALL_RULES, writeCorpus, readBytes } = await import(join(dist, 'index.js'));
const { withCellKeys } = await import(join(dist, 'model', 'memo.js'));
const { tokenRows } = await import(join(dist, 'recognise', 'tokens.js'));
const { findSections } = await import(join(dist, 'recognise', 'sections.js'));
const { findMetadata } = await import(join(dist, 'recognise', 'metadata.js'));
const { findNarrative } = await import(join(dist, 'recognise', 'narrative.js'));
const { SqueezedLines } = await import(join(dist, 'recognise', 'lines.js'));

const shared = join(root, '..', 'shared', 'corpus');
let dir = opt('dir', null);
let temp = null;
if (!dir) {
  const dirs = [join(shared, 'seeds'), join(shared, 'dev', 'reports')].filter((d) => existsSync(d));
  if (dirs.length) dir = dirs;
  else {
    temp = mkdtempSync(join(tmpdir(), 'gongkai-sharing-'));
    writeCorpus(temp, { count: 300, seed: 7, damage: ['inconsistent', 'blanks'], damageRate: 0.3 });
    dir = [temp];
  }
} else dir = [dir];
const files = dir.flatMap((d) => readdirSync(d).filter((f) => !f.endsWith('.json') && !f.endsWith('.md'))
  .map((f) => join(d, f)));
const reports = [];
const rowsOf = [];
for (const f of files) {
  const bytes = readFileSync(f);
  reports.push(await parseBytes(bytes, f));
  rowsOf.push(tokenRows((await readBytes(bytes, f)).doc));
}
if (temp) rmSync(temp, { recursive: true, force: true });

const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const ways = {
  'rules, one shared context (checkReport)': () => {
    for (const report of reports) checkReport({ ...report, cells: { ...report.cells } });
  },
  'rules, a context per rule': () => {
    // checkReport's work with every rule given a fresh context (the merge and sort left out: a small share)
    for (const r of reports) {
      const report = { ...r, cells: { ...r.cells } };
      withCellKeys(report, () => ALL_RULES.flatMap((rule) => rule.check({ report })));
    }
  },
  'finders, one SqueezedLines': () => {
    for (const rows of rowsOf) {
      const lines = new SqueezedLines(rows);
      findMetadata(rows, lines);
      findNarrative(rows, findSections(rows), lines);
    }
  },
  'finders, one per finder': () => {
    for (const rows of rowsOf) {
      findMetadata(rows);
      findNarrative(rows, findSections(rows));
    }
  },
};
const times = Object.fromEntries(Object.keys(ways).map((k) => [k, 0]));
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? Object.entries(ways) : Object.entries(ways).reverse();
  for (const [k, fn] of order) {
    const t = cpu();
    fn();
    if (r >= rounds / 4) times[k] += cpu() - t; // the first quarter warms up
  }
}
const n = reports.length * (rounds - Math.ceil(rounds / 4));
console.log(`${reports.length} reports from ${dir.join(', ')} · ${rounds} rounds · CPU µs per report`);
for (const [k, t] of Object.entries(times)) console.log(`${k.padEnd(42)} ${(t / n).toFixed(1)}`);
