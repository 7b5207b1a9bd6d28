// The engine's Report from what the API sends (ReportDetail) or what the authoring form holds, so the model's
// checkReport can run in the browser exactly as on the server.
import {
  isSourceFormat, splitCellKey, tableGroupOf,
  type Cell, type Report, type ReportDetail, type TableGroup, type TemplateVersion,
} from '../model';

export function reportOfDetail(d: ReportDetail): Report {
  return {
    file: d.source?.name ?? `report-${d.id}`, format: isSourceFormat(d.format) ? d.format : 'form',
      encoding: d.encoding, title: d.title, agency: d.agency,
    year: d.year, template: d.template, layoutEvidence: [], sections: d.sections, tables: d.tables, cells: d.cells,
    narrative: d.narrative, diagnostics: [], truncated: d.truncated,
  };
}

/** A form cell: value typed by the clerk (null = left blank). */
export function formCell(key: string, value: number | null, raw: string): Cell {
  const { table, row, column } = splitCellKey(key);
  return { key, table, row, column, value, raw, source: { line: 0, column: 0 }, how: 'direct' };
}

export function reportOfForm(base: ReportDetail, version: TemplateVersion, texts: Record<string, string>,
  values: Record<string, number | null>, sectionDefs: { no: number; key: string; title: string }[]): Report {
  const cells: Record<string, Cell> = {};
  const tables: Record<TableGroup, boolean> = { active: false, applications: false, review: false };
  for (const [k, v] of Object.entries(values)) {
    cells[k] = formCell(k, v, v === null ? '' : String(v));
    tables[tableGroupOf(splitCellKey(k).table)] = true;
  }
  return {
    ...reportOfDetail(base), template: version, cells, tables, narrative: [],
    // as the server stores a draft: a section with text counts as found
    sections: sectionDefs.map((s) => {
      const text = texts[s.key] ?? '';
      const before = base.sections.find((x) => x.key === s.key);
      return { no: s.no, key: s.key, title: s.title, text,
        source: before?.source ?? (text ? { line: 0, column: 0 } : null) };
    }),
  };
}
