// `gongkai check` output an officer can act on: what is no checked report fails (not-a-report, truncated,
// empty-form), findings point at the PDF page and position or the spreadsheet column, findings come before the
// grouped reading notes (--verbose, --quiet), a batch ends with a summary, Chinese output names printed labels
// and never internal keys, one defect gives one finding (a repeating warning dropped, 疑似归类错位 named).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChecked, formatSummary, placeOf } from '../src/cli/check-output.js';
import { generateReport } from '../src/generate/index.js';
import { formatFinding } from '../src/model/messages.js';
import type { Report } from '../src/model/report.js';
import { allCellKeys } from '../src/model/template.js';
import { parseBytes } from '../src/parse.js';
import { render } from '../src/render/index.js';
import { checkReport } from '../src/rules/index.js';
import plausibility from '../src/rules/plausibility.js';
import { makeReport, withCells } from '../src/rules/testing.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PDF = join(ROOT, 'test', 'fixtures', 'pdf', 'ruled.pdf');

const BUILT = join(ROOT, 'dist', 'cli', 'main.js');

/** The CLI: the build `npm test` makes first, else the sources through tsx. Exit status and output. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const main = existsSync(BUILT) && !process.env.GONGKAI_TEST_SOURCES ? [BUILT] :
    ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
  const r = spawnSync(process.execPath, [...main, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = '';
const file = (name: string, content: string | Uint8Array): string => {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
};
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'gongkai-check-output-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const ids = (r: Report): string[] => checkReport(r).map((f) => f.ruleId);
const complete = (): { text: string; bytes: Uint8Array } => {
  const g = generateReport({ seed: 3, layout: 'tab', template: '2021' });
  return { text: Buffer.from(g.bytes).toString('utf8'), bytes: g.bytes };
};

describe('what is not a checked report does not pass', () => {
  it('"hello" is not a report: one error, nothing else, exit 1', async () => {
    const r = await parseBytes(Buffer.from('hello\n'), 'hello.txt');
    expect(ids(r)).toEqual(['not-a-report']);
    const run = cli('check', file('hello.txt', 'hello\n'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[错误] 未识别为政府信息公开工作年度报告');
  });

  it('a report cut before its tables is an error (truncated), not a pass', async () => {
    const { text } = complete();
    const cut = text.slice(0, text.indexOf('二、主动公开政府信息情况') + 20);
    const r = await parseBytes(Buffer.from(cut), 'cut.txt');
    expect(r.truncated).toBe(true);
    const findings = checkReport(r);
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toContain('truncated');
    expect(cli('check', file('cut.txt', cut)).status).toBe(1);
  });

  it('a blank template is an error (empty-form), said once instead of a warning per row', async () => {
    const blank = makeReport({ base: 'empty', cells: Object.fromEntries(allCellKeys('2021').map((k) => [k, null])) });
    const html = render(blank, 'html');
    const r = await parseBytes(Buffer.from(html), 'blank.html');
    expect(Object.values(r.cells).every((c) => c.value === null)).toBe(true);
    const findings = checkReport(r);
    expect(findings.map((f) => f.ruleId)).toEqual(['empty-form']);
    expect(cli('check', file('blank.html', html)).status).toBe(1);
  });

  it('exit 2 when nothing could be read; a good report still exits 0', () => {
    expect(cli('check', join(tmp, 'no-such-file.txt')).status).toBe(2);
    expect(cli('check', file('good.txt', complete().bytes)).status).toBe(0);
  });
});

describe('where a finding points', () => {
  it('a PDF finding prints 第N页 and the position; the JSON has page and box', async () => {
    const read = await parseBytes(readFileSync(PDF), PDF);
    const key = 'applications/newReceived/naturalPerson';
    const cell = read.cells[key];
    expect(cell.source.page).toBeGreaterThan(0);
    const report = withCells(read, { [key]: (cell.value ?? 0) + 1 });
    const findings = checkReport(report);
    const f = findings.find((x) => x.cells.some((c) => c.key === key) && x.source?.page !== undefined);
    expect(f, 'a finding with a PDF source').toBeDefined();
    expect(JSON.parse(JSON.stringify(f)).source).toMatchObject({ page: expect.any(Number), bbox: expect.any(Array) });
    const out = formatChecked({ file: 'r.pdf', report, text: '', findings });
    expect(out).toMatch(new RegExp(`第${f!.source!.page}页（x \\d+–\\d+，y \\d+–\\d+）`));
  });

  it('an XLSX finding names its column, a text finding its line', () => {
    expect(placeOf({ line: 12, column: 3 }, 'xlsx', false)).toBe('C列');
    expect(placeOf({ line: 12, column: 28 }, 'xlsx', true)).toBe('column AB');
    expect(placeOf({ line: 12, column: 3 }, 'text', false)).toBe('第12行');
  });
});

describe('findings first, reading notes grouped after', () => {
  const report = makeReport({ cells: { 'applications/newReceived/total': 999 } });
  report.diagnostics = [1, 2, 3].map((i) => ({
    code: 'row-damaged', severity: 'info' as const, message: `第${i}条读取说明`, messageEn: `note ${i}`,
    cells: ['applications/outcome.granted'], source: { line: i, column: 1 },
  }));
  const checked = { file: 'a.txt', report, text: 'x\ny\nz', findings: checkReport(report) };

  it('prints every finding before any note, one line per table for the notes', () => {
    const out = formatChecked(checked);
    const lines = out.trim().split('\n').filter((l) => l.startsWith('  ['));
    const firstNote = lines.findIndex((l) => l.startsWith('  [读取]'));
    expect(firstNote).toBeGreaterThan(0);
    expect(lines.slice(firstNote).every((l) => l.startsWith('  [读取]'))).toBe(true);
    expect(lines.slice(firstNote)).toEqual(['  [读取] 第三部分表格：3条读取说明，如：第1条读取说明（--verbose 逐条列出）']);
  });

  it('--verbose lists every note, --quiet none', () => {
    expect(formatChecked(checked, { verbose: true }).match(/\[读取\]/g)).toHaveLength(3);
    expect(formatChecked(checked, { quiet: true })).not.toContain('[读取]');
  });

  it('a batch ends with a summary', () => {
    const good = file('b1.txt', complete().bytes);
    const run = cli('check', good, file('b2.txt', 'hello\n'), join(tmp, 'missing.txt'));
    expect(run.status).toBe(2);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('共3份：有错误1份，仅有警告0份，无法读取1份，未发现问题1份');
    expect(formatSummary({ reports: 4, withErrors: 1, withWarnings: 2, unreadable: 0 }, true))
      .toBe('4 inputs: 1 with errors, 2 with warnings only, 0 unreadable, 1 without findings\n');
  });
});

describe('words an officer reads', () => {
  it('Chinese output names printed labels, never internal keys', () => {
    const report = makeReport({
      pick: () => 2,
      cells: { 'reviewLitigation/cases/review.total': 99, 'applications/outcome.total/naturalPerson': 1,
        'art20_1/regulations/made': -1 },
    });
    const out = formatChecked({ file: 'k.txt', report, text: '', findings: checkReport(report) });
    expect(out).toContain('[错误]');
    expect(out).not.toMatch(
      /applications\/|reviewLitigation|art20_|naturalPerson|review\.total|outcome\.|row-total|balance/);
    expect(out).toContain('行政复议总计=99');
  });

  it('a warning that repeats an error on the same cells is dropped', () => {
    // 总计 printed 0 over non-zero parts: row-total's error and plausibility's warning name the same cells
    const report = makeReport({ pick: () => 1, cells: { 'applications/newReceived/total': 0 } });
    // the rule itself reports it; checkReport keeps only the error
    expect(plausibility.check({ report }).map((f) => f.messageId)).toEqual(['plausibility.zeroTotal']);
    const all = checkReport(report);
    expect(all.filter((f) => f.ruleId === 'row-total')).toHaveLength(1);
    expect(all.filter((f) => f.ruleId === 'plausibility')).toHaveLength(0);
  });

  it('+n/−n between two columns with every row total holding is one 疑似归类错位, not two failures', () => {
    const report = makeReport({
      pick: () => 3,
      cells: { 'applications/outcome.granted/naturalPerson': 1,
        'applications/outcome.granted/commercialEnterprise': 5 },
    });
    const findings = checkReport(report);
    expect(findings.map((f) => f.ruleId)).toEqual(['misfiled']);
    expect(formatFinding(findings[0], 'zh')).toMatch(/^疑似归类错位：.*“自然人”列多2、“商业企业”列少2/);
    // one changed cell (its row total breaks) is not misfiled
    const single = checkReport(makeReport({ pick: () => 3,
      cells: { 'applications/outcome.granted/naturalPerson': 1 } }));
    expect(single.map((f) => f.ruleId)).not.toContain('misfiled');
  });
});
