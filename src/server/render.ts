// A stored report in any rendering the engine has, through the engine's renderer registry (src/render RENDERERS):
// a new renderer there is served here without a change. A renderer that refuses with an InputError while rendering
// an already-read report lacks something on this host (PDF without Chromium): that is 503, not the caller's fault.
import type { Finding, Report } from '../model/report.js';
import { InputError } from '../errors.js';
import { RENDERERS, type OutputFormat } from '../render/index.js';
import { ApiError } from './errors.js';

export type ReportFormat = OutputFormat;

export async function renderReport(report: Report, format: ReportFormat, findings: Finding[]):
  Promise<string | Uint8Array> {
  const renderer = RENDERERS[format];
  try {
    return renderer.kind === 'text' ? renderer.text(report, { findings }) : await renderer.bytes(report, { findings });
  } catch (e) {
    if (e instanceof InputError) throw new ApiError('unavailable', `${format}: ${e.problemEn}`);
    throw e;
  }
}
