// The built command line (dist/cli/main.js; `npm test` builds first): parse --json records in input order, one
// clear stderr line per unusable file while the others are still parsed, check's exit status and quoted source
// lines, render to every format, generate, and directory expansion.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'text');
const fixture = (f: string): string => join(FIXTURES, f);

interface Run { status: number | null; stdout: string; stderr: string }
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const records = (stdout: string): Record<string, unknown>[] =>
  stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

let tmp = '';
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does it first)');
  tmp = mkdtempSync(join(tmpdir(), 'gongkai-cli-test-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('parse --json', () => {
  it('prints one record per input, in input order, with the required fields', () => {
    const files = ['pdf-default.txt', 'tab-complete.txt', 'markdown-2019.md'].map(fixture);
    const r = cli('parse', '--json', ...files);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const recs = records(r.stdout);
    expect(recs.map((x) => x.file)).toEqual(files);
    expect(recs.map((x) => [x.agency, x.year, x.template])).toEqual([
      ['青禾市人民政府', 2024, '2021'], ['青山县人民政府', 2022, '2021'], ['白鹭镇人民政府', 2020, '2019'],
    ]);
    for (const rec of recs) {
      expect(Object.keys(rec))
        .toEqual(expect.arrayContaining(['file', 'agency', 'year', 'template', 'tables', 'cells']));
      expect(rec.tables).toEqual({ active: true, applications: true, review: true });
    }
    expect(Object.keys(recs[1].cells as object)).toHaveLength(200);
    expect((recs[1].cells as Record<string, number>)['applications/newReceived/total']).toBe(45);
    expect(Object.keys(recs[2].cells as object)).toHaveLength(198);
  });

  it('a missing and an empty file: one error line each on stderr naming the file; the others still parsed; exit 2',
    () => {
    const missing = join(tmp, 'no-such-report.txt');
    const empty = join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const r = cli('parse', '--json', fixture('tab-complete.txt'), missing, empty, fixture('gbk.txt'));
    expect(r.status).toBe(2);
    const errLines = r.stderr.trim().split('\n');
    expect(errLines).toHaveLength(2);
    expect(errLines[0]).toContain(missing);
    expect(errLines[0]).toMatch(/无法读取文件|cannot read/);
    expect(errLines[1]).toContain(empty);
    expect(errLines[1]).toMatch(/文件为空|empty/);
    const recs = records(r.stdout);
    expect(recs.map((x) => x.file)).toEqual([fixture('tab-complete.txt'), missing, empty, fixture('gbk.txt')]);
    expect(recs[0].agency).toBe('青山县人民政府');
    expect(recs[3].agency).toBe('桃源乡人民政府');
    expect(recs[1]).toMatchObject({ error: expect.stringContaining(missing), cells: {} });
    expect(recs[2]).toMatchObject({ error: expect.stringContaining(empty), cells: {} });
  });

  it('without --json: a readable summary per file', () => {
    const r = cli('parse', fixture('misaligned-rows.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('青山县自然资源局');
    expect(r.stdout).toContain('2021');
  });

  it('expands directories (sorted, truth files skipped)', () => {
    const dir = join(tmp, 'dir-input');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(fixture('tab-complete.txt'), join(dir, 'b.txt'));
    copyFileSync(fixture('markdown-2019.md'), join(dir, 'sub', 'a.txt'));
    copyFileSync(fixture('pipe-filler.txt'), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'a.truth.json'), '{}');
    const r = cli('parse', '--json', dir);
    expect(r.status).toBe(0);
    const recs = records(r.stdout);
    expect(recs.map((x) => x.file)).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'sub', 'a.txt')]);
    expect(recs.map((x) => x.agency)).toEqual(['红枫街道办事处', '青山县人民政府', '白鹭镇人民政府']);
  });
});

