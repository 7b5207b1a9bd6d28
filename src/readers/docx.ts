// The DOCX reader: unzips the main document part (with the limits of zip.ts), walks its XML with cheerio in XML
// mode and emits headings, paragraphs and grid tables. w:tab → tab, w:br → line break; a heading is a heading
// style, an outline level, or what headingLevel() says of the text. Tables keep Word's merges: gridSpan →
// colSpan, vMerge restart → rowSpan with the continuation cells left out; empty cells stay as '' cells; nested
// tables follow their outer table. Paragraphs holding tab-separated cells (tables typed with tabs) become grid
// rows. Positions: line = running index of blocks and table rows, column = cell index (1-based); the `text`
// returned beside the document has exactly one line per such index, so a finding's line can be shown.
import { load } from 'cheerio';
import type { Block, GDocument, TableCell, TableRow } from '../document/model.js';
import { InputError } from '../errors.js';
import type { SourceRef } from '../model/report.js';
import { cleanText, headingLevel, joinLines } from './html-text.js';
import { splitLine } from './text.js';
import { checkXmlDepth, checkXmlTags, truncatedXml, truncationNote } from './xml-limits.js';
import { unzipEntries } from './zip.js';

/** The part of a domhandler node this reader uses. */
export interface XNode {
  nodeType: number;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
}

export const kids = (n: XNode): XNode[] => n.children ?? [];
const isEl = (n: XNode, name?: string): boolean => n.nodeType === 1 && (name === undefined || n.name === name);
export const child = (n: XNode | undefined, name: string): XNode | undefined =>
  (n ? kids(n).find((c) => isEl(c, name)) : undefined);
const val = (n: XNode | undefined): string | undefined => n?.attribs?.['w:val'];

/** Parse XML bytes into a domhandler tree. */
export function parseXml(bytes: Uint8Array): XNode {
  const $ = load(new TextDecoder('utf-8').decode(bytes), { xml: true });
  return $.root()[0] as XNode;
}

/** Wrappers whose children are read as if they stood in their place. */
const TRANSPARENT = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:ins', 'w:moveTo', 'w:hyperlink',
  'w:fldSimple', 'w:r', 'mc:AlternateContent', 'mc:Choice', 'w:dir', 'w:bdo']);
/** Never read: properties, deleted text, field instructions, alternatives already read from mc:Choice. */
const SKIP = new Set(['w:pPr', 'w:rPr', 'w:tblPr', 'w:trPr', 'w:tcPr', 'w:sectPr', 'w:del', 'w:moveFrom', 'w:delText',
  'w:instrText', 'mc:Fallback', 'w:commentReference', 'w:footnoteReference', 'w:endnoteReference']);

/** Flatten children through transparent wrappers (rows in w:sdt, cells in w:customXml, …). */
function through(n: XNode, name: string): XNode[] {
  return kids(n).flatMap((c) => (isEl(c, name) ? [c] :
    c.nodeType === 1 && TRANSPARENT.has(c.name ?? '') ? through(c, name) : []));
}

/** Heading level of each paragraph style: 'heading N' / '标题 N' names, Title, or an outline level; via basedOn. */
function styleLevels(styles: XNode | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!styles) return out;
  const defs = new Map<string, { name: string; outline?: number; basedOn?: string }>();
  const root = child(styles, 'w:styles');
  for (const s of root ? kids(root).filter((c) => isEl(c, 'w:style')) : []) {
    const id = s.attribs?.['w:styleId'];
    if (!id) continue;
    const outline = Number(val(child(child(s, 'w:pPr'), 'w:outlineLvl')) ?? NaN);
    defs.set(id, { name: (val(child(s, 'w:name')) ?? '').toLowerCase(),
      outline: Number.isFinite(outline) ? outline : undefined, basedOn: val(child(s, 'w:basedOn')) });
  }
  const level = (id: string, depth: number): number => {
    const d = defs.get(id);
    if (!d || depth > 10) return 0;
    const m = /^(?:heading|标题)\s*([1-9])$/.exec(d.name);
    if (m) return Number(m[1]);
    if (d.name === 'title' || d.name === '标题') return 1;
    if (d.outline !== undefined && d.outline < 9) return d.outline + 1;
    return d.basedOn ? level(d.basedOn, depth + 1) : 0;
  };
  for (const id of defs.keys()) {
    const l = level(id, 0);
    if (l > 0) out.set(id, Math.min(l, 6));
  }
  return out;
}

const on = (n: XNode | undefined): boolean => !!n && !['0', 'false', 'off'].includes(val(n) ?? 'true');

interface RawCell { text: string; col: number; span: number; vmerge: 'restart' | 'continue' | null; tc: XNode }

