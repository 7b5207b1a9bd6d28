// The HTML reader: parses with parse5 (HTML5 error recovery, start offsets; html-tree.ts) and walks the tree in
// document order into headings, paragraphs and grid tables. Page chrome (scripts, menus, footers, print/close
// links) is dropped; layout tables (a page wrapped in a table) are read as flow; nested data tables follow their
// outer table as blocks of their own.
import type { Block, GDocument, TableCell, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import { checkHtmlDepth, checkHtmlTags } from './html-limits.js';
import { pageTitleBlock } from './html-page-title.js';
import { preBlocks } from './html-pre.js';
import { scriptHtml } from './html-script.js';
import { squeeze } from '../text/normalise.js';
import { CHROME_NAME, LineIndex, cleanText, headingLevel, isChromeLine, joinLines } from './html-text.js';
import {
  attrOf, childrenOf, isDocument, isElement, isText, parseHtml, startOf, textOf, type HElement, type HNode,
} from './html-tree.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed',
  'select', 'option', 'button', 'input', 'textarea', 'svg', 'canvas', 'map', 'audio', 'video']);
const CHROME_TAGS = new Set(['nav', 'header', 'footer']);
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'form', 'hgroup', 'hr', 'html', 'li', 'main',
  'menu', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table']);
const HEADING_TAG = /^h([1-6])$/;
/** <br> children a block needs before its text is tried as plain text with tables in it (see walkBlock). */
const BR_TEXT_LINES = 10;

/** How many <br> elements a node has as children (not deeper: a page's nesting would make that quadratic). */
function brLines(n: HElement): number {
  let k = 0;
  for (const c of childrenOf(n)) if (isElement(c) && c.tagName === 'br') k++;
  return k;
}
const BOLD_STYLE = /font-weight\s*:\s*(bold|[6-9]00)/i;
/** U+2029 marks a hard line break (<br>, block boundary) inside flattened text. */
const BREAK = '\u2029';

const elementKids = (n: HNode, ...names: string[]): HElement[] =>
  childrenOf(n).filter((c): c is HElement => isElement(c) && names.includes(c.tagName));

