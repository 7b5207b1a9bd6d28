// Plain text in a page: some sites publish a report as the text it was written in, in <pre> or pasted into a block
// as lines ended by <br> (its tabs turned to &nbsp; runs), its tables drawn with tabs or aligned spaces. Flattened as
// paragraphs, no table was read; the text reader reads it instead, and its positions are mapped back into the page
// character by character (an entity such as &amp; is one character of the text, a CR LF one line break).
import type { Block, TableRow } from '../document/model.js';
import type { SourceRef } from '../model/report.js';
import type { LineIndex } from './html-text.js';
import { childrenOf, isElement, isText, startOf, type HElement, type HNode } from './html-tree.js';
import { readText } from './text.js';

/**
 * A text node of the <pre>: where its value starts in the <pre>'s text, where the node starts in the page, and a
 * cursor into the page (value index v at page offset s). `first`: the node right after the start tag, whose
 * leading line break the parser dropped.
 */
interface Piece { at: number; source: number; first: boolean; v: number; s: number }

/**
 * The blocks of a <pre>'s text (or a block's, <br> read as a line break), positioned in the page; none when it holds
 * no table (it is then read as flow).
 */
export function preBlocks(pre: HElement, page: string, lines: LineIndex, name: string, encoding: string): Block[] {
  const pieces: Piece[] = [];
  let text = '';
  // where the start tag ends (the tree keeps where elements start, not where their tags end)
  const contentStart = startOf(pre) >= 0 ? page.indexOf('>', startOf(pre)) + 1 : -1;
  const collect = (n: HNode) => {
    if (isText(n)) {
      const source = startOf(n);
      pieces.push({ at: text.length, source, first: source >= 0 && source === contentStart, v: 0, s: source });
      text += n.value;
    } else if (isElement(n)) {
      if (n.tagName === 'br') text += '\n';
      else for (const c of childrenOf(n)) collect(c);
    }
  };
  collect(pre);
  const doc = readText(text, name, encoding);
  if (!doc.blocks.some((b) => b.kind === 'table')) return [];
  const fallback = Math.max(0, startOf(pre));
  const place = (p: SourceRef): SourceRef => {
    const offset = p.offset ?? 0;
    let piece: Piece | undefined;
    for (const q of pieces) if (q.at <= offset) piece = q;
    return lines.at(piece && piece.source >= 0 ? pageOffset(page, piece, offset - piece.at) : fallback);
  };
  const row = (r: TableRow): TableRow =>
    ({ ...r, pos: place(r.pos), cells: r.cells.map((c) => ({ ...c, pos: place(c.pos) })) });
  return doc.blocks.map((b) => (b.kind === 'table' ? { ...b, pos: place(b.pos), rows: b.rows.map(row) }
    : { ...b, pos: place(b.pos) }));
}

/**
 * Where the page prints character `k` of a text node's value: a walk from the node's start (or from the last place
 * asked, when `k` lies after it: cells are asked for in order), an entity counted as the one character it stands
 * for, a CR LF as one, the line break the parser drops right after <pre> as none.
 */
function pageOffset(page: string, piece: Piece, k: number): number {
  if (k < piece.v) [piece.v, piece.s] = [0, piece.source];
  let { v, s } = piece;
  if (v === 0 && s === piece.source && piece.first && (page[s] === '\n' || (page[s] === '\r' && page[s + 1] === '\n')))
    s += page[s] === '\r' ? 2 : 1;
  for (; v < k && s < page.length; v++) {
    if (page[s] === '&') {
      const semi = page.indexOf(';', s);
      s = semi > s && semi - s <= 32 ? semi + 1 : s + 1;
    } else s += page[s] === '\r' && page[s + 1] === '\n' ? 2 : 1;
  }
  [piece.v, piece.s] = [v, s];
  return s;
}