class DocxWalker {
  readonly blocks: Block[] = [];
  readonly notes: GDocument['notes'] = [];
  readonly lines: string[] = [];
  private tabRows: TableRow[] = [];

  constructor(private readonly levels: Map<string, number>) {}

  /** Reserve the next line index for a block or row printed as `text`. */
  private line(text: string): number {
    this.lines.push(text);
    return this.lines.length;
  }

  container(n: XNode): void {
    for (const c of kids(n)) {
      if (c.nodeType !== 1) continue;
      if (c.name === 'w:p') this.paragraph(c);
      else if (c.name === 'w:tbl') this.table(c);
      else if (TRANSPARENT.has(c.name ?? '')) this.container(c);
      else if (c.name === 'w:altChunk')
        this.notes.push({ code: 'docx.alt-chunk', message: '文档中嵌入的外部内容（altChunk，如 HTML/MHT）未读取',
          messageEn: 'embedded external content (altChunk, e.g. HTML/MHT) was not read',
          pos: { line: this.lines.length + 1, column: 1 } });
    }
  }

  /** Text of runs: w:t, tabs, breaks; text boxes are collected and read after their paragraph. */
  private runText(n: XNode, boxes: XNode[], bold: { b: number; plain: number }): string {
    let out = '';
    for (const c of kids(n)) {
      if (c.nodeType === 3) continue;
      if (c.nodeType !== 1 || SKIP.has(c.name ?? '')) continue;
      switch (c.name) {
        case 'w:t': {
          const t = kids(c).map((x) => x.data ?? '').join('');
          if (/\S/.test(t)) on(child(child(n, 'w:rPr'), 'w:b')) ? bold.b++ : bold.plain++;
          out += t;
          break;
        }
        case 'w:tab': case 'w:ptab': out += '\t'; break;
        case 'w:br': case 'w:cr': out += '\n'; break;
        case 'w:noBreakHyphen': out += '-'; break;
        case 'w:txbxContent': boxes.push(c); break;
        default: out += this.runText(c, boxes, bold);
      }
    }
    return out;
  }

  private paragraph(p: XNode): void {
    const boxes: XNode[] = [];
    const bold = { b: 0, plain: 0 };
    const raw = this.runText(p, boxes, bold);
    const pPr = child(p, 'w:pPr');
    const outline = Number(val(child(pPr, 'w:outlineLvl')) ?? NaN);
    const styled = Number.isFinite(outline) && outline < 9 ? outline + 1 :
      this.levels.get(val(child(pPr, 'w:pStyle')) ?? '') ?? 0;
    for (const part of raw.split('\n')) {
      // tab-separated short cells are a table row; a sentence with a tab in it is prose
      // (empty cells are kept in place: an empty field between values is a printed blank)
      const cells = part.includes('\t') && !/[。；;]/.test(part) ? splitLine(part).cells : [];
      if (cells.filter((c) => c.text.trim() !== '').length > 1) {
        const line = this.line(cells.map((c) => c.text).join('\t'));
        const row = cells.map((c, i): TableCell => ({ text: c.text.trim(), pos: { line, column: i + 1 } }));
        this.tabRows.push({ cells: row, pos: { line, column: 1 } });
        continue;
      }
      this.flushTabRows();
      const text = cleanText(part);
      if (!text) continue;
      const pos: SourceRef = { line: this.line(text), column: 1 };
      const level = Math.min(styled || headingLevel(text, bold.b > 0 && bold.plain === 0), 6);
      this.blocks.push(level > 0 ? { kind: 'heading', level, text, pos } : { kind: 'paragraph', text, pos });
    }
    for (const box of boxes) this.container(box);
  }

  /** Consecutive tab-separated paragraphs form one grid table. */
  flushTabRows(): void {
    if (this.tabRows.length) this.blocks.push({ kind: 'table', layout: 'grid', rows: this.tabRows,
      pos: this.tabRows[0].pos });
    this.tabRows = [];
  }

  /** A cell's text: its paragraphs joined (no separator between CJK characters); nested tables collected. */
  private cellText(tc: XNode, nested: XNode[]): string {
    const parts: string[] = [];
    const walk = (n: XNode) => {
      for (const c of kids(n)) {
        if (isEl(c, 'w:p')) parts.push(...this.runText(c, [], { b: 0, plain: 0 }).split('\n'));
        else if (isEl(c, 'w:tbl')) nested.push(c);
        else if (c.nodeType === 1 && TRANSPARENT.has(c.name ?? '')) walk(c);
      }
    };
    walk(tc);
    return joinLines(parts);
  }

