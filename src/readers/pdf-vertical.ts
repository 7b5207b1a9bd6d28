// Vertical text (CJK fonts in vertical mode, as in narrow table columns: 三、本年度办理结果 written top to
// bottom) read from the operator list. pdf.js's text content loses glyphs of vertical runs that are placed
// by explicit moves, so the text state is tracked here (Tm/Tlm, font size, spacing, rise) and each run of
// vertical glyphs becomes one item.
import { OPS } from './pdfjs.js';
import { apply, compose, IDENTITY, canonicalChars, type Matrix, type PdfItem } from './pdf-geometry.js';

interface Glyph { unicode?: string; vmetric?: number[]; isSpace?: boolean }

const isGlyph = (g: unknown): g is Glyph => typeof g === 'object' && g !== null && 'unicode' in g;
const matrixOf = (v: unknown): Matrix | null =>
  Array.isArray(v) || ArrayBuffer.isView(v) ? (Array.from(v as ArrayLike<number>).slice(0, 6) as Matrix) : null;
const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);

interface Piece { text: string; x0: number; x1: number; y0: number; y1: number; size: number }

export class VerticalText {
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  private fontSize = 0;
  private leading = 0;
  private charSpacing = 0;
  private wordSpacing = 0;
  private rise = 0;
  private run: Piece | null = null;
  readonly items: PdfItem[] = [];

  /** Feed one operator; `ctm` maps user space to top-down page points. */
  op(fn: number, args: unknown[], ctm: Matrix): void {
    switch (fn) {
      case OPS.beginText: this.tm = this.tlm = IDENTITY; break;
      case OPS.endText: this.flush(); break;
      case OPS.setFont: this.fontSize = num(args[1], this.fontSize); break;
      case OPS.setLeading: this.leading = num(args[0]); break;
      case OPS.setCharSpacing: this.charSpacing = num(args[0]); break;
      case OPS.setWordSpacing: this.wordSpacing = num(args[0]); break;
      case OPS.setTextRise: this.rise = num(args[0]); break;
      case OPS.setTextMatrix:
        this.tm = this.tlm = matrixOf(args[0]) ?? (args.length >= 6 ? matrixOf(args) : null) ?? this.tm;
        break;
      case OPS.moveText: this.move(num(args[0]), num(args[1])); break;
      case OPS.setLeadingMoveText: this.leading = -num(args[1]); this.move(num(args[0]), num(args[1])); break;
      case OPS.nextLine: this.move(0, -this.leading); break;
      case OPS.showText:
      case OPS.showSpacedText:
        if (Array.isArray(args[0])) this.show(args[0], ctm);
        break;
      default:
    }
  }

  private move(tx: number, ty: number): void {
    this.tlm = compose(this.tlm, [1, 0, 0, 1, tx, ty]);
    this.tm = this.tlm;
  }

  private show(glyphs: unknown[], ctm: Matrix): void {
    const fs = this.fontSize;
    for (const g of glyphs) {
      if (typeof g === 'number') {
        this.tm = compose(this.tm, [1, 0, 0, 1, 0, -(g / 1000) * fs]);
        continue;
      }
      if (!isGlyph(g)) continue;
      if (!g.vmetric) {
        this.flush();
        return; // horizontal text: pdf.js's text content has it
      }
      const m = compose(ctm, this.tm);
      const corners = [apply(m, -0.5 * fs, -fs + this.rise), apply(m, 0.5 * fs, this.rise)];
      const box = {
        x0: Math.min(corners[0][0], corners[1][0]), x1: Math.max(corners[0][0], corners[1][0]),
        y0: Math.min(corners[0][1], corners[1][1]), y1: Math.max(corners[0][1], corners[1][1]),
      };
      this.add(g.unicode ?? '', box);
      const advance = (num(g.vmetric[0], -1000) / 1000) * fs + this.charSpacing + (g.isSpace ? this.wordSpacing : 0);
      this.tm = compose(this.tm, [1, 0, 0, 1, 0, advance]);
    }
  }

  /** Glyphs directly below one another join the current run. */
  private add(text: string, b: { x0: number; x1: number; y0: number; y1: number }): void {
    const size = b.x1 - b.x0;
    const r = this.run;
    if (r && Math.abs((r.x0 + r.x1) / 2 - (b.x0 + b.x1) / 2) < 0.3 * size && b.y0 - r.y1 < 0.6 * size && b.y0 >= r.y0) {
      r.text += text;
      r.y1 = Math.max(r.y1, b.y1);
      return;
    }
    this.flush();
    this.run = { text, ...b, size };
  }

  private flush(): void {
    const r = this.run;
    this.run = null;
    if (!r || !r.text.trim() || r.size <= 0) return;
    // centred so that the item's centre (base − 0.35·size) is the middle of the run
    this.items.push({ text: canonicalChars(r.text), x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1,
      base: (r.y0 + r.y1) / 2 + 0.35 * r.size, size: r.size, vertical: true });
  }
}
