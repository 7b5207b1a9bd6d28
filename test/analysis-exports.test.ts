// Exports: the files read back hold the rows of the results; text that a spreadsheet would run as a formula is
// neutralised in CSV and XLSX; the roll-up workbook has the summed values in the official tables.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportFiling, exportIndicators, exportRanking, exportReports, exportRollup } from '../src/analysis/exports.js';
import { filingStatus } from '../src/analysis/filing.js';
import { indicatorTable } from '../src/analysis/indicators.js';
import { rollup } from '../src/analysis/rollup.js';
import { scoreBodies } from '../src/analysis/scoring.js';
import type { ReportSummary } from '../src/model/api.js';
import { makeReport } from '../src/rules/testing.js';
import { body, input } from './analysis-fixtures.js';

const EVIL = '=HYPERLINK("http://x.invalid","点击")';
const bodies = [body(1, { name: EVIL }), body(2, { name: '乙局' }), body(3, { name: '+丙局' })];
const reports = [
  input(makeReport(), { reportId: 1, bodyId: 1, bodyName: EVIL, submittedAt: '2023-01-10', publishedAt: '2023-01-12' }),
  input(
    makeReport({ pick: (_k, i) => i % 4 }),
    { reportId: 2, bodyId: 2, bodyName: '乙局', status: 'accepted', submittedAt: '2023-02-03' },
  ),
];

async function sheets(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out;
}

const summary = (id: number, name: string): ReportSummary => ({
  id, bodyId: id, bodyName: name, bodyLevel: 'department', regionCode: '990100', year: 2022, template: '2021',
  status: 'published', version: 1, title: `${name}2022年政府信息公开工作年度报告`, agency: name,
  counts: { error: 0, warning: 1, info: 0 }, similar: false,
  submittedAt: null, acceptedAt: null, publishedAt: '2023-01-20', updatedAt: '2023-01-20T00:00:00.000Z',
});

describe('exports', () => {
  it('neutralises formula text in the reports list, CSV and XLSX alike; JSON keeps the text', async () => {
    const items = [summary(1, EVIL), summary(2, '-乙局'), summary(3, '丙局')];
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await exportReports(items, 'csv')).bytes);
    expect(csv.startsWith('\uFEFFid,body_id,body,')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x.invalid"",""点击"")"`);
    expect(lines[2]).toContain(",'-乙局,");
    expect(lines[3]).toContain(',丙局,');
    const wb = await sheets((await exportReports(items, 'xlsx')).bytes);
    const cells = texts(wb.getWorksheet('报告列表')!);
    expect(cells).toContain(`'${EVIL}`);
    expect(cells).not.toContain(EVIL);
    const json = JSON.parse(new TextDecoder().decode((await exportReports(items, 'json')).bytes));
    expect(json[0].body).toBe(EVIL);
    expect(json.map((r: { id: number }) => r.id)).toEqual([1, 2, 3]);
  });

  it('writes the ranking as XLSX and DOCX with every body and its deductions', async () => {
    const filing = filingStatus(bodies, reports, { year: 2022, asOf: '2023-04-15' });
    const ranking = scoreBodies(filing, reports, [], { year: 2022 });
    const wb = await sheets((await exportRanking(ranking, 'xlsx', '示例市')).bytes);
    const rank = texts(wb.getWorksheet('排名')!);
    expect(rank[0]).toContain('示例市2022年度');
    for (const r of ranking.rows)
      expect(rank).toContain(r.bodyName.startsWith('=') || r.bodyName.startsWith('+') ? `'${r.bodyName}` : r.bodyName);
    const details = wb.getWorksheet('扣分明细')!;
    expect(details.rowCount - 1).toBe(ranking.rows.reduce((n, r) => n + r.deductions.length, 0));
    const docx = await exportRanking(ranking, 'docx');
    expect(docx.filename).toBe('ranking.docx');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('乙局');
    expect(xml).toContain('逾期');
  });

  it('writes the filing list with its summary', async () => {
    const filing = filingStatus(bodies, reports, { year: 2022, asOf: '2023-02-15' });
    const ws = (await sheets((await exportFiling(filing)).bytes)).getWorksheet('报送情况')!;
    const cells = texts(ws);
    expect(cells.some((c) => c.includes(`应报${filing.summary.expected}家`))).toBe(true);
    expect(cells).toContain("'+丙局");
    expect(cells).toContain('未报送');
  });

  it('writes indicators as tidy CSV with definitions, and as XLSX', async () => {
    const table = indicatorTable(reports, { minCases: 1 });
    const csv = new TextDecoder().decode((await exportIndicators(table, 'csv')).bytes).trim().split('\r\n');
    expect(csv).toHaveLength(1 + (table.rows.length + table.trend.length) * table.definitions.length);
    expect(csv.some((l) => l.includes('disclosureRate') && l.includes('予以公开'))).toBe(true);
    const wb = await sheets((await exportIndicators(table, 'xlsx')).bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各单位指标', '合计与趋势', '指标说明']);
  });

  it('writes the roll-up with the summed values in the official table', async () => {
    const result = rollup(reports, bodies, { year: 2022 });
    const wb = await sheets((await exportRollup(result, '示例市')).bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总说明', '二 主动公开', '三 申请', '四 复议诉讼', '核查结果', '各单位明细', '口径核对']);
    const total = result.cells['applications/newReceived/total'];
    const ws = wb.getWorksheet('三 申请')!;
    let found = false;
    ws.eachRow((row) => {
      const label = row.values as ExcelJS.CellValue[];
      if (label.some((v) => String(v).includes('本年新收'))) found = row.getCell(row.cellCount).value === total;
    });
    expect(found).toBe(true);
    const detail = texts(wb.getWorksheet('各单位明细')!);
    expect(detail).toContain(`'${EVIL}`);
  });
});
