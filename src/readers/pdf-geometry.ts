// Geometry shared by the PDF reader modules: affine matrices (pdf.js order [a b c d e f]), text items with
// their boxes, and rules. Coordinates are top-down page points unless a name says otherwise.

export type Matrix = [number, number, number, number, number, number];

export interface PdfItem {
  text: string;
  x0: number;
  x1: number;
  /** top and bottom of the glyph box (top-down) */
  y0: number;
  y1: number;
  /** the baseline */
  base: number;
  size: number;
  /** written top to bottom (a vertical font) */
  vertical?: boolean;
  /** drawn turned (not along the page's x axis) */
  rotated?: boolean;
}

/** A horizontal rule (y, x0..x1) or a vertical one (x, y0..y1), as `at` and `from..to`. */
export interface Rule { at: number; from: number; to: number }

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 ∘ m2: apply m2 first, then m1 (the PDF `cm` / canvas `transform` composition). */
export function compose(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3], m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4], m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2] || 1;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det,
    (m[1] * m[4] - m[0] * m[5]) / det];
}

/**
 * Glyphs mapped to presentation code points by some PDF producers (browser printing with CFF CJK fonts, vertical
 * writing): CJK radicals standing for whole characters — '⻘⽲县⼈⺠政府' for '青禾县人民政府' — and vertical
 * punctuation forms ('︑' for '、'). Kangxi radicals and vertical forms go through NFKC (⼾ → 户 as SC fonts
 * draw it); the radicals supplement's simplified forms are mapped by hand.
 */
const RADICALS: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⺮': '竹', '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车',
  '⻐': '钅', '⻓': '长', '⻔': '门', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食',
  '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟', '⼾': '户',
  // vertical forms whose NFKC is ASCII: keep the full-width punctuation
  '︐': '，', '︓': '：', '︔': '；', '︕': '！', '︖': '？', '︵': '（', '︶': '）',
};
const PRESENTATION = /[\u2e80-\u2fdf\ufe10-\ufe19\ufe30-\ufe4f]/g;

export function canonicalChars(text: string): string {
  if (!/[\u2e80-\u2fdf\ufe10-\ufe19\ufe30-\ufe4f]/.test(text)) return text;
  return text.replace(PRESENTATION, (c) => RADICALS[c] ?? (c >= '\u2e80' && c < '\u2f00' ? c : c.normalize('NFKC')));
}
