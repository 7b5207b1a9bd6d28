// The recogniser: document model → report model. Sections, title/agency/year, template version, the three
// tables (via the label catalogue and the row assembler) and the narrative figures.
import type { GDocument } from '../document/model.js';
import type { Cell, Diagnostic, Report } from '../model/report.js';
import { tableGroupOf, type TableGroup } from '../model/template.js';
import { assembleTable } from './assemble.js';
import { extraRowDiagnostics } from './extra-rows.js';
import { findMetadata } from './metadata.js';
import { findNarrative } from './narrative.js';
import { findSections } from './sections.js';
import { SqueezedLines } from './lines.js';
import { tokenRows, type Token } from './tokens.js';
import { decideVersion } from './version.js';
import { walkTables, type TableEvent, type Walk } from './walk.js';

const TABLE_ORDER: Record<string, string[]> = {
  '2019': ['art20_1', 'art20_5', 'art20_6', 'art20_8', 'art20_9', 'applications', 'reviewLitigation'],
  '2021': ['art20_1', 'art20_5', 'art20_6', 'art20_8', 'applications', 'reviewLitigation'],
};

export function recognise(doc: GDocument): Report {
  const rows = tokenRows(doc);
  const sections = findSections(rows);
  // the rows squeezed, once for the metadata, year and narrative finders
  const lines = new SqueezedLines(rows);
  const meta = findMetadata(rows, lines);
  const walk = walkTables(rows);
  const tables = tablesPrinted(walk);
  const anyTable = tables.active || tables.applications || tables.review;
  const { version, evidence, diagnostics: versionDiags } = decideVersion(walk, meta.year, anyTable);
  // loops, not a spread of notes.map(): an optimised .map makes a holey array where the unoptimised one made a
  // packed one, and the spread's code deoptimised on meeting the other kind (valuesOf in tokens.ts says more)
  const diagnostics: Diagnostic[] = [];
  for (const d of versionDiags) diagnostics.push(d);
  for (const n of doc.notes) {
    diagnostics.push({
      code: n.code, severity: 'warning', message: n.message, messageEn: n.messageEn, source: n.pos,
    });
  }
  diagnostics.push(...extraRowDiagnostics(rows));
  const cells: Record<string, Cell> = {};
  const cutAt = lastTokenIfCut(rows, sections);
  const narrative = findNarrative(rows, sections, lines);
  const proseReviews = narrative.find((n) => n.key === 'reviews')?.value;
  if (version) {
    const byTable = eventsByTable(walk.events);
    for (const t of TABLE_ORDER[version]) {
      const events = byTable.get(t);
      if (!events) continue;
      const { cells: got, diagnostics: d } = assembleTable(version, t, events, cutAt, proseReviews);
      addCells(cells, got);
      diagnostics.push(...d);
    }
  }
  const lastSection = sections.filter((s) => s.source).pop();
  return {
    file: doc.source.name,
    format: doc.source.format,
    encoding: doc.source.encoding,
    title: meta.title,
    agency: meta.agency,
    year: meta.year,
    template: version,
    layoutEvidence: evidence,
    sections,
    tables,
    cells,
    narrative,
    diagnostics,
    // section 六 may share a line with 五 in a scrape; its heading anywhere after 五 means the text is whole
    truncated: !(lastSection?.no === 6 || (lastSection?.no === 5 && rows.some((r) => /六、其他需要报告的事项/.test(r.text)))),
    yearFrom: meta.yearFrom,
    agencyFrom: meta.agencyFrom,
    agencyCandidates: meta.agencyCandidates,
    yearStatements: meta.yearStatements,
  };
}

// The loops over a report's events and cells are functions of their own: V8 compiles a small hot function soon and
// cheaply, where these loops inside recognise() made it hot enough to be compiled whole late in a batch (~40 ms of
// compile in a 2,000-report `check`, at the 1,700th report, too late to pay back: `node --trace-opt`). The same
// holds for the other functions split off for this (bench/corpus-throughput.mjs measures the batch).

/** Which table groups the text shows: captions, headers or labels seen, or values printed. */
function tablesPrinted(walk: Walk): Record<TableGroup, boolean> {
  const tables: Record<TableGroup, boolean> = { active: false, applications: false, review: false };
  // the walker names section 二's table by its group ('active') when only its header survives a cut
  for (const t of walk.seen) tables[t === 'active' ? 'active' : tableGroupOf(t)] = true;
  for (const e of walk.events) if (e.numbers.length) tables[tableGroupOf(e.table)] = true;
  return tables;
}

/** The events of each table, in order. */
function eventsByTable(events: TableEvent[]): Map<string, TableEvent[]> {
  const byTable = new Map<string, TableEvent[]>();
  for (const e of events) {
    const list = byTable.get(e.table);
    if (list) list.push(e);
    else byTable.set(e.table, [e]);
  }
  return byTable;
}

function addCells(cells: Record<string, Cell>, got: Cell[]): void {
  for (const c of got) cells[c.key] = c;
}

/** The last token of a text that stops before section 六 (a cut page), else null. */
function lastTokenIfCut(
  rows: ReturnType<typeof tokenRows>, sections: ReturnType<typeof findSections>,
): Token['pos'] | null {
  if (sections[5]?.source) return null;
  const last = rows[rows.length - 1]?.tokens;
  return last && last.length ? last[last.length - 1].pos : null;
}
