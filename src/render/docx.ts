// A report as a Word document (docx package) in the official layout: the title, the six section headings (黑体),
// the text (仿宋_GB2312), and the three tables with the official merged cells (header rows repeated on each page);
// blank and absent cells are empty; 第N页 共M页 in the footer.
// The table structure is not rebuilt here: html-tables.ts draws it, officialGrids() reads its rows, spans and
// cell keys back into a grid that this writer and render/xlsx.ts both lay out.
import { load } from 'cheerio';
import {
  AlignmentType, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, type IFontAttributesProperties,
} from 'docx';
import type { Report } from '../model/report.js';
import { activeTableHtml, applicationsTableHtml, reviewTableHtml, type TableContext } from './html-tables.js';
import {
  MISSING_TABLE_NOTE, SECTION_GROUP, SECTION_NOT_FOUND, TRUNCATED_NOTE, displayTitle, groupPresent, layoutVersion,
  paragraphs, sectionTables, sectionViews, type SectionView,
} from './layout.js';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** a label or header cell (not a value) */
  header: boolean;
  /** a row label (left-aligned) */
  label: boolean;
  /** the cell key of a value cell */
  key?: string;
}

export interface OfficialGrid {
  section: number;
  /** 'active' (the four 第二十条 sub-tables on one 4-column grid), 'applications' or 'reviewLitigation' */
  key: string;
  width: number;
  rows: GridCell[][];
}

/** Rows of an HTML table drawn by html-tables.ts as grid cells. */
function gridOfHtml(html: string): GridCell[][] {
  const $ = load(html, null, false);
  return $('tr').toArray().map((tr) => $(tr).children('th,td').toArray().map((c): GridCell => {
    const el = $(c);
    const key = el.attr('data-key');
    return {
      text: el.text(), rowSpan: Number(el.attr('rowspan') ?? 1), colSpan: Number(el.attr('colspan') ?? 1),
      header: c.tagName === 'th', label: el.hasClass('label'), ...(key ? { key } : {}),
    };
  }));
}

/** Columns of a grid (from its first row: every official table's first row spans the full width). */
const widthOf = (rows: GridCell[][]): number => rows[0]?.reduce((n, c) => n + c.colSpan, 0) ?? 0;

/**
 * The official tables of sections 二, 三 and 四 as grids, for a report; a section whose table group the source
 * lacks gives null (drawn as （表格缺失）).
 */
export function officialGrids(report: Report): { section: number; grid: OfficialGrid | null }[] {
  const ctx: TableContext = { report, version: layoutVersion(report), flags: new Map() };
  return [2, 3, 4].map((section) => {
    if (!groupPresent(report, SECTION_GROUP[section])) return { section, grid: null };
    const tables = sectionTables(ctx.version, section);
    const rows = tables.flatMap((t) =>
      gridOfHtml(
        section === 2
          ? activeTableHtml(ctx, t)
          : t.key === 'applications' ? applicationsTableHtml(ctx, t) : reviewTableHtml(ctx, t),
      ));
    const key = section === 2 ? 'active' : tables[0].key;
    return { section, grid: { section, key, width: widthOf(rows), rows } };
  });
}

const TITLE_FONT: IFontAttributesProperties = {
  eastAsia: '方正小标宋简体',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
};
const HEADING_FONT: IFontAttributesProperties = { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const BODY_FONT: IFontAttributesProperties = {
  eastAsia: '仿宋_GB2312',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
};
const TABLE_FONT: IFontAttributesProperties = {
  eastAsia: '仿宋_GB2312',
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
};
/** A4 with the 公文 margins; the text area is 8845 twips wide. */
const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } };
const TEXT_WIDTH = 8845;

const run = (text: string, font: IFontAttributesProperties, size: number, bold = false): TextRun =>
  new TextRun({ text, font, size, bold, color: '000000' });

function title(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { after: 400 },
    children: [run(text, TITLE_FONT, 44)],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2, keepNext: true, indent: { firstLine: 640 }, spacing: { before: 120, after: 120 },
    children: [run(text, HEADING_FONT, 32)],
  });
}

function body(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(text, BODY_FONT, 32)],
  });
}

/**
 * The paragraphs of a section's text to print under its heading: a recognised section's text repeats its heading
 * and, in sections 二–四, the text of its table rows, which the tables print; of those sections only sentences
 * (ending in 。！？；：) are kept.
 */
export function proseOf(s: SectionView): string[] {
  const lines = paragraphs(s.text);
  if (s.found && lines[0] !== undefined && lines[0].replace(/\s/g, '') === s.title.replace(/\s/g, '')) lines.shift();
  return s.no >= 2 && s.no <= 4 ? lines.filter((l) => /[。！？；：]$/.test(l)) : lines;
}

/** Column widths (twips) that fit the text area: label columns wider than value columns. */
function columnWidths(grid: OfficialGrid): number[] {
  const weights = grid.key === 'active' ? [3, 2, 2, 2]
    : grid.key === 'applications' ? [1.2, 1.5, 2.5, ...Array(grid.width - 3).fill(1)]
    : Array(grid.width).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
}

/** Rows at the top of a grid made only of header cells (repeated on each page, frozen in a sheet). */
export function headerRows(grid: OfficialGrid): number {
  let n = 0;
  while (n < grid.rows.length && grid.rows[n].every((c) => c.header)) n++;
  return n;
}

function table(grid: OfficialGrid): Table {
  const widths = columnWidths(grid);
  const heading = headerRows(grid);
  const occupied = new Set<string>();
  const rows = grid.rows.map((cells, r) => {
    let col = 0;
    const children = cells.map((c) => {
      while (occupied.has(`${r}:${col}`)) col++;
      for (let i = 0; i < c.rowSpan; i++) for (let j = 0; j < c.colSpan; j++) occupied.add(`${r + i}:${col + j}`);
      const width = widths.slice(col, col + c.colSpan).reduce((a, b) => a + b, 0);
      col += c.colSpan;
      return new TableCell({
        width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER,
        ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}), ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
        children: [new Paragraph({
          alignment: c.label ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: c.text ? [run(c.text, TABLE_FONT, 21, c.colSpan === grid.width)] : [],
        })],
      });
    });
    // the short tables and every table's header rows stay on one page; header rows repeat on every page
    const keep = r < grid.rows.length - 1 && (grid.key !== 'applications' || cells.every((c) => c.header));
    return new TableRow({ children, cantSplit: true, keepNext: keep, tableHeader: r < heading });
  });
  return new Table({
    rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA }, layout: TableLayoutType.FIXED,
  });
}

/** 第N页 共M页, centred in every page's footer (Word fills in the fields). */
function pageFooter(): Footer {
  const text = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: BODY_FONT, size: 21, color: '000000' });
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [text(['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'])],
    })],
  });
}

/** The report as DOCX bytes in the official layout. */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const grids = new Map(officialGrids(report).map((g) => [g.section, g.grid]));
  const children: (Paragraph | Table)[] = [title(displayTitle(report))];
  for (const s of sectionViews(report)) {
    children.push(heading(s.title));
    if (!s.found) children.push(body(SECTION_NOT_FOUND));
    children.push(...proseOf(s).map(body));
    if (!grids.has(s.no)) continue;
    const grid = grids.get(s.no);
    children.push(grid ? table(grid) : body(MISSING_TABLE_NOTE));
  }
  if (report.truncated) children.push(body(TRUNCATED_NOTE));
  const doc = new Document({
    creator: 'gongkai', title: displayTitle(report), description: '政府信息公开工作年度报告',
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [{ properties: { page: PAGE }, footers: { default: pageFooter() }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
