// Recovers the review/litigation row when a PDF text dump interleaves its 15 values with the header words:
// runs of four parts are matched to the single value equal to their sum (the group total), runs of five are
// whole groups; accepted only when exactly three groups form and every value is used once.
import type { Token } from './tokens.js';

const sum = (ts: Token[]) => ts.reduce((a, t) => a + t.number!.value, 0);

export function recoverReviewRuns(runs: Token[][]): Token[] | null {
  const groups: { at: number; parts: Token[]; total: Token }[] = [];
  const singles = runs.map((r, i) => ({ r, i })).filter((x) => x.r.length === 1);
  const used = new Set<number>();
  for (const [i, r] of runs.entries()) {
    if (r.length === 5) {
      if (sum(r.slice(0, 4)) !== r[4].number!.value) return null;
      groups.push({ at: i, parts: r.slice(0, 4), total: r[4] });
    } else if (r.length === 4) {
      const matches = singles.filter((s) => !used.has(s.i) && s.r[0].number!.value === sum(r));
      if (matches.length !== 1) return null;
      used.add(matches[0].i);
      groups.push({ at: i, parts: r, total: matches[0].r[0] });
    } else if (r.length !== 1) return null;
  }
  if (groups.length !== 3 || used.size !== singles.length) return null;
  groups.sort((a, b) => a.at - b.at);
  return groups.flatMap((g) => [...g.parts, g.total]);
}
