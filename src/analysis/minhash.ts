// MinHash over character shingles, with LSH banding, for 雷同 screening at scale. Node-free.
//
// Written here rather than taken from a package: none is installed (the planned dependencies have no
// near-duplicate library, and adding one is not ours to do), and what is needed is small. It is the
// one-permutation variant (Li, Owen & Zhang 2012) with densification by rotation (Shrivastava & Li 2014): each
// shingle is hashed once and lands in one of `size` bins, each bin keeps its minimum, and an empty bin borrows the
// next non-empty bin's value. That costs one hash per shingle instead of `size` hashes per shingle, and keeps the
// MinHash property: two signatures agree in a bin with probability ≈ the Jaccard similarity of the shingle sets.

/** murmur3's 32-bit finaliser: a cheap, well-mixing bijection of 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of text[i, i + k). */
export function shingleAt(text: string, i: number, k: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + k; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193);
  return h >>> 0;
}

/** The hash of the shingle starting at every position (length text.length − k + 1, or 0). */
export function shingleHashes(text: string, k: number): Uint32Array {
  const n = Math.max(0, text.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = shingleAt(text, i, k);
  return out;
}

/** The distinct values of a hash list, sorted. */
export function uniqueSorted(hashes: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(hashes).sort();
  let w = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[w++] = sorted[i];
  return sorted.slice(0, w);
}

const EMPTY = 0xffffffff;

/** The signature of a shingle set, or null for an empty set. `size` bins. */
export function signature(set: ArrayLike<number>, size: number): Uint32Array | null {
  if (set.length === 0) return null;
  const sig = new Uint32Array(size).fill(EMPTY);
  for (let i = 0; i < set.length; i++) {
    const x = fmix32(set[i]);
    const bin = x % size;
    const v = fmix32(x ^ 0x9e3779b9);
    if (v < sig[bin]) sig[bin] = v;
  }
  // densification: an empty bin takes the value of the next non-empty bin (circularly), offset by the distance so
  // that borrowed values do not collide with the lender's own
  const filled = Uint32Array.from(sig);
  for (let b = 0; b < size; b++) {
    if (sig[b] !== EMPTY) continue;
    let d = 1;
    while (sig[(b + d) % size] === EMPTY) d++;
    filled[b] = fmix32((sig[(b + d) % size] + Math.imul(d, 0x9e3779b1)) >>> 0);
  }
  return filled;
}

/** Estimated Jaccard similarity: the share of bins where two signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Candidate pairs (i < j) of signatures sharing at least one LSH band (`bands` × `rows` = signature length).
 * Two sets of Jaccard similarity s become candidates with probability 1 − (1 − s^rows)^bands.
 */
export function lshCandidates(signatures: (Uint32Array | null)[], bands: number, rows: number): [number, number][] {
  const n = signatures.length;
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const sig = signatures[i];
      if (!sig) continue;
      let h = band;
      for (let r = 0; r < rows; r++) h = fmix32((h ^ Math.imul(sig[band * rows + r], 0x27d4eb2d)) >>> 0);
      const list = buckets.get(h);
      if (list) list.push(i);
      else buckets.set(h, [i]);
    }
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const key = list[x] * n + list[y];
          if (seen.has(key)) continue;
          seen.add(key);
          out.push([list[x], list[y]]);
        }
    }
  }
  return out;
}

/**
 * Table bits for a sketch that will count `entries` (document, shingle) pairs and be compared with `limit`: the
 * average excess a collision adds stays ≤ 1 % of the limit, in a table as small as that allows (a small table stays
 * in the CPU cache: every shingle of every report is counted and looked up).
 */
export function sketchBits(entries: number, limit: number): number {
  return Math.min(24, Math.max(16, Math.ceil(Math.log2((100 * entries) / Math.max(1, limit)))));
}

/**
 * A count sketch of document frequencies: how many documents hold each shingle, in a fixed table indexed by the
 * shingle's hash (collisions can only raise a count, by ~ occurrences / table size on average — far below the
 * "common text" limits it is compared with). Fixed memory however many reports are screened.
 */
export class FrequencySketch {
  private readonly counts: Uint16Array;
  private readonly mask: number;

  constructor(bits = 20) {
    this.counts = new Uint16Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** count one document's distinct shingles */
  add(unique: Uint32Array): void {
    for (let i = 0; i < unique.length; i++) {
      const b = fmix32(unique[i]) & this.mask;
      if (this.counts[b] < 0xffff) this.counts[b]++;
    }
  }

  count(hash: number): number {
    return this.counts[fmix32(hash) & this.mask];
  }
}
