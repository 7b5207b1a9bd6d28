// The office readers: DOCX (golden GDocument of a small hand-written fixture, Word's merges, nested tables, the
// blank 2021 template when ../shared is there), legacy .doc (fixtures converted by LibreOffice), XLSX (workbooks
// built here), and ZIP containers with their limits: truncated and corrupt files, zip bombs, archives of reports.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../src/document/model.js';
import { InputError } from '../src/errors.js';
import { generateReport } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { readDocx } from '../src/readers/docx.js';
import { expandFile, readBytes } from '../src/readers/index.js';
import { sniffFormat } from '../src/readers/sniff.js';
import { readXlsx } from '../src/readers/xlsx.js';
import { ZIP_LIMITS, expandArchive, listZip } from '../src/readers/zip.js';
import { docxParts, makeZip } from './fixtures/office/zip-writer.js';
import { expectGolden } from './golden.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'office');
const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'dev', 'docx',
  'template-2021-blank.docx');
const fixture = (name: string): Uint8Array => readFileSync(join(FIX, name));
const tables = (blocks: { kind: string }[]): TableBlock[] => blocks.filter((b): b is TableBlock => b.kind === 'table');

/** The InputError a promise or call rejects with (fails the test when it does not). */
async function inputError(f: () => unknown): Promise<InputError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('DOCX reader', () => {
  const { doc, text } = readDocx(fixture('small-report.docx'), 'small-report.docx');

  it('golden document', () => {
    expect(sniffFormat(fixture('small-report.docx'), 'x.bin')).toBe('docx');
    expectGolden('readers/office-small-report.json', `${JSON.stringify({ doc, text: text.split('\n') }, null, 2)}\n`);
  });

  it('reads headings by style, outline level and text; breaks, tabs, tracked changes and content controls', () => {
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: '青溪县示例局2022年政府信息公开工作年度报告' });
    expect(doc.blocks[1]).toMatchObject({ kind: 'heading', level: 2, text: '一、总体情况' });
    expect(doc.blocks[2]).toMatchObject({ kind: 'paragraph', text: '本年度，本局主动公开信息128条。' });
    expect(doc.blocks[3]).toMatchObject({ kind: 'paragraph', text: '其中政策解读 6篇。（修订）' });
    expect(doc.blocks[4]).toMatchObject({ kind: 'heading', level: 3, text: '（一）主动公开' });
    expect(JSON.stringify(doc)).not.toContain('已删除');
  });

  it('keeps gridSpan as colSpan, empty cells as "" and tab-typed rows as a grid', () => {
    const [t2, tabbed] = tables(doc.blocks);
    expect(t2.layout).toBe('grid');
    expect(t2.rows[0].cells).toEqual([{ text: '第二十条第（一）项', pos: { line: 7, column: 1 }, colSpan: 4 }]);
    expect(t2.rows[2].cells.map((c) => c.text)).toEqual(['规章', '0', '', '2']);
    expect(tabbed.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['行政许可', '241'], ['行政处罚', '37']]);
  });

  it('turns vMerge into rowSpan, leaves continuation cells out, and reads a nested table after its table', () => {
    const [, , t3, nested] = tables(doc.blocks);
    expect(t3.rows[0].cells[0]).toMatchObject({ text: '三、本年度办理结果', rowSpan: 3 });
    expect(t3.rows[0].cells[1]).toMatchObject({ text: '（一）予以公开', colSpan: 2 });
    expect(t3.rows[0].cells[3].text).toBe('');
    expect(t3.rows[1].cells[0]).toMatchObject({ text: '（三）不予公开', rowSpan: 2 });
    expect(t3.rows[2].cells.map((c) => c.text)).toEqual(['2.其他法律行政法规禁止公开', '1', '见附表']);
    expect(nested.rows.map((r) => r.cells.map((c) => c.text))).toEqual([['附', '1'], ['注', '无']]);
    expect(doc.notes.map((n) => n.code)).toEqual(['docx.nested-table']);
  });

  it('reads a one-cell table as flow and numbers lines so the text shows each position', () => {
    expect(doc.blocks.at(-2)).toMatchObject({ kind: 'heading', level: 2, text: '六、其他需要报告的事项' });
    const lines = text.split('\n');
    for (const b of doc.blocks) {
      if (b.kind !== 'table') expect(lines[b.pos.line - 1]).toBe(b.text);
      else for (const r of b.rows) expect(lines[r.pos.line - 1]).toBe(r.cells.map((c) => c.text).join('\t'));
    }
  });

  it('parses into cells with positions', async () => {
    const report = await parseBytes(fixture('small-report.docx'), 'small-report.docx');
    expect(report.format).toBe('docx');
    expect(report.cells['art20_1/normativeDocuments/made']).toMatchObject({ value: 3,
      source: { line: 10, column: 2 }, how: 'direct' });
    expect(report.cells['art20_1/normativeDocuments/valid']?.value).toBe(15);
    expect(report.cells['art20_5/licensing/processed']).toMatchObject({ value: 241, source: { line: 11, column: 2 } });
  });

  it('matches 繁体 in 简体, like text input', async () => {
    const body = '<w:p><w:r><w:t>青溪縣示例局2022年政府資訊公開工作年度報告</w:t></w:r></w:p><w:p><w:r><w:t>一、總體情況</w:t></w:r></w:p>';
    const read = await readBytes(makeZip(docxParts(body)), 'fanti.docx');
    expect(read.traditional).toBe(true);
    expect(read.doc.blocks[1]).toMatchObject({ kind: 'heading', text: '一、总体情况' });
    expect(read.text.split('\n')[1]).toBe('一、總體情況');
  });

  it.skipIf(!existsSync(TEMPLATE))('recognises the blank official 2021 template', async () => {
    const report = await parseBytes(readFileSync(TEMPLATE), 'template-2021-blank.docx');
    expect(report.template).toBe('2021');
    expect(report.tables).toEqual({ active: true, applications: true, review: true });
    expect(Object.values(report.cells).every((c) => c.value === null)).toBe(true);
    expect(report.sections.filter((s) => s.title !== null)).toHaveLength(6);
  });
});

