// Outputs (issue 9): no CSV or XLSX cell starts with a formula character taken from the input (OWASP: a leading
// '); XLSX marks the cells findings involve (fill + note) and freezes header rows; DOCX repeats table header rows
// on each page and numbers its pages; rendered reports carry no source path and list each finding once, in
// printed labels; PDF rendering numbers its pages, works from a temp directory whose path holds # and %, and
// leaves nothing behind when interrupted by SIGINT.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate/index.js';
import type { Finding, Report } from '../src/model/report.js';
import { parseBytes } from '../src/parse.js';
import { unzipEntries } from '../src/readers/zip.js';
import { renderCsv, renderHtml, renderMarkdown, renderText } from '../src/render/index.js';
import { renderDocx } from '../src/render/docx.js';
import { chromiumPath, renderPdf } from '../src/render/pdf.js';
import { renderXlsx } from '../src/render/xlsx.js';
import { checkReport } from '../src/rules/index.js';

const FORMULA = /^[=+\-@\t\r]/;
const SIGNED_NUMBER = /^[+-]\d+(\.\d+)?$/;
const HOSTILE = '=HYPERLINK("//e.cn","x")';

/** A report whose agency, title and file name are formula payloads, and one cell off (so findings exist). */
async function hostileReport(): Promise<{ report: Report; findings: Finding[] }> {
  const g = generateReport({ seed: 31, layout: 'tab', template: '2021', damage: ['inconsistent'] });
  const report = await parseBytes(g.bytes, '@evil/+report.txt');
  Object.assign(report, { agency: HOSTILE, title: `-${HOSTILE}` });
  const findings = checkReport(report);
  expect(findings.some((f) => f.severity === 'error' && f.cells.length > 0)).toBe(true);
  return { report, findings };
}

/** RFC 4180 fields of one CSV line. */
function fields(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/("((?:[^"]|"")*)"|[^,]*)(,|$)/g)) {
    out.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]);
    if (m[3] === '') break;
  }
  return out;
}

describe('CSV and XLSX: no formula from the input', () => {
  it('CSV: file, agency and every text field start with no formula character; signed numbers stay numbers',
    async () => {
    const { report } = await hostileReport();
    const lines = renderCsv([report]).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) for (const f of fields(line)) if (!SIGNED_NUMBER.test(f)) expect(f).not.toMatch(FORMULA);
    expect(fields(lines[0]).slice(0, 2)).toEqual(["'@evil/+report.txt", `'${HOSTILE}`]);
  });

  it('XLSX: no string cell starts with a formula character; finding cells are filled and noted; headers frozen',
    async () => {
    const { report, findings } = await hostileReport();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(report, { findings })) as unknown as ExcelJS.Buffer);
    let strings = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value !== 'string') return;
      strings++;
      if (!SIGNED_NUMBER.test(c.value)) expect(c.value, `${ws.name}!${c.address}`).not.toMatch(FORMULA);
    })));
    expect(strings).toBeGreaterThan(50);
    const texts: string[] = [];
    wb.getWorksheet('报告正文')?.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts[0].startsWith("'-=HYPERLINK")).toBe(true);
    // the table sheet of 三: header rows frozen, the cells of an error-level finding filled and noted
    const ws = wb.getWorksheet('三 申请')!;
    const view = ws.views[0] as { state?: string; ySplit?: number };
    expect(view.state).toBe('frozen');
    expect(view.ySplit).toBeGreaterThanOrEqual(2);
    const noted: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => void (c.note ? noted.push(c) : undefined)));
    expect(noted.length).toBeGreaterThan(0);
    const error = findings.find((f) => f.severity === 'error' && f.cells.length > 0)!;
    const withError = noted.filter((c) => String(typeof c.note === 'string' ? c.note : JSON.stringify(c.note))
      .includes(error.message));
    expect(withError.length).toBeGreaterThan(0);
    expect((withError[0].fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const findingsSheet = wb.getWorksheet('核查结果')!;
    expect((findingsSheet.views[0] as { ySplit?: number }).ySplit).toBe(1);
  });
});

describe('DOCX, HTML, Markdown and text renderings', () => {
  it('DOCX: table header rows repeat on each page; the footer numbers the pages', async () => {
    const { report } = await hostileReport();
    const parts = unzipEntries(await renderDocx(report), 'out.docx', (e) => e.startsWith('word/'));
    const document = new TextDecoder().decode(parts.get('word/document.xml'));
    expect(document.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g)?.length ?? 0)
      .toBeGreaterThanOrEqual(3);
    const footer = [...parts.entries()].find(([k]) => /^word\/footer\d*\.xml$/.test(k));
    expect(footer).toBeDefined();
    const xml = new TextDecoder().decode(footer![1]);
    expect(xml).toMatch(/PAGE/);
    expect(xml).toMatch(/NUMPAGES/);
  });

  it('no source path in the header; the findings appendix in printed labels, each finding once', async () => {
    const { report, findings } = await hostileReport();
    for (const out of [renderHtml(report, { findings }), renderMarkdown(report), renderText(report)]) {
      expect(out).not.toContain('report.txt');
      expect(out).not.toContain('来源');
    }
    const html = renderHtml(report, { findings: [...findings, ...findings] });
    const items = html.match(/<li class="sev-[a-z]+" data-rule=[^\n]*<\/li>/g) ?? [];
    expect(items.length).toBe(new Set(findings.map((f) =>
      JSON.stringify([f.severity, f.message, f.cells, f.expected]))).size);
    const appendix = html.slice(html.indexOf('附：核查结果'));
    expect(appendix).not.toMatch(/applications\/|reviewLitigation\/|<code>/);
  });
});

const chromium = chromiumPath();
describe.skipIf(!chromium)('PDF rendering', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'gongkai-pdf-out-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('numbers its pages, from a temp directory whose path holds # and %, and leaves nothing there', async () => {
    const odd = join(tmp, 'a #1 50%');
    mkdirSync(odd);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = odd;
    let pdf: Uint8Array;
    try {
      const { report, findings } = await hostileReport();
      pdf = await renderPdf(report, { findings });
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(readdirSync(odd)).toEqual([]);
    const { getDocument } = await import('../src/readers/pdfjs.js');
    const doc = await getDocument({ data: pdf, verbosity: 0 }).promise;
    const first = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    // the footer font draws 页 with the radical's glyph (U+2EDA) in some builds: either is the page number
    expect(first.replace(/\s+/g, '')).toMatch(new RegExp(`第1[页⻚]共${doc.numPages}[页⻚]`));
    await doc.destroy();
  }, 180_000);

  it('an interrupted render (SIGINT) removes its temporary directory', async () => {
    const dir = join(tmp, 'sigint');
    mkdirSync(dir);
    const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    const input = join(tmp, 'r.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(input, generateReport({ seed: 32, layout: 'tab' }).bytes);
    const child = spawn(process.execPath, [main, 'render', '--to', 'pdf', input, '-o', join(tmp, 'r.pdf')], {
      env: { ...process.env, TMPDIR: dir }, stdio: 'ignore',
    });
    // wait for the browser's profile to appear, then interrupt
    const started = Date.now();
    while (!readdirSync(dir).some((d) => existsSync(join(dir, d, 'profile'))) && Date.now() - started < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(dir), `entries: ${readdirSync(dir).join(", ")}`).toHaveLength(1);
    child.kill('SIGINT');
    const signal = await new Promise((resolve) => child.on('close', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGINT');
    await new Promise((r) => setTimeout(r, 500)); // the browser, killed, lets go of its files
    expect(readdirSync(dir)).toEqual([]);
  }, 180_000);
});