describe('check', () => {
  it('exits 0 on a consistent report', () => {
    const r = cli('check', fixture('tab-complete.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('青山县人民政府');
    expect(r.stdout).not.toContain('[错误]');
  });

  it('exits 1 on a report with an inconsistency and quotes the source line of the finding', () => {
    // one number changed: 一、本年新收 自然人 38 → 39 breaks the row total and the column balance
    const text = readFileSync(fixture('tab-complete.txt'), 'utf8');
    const bad = text.replace(/^(一、本年新收政府信息公开申请数量\t\t\t)38\t/m, '$139\t');
    expect(bad).not.toBe(text);
    const file = join(tmp, 'inconsistent.txt');
    writeFileSync(file, bad);
    const line = bad.split('\n').findIndex((l) => l.startsWith('一、本年新收')) + 1;
    const r = cli('check', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('[错误] 第三部分表格“一、本年新收政府信息公开申请数量”行总计为');
    expect(r.stdout).toContain('一、本年新收政府信息公开申请数量·自然人=39');
    expect(r.stdout).toContain(`${line} | 一、本年新收政府信息公开申请数量 ⇥  ⇥  ⇥ 39 ⇥ 4`);
    const en = cli('check', '--lang', 'en', file);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('[error row-total]');
    expect(en.stdout).toContain('applications/newReceived/naturalPerson=39');
  });

  it('exits 1 on a generated report with an injected inconsistency, naming the changed cell (--json)', () => {
    const g = generateReport({ seed: 1039, layout: 'tab', template: '2021', damage: ['inconsistent'] });
    const key = g.truth.injected![0].key;
    const file = join(tmp, `${g.name}${g.extension}`);
    writeFileSync(file, g.bytes);
    const r = cli('check', '--json', file);
    expect(r.status).toBe(1);
    const [rec] = records(r.stdout) as { findings: { severity: string; cells: { key: string }[] }[] }[];
    expect(rec.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.key === key))).toBe(true);
  });

  it('exits 2 when an input cannot be read, after checking the others', () => {
    const r = cli('check', fixture('tab-complete.txt'), join(tmp, 'missing.txt'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(join(tmp, 'missing.txt'));
    expect(r.stdout).toContain('青山县人民政府');
  });
});

describe('render', () => {
  it('writes every format', () => {
    const f = fixture('tab-complete.txt');
    const md = cli('render', '--to', 'md', f);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('青山县人民政府');
    expect(md.stdout).toMatch(/^\|.*\|$/m);
    const html = cli('render', '--to', 'html', f);
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(html.stdout).toContain('</html>');
    const txt = cli('render', '--to', 'txt', f);
    expect(txt.status).toBe(0);
    expect(txt.stdout).toContain('青山县人民政府');
    const json = cli('render', '--to', 'json', f);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ agency: '青山县人民政府', year: 2022 });
    const csv = cli('render', '--to', 'csv', f, fixture('markdown-2019.md'));
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith('\ufeff')).toBe(true);
    expect(csv.stdout).toContain('applications/newReceived/total');
    expect(csv.stdout).toContain('白鹭镇人民政府');
  });

  it('-o writes a file; an unknown format is an error', () => {
    const out = join(tmp, 'out.html');
    expect(cli('render', '--to', 'html', '-o', out, fixture('bom.txt')).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('青石街道办事处');
    const bad = cli('render', '--to', 'rtf', fixture('bom.txt'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/rtf/);
  });
});

describe('generate', () => {
  it('--count 3 writes 3 reports and 3 truth files', () => {
    const out = join(tmp, 'generated');
    const r = cli('generate', '--count', '3', '--out', out, '--seed', '7');
    expect(r.status).toBe(0);
    const files = readdirSync(out).sort();
    const truths = files.filter((f) => f.endsWith('.truth.json'));
    const reports = files.filter((f) => !f.endsWith('.truth.json'));
    expect(truths).toHaveLength(3);
    expect(reports).toHaveLength(3);
    for (const t of truths) {
      const truth = JSON.parse(readFileSync(join(out, t), 'utf8')) as { agency: string; cells: object };
      expect(truth.agency).toBeTruthy();
      expect(reports.some((rep) => rep.startsWith(t.replace(/\.truth\.json$/, '.')))).toBe(true);
    }
    // the generated directory parses, one record per report
    const parsed = cli('parse', '--json', out);
    expect(parsed.status).toBe(0);
    expect(records(parsed.stdout)).toHaveLength(3);
  });

  it('rejects an unknown layout', () => {
    const r = cli('generate', '--count', '1', '--out', join(tmp, 'x'), '--layout', 'nonsense');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nonsense');
  });
});