describe('.doc reader', () => {
  it('reads the tables of a Word 97-2003 file cell by cell, exactly', async () => {
    const expected = JSON.parse(readFileSync(join(FIX, 'report-2021.expected.json'), 'utf8')) as { template: string;
      agency: string; year: number; cells: Record<string, number | null> };
    const bytes = fixture('report-2021.doc');
    expect(sniffFormat(bytes, 'report.bin')).toBe('doc');
    const report = await parseBytes(bytes, 'report-2021.doc');
    expect({ template: report.template, agency: report.agency, year: report.year })
      .toEqual({ template: expected.template, agency: expected.agency, year: expected.year });
    expect(Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]))).toEqual(expected.cells);
    expect(report.format).toBe('doc');
  });

  it('says clearly when no table could be recovered', async () => {
    const report = await parseBytes(fixture('no-table.doc'), 'no-table.doc');
    expect(report.diagnostics.find((d) => d.code === 'doc.no-table')?.message).toMatch(/未能从 \.doc 文件中恢复任何表格/);
    expect(Object.keys(report.cells)).toHaveLength(0);
  });

  it('a damaged .doc is an InputError naming the file', async () => {
    const bytes = fixture('report-2021.doc').slice(0, 3000);
    const e = await inputError(() => readBytes(bytes, 'cut.doc'));
    expect(e.file).toBe('cut.doc');
    expect(e.problem).toMatch(/\.doc/);
  });
});

