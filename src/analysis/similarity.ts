// 雷同 screening of a region's reports for one year: each report against its own previous year (directly: one
// comparison per body) and against every peer of the same year (MinHash signatures of its prose shingles and LSH
// banding find the candidate pairs; no all-pairs diff), each candidate confirmed by the exact repetition rate
// (text.ts: shared passages of at least `minPassage` characters). Node-free.
//
// Text that most reports of the screened set print — the 条例's phrases, the national template's sentences — is
// not 雷同: shingles held by more than `commonShare` of the reports (once there are `commonMinReports` of them)
// are dropped from the signatures, and the characters they cover count neither as repeated nor in the total. The
// rate is therefore "share of b's own prose that repeats a". One exception: a report whose whole prose is last
// year's unchanged (numbers aside) is listed with rate 1 even when that prose is all common text.
import type { AnalysisReport, SimilarPair, SimilarityOptions, SimilarityResult } from '../model/analysis.js';
import {
  FrequencySketch, estimateJaccard, lshCandidates, shingleHashes, signature, sketchBits, uniqueSorted,
} from './minhash.js';
import { reportProse, sharedMatches } from './text.js';
import { withDefaults } from './util.js';

export const SIMILARITY_DEFAULTS = {
  threshold: 0.5, shingle: 5, bands: 64, rows: 2, minJaccard: 0.08, minPassage: 12, commonShare: 0.2,
  commonMinReports: 10, minChars: 80,
} as const satisfies Omit<Required<SimilarityOptions>, 'year'>;

type Input = Pick<AnalysisReport, 'reportId' | 'bodyId' | 'bodyName' | 'year' | 'report'>;

interface Doc {
  input: Input;
  year: number;
  text: string;
  /** 1 where the normalised character counts (not covered by a common shingle) */
  counted: Uint8Array;
  chars: number;
  /** distinct distinctive shingles (the set the signature stands for) */
  size: number;
  sig: Uint32Array | null;
}

function yearOf(r: Input): number | null {
  return r.year ?? r.report.year;
}

function bodyKey(r: Input): string {
  return r.bodyId !== null ? `#${r.bodyId}` : `@${r.report.agency ?? r.bodyName}`;
}

interface Prepared { input: Input; year: number; text: string; hashes: Uint32Array; unique: Uint32Array }

/** Prose, per-position hashes and distinct shingles of each report. */
function prepare(inputs: Input[], k: number): Prepared[] {
  return inputs.map((input) => {
    const text = reportProse(input.report);
    const hashes = shingleHashes(text, k);
    return { input, year: yearOf(input) ?? 0, text, hashes, unique: uniqueSorted(hashes) };
  });
}

type Counted = Pick<Doc, 'text' | 'counted' | 'chars'>;

/** Rate of b repeated in a (and of a in b), counting only positions each doc counts. */
export function repetition(a: Counted, b: Counted, minPassage: number): {
  rateB: number; rateA: number; sharedB: number; sharedA: number;
} {
  const matches = sharedMatches(a.text, b.text, minPassage);
  const coveredA = new Uint8Array(a.text.length);
  let sharedB = 0;
  for (const m of matches)
    for (let p = 0; p < m.length; p++) {
      if (b.counted[m.b + p]) sharedB++;
      if (a.counted[m.a + p]) coveredA[m.a + p] = 1;
    }
  let sharedA = 0;
  for (let p = 0; p < coveredA.length; p++) sharedA += coveredA[p];
  return {
    rateB: b.chars === 0 ? 0 : sharedB / b.chars, rateA: a.chars === 0 ? 0 : sharedA / a.chars, sharedB, sharedA,
  };
}

function ref(d: Doc): SimilarPair['a'] {
  return { reportId: d.input.reportId, label: d.input.bodyName, year: d.year };
}

/**
 * Screen the reports of `options.year` (reports of year − 1 in `reports` serve as previous years). Pairs with a
 * repetition rate at or above the threshold, highest first.
 */
