// Matching a costly pattern only near a cheap anchor. A pattern that starts with a bounded free run
// ('([^《》]{2,30}?)\d{4}年…信息公开…') makes the regex engine try every position of the text and scan up to 30
// characters from each: the report-name pattern alone cost more than all the other metadata patterns together
// (measured ~60–170 µs per report against 1–8 µs). Every match of such a pattern contains a match of a plain
// anchor (its literal part) starting at most `reach` characters after the match's start, so only the positions
// up to `reach` before each anchor can start a match: the pattern is tried there alone (sticky), nowhere else.

const stickyOf = new WeakMap<RegExp, RegExp>();

function sticky(re: RegExp): RegExp {
  let s = stickyOf.get(re);
  if (!s) stickyOf.set(re, (s = new RegExp(re.source, re.flags.replace('g', '') + 'y')));
  return s;
}

/**
 * The matches of the global regex `re` in `text`, exactly as `text.matchAll(re)` gives them, provided that every
 * match of `re` starting at p contains a match of the global regex `anchor` starting in [p, p + reach].
 */
export function* matchAllNear(text: string, re: RegExp, anchor: RegExp, reach: number): Generator<RegExpExecArray> {
  if (!re.global || !anchor.global) throw new Error('matchAllNear: both regexes must be global');
  const at = sticky(re);
  let next = 0; // the first position not yet tried
  try {
    while (next <= text.length) {
      anchor.lastIndex = next;
      const a = anchor.exec(text);
      if (!a) return;
      let found: RegExpExecArray | null = null;
      for (let p = Math.max(next, a.index - reach); p <= a.index && !found; p++) {
        at.lastIndex = p;
        found = at.exec(text);
      }
      if (!found) {
        next = a.index + 1; // a later match holds a later anchor
        continue;
      }
      yield found;
      next = found.index + Math.max(found[0].length, 1);
    }
  } finally {
    // the regexes are shared constants: leave them as matchAll and exec expect to find them
    anchor.lastIndex = 0;
  }
}
