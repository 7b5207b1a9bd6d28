// The DOCX and XLSX writers: generated reports (several seeds, both templates) parsed, written, and read back
// through the office readers give the identical cells; the official merged cells, fonts, blank and absent cells,
// lost tables, the findings sheet, and `gongkai render --to docx|xlsx`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCommand } from '../src/cli/render-command.js';
import type { TableBlock } from '../src/document/model.js';
import { InputError } from '../src/errors.js';
import { generateReport } from '../src/generate/index.js';
import type { Report } from '../src/model/report.js';
import { parseBytes } from '../src/parse.js';
import { readDocx } from '../src/readers/docx.js';
import { sniffFormat } from '../src/readers/sniff.js';
import { unzipEntries } from '../src/readers/zip.js';
import { officialGrids, renderDocx } from '../src/render/docx.js';
import { MISSING_TABLE_NOTE } from '../src/render/layout.js';
import { TABLE_SHEETS, renderXlsx } from '../src/render/xlsx.js';
import { checkReport } from '../src/rules/index.js';

const values = (r: Report): Record<string, number | null> =>
  Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));
const tables = (blocks: { kind: string }[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.kind === 'table');

async function generated(seed: number, template: '2019' | '2021',
  layout: 'tab' | 'html' = 'tab'): Promise<{ report: Report; truth: Record<string, number | null> }> {
  const g = generateReport({ seed, template, layout });
  return { report: await parseBytes(g.bytes, `${g.name}${g.extension}`), truth: g.truth.cells };
}

const CASES = [1, 2, 7, 11].flatMap((seed) =>
  (['2019', '2021'] as const).map((template) =>
  ({ seed, template, layout: seed % 2 ? 'tab' as const : 'html' as const })));

describe('round trips', () => {
  for (const { seed, template, layout } of CASES) {
    it(`DOCX and XLSX, seed ${seed}, template ${template}`, async () => {
      const { report, truth } = await generated(seed, template, layout);
      expect(values(report)).toEqual(truth);
      const docx = await renderDocx(report);
      expect(sniffFormat(docx, 'out.bin')).toBe('docx');
      const fromDocx = await parseBytes(docx, 'out.docx');
      expect(values(fromDocx)).toEqual(values(report));
      expect([fromDocx.template, fromDocx.agency, fromDocx.year, fromDocx.truncated]).toEqual([report.template,
        report.agency, report.year, false]);
      expect(Object.values(fromDocx.cells).every((c) => c.how === 'direct')).toBe(true);
      const xlsx = await renderXlsx(report, { findings: checkReport(report) });
      expect(sniffFormat(xlsx, 'out.bin')).toBe('xlsx');
      const fromXlsx = await parseBytes(xlsx, 'out.xlsx');
      expect(values(fromXlsx)).toEqual(values(report));
      expect([fromXlsx.template, fromXlsx.agency, fromXlsx.year, fromXlsx.truncated]).toEqual([report.template,
        report.agency, report.year, false]);
    });
  }
});

describe('DOCX layout', () => {
  it('draws the three official tables with their merged cells, headings in 黑体 and text in 仿宋_GB2312', async () => {
    const { report } = await generated(3, '2021');
    const bytes = await renderDocx(report);
    const { doc } = readDocx(bytes, 'out.docx');
    const [t2, t3, t4] = tables(doc.blocks);
    expect(tables(doc.blocks)).toHaveLength(3);
    expect(t2.rows[0].cells[0]).toMatchObject({ text: '第二十条第（一）项', colSpan: 4 });
    expect(t3.rows[0].cells[0]).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(t3.rows[0].cells[1]).toMatchObject({ text: '申请人情况', colSpan: 7 });
    expect(t3.rows[1].cells.map((c) => c.text)).toEqual(['自然人', '法人或其他组织', '总计']);
    expect(t4.rows[0].cells.map((c) => [c.text, c.colSpan])).toEqual([['行政复议', 5], ['行政诉讼', 10]]);
    expect(doc.blocks.filter((b) => b.kind === 'heading' && b.level === 2)
      .map((b) => (b.kind === 'table' ? '' : b.text.slice(0, 2))))
      .toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
    const xml = new TextDecoder().decode(unzipEntries(bytes, 'out.docx', (e) => e === 'word/document.xml')
      .get('word/document.xml'));
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
  });

  it('prints blank and absent cells empty and a lost table as （表格缺失）', async () => {
    const { report } = await generated(4, '2021');
    const blankKey = 'applications/newReceived/researchInstitution';
    const absentKey = 'applications/newReceived/otherOrg';
    report.cells[blankKey] = { ...report.cells[blankKey], value: null, raw: '' };
    delete report.cells[absentKey];
    for (const k of Object.keys(report.cells)) if (k.startsWith('reviewLitigation/')) delete report.cells[k];
    report.tables.review = false;
    const grids = officialGrids(report);
    const cell = (key: string) => grids.flatMap((g) => g.grid?.rows.flat() ?? []).find((c) => c.key === key);
    expect(cell(blankKey)?.text).toBe('');
    expect(cell(absentKey)?.text).toBe('');
    expect(grids.find((g) => g.section === 4)?.grid).toBeNull();
    const back = await parseBytes(await renderDocx(report), 'out.docx');
    expect(back.tables.review).toBe(false);
    // a blank prints nothing; the reader never reads a number there (the row sums may infer one)
    const blank = back.cells[blankKey];
    if (blank && blank.value !== null) expect(blank.how).toBe('inferred');
    expect(back.cells['applications/newReceived/naturalPerson'].value)
      .toBe(report.cells['applications/newReceived/naturalPerson'].value);
    const { doc } = readDocx(await renderDocx(report), 'out.docx');
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === MISSING_TABLE_NOTE)).toBe(true);
  });
});

