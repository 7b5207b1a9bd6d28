// Text normalisation for matching (never for display): full-width → half-width, odd spaces, quotes, brackets.
// The original text is always kept for display and source positions. Browser-safe (part of gongkai/model through
// the rules): 繁体 → 简体, which loads OpenCC, is Node's side, in traditional.ts.
/** Unicode spaces (NBSP, ideographic space, zero-width) to plain spaces; keeps length. */
export function plainSpaces(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ');
}

/** Ideographs of the CJK unified block and ASCII letters and digits only: what every step below keeps as it is. */
const UNCHANGED = /^[\u4e00-\u9fffA-Za-z0-9]*$/;

/** NFKC plus punctuation unification; used before matching labels. */
export function normaliseForMatch(s: string): string {
  // most titles are such: one test, not seven passes over the text
  if (UNCHANGED.test(s)) return s;
  return plainSpaces(s)
    .normalize('NFKC')
    .replace(/[“”„‟"'‘’`「」『』]/g, '')
    .replace(/[【［\[]/g, '(')
    .replace(/[】］\]]/g, ')')
    .replace(/[，、,；;：:。.．·]/g, (m) => (m === '.' || m === '．' ? '.' : ','))
    .replace(/\s+/g, '');
}

/** The text reduced to its letters and digits: what label matching compares. */
let lastInput: string | null = null;
let lastKey = '';

export function labelKey(s: string): string {
  // the classifier asks for the same text's key several times in a row (caption? heading? label? version?)
  if (s === lastInput) return lastKey;
  lastKey = fastLabelKey(s) ?? slowLabelKey(s);
  lastInput = s;
  return lastKey;
}

/** labelKey by its definition: normaliseForMatch, then only letters, digits, '.' and brackets kept. */
export function slowLabelKey(s: string): string {
  return normaliseForMatch(s).replace(/[^\p{L}\p{N}.()]/gu, '');
}

/**
 * What each character of the common ranges becomes in slowLabelKey (-1 dropped, 0 kept, else the code it becomes),
 * for ASCII, full-width ASCII and the CJK punctuation, quotes and spaces of these reports. A character outside
 * them (…, ①, ⑴, compatibility ideographs: NFKC changes their length) sends the whole text down the slow path.
 */
const ASCII_KEY = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII_KEY[c] = /[A-Za-z0-9.()]/.test(ch) ? 0 : ch === '[' ? 0x28 : ch === ']' ? 0x29 : -1;
}
/** Non-ASCII characters outside the CJK block with a fixed answer: dropped, or a bracket. */
const OTHER_KEY = new Map<number, number>([
  ...[0xa0, 0xb7, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x3000, 0x3001, 0x3002, 0x3003, 0x3008, 0x3009, 0x300a,
    0x300b, 0x300c, 0x300d, 0x300e, 0x300f, 0x3014, 0x3015, 0x3016, 0x3017, 0x3018, 0x3019, 0x301a, 0x301b, 0xfeff]
    .map((c): [number, number] => [c, -1]),
  [0x3010, 0x28], [0x3011, 0x29],
]);

/** labelKey in one pass over the common characters (bench/parse-throughput: it runs on every row); null: slow path. */
function fastLabelKey(s: string): string | null {
  let out = '';
  let from = 0; // start of the run of kept characters not yet copied
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue; // a CJK unified ideograph: kept as it is
    let to: number;
    if (c < 128) to = ASCII_KEY[c];
    else if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0; // full-width ASCII: NFKC gives the ASCII character, which then goes by the ASCII rule
      to = ASCII_KEY[c] === 0 ? c : ASCII_KEY[c];
    } else {
      const known = OTHER_KEY.get(c);
      if (known === undefined) return null;
      to = known;
    }
    if (to === 0) continue;
    out += s.slice(from, i);
    if (to > 0) out += String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Whitespace, or a full-width digit: what squeeze changes. */
const SQUEEZABLE = /[\s０-９]/;

/**
 * No whitespace, and ASCII digits (full-width ２０２２ reads as 2022): how the metadata and year finders compare
 * lines (a PDF's text breaks words with spaces). Most lines of Chinese prose have neither: one test, no copy.
 */
export function squeeze(s: string): string {
  if (!SQUEEZABLE.test(s)) return s;
  const joined = s.replace(/\s+/g, '');
  if (!/[０-９]/.test(joined)) return joined;
  return joined.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export interface ParsedNumber { value: number; unit?: string; signed: boolean }

/** The value of 1–9 ASCII digits, else -1: the common cell, read without the regex. */
export function plainInteger(t: string): number {
  const n = t.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = t.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const NUMBER_CELL = /^([+\-−－]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|元|件|个|条|项|次|%)?$/;

/** Parse a table cell as a number ('1276.7257', '+19', '-25', '251000元', '３,１１９'); null if it is not one. */
export function parseNumberCell(text: string): ParsedNumber | null {
  const plain = plainInteger(text);
  if (plain >= 0) return { value: plain, unit: undefined, signed: false };
  const t = plainSpaces(text).normalize('NFKC').trim();
  const m = NUMBER_CELL.exec(t);
  if (!m) return null;
  const sign = m[1] === '' ? 1 : m[1] === '+' ? 1 : -1;
  const int = m[2].replace(/,/g, '');
  const value = sign * Number(m[3] ? `${int}.${m[3]}` : int);
  if (!Number.isFinite(value)) return null;
  return { value: Object.is(value, -0) ? 0 : value, unit: m[4], signed: m[1] !== '' };
}

/** Cells that stand for "nothing printed here": blank, dashes, slashes. */
export function isBlankCell(text: string): boolean {
  return /^[\s\-—–―/／\\|]*$/.test(plainSpaces(text).normalize('NFKC'));
}

/** Chinese numerals up to 九千九百九十九 ('十' = 10, '二十一' = 21). */
export function chineseNumeral(s: string): number | null {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  if (!s || /[^零〇一二两三四五六七八九十百千]/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in digits) current = digits[ch];
    else {
      total += (current || 1) * units[ch];
      current = 0;
    }
  }
  return total + current;
}

/**
 * A copy of `s` that does not share storage with the string it was cut from. V8 keeps a slice of a longer
 * string as a view onto it, so a cache holding a line of a report would keep the whole report's text alive:
 * entries of the module caches (recurring labels and their answers) are stored as copies.
 */
export function detachedCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
