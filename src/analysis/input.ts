// Building the analysis functions' inputs from what the store returns: a ReportSummary (GET /api/reports row)
// and the engine's Report give an AnalysisReport; a Body is already an AnalysisBody. Node-free.
import type { AnalysisReport } from '../model/analysis.js';
import type { ReportSummary } from '../model/api.js';
import type { Finding, Report } from '../model/report.js';

/** The analysis input of a stored report (return dates are not in a summary: pass them when known). */
export function analysisInput(summary: ReportSummary, report: Report, extra: {
  findings?: Finding[]; returnedAt?: string | null; resubmittedAt?: string | null;
} = {}): AnalysisReport {
  return {
    reportId: summary.id,
    bodyId: summary.bodyId,
    bodyName: summary.bodyName ?? report.agency ?? report.file,
    level: summary.bodyLevel,
    regionCode: summary.regionCode,
    year: summary.year ?? report.year,
    status: summary.status,
    submittedAt: summary.submittedAt,
    acceptedAt: summary.acceptedAt,
    publishedAt: summary.publishedAt,
    report,
    ...extra,
  };
}
