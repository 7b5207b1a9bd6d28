// What an audit entry changed, as lines a reader can follow: for two records, each field whose value differs
// (`status: submitted → returned`), fields that stayed the same left out; anything else as one line. Values are
// shown compactly (strings as they are, other values as JSON), so a long hash or URL wraps instead of a whole record
// on one line pushing the page sideways.

export interface ChangeLine {
  field: string | null;
  from: string;
  to: string;
  /** An identifying field that did not change (which cell was corrected): shown as the line's subject. */
  same?: boolean;
}

// fields that say what was changed rather than how: kept on the line even when equal
const IDENTITY = new Set(['key']);

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as shown: '—' for nothing, a string as itself, anything else as JSON. */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The lines of a change: per differing field for two records (or a record and nothing), identifying fields first;
 * else one line. No line at all: nothing changed (a re-check that found the same).
 */
export function changeLines(before: unknown, after: unknown): ChangeLine[] {
  if ((isFields(before) || before == null) && (isFields(after) || after == null) && (before ?? after) != null) {
    const a: Fields = before ?? {};
    const b: Fields = after ?? {};
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const lines: ChangeLine[] = [];
    for (const field of fields) {
      const same = JSON.stringify(a[field]) === JSON.stringify(b[field]);
      if (!same) lines.push({ field, from: shown(a[field]), to: shown(b[field]) });
      else if (IDENTITY.has(field)) lines.unshift({ field, from: shown(a[field]), to: shown(b[field]), same });
    }
    return lines;
  }
  return [{ field: null, from: shown(before), to: shown(after) }];
}
