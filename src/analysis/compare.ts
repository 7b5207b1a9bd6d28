// Compare two reports — one body's consecutive years, or two bodies — cell by cell, findings side by side, and
// text reuse per section (the passages of b that stand in a, with their offsets, and the share of b they make).
// Node-free.
import type {
  Comparison, ComparisonSide, CellDifference, ReportMeta, SectionReuse, SharedPassage,
} from '../model/analysis.js';
import type { Finding, Report } from '../model/report.js';
import { allCellKeys } from '../model/template.js';
import { checkReport } from '../rules/index.js';
import { coveredChars, sectionProse, sharedMatches, type NormText } from './text.js';

export interface CompareInput {
  meta?: Partial<ReportMeta> | null;
  report: Report;
  /** stored findings; computed with checkReport when absent */
  findings?: Finding[];
}

export interface CompareOptions {
  /** shared passages shorter than this many normalised characters are not reported (default 12) */
  minPassage?: number;
  /** list every cell, not only the differing ones (default false) */
  allCells?: boolean;
}

export const DEFAULT_MIN_PASSAGE = 12;

/** Cell keys of both reports in template order (the template's keys first, then any others in key order). */
function orderedKeys(a: Report, b: Report): string[] {
  const present = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  const out: string[] = [];
  for (const v of ['2021', '2019'] as const)
    for (const k of allCellKeys(v)) if (present.delete(k)) out.push(k);
  return [...out, ...[...present].sort()];
}

/** Differing cells (a value against a blank or an absent cell is a difference; blank is not zero). */
export function cellDifferences(a: Report, b: Report, all = false): CellDifference[] {
  const out: CellDifference[] = [];
  for (const key of orderedKeys(a, b)) {
    const va = a.cells[key]?.value;
    const vb = b.cells[key]?.value;
    if (all || va !== vb) out.push({ key, a: va, b: vb });
  }
  return out;
}

function passagesOf(textA: string, na: NormText, nb: NormText, minPassage: number): {
  passages: SharedPassage[]; covered: number;
} {
  const matches = sharedMatches(na.text, nb.text, minPassage);
  const passages = matches.map((m): SharedPassage => {
    const a: [number, number] = [na.start[m.a], na.end[m.a + m.length - 1]];
    const b: [number, number] = [nb.start[m.b], nb.end[m.b + m.length - 1]];
    return { text: textA.slice(a[0], a[1]), a, b };
  });
  return { passages, covered: coveredChars(matches) };
}

/**
 * Text reuse per section (matched by section key): the passages of b's prose found in a's same section, and the
 * share of b's prose (normalised characters) they cover. `overall` is the share of all of b's prose found in
 * the same sections of a.
 */
export function textReuse(a: Report, b: Report, minPassage = DEFAULT_MIN_PASSAGE): {
  sections: SectionReuse[]; overall: number;
} {
  const sections: SectionReuse[] = [];
  let covered = 0;
  let total = 0;
  for (const sb of b.sections) {
    const nb = sectionProse(sb);
    const sa = a.sections.find((s) => s.key === sb.key);
    total += nb.text.length;
    if (!sa || nb.text.length === 0) {
      sections.push({ key: sb.key, rate: 0, passages: [] });
      continue;
    }
    const r = passagesOf(sa.text, sectionProse(sa), nb, minPassage);
    covered += r.covered;
    sections.push({ key: sb.key, rate: r.covered / nb.text.length, passages: r.passages });
  }
  return { sections, overall: total === 0 ? 0 : covered / total };
}

function side(input: CompareInput, findings: Finding[]): ComparisonSide {
  const m = input.meta ?? {};
  const label = m.bodyName ?? input.report.agency ?? input.report.file;
  return { reportId: m.reportId ?? null, label, year: m.year ?? input.report.year, findings };
}

/** Whether b is the year after a for the same body (then b's findings include the cross-year checks). */
function consecutive(a: CompareInput, b: CompareInput): boolean {
  const ya = a.meta?.year ?? a.report.year;
  const yb = b.meta?.year ?? b.report.year;
  const sameBody = a.meta?.bodyId != null ? a.meta.bodyId === b.meta?.bodyId
    : a.report.agency !== null && a.report.agency === b.report.agency;
  return sameBody && ya !== null && yb !== null && yb === ya + 1;
}

/** Compare a (earlier, or the reference) with b. */
export function compareReports(a: CompareInput, b: CompareInput, options: CompareOptions = {}): Comparison {
  const fa = a.findings ?? checkReport(a.report);
  const fb = b.findings ?? checkReport(b.report, consecutive(a, b) ? a.report : undefined);
  const reuse = textReuse(a.report, b.report, options.minPassage ?? DEFAULT_MIN_PASSAGE);
  return {
    a: side(a, fa), b: side(b, fb),
    cells: cellDifferences(a.report, b.report, options.allCells ?? false),
    sections: reuse.sections,
    overallRate: reuse.overall,
  };
}