function hidden(n: HElement): boolean {
  if (attrOf(n, 'hidden') !== undefined) return true;
  const style = attrOf(n, 'style');
  if (style === undefined || !/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  // a body a page script reveals after loading (WeChat articles: <div id="js_content" style="visibility: hidden">)
  // is the report as a scrape saves it; a hidden decoy or tracker holds no table
  return /display\s*:\s*none/i.test(style) || !holdsTable(n);
}

/** Whether a subtree holds a <table> (asked only of the rare element hidden by visibility). */
function holdsTable(n: HNode): boolean {
  const stack = [...childrenOf(n)];
  while (stack.length) {
    const c = stack.pop()!;
    if (!isElement(c)) continue;
    if (c.tagName === 'table') return true;
    for (const k of childrenOf(c)) stack.push(k);
  }
  return false;
}

/** Flattened text of a subtree, <br> and block boundaries as BREAK; nested tables are collected, not read. */
function flatten(n: HNode, nested?: HNode[]): string {
  if (isText(n)) return n.value;
  if (!isElement(n) || SKIP.has(n.tagName) || hidden(n)) return '';
  if (n.tagName === 'br') return BREAK;
  if (n.tagName === 'table' && nested) {
    nested.push(n);
    return BREAK;
  }
  const inner = childrenOf(n).map((c) => flatten(c, nested)).join('');
  return BLOCK.has(n.tagName) ? BREAK + inner + BREAK : inner;
}

const flatText = (n: HNode, nested?: HNode[]): string => joinLines(flatten(n, nested).split(BREAK));

function tableRows(table: HNode): HElement[] {
  return childrenOf(table).flatMap((c) =>
    !isElement(c) ? [] : c.tagName === 'tr' ? [c]
      : ['thead', 'tbody', 'tfoot'].includes(c.tagName) ? elementKids(c, 'tr') : [],
  );
}

function span(v: string | undefined, max: number): number | undefined {
  const n = v === undefined ? NaN : parseInt(v.trim(), 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, max) : undefined;
}

/** Whether an h1–h6 element lies under a node, not looking into tables. */
function holdsHeading(n: HNode): boolean {
  for (const c of childrenOf(n)) {
    if (!isElement(c) || c.tagName === 'table') continue;
    if (HEADING_TAG.test(c.tagName) || holdsHeading(c)) return true;
  }
  return false;
}

/**
 * Nodes and characters chromeFacts() looks at: the decision needs a start, and chrome nested in chrome stays linear.
 */
const CHROME_SCAN_NODES = 20_000;
const CHROME_SCAN_CHARS = 4_000;

/**
 * What deciding on a chrome container needs, from the start of its subtree (iteratively, within the bounds
 * above): its text (as flatText gives it, up to the bound), whether it holds a table, its headings outside tables.
 */
function chromeFacts(n: HNode): { text: string; table: boolean; headings: HElement[] } {
  const parts: string[] = [];
  const headings: HElement[] = [];
  let chars = 0;
  let table = false;
  let seen = 0;
  // each entry: a node, and whether it lies inside a table
  const stack: [HNode, boolean][] = childrenOf(n).map((c): [HNode, boolean] => [c, false]).reverse();
  while (stack.length && seen++ < CHROME_SCAN_NODES) {
    const [c, inTable] = stack.pop()!;
    if (isText(c)) {
      const data = c.value;
      if (chars < CHROME_SCAN_CHARS) parts.push(data.slice(0, CHROME_SCAN_CHARS - chars));
      chars += data.length;
      continue;
    }
    if (!isElement(c)) continue;
    if (c.tagName === 'table') table = true;
    else if (!inTable && HEADING_TAG.test(c.tagName)) headings.push(c);
    if (SKIP.has(c.tagName) || hidden(c)) continue;
    if (c.tagName === 'br' || BLOCK.has(c.tagName)) parts.push(BREAK);
    const inner = inTable || c.tagName === 'table';
    for (let i = childrenOf(c).length - 1; i >= 0; i--) stack.push([childrenOf(c)[i], inner]);
  }
  return { text: joinLines(parts.join('').split(BREAK)), table, headings };
}

class Walker {
  readonly blocks: Block[] = [];
  readonly notes: GDocument['notes'] = [];
  private parts: string[] = [];
  private pos: SourceRef | null = null;
  private anchor: SourceRef | null = null;
  private bold = 0;
  private sawBold = false;
  private sawPlain = false;

  constructor(private readonly lines: LineIndex, private readonly page: string, private readonly name: string,
    private readonly encoding: string) {}

  /** Position of a node's start tag, or of its first located descendant (parse5-implied elements have none). */
  where(n: HNode): SourceRef | null {
    const start = startOf(n);
    if (start >= 0) return this.lines.at(start);
    for (const c of childrenOf(n)) {
      const p = this.where(c);
      if (p) return p;
    }
    return null;
  }

  private at(n: HNode): SourceRef {
    return this.where(n) ?? this.pos ?? this.anchor ?? { line: 1, column: 1, offset: 0 };
  }

  walk(n: HNode): void {
    if (isText(n)) return this.text(n.value, n);
    if (isDocument(n)) return childrenOf(n).forEach((c) => this.walk(c));
    if (isElement(n) && n.tagName === 'script') return this.script(n);
    if (!isElement(n) || SKIP.has(n.tagName) || hidden(n) || this.chrome(n)) return;
    if (n.tagName === 'br' || n.tagName === 'hr') return this.flush();
    const h = HEADING_TAG.exec(n.tagName);
    if (h) {
      this.flush();
      const text = flatText(n);
      if (text && !isChromeLine(text)) this.blocks.push({ kind: 'heading', level: Number(h[1]), text,
        pos: this.at(n) });
      return;
    }
    if (n.tagName === 'table') return this.table(n);
    if (n.tagName === 'pre' && this.pre(n)) return;
    if (BLOCK.has(n.tagName)) return this.walkBlock(n);
    const bold = n.tagName === 'strong' || n.tagName === 'b' || BOLD_STYLE.test(attrOf(n, 'style') ?? '');
    if (bold) this.bold++;
    childrenOf(n).forEach((c) => this.walk(c));
    if (bold) this.bold--;
  }

  /** A report body held in a script's string (`let content = "<p>…<table>…"`): read in place (html-script.ts). */
  private script(n: HNode): void {
    const code = childrenOf(n)[0];
    const data = code ? textOf(code) : '';
    const embedded = data ? scriptHtml(data, Math.max(startOf(code), 0), this.lines) : null;
    if (!embedded) return;
    this.flush();
    const inner = new Walker(embedded.lines, embedded.html, this.name, this.encoding);
    inner.walk(parseHtml(embedded.html));
    inner.flush();
    this.blocks.push(...inner.blocks);
    this.notes.push(...inner.notes);
  }

  /** Preformatted text (or a block of <br> lines) holding a table: read by the text reader (html-pre.ts). False when
   * it holds none. */
  private pre(n: HElement): boolean {
    const blocks = preBlocks(n, this.page, this.lines, this.name, this.encoding);
    if (!blocks.length) return false;
    this.flush();
    this.blocks.push(...blocks);
    this.notes.push({ code: 'html.preformatted', message: '网页中的纯文本（<pre>，或以 <br> 分行）按文本读取其表格',
      messageEn: 'the page\'s plain text (<pre>, or lines ended by <br>) was read as text for its tables',
      pos: this.at(n) });
    return true;
  }

  /** A block container: its text starts a new paragraph anchored at its start tag, and ends one. */
  private walkBlock(n: HNode): void {
    // plain text pasted into a page, its lines ended by <br> and its tabs turned to &nbsp; runs: read as text when
    // that finds a table in it (as <pre> is), else as flow
    if (isElement(n) && brLines(n) >= BR_TEXT_LINES && this.pre(n)) return;
    this.flush();
    this.anchor = this.where(n);
    const bold = isElement(n) && BOLD_STYLE.test(attrOf(n, 'style') ?? '');
    if (bold) this.bold++;
    childrenOf(n).forEach((c) => this.walk(c));
    if (bold) this.bold--;
    this.flush();
  }

  /**
   * Chrome containers are dropped unless they evidently hold the report: some sites wrap it in id="printArea",
   * or put the title in class="article-header".
   */
  private chrome(n: HElement): boolean {
    if (!CHROME_TAGS.has(n.tagName) && !CHROME_NAME.test(`${attrOf(n, 'class') ?? ''} ${attrOf(n, 'id') ?? ''}`))
      return false;
    const facts = chromeFacts(n);
    if (/信息公开/.test(facts.text) && (facts.text.length > 500 || facts.table)) return false;
    return !facts.headings.some((h) => /年度?报告/.test(flatText(h)));
  }

  private text(data: string, n: HNode): void {
    if (this.parts.length === 0 && !/\S/.test(data.replace(/\u00a0/g, ' '))) return;
    if (this.parts.length === 0) this.pos = this.anchor ?? this.where(n);
    this.parts.push(data);
    if (/[^\s\u00a0]/.test(data)) {
      if (this.bold > 0) this.sawBold = true;
      else this.sawPlain = true;
    }
  }

  flush(): void {
    const text = cleanText(this.parts.join(''));
    const pos = this.pos ?? this.anchor ?? { line: 1, column: 1, offset: 0 };
    if (text && !isChromeLine(text)) {
      const level = headingLevel(text, this.sawBold && !this.sawPlain);
      this.blocks.push(level > 0 ? { kind: 'heading', level, text, pos } : { kind: 'paragraph', text, pos });
    }
    this.parts = [];
    this.pos = null;
    this.anchor = null;
    this.sawBold = false;
    this.sawPlain = false;
  }

  private table(t: HNode): void {
    this.flush();
    const nested: HNode[] = [];
    const rows: TableRow[] = [];
    for (const tr of tableRows(t)) {
      const cells = elementKids(tr, 'td', 'th').map((td): TableCell => {
        const cell: TableCell = { text: flatText(td, nested), pos: this.at(td) };
        const rowSpan = span(attrOf(td, 'rowspan'), 65534);
        const colSpan = span(attrOf(td, 'colspan'), 1000);
        if (rowSpan) cell.rowSpan = rowSpan;
        if (colSpan) cell.colSpan = colSpan;
        return cell;
      });
      if (cells.length > 0) rows.push({ cells, pos: this.where(tr) ?? cells[0].pos });
    }
    // layout tables: a single cell; a single column wrapping other tables; cells holding headings or long prose
    const cellCount = rows.reduce((k, r) => k + r.cells.length, 0);
    const layout = cellCount === 1 ||
      (nested.length > 0 && rows.every((r) => r.cells.length === 1)) ||
      rows.some((r) => r.cells.some((c) => c.text.length > 300)) ||
      tableRows(t).some((tr) => elementKids(tr, 'td', 'th').some(holdsHeading));
    if (layout) {
      // a page or a box wrapped in a table: read its cells as ordinary flow
      for (const tr of tableRows(t)) for (const td of elementKids(tr, 'td', 'th')) this.walkBlock(td);
      return;
    }
    const caption = elementKids(t, 'caption')[0];
    const captionText = caption ? flatText(caption) : '';
    if (caption && captionText) this.blocks.push({ kind: 'paragraph', text: captionText, pos: this.at(caption) });
    if (rows.length > 0) this.blocks.push({ kind: 'table', layout: 'grid', rows, pos: this.at(t) });
    for (const inner of nested) {
      this.notes.push({
        code: 'html.nested-table',
        message: '表格单元格内嵌套的表格已作为独立表格读出',
        messageEn: 'a table nested inside a table cell was read as a separate table',
        pos: this.at(inner),
      });
      this.table(inner);
    }
  }
}

/** Read decoded HTML into the document model. `encoding` is what decodeBytes reported. */
export function readHtml(text: string, name: string, encoding: string): GDocument {
  checkHtmlTags(text, name); // bounds first: the parser is quadratic in nesting depth
  const root = parseHtml(text);
  checkHtmlDepth(root, name);
  const lines = new LineIndex(text);
  const walker = new Walker(lines, text, name, encoding);
  walker.walk(root);
  walker.flush();
  const blocks = walker.blocks;
  // the report's name in the page's <title>, unless the body prints it as it is
  const named = pageTitleBlock(root, lines);
  if (named) {
    const same = squeeze(named.text);
    if (!blocks.slice(0, 40).some((b) => b.kind !== 'table' && squeeze(b.text) === same)) blocks.unshift(named);
  }
  return { source: { name, format: 'html', shape: 'html', encoding }, blocks, notes: walker.notes };
}
