// The region names as a lookup table for the agency finder (agency.ts), ready at a process's first need without
// building anything. Why not a Set<string>: building a Set of the 34,000 GB/T 2260 names, and a Map of their
// two-character starts, took ~60 ms of CPU at every process start (cold code: one string per name, each hashed
// into both), against a batch's few dozen lookups per report; bench/corpus-throughput.mjs counts process start,
// and `node bench/region-table.mjs` measures the ways side by side. Here the names stay one string ('\n' between
// them) and an open-addressing table holds their offsets; the build writes the table beside the names
// (scripts/region-names.mjs, REGION_INDEX_FILE), so a process only reads two files. A lookup compares characters
// in place (no piece of the text is cut out to ask about it).

/** The file the build writes beside region-names.txt: the table of `NameTable.index()`. */
export const REGION_INDEX_FILE = 'region-names.idx';

const MAGIC = 0x544b4731; // '1GKT' (little-endian): the layout below, version 1
const HEADER = 4; // 32-bit words: magic, names' length, slots, reserved
const STARTS = 0x10000;

/** FNV-1a over UTF-16 code units, from `from` to `to` (exclusive). */
function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The bucket of two first characters (a collision only makes `longestFrom` larger: more lookups, same answers). */
const startBucket = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & 0xffff;

export class NameTable {
  private readonly mask: number;

  /**
   * `slots`: offset + 1 of each name's first character in `names`, 0 for an empty slot (a power of two of them);
   * `lengths`: each slot's name length; `longest`: per bucket of two starting characters, the length of the longest
   * name that may start so (0: none does).
   */
  private constructor(
    private readonly names: string,
    private readonly slots: Int32Array,
    private readonly lengths: Uint8Array,
    private readonly longest: Uint8Array,
  ) {
    this.mask = slots.length - 1;
  }

  /** The table of `names`, separated by '\n' (names shorter than 2 or longer than 255 characters are left out). */
  static build(names: string): NameTable {
    let count = 1;
    for (let i = names.indexOf('\n'); i >= 0; i = names.indexOf('\n', i + 1)) count++;
    let size = 1;
    while (size < count * 3) size <<= 1; // load ≤ 1/3: short probe runs
    const table = new NameTable(names, new Int32Array(size), new Uint8Array(size), new Uint8Array(STARTS));
    for (let start = 0; start <= names.length;) {
      let end = names.indexOf('\n', start);
      if (end < 0) end = names.length;
      const length = end - start;
      if (length >= 2 && length <= 255) table.add(start, length);
      start = end + 1;
    }
    return table;
  }

  /** The table as bytes, for `fromIndex` (written by the build). */
  index(): Uint8Array {
    const size = this.slots.length;
    const out = new Uint8Array(HEADER * 4 + size * 4 + size + STARTS);
    new Uint32Array(out.buffer, 0, HEADER).set([MAGIC, this.names.length, size, 0]);
    new Int32Array(out.buffer, HEADER * 4, size).set(this.slots);
    out.set(this.lengths, HEADER * 4 + size * 4);
    out.set(this.longest, HEADER * 4 + size * 5);
    return out;
  }

  /** The table `index()` wrote for these names, or null when the bytes are not such a table of them. */
  static fromIndex(names: string, bytes: Uint8Array): NameTable | null {
    if (bytes.length < HEADER * 4) return null;
    // typed-array views need aligned offsets: a copy when the bytes do not start at one
    const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const [magic, length, size] = new Uint32Array(b.buffer, b.byteOffset, HEADER);
    if (magic !== MAGIC || length !== names.length || size === 0 || (size & (size - 1)) !== 0 ||
      b.length !== HEADER * 4 + size * 5 + STARTS) return null;
    return new NameTable(
      names,
      new Int32Array(b.buffer, b.byteOffset + HEADER * 4, size),
      new Uint8Array(b.buffer, b.byteOffset + HEADER * 4 + size * 4, size),
      new Uint8Array(b.buffer, b.byteOffset + HEADER * 4 + size * 5, STARTS),
    );
  }

  private add(start: number, length: number): void {
    const { names } = this;
    let i = hashOf(names, start, start + length) & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = start + 1;
    this.lengths[i] = length;
    const b = startBucket(names.charCodeAt(start), names.charCodeAt(start + 1));
    if (this.longest[b] < length) this.longest[b] = length;
  }

  /** Whether s[from, to) is one of the names. */
  has(s: string, from = 0, to = s.length): boolean {
    const length = to - from;
    if (length < 2 || length > 255) return false;
    const { names, slots, lengths } = this;
    for (let i = hashOf(s, from, to) & this.mask; slots[i] !== 0; i = (i + 1) & this.mask) {
      if (lengths[i] !== length) continue;
      const at = slots[i] - 1;
      let k = 0;
      while (k < length && names.charCodeAt(at + k) === s.charCodeAt(from + k)) k++;
      if (k === length) return true;
    }
    return false;
  }

  /**
   * At least the length of the longest name that starts with s[at, at + 2), and 0 only when no name does (so a
   * caller may skip the start, or stop trying longer pieces, without losing a name).
   */
  longestFrom(s: string, at: number): number {
    if (at + 2 > s.length) return 0;
    return this.longest[startBucket(s.charCodeAt(at), s.charCodeAt(at + 1))];
  }
}
