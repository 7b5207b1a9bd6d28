// Line-and-page writer for the pdftotext layouts: lines built from positioned pieces (value cells and figures
// keep their keys), a page number '-N-' and a form feed every `perPage` lines, as poppler prints them.
import type { TableGroup } from '../../model/template.js';
import { width } from '../flatten.js';
import type { Token } from '../model.js';
import type { Out } from '../out.js';

export interface Piece { text: string; key?: string; figure?: string; value?: number }

export class Pages {
  private count = 0;
  private page = 1;
  private held = 0;

  constructor(private out: Out, private perPage: number, private mode: 'layout' | 'default', private pageWidth = 80) {}

  /** A line of pieces placed at display columns; `at` = column where the piece starts (or ends, if right). */
  placed(items: { col: number; piece: Piece; right?: boolean }[]): void {
    const pieces: Piece[] = [];
    let col = 0;
    for (const it of items) {
      const w = width(it.piece.text);
      const start = Math.max(it.right ? it.col - w : it.col, col + (col > 0 ? 1 : 0));
      if (start > col) pieces.push({ text: ' '.repeat(start - col) });
      pieces.push(it.piece);
      col = start + w;
    }
    this.line(pieces);
  }

  line(pieces: Piece[] | string): void {
    const list = typeof pieces === 'string' ? [{ text: pieces }] : pieces;
    for (const p of list) {
      if (p.key) this.out.cell(p.key, p.text);
      else if (p.figure !== undefined && p.value !== undefined) this.out.figure(p.figure, p.value, p.text);
      else this.out.text(p.text);
    }
    this.out.text('\n');
    if (this.mode === 'default' && list.every((p) => !p.text.trim())) return; // blank lines do not fill a page
    if (++this.count >= this.perPage && this.held === 0) this.pageBreak();
  }

  /** Write lines that must stay on one page (a table row): the page break waits until they are written. */
  keep(fn: () => void): void {
    this.held++;
    fn();
    this.held--;
    if (this.held === 0 && this.count >= this.perPage) this.pageBreak();
  }

  tokens(tokens: Token[], indent = ''): void {
    this.line([{ text: indent }, ...tokens]);
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.line('');
  }

  group(g: TableGroup, edge: 'start' | 'end'): void {
    if (edge === 'start') this.out.groupStart(g);
    else this.out.groupEnd(g);
  }

  centred(text: string): string {
    return ' '.repeat(Math.max(0, Math.floor((this.pageWidth - width(text)) / 2))) + text;
  }

  pageBreak(): void {
    const no = `-${this.page++}-`;
    if (this.mode === 'layout') this.out.text(`\n${this.centred(no)}\n\f`);
    else this.out.text(`${no}\n\n\f`);
    this.count = 0;
  }

  finish(): void {
    if (this.count > 0) this.pageBreak();
  }
}

/** Split a label into chunks of at most `max` display columns. */
export function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (width(cur + ch) > max && cur && !/[，。、；：）》”]/.test(ch)) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
