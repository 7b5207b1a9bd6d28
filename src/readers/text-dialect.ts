// Text tables drawn or delimited by other characters than tabs and pipes: box-drawing characters (text-mode
// browser dumps such as w3m's, console renderings of Word tables: ┌──┬──┐ │a │b │ ├──┼──┤) and comma- or
// semicolon-separated values (CSV exports of the tables). The text reader asks `dialectOf` once per document and
// then, line by line, drops box rules, reads box verticals as pipes, and splits separated records here, keeping
// each cell's column so provenance stays exact. Documents without these characters pay one native scan each.

/** What a document's table lines are drawn with, beside tabs, pipes and runs of spaces. */
export interface TextDialect {
  /** box-drawing characters (U+2500–U+257F) occur: their rules are dropped, their verticals read as pipes */
  box: boolean;
  /** the field separator of a separated-values document (',' or ';'), or null */
  separator: ',' | ';' | null;
}

const BOX = /[\u2500-\u257f]/;
/** Characters a box rule line is made of: box drawing, and the ASCII a grid border uses. */
const BOX_RULE = /^[\s\u2500-\u257f+\-=:]*$/;
/** The vertical box-drawing characters that separate cells (light, heavy, double, dashed). */
const BOX_VERTICAL = /[\u2502\u2503\u2506\u2507\u250a\u250b\u254e\u254f\u2551]/g;
/** Sentence punctuation: a line holding it is prose, whatever its commas. */
const SENTENCE = /[。！？]/;
/** Records (lines of ≥ 4 fields, 2 of them numbers or blank) a text needs to be read as separated values. */
const MIN_RECORDS = 5;
const NUMBER_FIELD = /^\s*(?:[-+]?\d[\d.]*%?)?\s*$/;

/** The dialect of a decoded text; `name` lends its extension (.csv) as a tie-breaker. */
export function dialectOf(text: string, name: string): TextDialect {
  const box = BOX.test(text);
  return { box, separator: box ? null : separatorOf(text, /\.csv$/i.test(name)) };
}

/** Markdown emphasis around a whole cell ('**12**', '__12__', '*12*'): the cell's text inside it. Bold labels read
 * either way (labels match on their CJK characters); a bold number reads only without its asterisks. */
export function unemphasise(cell: string): string {
  const c = cell.charCodeAt(0);
  if (c !== 0x2a && c !== 0x5f) return cell; // '*' or '_': every other cell returns here
  const m = /^(\*\*|__|\*|_)([^*_]+)\1$/.exec(cell);
  return m ? m[2].trim() : cell;
}

/** A line that only draws a box rule (┌──┬──┐, ├──┼──┤, +----+): no cell in it. */
export function isBoxRule(line: string): boolean {
  return BOX.test(line) && BOX_RULE.test(line);
}

/** The line with the box's verticals read as pipes (one character for one: columns stay where they were). */
export function unbox(line: string): string {
  return line.replace(BOX_VERTICAL, '|');
}

function separatorOf(text: string, csvName: boolean): TextDialect['separator'] {
  // a document with tab or pipe tables has its delimiter; commas there are prose or numbers
  if (text.includes('\t') || text.includes('|') || text.includes('｜')) return null;
  for (const sep of [',', ';'] as const) {
    if (!text.includes(sep)) continue;
    let records = 0;
    for (const line of text.split('\n')) {
      if (!line.includes(sep)) continue;
      const fields = splitSeparated(line, sep);
      if (!fields || fields.length < 4) continue;
      let numeric = 0;
      for (const f of fields) if (NUMBER_FIELD.test(f.text)) numeric++;
      if (numeric >= 2 && ++records >= (csvName ? 1 : MIN_RECORDS)) return sep;
    }
  }
  return null;
}

/**
 * A separated record's fields with the column each starts at (quotes removed, "" read as "), or null when the line
 * is not a record: fewer than two separators outside quotes, or a sentence. Every separator ends a field, so blank
 * fields keep their places as a pipe row's do.
 */
export function splitSeparated(line: string, sep: ',' | ';'): { text: string; start: number }[] | null {
  if (SENTENCE.test(line)) return null;
  const out: { text: string; start: number }[] = [];
  const code = sep.charCodeAt(0);
  let i = 0;
  const n = line.endsWith('\r') ? line.length - 1 : line.length;
  for (;;) {
    while (i < n && line.charCodeAt(i) === 0x20) i++;
    let text: string;
    const start = i;
    if (line.charCodeAt(i) === 0x22) {
      // a quoted field: up to the closing quote; a doubled quote is one quote
      let j = i + 1;
      text = '';
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null; // an unclosed quote: not a record this reader can place
        text += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 0x22) {
          text += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      while (i < n && line.charCodeAt(i) !== code) i++;
      out.push({ text: text.trim(), start: start + 1 });
    } else {
      let j = i;
      while (j < n && line.charCodeAt(j) !== code) j++;
      text = line.slice(i, j).trim();
      out.push({ text, start });
      i = j;
    }
    if (i >= n) break;
    i++; // past the separator; one at the very end leaves an empty last field, as in CSV
  }
  return out.length >= 3 ? out : null;
}

/**
 * Tab-separated cells as a TSV export quotes them ("0", "3.危及""三安全一稳定"""): each cell wrapped in double quotes
 * becomes what they hold ("" read as "), starting where it starts. In place.
 */
export function unquoteCells(cells: { text: string; start: number }[]): void {
  for (const c of cells) {
    const t = c.text.trim();
    if (t.length < 2 || t.charCodeAt(0) !== 0x22 || t.charCodeAt(t.length - 1) !== 0x22) continue;
    c.start += c.text.indexOf('"') + 1;
    c.text = t.slice(1, -1).replace(/""/g, '"');
  }
}

/** A label with its first value glued on by a colon ('行政事业性收费：36'): the label, the colon, the number. */
const GLUED_VALUE = /^(.*[^\s\d：:])\s*[：:]\s*([-+]?\d+(?:\.\d+)?)$/;

/**
 * A row's first cell split where a label carries its first value after a colon, so the value takes its own column
 * instead of vanishing into the label (the row would then look one value short and fit the header shifted).
 */
export function peelGluedValue<C extends { text: string; start: number }>(cells: C[], make: (text: string,
  start: number) => C): C[] {
  const first = cells[0];
  if (!first || !first.text.includes('：') && !first.text.includes(':')) return cells;
  const m = GLUED_VALUE.exec(first.text);
  if (!m) return cells;
  const at = first.text.lastIndexOf(m[2]);
  return [make(m[1].trim(), first.start), make(m[2], first.start + at), ...cells.slice(1)];
}
