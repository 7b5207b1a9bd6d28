// JSON rendering of the full report model, and the JSON Schema (draft 2020-12) that describes it.
import type { Report } from '../model/report.js';
import schema from './report.schema.json' with { type: 'json' };

/** JSON Schema of the Report type (src/render/report.schema.json). */
export const REPORT_SCHEMA: object = schema;

/** The full report model as pretty-printed JSON (two-space indent, trailing newline). */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
