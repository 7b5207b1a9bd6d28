// The library's public surface: the exact list of runtime exports of src/index.ts (so removing or renaming one is a
// deliberate change that fails here first), and a smoke call through the main path bytes → report → parse record.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'text');

describe('library exports', () => {
  it('are exactly the documented ones', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ALL_RULES', 'DAMAGES', 'InputError', 'LAYOUTS', 'OUTPUT_FORMATS',
      'READERS', 'RENDERERS', 'RENDER_FORMATS', 'REPORT_SCHEMA',
      'TEMPLATES', 'allCellKeys', 'cellKey', 'cellLabel', 'checkReport',
      'decodeBytes', 'expandFile', 'formatFinding', 'formatMessage',
      'generateCorpus', 'generateReport',
      'loadBytes', 'loadReport', 'parseBytes', 'parseFile', 'readBytes',
      'readHtml', 'readPath', 'readText', 'recognise',
      'relationsFor', 'relationsOf', 'render', 'renderCsv', 'renderDocx',
      'renderHtml', 'renderJson', 'renderMarkdown', 'renderText', 'renderXlsx',
      'ruleById', 'splitCellKey', 'tableDef', 'tableGroupOf', 'template', 'toParseRecord', 'writeCorpus',
    ]);
  });

  it('have the expected kinds', () => {
    for (const f of ['parseBytes', 'parseFile', 'loadReport', 'toParseRecord', 'checkReport', 'render',
      'generateReport', 'readText', 'recognise', 'cellKey'] as const)
      expect(typeof api[f], f).toBe('function');
    expect(api.RENDER_FORMATS).toEqual(['md', 'html', 'txt', 'json', 'csv']);
    expect(api.OUTPUT_FORMATS).toEqual(['md', 'html', 'txt', 'json', 'csv', 'docx', 'xlsx', 'pdf']);
    expect(Object.keys(api.READERS).sort()).toEqual(['doc', 'docx', 'html', 'pdf', 'text', 'xlsx']);
    expect(Object.keys(api.TEMPLATES).sort()).toEqual(['2019', '2021']);
    expect(api.LAYOUTS).toContain('tab');
    expect(api.DAMAGES).toEqual(expect.arrayContaining(['short-rows', 'truncated', 'inconsistent', 'lost-tables']));
    expect(new api.InputError('f.txt', '坏', 'bad')).toBeInstanceOf(Error);
    expect(api.cellKey('applications', 'newReceived', 'total')).toBe('applications/newReceived/total');
    expect(api.splitCellKey('art20_8/fees/amount')).toEqual({ table: 'art20_8', row: 'fees', column: 'amount' });
  });
});

describe('smoke: parseBytes → toParseRecord', () => {
  it('gives the stable fields of the parse record (shared/spec/cells-format.md)', async () => {
    const bytes = readFileSync(join(FIXTURES, 'tab-complete.txt'));
    const report = await api.parseBytes(bytes, 'reports/qingshan.txt');
    const record = api.toParseRecord(report);
    expect(Object.keys(record)).toEqual(expect.arrayContaining(['file', 'agency', 'year',
      'template', 'tables', 'cells']));
    expect(record).toMatchObject({
      file: 'reports/qingshan.txt', agency: '青山县人民政府', year: 2022, template: '2021',
      tables: { active: true, applications: true, review: true },
    });
    expect(Object.keys(record.cells)).toHaveLength(200);
    expect(record.cells['applications/newReceived/total']).toBe(45);
    expect(record.cells['art20_8/fees/amount']).toBe(35.2817);
    // the record is plain JSON: it survives a round trip unchanged
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    // where each cell was read, and how
    expect(record.sources?.['applications/newReceived/total']).toMatchObject({ how: 'direct', raw: '45' });
  });

  it('a report without tables: template null, no cells', async () => {
    const report = await api.parseBytes(new TextEncoder()
      .encode('松岭乡人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n\n无。\n'), 'p.txt');
    expect(api.toParseRecord(report)).toMatchObject({ file: 'p.txt', agency: '松岭乡人民政府', year: 2021, template: null,
      tables: { active: false, applications: false, review: false }, cells: {} });
  });
});
