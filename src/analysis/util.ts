// Small helpers of the analysis functions: options over defaults, dates as YYYY-MM-DD, rounding. Node-free.

/** `options` over `defaults`, ignoring options given as undefined (a query parameter left out). */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & O {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as D & O;
}

/** The YYYY-MM-DD part of an ISO date or timestamp, or null. */
export function dayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `day` plus `n` days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Today in UTC (YYYY-MM-DD). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Rounded to 4 decimals (amounts in 万元 carry 4; sums of decimals must not show float noise). */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Competition ranks (1, 2, 2, 4) of values already sorted best first; `same` tells ties. */
export function competitionRanks<T>(sorted: T[], same: (a: T, b: T) => boolean): number[] {
  const ranks: number[] = [];
  sorted.forEach((x, i) => ranks.push(i > 0 && same(sorted[i - 1], x) ? ranks[i - 1] : i + 1));
  return ranks;
}

// one collator for every sort by name: String.prototype.localeCompare with a locale builds one per call
const collator = new Intl.Collator('zh');

/** Order of Chinese names (pinyin order of the zh collation). */
export function compareZh(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * A comparator of the given names in zh order, the collation done once per distinct name: sorting thousands of
 * rows with the collator in the comparator costs ~n log n collations per sort; this costs n log n integer compares.
 */
export function nameOrder(names: Iterable<string>): (a: string, b: string) => number {
  const distinct = [...new Set(names)].sort(compareZh);
  const rank = new Map(distinct.map((n, i) => [n, i]));
  return (a, b) => (rank.get(a) ?? -1) - (rank.get(b) ?? -1) || (a < b ? -1 : a > b ? 1 : 0);
}
