// A report page's first HTML carries the report itself: a static, read-only rendering (title, body, year, status and
// the three official tables with their merged headers, flagged cells marked) that the browser draws before any
// script has run. The app takes its place once its own report page has drawn its tables
// (web/src/pages/report/preview.ts). Why: a cold load spends about a second compiling and running the app's
// JavaScript; the server's HTML of the same report shows in a third of that (bench/report-page.mjs).
// - Written only for a requester who may read the report: the rule of GET /api/reports/:id, by its own code
//   (report-access.ts reportFor, with the session cookie's user); otherwise, and on any failure, no preview.
// - Every text is escaped by the engine's HTML table writer (src/render/html-tables.ts), which draws the same
//   tableGrid the app draws (web/src/components/OfficialTables.tsx) with the same classes, so one stylesheet fits.
// - Bounded: one report read (its model comes from the store's cache of versions), a few in flight at most, and a
//   deadline; a preview that is late is left out rather than holding the page.
import type { FastifyRequest } from 'fastify';
import type { ReportDetail } from '../model/api.js';
import { STATUS_NAMES } from '../model/analysis.js';
import { openFindingFlags } from '../model/finding-flags.js';
import type { Report } from '../model/report.js';
import type { TemplateVersion } from '../model/template.js';
import {
  activeTableHtml, applicationsTableHtml, esc, reviewTableHtml, type TableContext,
} from '../render/html-tables.js';
import { sectionTables } from '../render/layout.js';
import { attachSession } from './context.js';
import { reportFor } from './report-access.js';

/** The element's id: the app looks for it (web/src/pages/report/preview.ts). */
export const PREVIEW_ID = 'report-preview';
/** How long a page waits for its preview before it goes out without one. */
export const PREVIEW_DEADLINE_MS = 300;
/** Previews being made at once; a request beyond that gets the plain page (the server's work stays bounded). */
export const PREVIEWS_IN_FLIGHT = 4;

/** The preview's HTML for a report the requester may read (no request, no store: a pure function of the detail). */
export function previewHtml(d: ReportDetail): string {
  // the version the app's report page draws with (web/src/pages/report/index.tsx): its template, else by year
  const version: TemplateVersion = d.template ?? (d.year !== null && d.year <= 2020 ? '2019' : '2021');
  const report: Report = {
    file: '', format: d.format as Report['format'], encoding: d.encoding, title: d.title, agency: d.agency,
    year: d.year, template: d.template, layoutEvidence: [], sections: d.sections, tables: d.tables, cells: d.cells,
    narrative: d.narrative, diagnostics: [], truncated: d.truncated,
  };
  const ctx: TableContext = { report, version, flags: openFindingFlags(d.findings), web: true };
  const title = d.title ?? d.bodyName ?? `#${d.id}`;
  const status = STATUS_NAMES[d.status]?.zh ?? d.status;
  const meta = [
    `<span class="preview-tag" data-status="${esc(d.status)}">${esc(status)}</span>`,
    `<span>${esc(d.bodyName ?? d.agency ?? '机关待确认')}</span>`,
    `<span>${d.year ?? '—'}年度</span>`,
    `<span>模板 ${version}</span>`,
    `<span>v${d.version}</span>`,
  ];
  const sections = [2, 3, 4].map((no) => {
    const tables = sectionTables(version, no).map((t) => (no === 2 ? activeTableHtml(ctx, t)
      : t.key === 'applications' ? applicationsTableHtml(ctx, t) : reviewTableHtml(ctx, t)));
    // focusable as the app's are: a table wider than the screen (200 % zoom) scrolls in its box by keyboard too
    return [`<div class="table-scroll" role="region" aria-label="第${no}部分表格" tabindex="0">`,
      ...(no === 2 ? ['<h4>二、主动公开政府信息情况</h4>'] : []), ...tables, '</div>'].join('\n');
  });
  // aria-busy: the page is still being made; nothing in it can be pressed (no links, buttons or inputs)
  return [
    `<div id="${PREVIEW_ID}" class="report-preview" aria-busy="true" data-report="${d.id}">`,
    `<h1 class="page-h1">${esc(title)}</h1>`,
    `<p class="preview-meta">${meta.join('')}</p>`,
    '<div class="preview-tables"><div class="official-tables">',
    ...sections,
    '</div></div>',
    '</div>',
  ].join('\n');
}

let inFlight = 0;

/**
 * The preview of report `id` for this request, or '' when there is none to give: the requester may not read it
 * (the API's own rule, reportFor), it does not exist, the read failed, too many are being made, or it is late.
 */
export async function reportPreview(req: FastifyRequest, id: number,
  deadlineMs = PREVIEW_DEADLINE_MS): Promise<string> {
  if (inFlight >= PREVIEWS_IN_FLIGHT) return '';
  inFlight++;
  const made = (async () => {
    await attachSession(req);
    return previewHtml(await reportFor(req, id));
  })().catch(() => '') // not found, not readable, a failed read: the plain page, as the API would answer 404
    .finally(() => inFlight--);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(''), deadlineMs);
  });
  try {
    return await Promise.race([made, late]);
  } finally {
    clearTimeout(timer);
  }
}
