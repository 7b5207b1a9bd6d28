// Which cells a report's open findings flag, and how badly: the report page (web) and the server's first-HTML
// preview of it (src/server/report-preview.ts) mark the same cells the same way.
import type { StoredFinding } from './api.js';
import type { Severity } from './report.js';

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Cell key → the worst severity of an open finding (not closed, not dismissed) that names the cell. */
export function openFindingFlags(findings: readonly StoredFinding[]): Map<string, Severity> {
  const flags = new Map<string, Severity>();
  for (const f of findings) {
    if (f.status === 'closed' || f.status === 'dismissed') continue;
    for (const c of f.cells) {
      const had = flags.get(c.key);
      if (!had || RANK[f.severity] > RANK[had]) flags.set(c.key, f.severity);
    }
  }
  return flags;
}
