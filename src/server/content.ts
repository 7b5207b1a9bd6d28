// Turning what a person typed (a saved draft, cell corrections) into the engine's Report, so that the very same
// rules check it as check an imported file. Unknown cell or section keys are bad input, not silently dropped.
import type { CellCorrection, DraftContent } from '../model/api.js';
import type { Cell, Finding, Report } from '../model/report.js';
import { TEMPLATES, allCellKeys, splitCellKey, tableGroupOf } from '../model/template.js';
import { checkReport } from '../rules/index.js';
import type { Store } from '../store/types.js';
import { badRequest } from './errors.js';

function validKeys(report: Report): Set<string> {
  const keys = new Set(report.template ? allCellKeys(report.template) : []);
  for (const k of Object.keys(report.cells)) keys.add(k); // what the engine read (e.g. outcome.other) stays valid
  return keys;
}

function typedCell(key: string, value: number | null, before: Cell | undefined): Cell {
  const { table, row, column } = splitCellKey(key);
  return { key, table, row, column, value, raw: value === null ? '' : String(value),
    source: before?.source ?? { line: 0, column: 0 }, how: 'direct', reason: { zh: '人工填写', en: 'entered by hand' } };
}

function withTables(report: Report): Report {
  const tables = { ...report.tables };
  for (const c of Object.values(report.cells)) tables[tableGroupOf(c.table)] = true;
  return { ...report, tables };
}

/** The draft's whole content replaces the report's sections texts and cells. */
export function applyDraft(report: Report, content: DraftContent): Report {
  const keys = validKeys(report);
  const bad = Object.keys(content.cells).filter((k) => !keys.has(k));
  if (bad.length) throw badRequest(`unknown cell keys: ${bad.slice(0, 5).join(', ')}`);
  const texts = new Map(content.sections.map((s) => [s.key, s.text]));
  // a draft made from the template starts with no sections: the template's six may be written into it
  const defs = report.template ? TEMPLATES[report.template].sections : [];
  const absent = defs.filter((d) => !report.sections.some((s) => s.key === d.key))
    .map((d) => ({ no: d.no, key: d.key, title: d.title, text: '', source: null }));
  const all = [...report.sections, ...absent].sort((a, b) => a.no - b.no);
  const unknown = [...texts.keys()].filter((k) => !all.some((s) => s.key === k));
  if (unknown.length) throw badRequest(`unknown section keys: ${unknown.join(', ')}`);
  // a typed section with text counts as found (its position is the form's, not a source line)
  const sections = all.map((s) => (texts.has(s.key)
    ? { ...s, text: texts.get(s.key) ?? '', source: s.source ?? (texts.get(s.key) ? { line: 0, column: 0 } : null) }
    : s));
  const cells: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(content.cells)) cells[k] = typedCell(k, v, report.cells[k]);
  return withTables({ ...report, sections, cells });
}

/** Corrections change the named cells only. */
export function applyCorrections(report: Report, changes: CellCorrection[]): Report {
  const keys = validKeys(report);
  const bad = changes.filter((c) => !keys.has(c.key)).map((c) => c.key);
  if (bad.length) throw badRequest(`unknown cell keys: ${bad.slice(0, 5).join(', ')}`);
  const cells = { ...report.cells };
  for (const c of changes) cells[c.key] = typedCell(c.key, c.value, report.cells[c.key]);
  return withTables({ ...report, cells });
}

/** The rules over the report, with the body's previous year when it is stored (cross-year checks). */
export async function checkStored(store: Store, report: Report, bodyId: number | null, year: number | null):
  Promise<Finding[]> {
  let previous: Report | undefined;
  if (bodyId !== null && year !== null) {
    const prev = await store.findReport(bodyId, year - 1);
    if (prev) previous = (await store.getReportModel(prev.id)) ?? undefined;
  }
  return checkReport(report, previous);
}
