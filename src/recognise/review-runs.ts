// Recovers what is certain of the review/litigation row when a PDF text dump interleaves its 15 values with the
// header words: runs of four parts are matched to the single value equal to their sum (the group total), runs
// of five are whole groups. The sums make the groups certain, but not which group is 行政复议, 直接起诉 or
// 复议后起诉 — the dump's order is not the page's (dev 057 prints the 复议后起诉 values first). A group is placed
// only when the prose names its total (行政复议351件) and no other group has that total.
import type { Token } from './tokens.js';

const sum = (ts: Token[]) => ts.reduce((a, t) => a + t.number!.value, 0);

export interface ReviewGroup { parts: Token[]; total: Token }

/** The three (parts, total) groups the runs form, in no particular order; null unless exactly three form. */
export function groupReviewRuns(runs: Token[][]): ReviewGroup[] | null {
  const groups: ReviewGroup[] = [];
  const singles = runs.map((r, i) => ({ r, i })).filter((x) => x.r.length === 1);
  const used = new Set<number>();
  for (const r of runs) {
    if (r.length === 5) {
      if (sum(r.slice(0, 4)) !== r[4].number!.value) return null;
      groups.push({ parts: r.slice(0, 4), total: r[4] });
    } else if (r.length === 4) {
      const matches = singles.filter((s) => !used.has(s.i) && s.r[0].number!.value === sum(r));
      if (matches.length !== 1) return null;
      used.add(matches[0].i);
      groups.push({ parts: r, total: matches[0].r[0] });
    } else if (r.length !== 1) return null;
  }
  return groups.length === 3 && used.size === singles.length ? groups : null;
}

/** The 行政复议 group: the only group whose total equals the reconsiderations the prose states. */
export function reviewGroupByProse(groups: ReviewGroup[], proseReviews: number | undefined): ReviewGroup | null {
  if (proseReviews === undefined) return null;
  const hits = groups.filter((g) => g.total.number!.value === proseReviews);
  return hits.length === 1 ? hits[0] : null;
}