export function screenSimilarity(reports: Input[], options: SimilarityOptions): SimilarityResult {
  const o = withDefaults(SIMILARITY_DEFAULTS, options);
  const relevant = reports.filter((r) => yearOf(r) === o.year || yearOf(r) === o.year - 1);
  const prepared = prepare(relevant, o.shingle);
  const filter = o.commonShare < 1 && prepared.length >= o.commonMinReports;
  const limit = Math.max(2, Math.ceil(o.commonShare * prepared.length));
  const sketch = new FrequencySketch(sketchBits(filter ? prepared.reduce((n, p) => n + p.unique.length, 0) : 0, limit));
  if (filter) for (const p of prepared) sketch.add(p.unique);
  const common = (h: number): boolean => filter && sketch.count(h) > limit;
  const size = o.bands * o.rows;
  const docs: Doc[] = prepared.map((p) => {
    const counted = new Uint8Array(p.text.length).fill(1);
    if (filter)
      for (let i = 0; i < p.hashes.length; i++) if (common(p.hashes[i])) counted.fill(0, i, i + o.shingle);
    let chars = 0;
    for (let i = 0; i < counted.length; i++) chars += counted[i];
    const distinct = p.unique.filter((h) => !common(h));
    const sig = chars >= o.minChars ? signature(distinct, size) : null;
    return { input: p.input, year: p.year, text: p.text, counted, chars, size: distinct.length, sig };
  });
  const current = docs.filter((d) => d.year === o.year);
  const previous = new Map(docs.filter((d) => d.year === o.year - 1).map((d) => [bodyKey(d.input), d]));
  const pairs: SimilarPair[] = [];
  let confirmed = 0;
  let candidates = 0;
  // sharedChars and chars are those of the side whose share is the rate
  const pair = (
    a: Doc, b: Doc, kind: SimilarPair['kind'], rate: number, shared: number, chars: number,
  ): SimilarPair => ({
    a: ref(a), b: ref(b), kind, rate, sharedChars: shared, chars,
    similarity: a.sig && b.sig ? estimateJaccard(a.sig, b.sig) : 0,
  });
  for (const b of current) {
    const a = previous.get(bodyKey(b.input));
    if (!a) continue;
    // last year's prose unchanged (numbers aside) is 雷同 even when all of it is common text
    if (a.text === b.text && b.text.length >= o.minChars) {
      candidates++;
      confirmed++;
      pairs.push({ ...pair(a, b, 'previous-year', 1, b.text.length, b.text.length), similarity: 1 });
      continue;
    }
    if (!b.sig || !a.sig) continue;
    candidates++;
    confirmed++;
    const r = repetition(a, b, o.minPassage);
    if (r.rateB >= o.threshold) pairs.push(pair(a, b, 'previous-year', r.rateB, r.sharedB, b.chars));
  }
  for (const [i, j] of lshCandidates(current.map((d) => d.sig), o.bands, o.rows)) {
    candidates++;
    const [x, y] = [current[i], current[j]];
    if (bodyKey(x.input) === bodyKey(y.input)) continue;
    // the rate is a share of one report: a short text copied into a long one has a low Jaccard similarity but a
    // high share, so a candidate is also kept when the shingles shared, |A ∩ B| ≈ J (|A| + |B|) / (1 + J), make
    // half the threshold of the smaller set
    const jac = estimateJaccard(x.sig!, y.sig!);
    const contained = (jac * (x.size + y.size)) / ((1 + jac) * Math.max(1, Math.min(x.size, y.size)));
    if (jac < o.minJaccard && contained < o.threshold / 2) continue;
    confirmed++;
    // a = the earlier report id: for peers neither is "last year", so the rate is the larger of the two shares
    const [a, b] = x.input.reportId <= y.input.reportId ? [x, y] : [y, x];
    const r = repetition(a, b, o.minPassage);
    const ofA = r.rateA > r.rateB;
    const rate = ofA ? r.rateA : r.rateB;
    if (rate >= o.threshold) pairs.push(pair(a, b, 'peer', rate, ofA ? r.sharedA : r.sharedB, ofA ? a.chars : b.chars));
  }
  pairs.sort((p, q) => q.rate - p.rate || p.b.reportId - q.b.reportId || p.a.reportId - q.a.reportId);
  return { year: o.year, threshold: o.threshold, screened: current.length, candidates, confirmed, pairs };
}
