// A report's cells as one compact text, column by column (the stored model's `cells`, model-codec.ts):
//   "2|<keys>|<values>|<hows>|<sources>|<extras>"
// keys    each cell's key, ';' between them; a key's table left out when it is the previous key's, and its row too
//         when both are ("art20_1/regulations/made;//repealed;/normativeDocuments/made")
// values  ',' between them: a number as JavaScript prints it (read back exactly), '' for a printed blank
// hows    '' when every cell is read directly, else one letter a cell (d direct, i inferred, o ordered)
// sources line,column,offset of each cell, ',' between them ('' for an offset the source has not)
// extras  '' or the JSON of what some cells have beyond that, by the cell's index: a raw text other than its
//         value as printed, a source with other fields (a PDF page and box), other fields (unit, reason)
// Why: the import's workers packed each model's cells as the JSON of tuples, DEFLATE-compressed and in base64.
// For a typical report that cost ~0.4 ms of a worker's 2 ms (JSON.stringify of ~200 tuples, a zlib stream built
// and torn down per call, the compression), about a fifth of the import's parse work (a CPU profile of the worker;
// the note of issue 10). With this text packReport takes 184 µs a report where it took 346 (isolated, alternated);
// the text holds nothing JSON has to escape, and the database compresses the stored model (migration 0010: lz4).
// A model it cannot write this way (a key of other than three parts, a separator inside a key, a number JSON
// cannot carry, an unknown `how`) is packed the old way (model-codec.ts), which is still read, as are the models
// stored in it. Read back, a cell is the same tuple the old way gives (CellTuple), made a Cell by model-codec.ts.
import type { Cell, ReadHow, SourceRef } from '../model/report.js';

export const CELLS_TEXT_MARK = '2|';

const HOW_LETTER: Record<ReadHow, string> = { direct: 'd', inferred: 'i', ordered: 'o' };
const LETTER_HOW: Record<string, ReadHow> = { d: 'direct', i: 'inferred', o: 'ordered' };

/**
 * A cell as stored, either way: key, value, raw, how, source, and its other fields when it has any (unit, reason,
 * and table, row and column, all three, when they are not the key's parts).
 */
export type CellTuple = [string, number | null, string, ReadHow, SourceRef, Record<string, unknown>?];

interface Extra { raw?: string; source?: SourceRef; rest?: Record<string, unknown> }

const printed = (value: number | null): string => (value === null ? '' : String(value));

/** Whether a key is three non-empty parts free of the text's separators (a, b: its two slashes). */
function plainKey(key: string, a: number, b: number): boolean {
  return a > 0 && b > a + 1 && b < key.length - 1 && key.indexOf('/', b + 1) < 0 && !key.includes(';') &&
    !key.includes('|');
}

/** Whether a source is line, column and maybe offset, all finite (else it is kept whole among the extras). */
const plainSource = (s: SourceRef): boolean => s.page === undefined && s.bbox === undefined &&
  Number.isFinite(s.line) && Number.isFinite(s.column) && (s.offset === undefined || Number.isFinite(s.offset));

/**
 * The cells (in the order of `keys`, their own keys) as the text, or null when a cell cannot be written this way
 * (the caller packs them otherwise). A cell's fields are the model's (report.ts Cell); others are not kept.
 */
export function cellsToText(cells: Record<string, Cell>, keys: readonly string[] = Object.keys(cells)): string | null {
  const n = keys.length;
  const written = new Array<string>(n);
  const values = new Array<string>(n);
  const sources = new Array<number | string>(3 * n);
  let hows = '';
  let extras: Record<number, Extra> | null = null;
  let table = '';
  let row = '';
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    const c = cells[key];
    const a = key.indexOf('/');
    const b = key.indexOf('/', a + 1);
    if (c.key !== key || !plainKey(key, a, b) || c.value !== null && !Number.isFinite(c.value)) return null;
    const t = key.slice(0, a);
    const r = key.slice(a + 1, b);
    written[i] = i === 0 || t !== table ? key : r !== row ? key.slice(a) : `/${key.slice(b)}`;
    table = t;
    row = r;
    const value = printed(c.value);
    values[i] = value;
    if (c.how !== 'direct' || hows) {
      const letter = HOW_LETTER[c.how];
      if (letter === undefined) return null;
      hows ||= 'd'.repeat(i); // the cells before were all read directly
      hows += letter;
    }
    const s = c.source;
    const plain = plainSource(s);
    sources[3 * i] = plain ? s.line : 0;
    sources[3 * i + 1] = plain ? s.column : 0;
    sources[3 * i + 2] = plain ? s.offset ?? '' : '';
    let extra: Extra | null = null;
    if (c.raw !== value) (extra ??= {}).raw = c.raw;
    if (!plain) (extra ??= {}).source = s;
    if (c.unit !== undefined) ((extra ??= {}).rest ??= {}).unit = c.unit;
    if (c.reason !== undefined) ((extra ??= {}).rest ??= {}).reason = c.reason;
    if (c.table !== t || c.row !== r || c.column !== key.slice(b + 1)) {
      const rest = ((extra ??= {}).rest ??= {});
      [rest.table, rest.row, rest.column] = [c.table, c.row, c.column];
    }
    if (extra) (extras ??= {})[i] = extra;
  }
  return `${CELLS_TEXT_MARK}${written.join(';')}|${values.join(',')}|${hows}|${sources.join(',')}|` +
    (extras ? JSON.stringify(extras) : '');
}

/** The cells a text holds, in their order (a text not made by cellsToText throws). */
export function textToCells(text: string): CellTuple[] {
  if (!text.startsWith(CELLS_TEXT_MARK)) throw new Error('not a cells text');
  // the first four fields hold no '|'; the extras (JSON) may
  const cuts = [CELLS_TEXT_MARK.length - 1];
  for (let n = 0; n < 4; n++) {
    const at = text.indexOf('|', cuts[n] + 1);
    if (at < 0) throw new Error('a cells text cut short');
    cuts.push(at);
  }
  const field = (n: number): string => text.slice(cuts[n] + 1, cuts[n + 1]);
  const keys = field(0) === '' ? [] : field(0).split(';');
  const values = field(1).split(',');
  const hows = field(2);
  const sources = field(3).split(',');
  const extrasText = text.slice(cuts[4] + 1);
  const extras = (extrasText ? JSON.parse(extrasText) : {}) as Record<string, Extra>;
  const out: CellTuple[] = new Array(keys.length);
  let table = '';
  let row = '';
  for (let i = 0; i < keys.length; i++) {
    const [t, r, column] = keys[i].split('/');
    if (t) table = t;
    if (t || r) row = r;
    const v = values[i];
    const offset = sources[3 * i + 2];
    const x = extras[i];
    const source = x?.source ?? (offset === ''
      ? { line: Number(sources[3 * i]), column: Number(sources[3 * i + 1]) }
      : { line: Number(sources[3 * i]), column: Number(sources[3 * i + 1]), offset: Number(offset) });
    const tuple: CellTuple = [`${table}/${row}/${column}`, v === '' ? null : Number(v), x?.raw ?? v,
      hows ? LETTER_HOW[hows[i]] : 'direct', source];
    if (x?.rest) tuple.push(x.rest);
    out[i] = tuple;
  }
  return out;
}
