// A stored report in any rendering the engine has: the text formats through render(), Word and Excel through
// their renderers (with the findings), PDF through Chromium when this host has it (503 otherwise).
import type { Finding, Report } from '../model/report.js';
import { render } from '../render/index.js';
import { renderDocx } from '../render/docx.js';
import { chromiumPath, renderPdf } from '../render/pdf.js';
import { renderXlsx } from '../render/xlsx.js';
import { ApiError } from './errors.js';

export type ReportFormat = 'md' | 'html' | 'txt' | 'json' | 'csv' | 'docx' | 'xlsx' | 'pdf';

export async function renderReport(report: Report, format: ReportFormat, findings: Finding[]):
  Promise<string | Uint8Array> {
  switch (format) {
    case 'docx': return renderDocx(report);
    case 'xlsx': return renderXlsx(report, { findings });
    case 'pdf':
      if (!chromiumPath()) throw new ApiError('unavailable', 'PDF output needs Chromium, which this server lacks');
      return renderPdf(report, { findings });
    case 'html': return render(report, 'html', { findings });
    default: return render(report, format);
  }
}
