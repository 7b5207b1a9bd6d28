// The one place that decides a report's layout: its template version (the report's own, else what its cells
// look like, else its year, else 2021) and how its （六）其他处理 is printed (one row, or the three 2021 items).
// The rules, the relations and the renderers all ask here.
import { cellKeysOf, lastReportMemo } from './memo.js';
import type { Report } from './report.js';
import { TEMPLATES, cellKey, type TemplateVersion } from './template.js';

/**
 * How a report lays out （六）其他处理: `items` = the three 2021 sub-rows, `single` = one row (the 2019 layout, also
 * printed by some 2021-layout reports under key applications/outcome.other/<col>).
 */
export type OtherLayout = 'single' | 'items';

export interface Layout {
  version: TemplateVersion;
  other: OtherLayout;
  /** cell keys present in the report; conditional relations (G1) are kept only where their lhs cell exists. */
  present?: { has(key: string): boolean };
}

const APPLICATIONS = 'applications';

/** The template version a report's cells look like, or null when nothing tells. */
export function inferVersion(report: Pick<Report, 'cells' | 'template' | 'year'>): TemplateVersion | null {
  if (report.template) return report.template;
  const keys = cellKeysOf(report);
  const only2019 = /\/(newlyMade|newlyPublished|totalPublished|priorYearItems|changeThisYear|decisions)$/;
  if (keys.some((k) => k.startsWith('art20_9/') || only2019.test(k)))
    return '2019';
  if (keys.some((k) => k.startsWith('art20_') || k.startsWith('applications/outcome.other.'))) return '2021';
  if (report.year !== null) return report.year <= 2020 ? '2019' : '2021';
  return null;
}

/** The version a report is checked and drawn with: inferVersion, else 2021. */
export function versionOf(report: Pick<Report, 'cells' | 'template' | 'year'>): TemplateVersion {
  return inferVersion(report) ?? '2021';
}

const applications = (v: TemplateVersion) => TEMPLATES[v].tables.find((t) => t.key === APPLICATIONS)!;
const OTHER_ITEM_KEYS = applications('2021').rows.filter((r) => r.key.startsWith('outcome.other.'))
  .flatMap((r) => applications('2021').columns.map((c) => cellKey(APPLICATIONS, r.key, c.key)));
const OTHER_SINGLE_KEYS = applications('2019').columns.map((c) => cellKey(APPLICATIONS, 'outcome.other', c.key));

/**
 * How （六）其他处理 is printed: one row when only the single row's cells are there, the items when only theirs
 * are, else as the version prints it (2019: one row; 2021: three items).
 */
export function otherShapeOf(report: Pick<Report, 'cells'>, version: TemplateVersion): OtherLayout {
  // looked up by key (the report may have hundreds of cells): an item row of （六）其他处理, or the single row
  const cells = report.cells;
  const items = OTHER_ITEM_KEYS.some((k) => Object.hasOwn(cells, k));
  const single = OTHER_SINGLE_KEYS.some((k) => Object.hasOwn(cells, k));
  if (single && !items) return 'single';
  if (items && !single) return 'items';
  return version === '2019' ? 'single' : 'items';
}

/** The layout of a report: its version (default 2021) and how its 其他处理 row is printed. */
export const layoutOf: (report: Pick<Report, 'cells' | 'template' | 'year'>) => Layout = lastReportMemo(computeLayout);

function computeLayout(report: Pick<Report, 'cells' | 'template' | 'year'>): Layout {
  const version = versionOf(report);
  const cells = report.cells;
  const present = { has: (key: string) => Object.hasOwn(cells, key) };
  return { version, other: otherShapeOf(report, version), present };
}