describe('XLSX reader', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('二 主动公开');
    ws.mergeCells('A1:D1');
    ws.getCell('A1').value = '第二十条第（一）项';
    ws.addRow(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    ws.addRow(['规章', 1, null, { formula: 'B3+1', result: 2 }]);
    ws.addRow([]);
    ws.addRow([{ richText: [{ text: '行政规范' }, { text: '性文件' }] }, 0.1 + 0.2, 0, 7]);
    ws.mergeCells('A6:A7');
    ws.getCell('A6').value = '合并';
    ws.getCell('B6').value = 1;
    ws.getCell('B7').value = 2;
    wb.addWorksheet('核查结果').addRow(['错误', 'balance', '（七）总计 5']);
    const hidden = wb.addWorksheet('草稿');
    hidden.state = 'hidden';
    hidden.addRow(['不应读出', 9]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads sheets as headings and grids with merges, values as printed, and skips hidden and findings sheets',
    async () => {
    const bytes = await workbook();
    expect(sniffFormat(bytes, 'book.bin')).toBe('xlsx');
    const { doc, text } = await readXlsx(bytes, 'book.xlsx');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', text: '二 主动公开' });
    const [t] = tables(doc.blocks);
    expect(tables(doc.blocks)).toHaveLength(1);
    expect(t.rows[0].cells).toEqual([{ text: '第二十条第（一）项', pos: { line: 2, column: 1 }, colSpan: 4 }]);
    expect(t.rows.slice(1).map((r) => r.cells.map((c) => c.text))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '1', '', '2'], ['行政规范性文件', '0.3', '0', '7'],
      ['合并', '1', '', ''], ['2', '', ''],
    ]);
    expect(t.rows[4].cells[0].rowSpan).toBe(2);
    expect(t.rows[5].cells[0].pos.column).toBe(2);
    expect(text).not.toContain('不应读出');
    expect(doc.notes.map((n) => n.code)).toEqual(['xlsx.hidden-sheet']);
  });

  it('a truncated workbook is an InputError', async () => {
    const bytes = await workbook();
    const e = await inputError(() => readBytes(bytes.slice(0, bytes.length - 200), 'cut.xlsx'));
    expect(e.problem).toMatch(/损坏或不完整/);
  });
});