  table(tbl: XNode): void {
    this.flushTabRows();
    const nested: XNode[] = [];
    const raw: RawCell[][] = through(tbl, 'w:tr').map((tr) => {
      let col = Number(val(child(child(tr, 'w:trPr'), 'w:gridBefore')) ?? 0) || 0;
      return through(tr, 'w:tc').map((tc) => {
        const tcPr = child(tc, 'w:tcPr');
        const span = Math.max(1, Math.min(1000, Number(val(child(tcPr, 'w:gridSpan')) ?? 1) || 1));
        const vm = child(tcPr, 'w:vMerge');
        const cell: RawCell = { text: this.cellText(tc, nested), col, span,
          vmerge: vm ? (val(vm) === 'restart' ? 'restart' : 'continue') : null, tc };
        col += span;
        return cell;
      });
    });
    const at = (r: number, col: number) => raw[r]?.find((c) => c.col === col);
    // a continuation cell is left out only under a cell of the same merge
    const merged = raw.map((row, r) => row.map((c) => {
      if (c.vmerge !== 'continue') return false;
      const above = at(r - 1, c.col);
      return !!above && above.vmerge !== null;
    }));
    if (raw.reduce((k, row, r) => k + row.filter((_, i) => !merged[r][i]).length, 0) === 1) {
      // a page or a box wrapped in a one-cell table: read its content as flow
      const only = raw.flat().find((c) => c.vmerge !== 'continue') ?? raw.flat()[0];
      return this.container(only.tc);
    }
    const rows: TableRow[] = [];
    raw.forEach((row, r) => {
      const kept = row.filter((_, i) => !merged[r][i]);
      if (!kept.length) return;
      const line = this.line(kept.map((c) => c.text).join('\t'));
      const cells = kept.map((c, i): TableCell => {
        const cell: TableCell = { text: c.text, pos: { line, column: i + 1 } };
        if (c.vmerge === 'restart' || (c.vmerge === 'continue' && !merged[r][row.indexOf(c)])) {
          let k = r + 1;
          while (at(k, c.col)?.vmerge === 'continue') k++;
          if (k - r > 1) cell.rowSpan = k - r;
        }
        if (c.span > 1) cell.colSpan = c.span;
        return cell;
      });
      rows.push({ cells, pos: { line, column: 1 } });
    });
    if (rows.length) this.blocks.push({ kind: 'table', layout: 'grid', rows, pos: rows[0].pos });
    for (const inner of nested) {
      this.notes.push({
        code: 'docx.nested-table', message: '表格单元格内嵌套的表格已作为独立表格读出',
        messageEn: 'a table nested inside a table cell was read as a separate table',
        pos: { line: this.lines.length + 1, column: 1 },
      });
      this.table(inner);
    }
  }
}

/** The main part's path from _rels/.rels (word/document.xml when the package does not say). */
function mainPart(rels: Uint8Array | undefined): string {
  if (!rels) return 'word/document.xml';
  const root = child(parseXml(rels), 'Relationships');
  const rel = root ? kids(root).find((r) => /\/officeDocument$/.test(r.attribs?.Type ?? '')) : undefined;
  return (rel?.attribs?.Target ?? 'word/document.xml').replace(/^\//, '');
}

/** Read DOCX bytes into the document model, plus one line of text per position line. */
export function readDocx(bytes: Uint8Array, name: string): { doc: GDocument; text: string } {
  const rels = unzipEntries(bytes, name, (e) => e === '_rels/.rels').get('_rels/.rels');
  const main = mainPart(rels);
  const stylesPath = main.replace(/[^/]*$/, 'styles.xml');
  const parts = unzipEntries(bytes, name, (e) => e === main || e === stylesPath);
  const body = parts.get(main);
  if (!body) throw new InputError(name, `不是有效的 DOCX 文件（缺少 ${main}）`, `not a valid DOCX file (${main} is missing)`);
  const styles = parts.get(stylesPath);
  if (styles) checkXmlTags(styles, name, stylesPath);
  const walker = new DocxWalker(styleLevels(styles ? parseXml(styles) : null));
  checkXmlTags(body, name, main);
  const tree = parseXml(body);
  checkXmlDepth(tree, name, main);
  const root = child(child(tree, 'w:document'), 'w:body');
  if (!root) throw new InputError(name, '不是有效的 DOCX 文件（文档正文缺失）', 'not a valid DOCX file (no document body)');
  walker.container(root);
  walker.flushTabRows();
  const cut = truncatedXml(body, 'w:document');
  if (cut) walker.notes.push(truncationNote(main, cut, walker.blocks));
  const doc: GDocument = { source: { name, format: 'docx', shape: 'docx', encoding: 'utf-8' },
    blocks: walker.blocks, notes: walker.notes };
  return { doc, text: walker.lines.join('\n') };
}
