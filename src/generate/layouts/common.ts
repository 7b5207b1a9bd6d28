// Helpers shared by the layouts: writing prose tokens, hard-wrapping prose without splitting numbers, the
// pdftotext habit of spacing digits off from CJK text, and the field-flattening styles of scraped tables.
import type { TableGroup } from '../../model/template.js';
import { flatten, width, type Field, type FlattenStyle } from '../flatten.js';
import type { Block, GridRow, ReportModel, Token } from '../model.js';
import type { Out } from '../out.js';
import type { Rng } from '../random.js';

export type Layout = (model: ReportModel, rng: Rng) => Out;

/** How a layout is produced: its renderer, the bytes' encoding, and an optional text transform (e.g. 繁体). */
export interface LayoutSpec {
  render: Layout;
  encoding: 'utf-8' | 'gbk';
  extension: '.txt' | '.html';
  /** applied to the plain text (not values or figures) after rendering; also to the agency in the truth */
  transform?: (s: string) => string;
  /** the layout never prints tables */
  tablesLost?: boolean;
  /** sentence for the truth notes */
  note?: string;
  /**
   * Where the text can show a blank cell (default: anywhere). 'inner': only between two printed values (one cell
   * per line, where an empty cell at a row's edge prints like a merged cell's empty fields); 'none': nowhere
   * (pdftotext's default mode prints nothing for an empty cell); 'no-review': not in table 四 (whose one row of
   * -layout text has no full row to learn its columns from). The blanks damage makes only blanks the text shows.
   */
  blanks?: 'inner' | 'none' | 'no-review';
  /** a value a row lost leaves a gap at its column (space-aligned text): the text shows a blank there */
  droppedIsBlank?: boolean;
}

export function writeTokens(out: Out, tokens: Token[]): void {
  for (const t of tokens) {
    if (t.figure !== undefined && t.value !== undefined) out.figure(t.figure, t.value, t.text);
    else out.text(t.text);
  }
}

export function tokensText(tokens: Token[]): string {
  return tokens.map((t) => t.text).join('');
}

/** pdftotext puts spaces around ASCII numbers set in a CJK line: '收到申请 21 件'. */
export function spaceDigits(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.figure) out.push({ text: ' ' }, t, { text: ' ' });
    else out.push({ text: t.text.replace(/(\d+)/g, ' $1 ') });
  }
  return out.map((t) => (t.figure ? t : { text: t.text.replace(/ {2,}/g, ' ') }));
}

/** Break prose into lines of at most `max` display columns; figures and ASCII runs are never split, and closing
 * punctuation never starts a line. */
export function wrapTokens(tokens: Token[], max: number): Token[][] {
  const units: Token[] = [];
  for (const t of tokens) {
    if (t.figure) units.push(t);
    else for (const m of t.text.matchAll(/[0-9A-Za-z.%@\-]+|[\s\S]/g)) units.push({ text: m[0] });
  }
  const lines: Token[][] = [[]];
  let len = 0;
  for (const u of units) {
    const w = width(u.text);
    if (len + w > max && len > 0 && !/^[，。、；：）》”！？]$/.test(u.text)) {
      lines.push([]);
      len = 0;
      if (u.text === ' ') continue;
    }
    lines[lines.length - 1].push(u);
    len += w;
  }
  return lines.map(merge).map((line) => {
    const first = line[0];
    const last = line[line.length - 1];
    if (first && !first.figure) first.text = first.text.replace(/^ (?! )/, '');
    if (last && !last.figure) last.text = last.text.replace(/ +$/, '');
    return line.filter((t) => t.text !== '');
  });
}

function merge(line: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of line) {
    const last = out[out.length - 1];
    if (!t.figure && last && !last.figure) last.text += t.text;
    else out.push(t.figure ? t : { text: t.text });
  }
  return out;
}

/** Write a table's fields through `line`, between the group's start and end marks. */
export function writeTable(
  out: Out, group: TableGroup, rows: Field[][], line: (out: Out, fields: Field[]) => void,
): void {
  out.groupStart(group);
  for (const f of rows) line(out, f);
  out.groupEnd(group);
}

/** Flatten styles as seen in scraped tables: section 二 fills colspans, table 三 varies, table 四 fills both. */
export function scrapeStyle(group: TableGroup, rng: Rng): FlattenStyle {
  if (group === 'active') return { colspan: 'full', rowspan: false, trailing: false };
  if (group === 'review') return { colspan: 'full', rowspan: true, trailing: rng.chance(0.3) };
  return { colspan: rng.pick(['one', 'none', 'full'] as const), rowspan: true, trailing: rng.chance(0.4) };
}

export function flattenBlock(grid: GridRow[], group: TableGroup, rng: Rng): Field[][] {
  return flatten(grid, scrapeStyle(group, rng));
}

export function isTable(b: Block): b is Extract<Block, { kind: 'table' }> {
  return b.kind === 'table';
}

/**
 * Table 三's flattened rows as a PDF-to-text dump may print them: a detached block prints its labels on lines of
 * their own and its values on lines of their own (after the labels, or before them), and with split labels a
 * long label's second half starts the line that holds its values.
 */
export function arrangeRows(rows: Field[][], model: ReportModel, layoutRng: Rng): Field[][] {
  // no draw from the layout's generator: other reports unchanged
  if (!model.detached && !model.splitLabels) return rows;
  const rng = layoutRng.fork(3);
  const rowOf = (f: Field[]): string | undefined => f.find((x) => x.key)?.key?.split('/')[1];
  const firstKey = (f: Field[]): number => f.findIndex((x) => x.key);
  let out = rows;
  const d = model.detached;
  if (d) {
    const at = out.findIndex((f) => rowOf(f) === d.rows[0]);
    const block = out.slice(at, at + d.rows.length);
    if (at >= 0 && block.every((f, i) => rowOf(f) === d.rows[i])) {
      const labels = block.map((f) => f.slice(0, firstKey(f)));
      const values = block.map((f) => f.slice(firstKey(f)));
      out = [
        ...out.slice(0, at),
        ...(d.valuesFirst ? [...values, ...labels] : [...labels, ...values]),
        ...out.slice(at + block.length),
      ];
    }
  }
  if (model.splitLabels) {
    out = out.flatMap((f) => {
      const k = firstKey(f);
      let li = -1;
      for (let i = 0; i < k; i++) if (f[i].text !== '') li = i;
      const label = li >= 0 ? f[li].text : '';
      if (li < 0 || label.length < 12 || !rng.chance(0.4)) return [f];
      const cut = Math.floor(label.length / 2);
      return [[...f.slice(0, li), { text: label.slice(0, cut) }], [{ text: label.slice(cut) }, ...f.slice(li + 1)]];
    });
  }
  return out;
}
