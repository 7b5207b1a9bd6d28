// The library's main entry: a file or bytes → a recognised report (and its parse record).
import type { ParseRecord, Report } from './model/report.js';
import { readBytes, readPath, type ReadResult } from './readers/index.js';
import { recognise } from './recognise/index.js';
import { toSimplifiedChinese } from './text/traditional.js';

function finish(r: ReadResult): Report {
  const report = recognise(r.doc);
  if (r.traditional) {
    // report agency and title as printed (繁体): the conversion is character for character, so the same
    // position in the original line holds the printed form
    report.agency = asPrinted(r.text, report.agency);
    report.title = asPrinted(r.text, report.title);
  }
  return report;
}

function asPrinted(original: string, simplified: string | null): string | null {
  if (!simplified) return simplified;
  for (const line of original.split('\n')) {
    const squeezed = line.replace(/\s+/g, '');
    const at = toSimplifiedChinese(squeezed).indexOf(simplified);
    if (at >= 0) return squeezed.slice(at, at + simplified.length);
  }
  return simplified;
}

export async function parseFile(path: string): Promise<Report> {
  return finish(await readPath(path));
}

/** The report and the decoded text it was read from (to show the source line a finding points at). */
export async function loadReport(path: string): Promise<{ report: Report; text: string }> {
  const r = await readPath(path);
  return { report: finish(r), text: r.text };
}

/** As loadReport, for bytes already in hand (e.g. a member of an archive). */
export async function loadBytes(bytes: Uint8Array, name: string): Promise<{ report: Report; text: string }> {
  const r = await readBytes(bytes, name);
  return { report: finish(r), text: r.text };
}

export async function parseBytes(bytes: Uint8Array, name: string): Promise<Report> {
  return finish(await readBytes(bytes, name));
}

/** The JSON Lines record of shared/spec/cells-format.md (plus sources, narrative and diagnostics). */
export function toParseRecord(report: Report): ParseRecord {
  const cells: Record<string, number | null> = {};
  const sources: NonNullable<ParseRecord['sources']> = {};
  // a plain loop and assignments, not Object.entries and spreads: this runs for every cell of every record that
  // `parse --json` prints, and the spread form cost as much as reading the report (0.5 ms against 0.06 ms each)
  for (const k of Object.keys(report.cells)) {
    const c = report.cells[k];
    cells[k] = c.value;
    const source: NonNullable<ParseRecord['sources']>[string] = Object.assign({}, c.source, { how: c.how, raw: c.raw });
    if (c.reason) source.reason = c.reason;
    sources[k] = source;
  }
  const narrative: Record<string, number> = {};
  for (const n of report.narrative) if (!(n.key in narrative)) narrative[n.key] = n.value;
  return {
    file: report.file, agency: report.agency, year: report.year, template: report.template, tables: report.tables,
    cells, title: report.title, format: report.format, encoding: report.encoding, truncated: report.truncated,
    yearFrom: report.yearFrom ?? null, agencyFrom: report.agencyFrom ?? null,
    agencyCandidates: report.agencyCandidates ?? [],
    narrative, diagnostics: report.diagnostics, sources,
  };
}