describe('XLSX layout', () => {
  it('has a text sheet, one sheet per table with the official merges and numbers as numbers, and the findings',
    async () => {
    const { report } = await generated(5, '2019');
    report.cells['applications/newReceived/naturalPerson'].value = 999; // break the balance: a finding
    const findings = checkReport(report);
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderXlsx(report, { findings })) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['报告正文', TABLE_SHEETS[2], TABLE_SHEETS[3],
      TABLE_SHEETS[4], '核查结果']);
    const t3 = wb.getWorksheet(TABLE_SHEETS[3]);
    expect(t3?.model.merges).toEqual(expect.arrayContaining(['A1:C3', 'D1:J1']));
    expect(t3?.getCell('D4').value).toBe(999);
    expect(wb.getWorksheet(TABLE_SHEETS[2])?.getCell('A1').value).toBe('第二十条第（一）项');
    const found = wb.getWorksheet('核查结果');
    expect(found?.getRow(1).values).toEqual([undefined, '级别', '规则', '说明', 'Message', '涉及单元格', '应为', '原文行']);
    expect(found?.rowCount).toBe(findings.length + 1);
    expect(String(found?.getCell('B2').value)).toBe(findings[0].ruleId);
  });
});

describe('gongkai render --to docx|xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true })); // tests leave nothing in the temp directory
  const g = generateReport({ seed: 6, template: '2021', layout: 'tab' });
  const input = join(dir, `${g.name}${g.extension}`);
  writeFileSync(input, g.bytes);

  it('writes binary output to -o FILE', async () => {
    for (const to of ['docx', 'xlsx'] as const) {
      const out = join(dir, `out.${to}`);
      expect(await renderCommand([input], { to, out })).toBe(0);
      const back = await parseBytes(readFileSync(out), out);
      expect(values(back)).toEqual(g.truth.cells);
    }
  });

  it('takes exactly one report', async () => {
    await expect(renderCommand([input, input], { to: 'docx', out: join(dir, 'x.docx') }))
      .rejects.toBeInstanceOf(InputError);
  });
});
