// Small helpers of the analysis functions: options over defaults, dates as YYYY-MM-DD, rounding. Node-free.

/** `options` over `defaults`, ignoring options given as undefined (a query parameter left out). */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & O {
  const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as D & O;
}

/** The YYYY-MM-DD part of an ISO date or timestamp, or null. */
export function dayOf(value: string | null | undefined): string | null {
  if (!value || value.length < 10) return null;
  // checked by character, not by a regular expression: filing status asks this of every report of a province, and
  // the store already hands over day strings, returned as they are (no match array, no new string)
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 /* - */ : c < 48 || c > 57) return null;
  }
  return value.length === 10 ? value : value.slice(0, 10);
}

const DAY_MS = 86_400_000;

// filing status computes a few dates per body over a province's 10,000 bodies, and they are few distinct dates (due
// dates, a season's filing days): each date is parsed once (bounded caches, cleared when full)
const dayNumbers = new Map<string, number>();
const shifted = new Map<string, string>();
const CACHE_MAX = 20_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is not one). */
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
    if (dayNumbers.size >= CACHE_MAX) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** `day` plus `n` days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const key = `${day}|${n}`;
  let out = shifted.get(key);
  if (out === undefined) {
    out = new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
    if (shifted.size >= CACHE_MAX) shifted.clear();
    shifted.set(key, out);
  }
  return out;
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

/** zh order, names the collator holds equal in code-unit order (a total order, whatever the input's order). */
const byZh = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

// Every name nameOrder has seen, in zh order, and each one's place: a province's filing status and roll-up sort its
// 10,000 body names on every request, and collating them took ~30 ms a time. Names not seen yet are sorted and
// merged in (collations for the new names only); places are then renumbered. Bounded: restarted when full.
let sortedNames: string[] = [];
let place = new Map<string, number>();
const NAMES_MAX = 200_000;

function learnNames(fresh: string[]): void {
  fresh.sort(byZh);
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < sortedNames.length || j < fresh.length) {
    if (j >= fresh.length || (i < sortedNames.length && byZh(sortedNames[i], fresh[j]) <= 0))
      merged.push(sortedNames[i++]);
    else merged.push(fresh[j++]);
  }
  sortedNames = merged;
  place = new Map(merged.map((n, k) => [n, k]));
}

/**
 * A comparator of the given names in zh order, the collation done once per distinct name (and remembered across
 * calls): sorting thousands of rows with the collator in the comparator costs ~n log n collations per sort; this
 * costs n log n integer compares.
 */
export function nameOrder(names: readonly string[]): (a: string, b: string) => number {
  const rank = nameRanks(names);
  return (a, b) => (rank.get(a) ?? -1) - (rank.get(b) ?? -1) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The places of names in zh order (as nameOrder compares them), to sort by a number rather than a lookup. */
export function nameRanks(names: readonly string[]): ReadonlyMap<string, number> {
  // no set of the names when all are known (the common case: a set of 10,000 names cost ~1.5 ms a call)
  let fresh: string[] = [];
  for (const n of names) if (!place.has(n)) fresh.push(n);
  fresh = [...new Set(fresh)];
  if (sortedNames.length + fresh.length > NAMES_MAX) {
    sortedNames = [];
    fresh = [...new Set(names)];
  }
  if (fresh.length > 0) learnNames(fresh);
  return place; // the places of this call's names (a later call renumbers into a new map)
}
