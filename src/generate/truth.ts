// The truth of a generated report: every value printed (as printed, before any cut), the tables present, the
// narrative figures, notes on damage. A truncated text records only cells and figures fully printed before the cut.
import { allCellKeys, type TableGroup } from '../model/template.js';
import { LAYOUT_SPECS } from './layouts/index.js';
import type { DamageName, LayoutName, ReportModel, Truth } from './model.js';
import type { Rendered, Span } from './out.js';
import type { Rng } from './random.js';

export const SHAPES: Record<LayoutName, string> = {
  tab: 'web-scrape, blank lines between paragraphs, tab-separated table rows with empty fields from merged cells',
  markdown: "markdown-like: '#'–'####' headings, GFM pipe tables with '| --- |' separator lines",
  pipe: "web-scrape, one line per paragraph, pipe rows 'label | 0 | 0 |' with '|||' filler for merged cells",
  'cell-per-line': "web-scrape, one table cell per line (optionally ending ' |'), '|||' filler lines",
  layout: 'pdf-text -layout: space-aligned columns, wrapped labels, group labels mid-group, page numbers -n-',
  'pdf-default': 'pdf-text default mode: one cell per line, label line followed by its values, shredded header ' +
    'cells, page numbers -n-',
  html: 'HTML page with site chrome and <table> markup (rowspan/colspan, <br>, nested <span>, &nbsp;)',
  'html-gbk': 'HTML page as html, encoded GBK with <meta charset="gbk">',
  'text-gbk': 'tab layout encoded GBK (no BOM)',
  prose: 'lost tables: only the headings of sections 二、三、四 remain, lines run together',
  traditional: 'tab layout converted to 繁体 (opencc cn→tw)',
};

const inside = (pos: number, s: Span): boolean => s.start < pos && pos < s.end;

/** A cut position inside the tables (or the prose when there are none), never inside a number. */
export function chooseCut(r: Rendered, rng: Rng): number {
  const spans = Object.values(r.groups);
  let lo = Math.floor(r.text.length * 0.3);
  let hi = Math.floor(r.text.length * 0.9);
  if (spans.length > 0) {
    const firstCell = Math.min(...Object.values(r.cells).map((s) => s.end));
    lo = Math.max(firstCell, Math.min(...spans.map((s) => s.start)));
    hi = Math.max(...spans.map((s) => s.end));
  }
  return avoidNumbers(r, rng.int(lo, Math.max(lo, hi)));
}

/** Move a cut back so it splits no number, and leaves no scrap of a table (fewer than 10 characters of it). */
export function avoidNumbers(r: Rendered, cut: number): number {
  for (const s of [...Object.values(r.cells), ...r.figures.map((f) => f.span)]) if (inside(cut, s)) cut = s.start;
  for (const g of Object.values(r.groups)) {
    if (g && g.start < cut && cut < visibleThreshold(r.text, g.start, 10)) cut = g.start;
  }
  return cut;
}

/** Position after the first `n` visible Han characters or digits from `start` (markup skipped). */
function visibleThreshold(text: string, start: number, n: number): number {
  let seen = 0;
  let inTag = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') inTag = true;
    else if (ch === '>') inTag = false;
    else if (!inTag && /[\p{Script=Han}\d]/u.test(ch) && ++seen >= n) return i + 1;
  }
  return text.length;
}

/** Visible table text (not markup) between the group's start and the cut. */
function groupPresent(r: Rendered, g: TableGroup, cut: number | null): boolean {
  const s = r.groups[g];
  if (!s) return false;
  const slice = r.text.slice(s.start, cut === null ? s.end : Math.min(cut, s.end));
  const visible = slice.replace(/<[^>]*>?/g, '').replace(/&[a-z]+;?/g, '');
  return /[\p{Script=Han}\d]/u.test(visible);
}

export interface TruthInput {
  model: ReportModel;
  rendered: Rendered;
  layout: LayoutName;
  damage: DamageName[];
  cut: number | null;
  cutBytes: number | null;
  agency: string;
  notes: string[];
}

export function buildTruth(t: TruthInput): Truth {
  const { model, rendered: r, cut } = t;
  const printedBefore = (s: Span | undefined): boolean => !!s && (cut === null || s.end <= cut);
  const tables: Record<TableGroup, boolean> = { active: false, applications: false, review: false };
  for (const g of Object.keys(tables) as TableGroup[]) tables[g] = !model.tablesLost && groupPresent(r, g, cut);
  const cells: Record<string, number | null> = {};
  if (!model.tablesLost) {
    for (const key of allCellKeys(model.template)) {
      const span = r.cells[key];
      if (span) {
        if (printedBefore(span)) cells[key] = model.blanks.includes(key) ? null : model.printed[key].value;
      } else if (model.dropped.includes(key)) {
        const row = key.slice(0, key.lastIndexOf('/') + 1);
        const others = Object.keys(r.cells).filter((k) => k.startsWith(row));
        // space-aligned text shows the lost value as a gap at its column: a printed blank
        if (others.every((k) => printedBefore(r.cells[k]))) cells[key] = LAYOUT_SPECS[t.layout].droppedIsBlank
          ? null
          : model.printed[key].value;
      } else throw new Error(`layout ${t.layout} did not print cell ${key}`);
    }
  }
  const narrative: Record<string, number> = {};
  for (const f of r.figures) if (printedBefore(f.span)) narrative[f.key] = f.value;
  const notes = [
    `Synthetic report (gongkai generator, seed ${model.seed}, layout '${t.layout}'); invented agency, prose and ` +
      'numbers.',
    ...t.notes,
    ...model.notes,
  ];
  if (model.dropped.length && LAYOUT_SPECS[t.layout].droppedIsBlank)
    notes.push(
      'In this space-aligned text each unprinted cell is a gap under its column, as a PDF prints a blank cell: ' +
        'recorded null (blank), not the value the row sum implies.',
    );
  if (cut !== null) {
    const where = (Object.keys(r.groups) as TableGroup[]).find(
      (g) => { const s = r.groups[g]; return !!s && s.start <= cut && cut <= s.end; },
    );
    notes.push(
      `TRUNCATED after ${t.cutBytes} bytes${where ? ` inside the ${where} table` : ''}; only cells and figures fully ` +
        'printed before the cut are recorded.',
    );
  }
  const anyTable = tables.active || tables.applications || tables.review;
  const truth: Truth = {
    source: `synthetic:gongkai-generate seed=${model.seed} ` +
      `layout=${t.layout}${t.damage.length ? ` damage=${t.damage.join(',')}` : ''}`,
    agency: t.agency,
    year: model.year,
    template: anyTable ? model.template : 'unknown',
    level: model.level,
    shape: SHAPES[t.layout],
    truncated: cut !== null,
    tables,
    cells,
    narrative,
    notes: notes.join(' '),
    layout: t.layout,
    damage: t.damage,
  };
  if (model.injected.length > 0) truth.injected = model.injected.filter((i) => i.key in cells);
  return truth;
}
