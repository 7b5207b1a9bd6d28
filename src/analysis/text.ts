// The prose of a report as compared for text reuse (雷同): which lines count, how they are normalised, and the
// passages two texts share. Node-free (the web app reuses it).
//
// - Counted: sections 一, 五 and 六 whole; in sections 二–四 only sentences (lines ending in 。！？；：), because the
//   rest of those sections is the text of the official tables, which every report prints alike. The heading line
//   of a section is never counted.
// - Normalised: whitespace dropped and every run of digits (with its decimal point) read as one '#', so a text
//   copied from last year with this year's numbers put in is still the same text. Each normalised character keeps
//   the offsets of what it stands for in the section text, so passages are reported in the original's offsets.
import type { Report, Section } from '../model/report.js';

export interface NormText {
  /** the normalised characters */
  text: string;
  /** for each normalised character, its start and end offset in the original text */
  start: Int32Array;
  end: Int32Array;
}

const SENTENCE_END = /[。！？；：]\s*$/;

/** Ranges [from, to) of the lines of a section's text that count as its prose. */
export function proseRanges(section: Pick<Section, 'no' | 'title' | 'text'>): [number, number][] {
  const out: [number, number][] = [];
  const text = section.text;
  const heading = section.title?.replace(/\s/g, '') ?? null;
  let from = 0;
  let first = true;
  while (from <= text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const line = text.slice(from, to);
    const trimmed = line.replace(/\s/g, '');
    const isHeading = first && heading !== null && trimmed === heading;
    if (trimmed !== '') first = false;
    const tableSection = section.no >= 2 && section.no <= 4;
    if (trimmed !== '' && !isHeading && (!tableSection || SENTENCE_END.test(line))) out.push([from, to]);
    from = to + 1;
  }
  return out;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);

/** The normalised text of `ranges` of `text` (all of it by default). */
export function normalise(text: string, ranges: [number, number][] = [[0, text.length]], offsets = true): NormText {
  // typed arrays sized for the worst case, and the string made from the char codes at once: several times faster
  // than growing arrays of one-character strings (this runs on every report of a region)
  const codes = new Uint16Array(text.length);
  // without offsets (screening many reports) the two arrays are not needed: one shared scratch element
  const start = new Int32Array(offsets ? text.length : 1);
  const end = new Int32Array(offsets ? text.length : 1);
  const o = offsets ? 1 : 0;
  let n = 0;
  for (const [from, to] of ranges) {
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) { i++; continue; }
      if (isDigit(c)) {
        let j = i + 1;
        const point = (x: number): boolean => text.charCodeAt(x) === 46 && x + 1 < to &&
          isDigit(text.charCodeAt(x + 1));
        while (j < to && (isDigit(text.charCodeAt(j)) || point(j))) j++;
        codes[n] = 35; // '#'
        start[n * o] = i; end[n++ * o] = j;
        i = j;
        continue;
      }
      codes[n] = c;
      start[n * o] = i; end[n++ * o] = i + 1;
      i++;
    }
  }
  let out = '';
  for (let k = 0; k < n; k += 4096) out += String.fromCharCode(...codes.subarray(k, Math.min(n, k + 4096)));
  return offsets ? { text: out, start: start.slice(0, n), end: end.slice(0, n) } : { text: out, start, end };
}

/** The normalised prose of one section. */
export function sectionProse(section: Pick<Section, 'no' | 'title' | 'text'>): NormText {
  return normalise(section.text, proseRanges(section));
}

/** The normalised prose of a whole report (sections in order, joined without separators). */
export function reportProse(report: Pick<Report, 'sections'>): string {
  let out = '';
  for (const s of report.sections) out += normalise(s.text, proseRanges(s), false).text;
  return out;
}

export interface Match {
  /** start in a and in b (normalised positions) and length */
  a: number;
  b: number;
  length: number;
}

// a polynomial hash of text[i, i + k), 32-bit
function gramHash(text: string, i: number, k: number): number {
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, 31) + text.charCodeAt(i + j)) | 0;
  return h;
}

/** At most this many places of a per k-gram are tried (bounds the work on very repetitive text). */
const MAX_CANDIDATES = 16;

/**
 * Passages of b that stand in a, at least `minLength` normalised characters long, greedily from the start of b:
 * at each place of b the longest match in a is taken and the scan jumps past it. Linear in practice (a hash of
 * every k-gram of a, k = minLength), not a quadratic diff. The hash table is two typed arrays (chains of
 * positions), not a Map of arrays: screening runs this for thousands of pairs and small arrays burden the GC.
 */
export function sharedMatches(a: string, b: string, minLength: number): Match[] {
  const k = Math.max(1, minLength);
  if (a.length < k || b.length < k) return [];
  let size = 16;
  while (size < a.length * 2) size <<= 1;
  const mask = size - 1;
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(a.length);
  for (let i = 0; i + k <= a.length; i++) {
    const slot = gramHash(a, i, k) & mask;
    next[i] = head[slot];
    head[slot] = i;
  }
  const out: Match[] = [];
  let i = 0;
  while (i + k <= b.length) {
    let best = 0;
    let bestAt = -1;
    let tried = 0;
    for (let j = head[gramHash(b, i, k) & mask]; j >= 0 && tried < MAX_CANDIDATES; j = next[j], tried++) {
      let n = 0;
      while (j + n < a.length && i + n < b.length && a.charCodeAt(j + n) === b.charCodeAt(i + n)) n++;
      if (n > best || (n === best && j < bestAt)) { best = n; bestAt = j; }
    }
    if (best >= k) {
      out.push({ a: bestAt, b: i, length: best });
      i += best;
    } else i++;
  }
  return out;
}

/** Normalised characters of b covered by the matches, counting only positions `counted` allows. */
export function coveredChars(matches: Match[], counted?: (pos: number) => boolean): number {
  let n = 0;
  for (const m of matches) {
    if (!counted) { n += m.length; continue; }
    for (let p = m.b; p < m.b + m.length; p++) if (counted(p)) n++;
  }
  return n;
}