describe('ZIP containers and limits', () => {
  const zeros = new Uint8Array(5 * 1024 * 1024);

  it('a truncated DOCX is an InputError with a clear message, and no numbers', async () => {
    const bytes = fixture('small-report.docx');
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
      const e = await inputError(() => parseBytes(bytes.slice(0, cut), 'cut.docx'));
      expect(e.file).toBe('cut.docx');
      expect(e.problem).toMatch(/文件已损坏或不完整/);
      expect(e.message).toMatch(/damaged or incomplete/);
    }
  });

  it('a corrupt entry fails its checksum', async () => {
    const parts = docxParts('<w:p><w:r><w:t>x</w:t></w:r></w:p>')
      .map((p) => (p.name === 'word/document.xml' ? { ...p, declaredCrc: 1234 } : p));
    const e = await inputError(() => readBytes(makeZip(parts), 'crc.docx'));
    expect(e.problemEn).toMatch(/word\/document\.xml fails its checksum/);
  });

  it('a highly compressed entry is a zip bomb', async () => {
    const bomb = makeZip([{ name: 'zeros.txt', data: zeros }]);
    expect(bomb.length).toBeLessThan(zeros.length / 100);
    expect((await inputError(() => expandArchive(bomb, 'bomb.zip'))).problemEn)
      .toMatch(/zip bomb suspected: entry zeros\.txt has a compression ratio of \d+:1/);
    const docx = makeZip([...docxParts('<w:p/>'), { name: 'word/media/image1.png', data: zeros }]);
    expect((await inputError(() => readBytes(docx, 'bomb.docx'))).problem).toMatch(/压缩炸弹/);
  });

  it('an entry that expands past its declared size is a zip bomb', async () => {
    const liar = makeZip([{ name: 'a.txt', data: new Uint8Array(200_000), declaredSize: 1000 }]);
    expect((await inputError(() => expandArchive(liar, 'liar.zip'))).problemEn)
      .toMatch(/expands past its declared size/);
  });

  it('limits entries, total size and nesting depth', async () => {
    const three = makeZip(['a', 'b', 'c'].map((n) => ({ name: `${n}.txt`, data: n })));
    expect((await inputError(() => expandArchive(three, 'many.zip', { ...ZIP_LIMITS, maxEntries: 2 }))).problemEn)
      .toMatch(/too many archive entries \(3, limit 2\)/);
    const big = makeZip(['a', 'b'].map((n) =>
      ({ name: `${n}.bin`, data: new Uint8Array(600).fill(n.charCodeAt(0)), method: 0 as const })));
    expect((await inputError(() => expandArchive(big, 'big.zip', { ...ZIP_LIMITS, maxTotalBytes: 1000 }))).problemEn)
      .toMatch(/more than 1000 bytes/);
    const deep = makeZip([{ name: 'in.zip',
      data: makeZip([{ name: 'in2.zip', data: makeZip([{ name: 'x.txt', data: 'x' }]) }]) }]);
    expect(expandArchive(deep, 'deep.zip').map((f) => f.name)).toEqual(['deep.zip/in.zip/in2.zip/x.txt']);
    const e = await inputError(() => expandArchive(deep, 'deep.zip', { ...ZIP_LIMITS, maxDepth: 1 }));
    expect(e.file).toBe('deep.zip/in.zip/in2.zip');
  });

  it('expands an archive of reports (nested archives, OS litter skipped) and each file parses', async () => {
    const g = generateReport({ seed: 3, template: '2021', layout: 'tab' });
    const inner = makeZip([{ name: '附件/small-report.docx', data: fixture('small-report.docx') }]);
    const archive = makeZip([
      { name: '报告/', data: '' }, { name: `报告/${g.name}.txt`, data: g.bytes }, { name: '__MACOSX/._x', data: 'junk' },
      { name: 'more.zip', data: inner },
    ]);
    expect(sniffFormat(archive, 'reports.zip')).toBe('zip');
    expect(listZip(archive, 'reports.zip')).toHaveLength(4);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-zip-'));
    writeFileSync(join(dir, 'reports.zip'), archive);
    let files: ReturnType<typeof expandFile>;
    try {
      files = expandFile(join(dir, 'reports.zip'));
    } finally {
      rmSync(dir, { recursive: true, force: true }); // tests leave nothing in the temp directory
    }
    expect(files.map((f) => f.name.slice(dir.length + 1))).toEqual([`reports.zip/报告/${g.name}.txt`,
      'reports.zip/more.zip/附件/small-report.docx']);
    const report = await parseBytes(files[0].bytes, files[0].name);
    expect(Object.fromEntries(Object.entries(report.cells).map(([k, c]) => [k, c.value]))).toEqual(g.truth.cells);
    expect((await parseBytes(files[1].bytes, files[1].name)).format).toBe('docx');
    expect(expandFile(join(FIX, 'small-report.docx'))).toHaveLength(1);
  });

  it('reads an archive holding one report as that report; more than one needs expanding', async () => {
    const one = makeZip([{ name: 'r.docx', data: fixture('small-report.docx') }]);
    expect((await readBytes(one, 'one.zip')).doc.source.name).toBe('one.zip/r.docx');
    // DOCX files stored uncompressed expose word/ and [Content_Types].xml to sniffing: still an archive
    const stored = makeZip([{ name: 'r.docx', data: fixture('small-report.docx'), method: 0 }]);
    expect((await readBytes(stored, 'stored.zip')).doc.source.format).toBe('docx');
    const two = makeZip([{ name: 'a.txt', data: 'a' }, { name: 'b.txt', data: 'b' }]);
    expect((await inputError(() => readBytes(two, 'two.zip'))).problemEn).toMatch(/holds 2 files/);
  });
});
