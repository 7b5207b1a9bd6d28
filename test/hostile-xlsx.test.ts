// A workbook whose XML parts are cut short (issue 9: partial reads are said): a generated report written as an
// XLSX here, one part cut in half and the package rebuilt. A cut sheet reads up to its last complete row with a
// note naming the part, the sheet and the row after which rows are lost; cut shared strings read as blanks, with
// a note; a cut styles part is left out (values unchanged); a cut workbook part is one clear InputError.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { GDocument } from '../src/document/model.js';
import { InputError } from '../src/errors.js';
import { generateReport } from '../src/generate/index.js';
import { parseBytes, toParseRecord } from '../src/parse.js';
import { readXlsx } from '../src/readers/xlsx.js';
import { unzipEntries } from '../src/readers/zip.js';
import { makeZip } from './fixtures/office/zip-writer.js';

/** A generated report as a one-sheet workbook: each line a row, tab-separated cells, numbers as numbers. */
async function reportWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度报告');
  for (const line of generateReport({ seed: 11, layout: 'tab' }).text.split('\n'))
    ws.addRow(line.split('\t').map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbook with one part cut to `share` of its length (the archive rebuilt, so only the part is damaged). */
async function cut(part: string, share = 0.5): Promise<Uint8Array> {
  const parts = unzipEntries(await reportWorkbook(), 'book.xlsx', () => true);
  const data = parts.get(part);
  if (!data) throw new Error(`no ${part} in the workbook`);
  return makeZip([...parts].map(([name, d]) =>
    ({ name, data: name === part ? d.subarray(0, Math.floor(d.length * share)) : d })));
}

const rows = (doc: GDocument) => doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
/** A row's texts without the blank cells that pad it to the sheet's width (which a cut sheet declares narrower). */
const texts = (r: ReturnType<typeof rows>[number]) => r.cells.map((c) => c.text).join('\t').replace(/\t+$/, '');
const truncation = (doc: GDocument) => doc.notes.filter((n) => n.code === 'xml.truncated-part');

describe('XLSX parts cut short: a partial read, the loss said', () => {
  it('a complete workbook reads with no note, and the report whole', async () => {
    const { doc } = await readXlsx(await reportWorkbook(), 'book.xlsx');
    expect(truncation(doc)).toEqual([]);
    expect(Object.keys(toParseRecord(await parseBytes(await reportWorkbook(), 'book.xlsx')).cells).length)
      .toBeGreaterThan(150);
  });

  it('sheet1.xml cut in half: the rows before the cut are read, the note says after which row the rest is lost',
    async () => {
    const whole = rows((await readXlsx(await reportWorkbook(), 'book.xlsx')).doc);
    const { doc } = await readXlsx(await cut('xl/worksheets/sheet1.xml'), 'cut.xlsx');
    const [note, ...more] = truncation(doc);
    expect(more).toEqual([]);
    const row = Number(/the rows after row (\d+) and what followed them/.exec(note.messageEn)?.[1]);
    expect(note.messageEn).toMatch(/^xl\/worksheets\/sheet1\.xml \(sheet "年度报告"\) is cut short: it stops at byte \d+;/);
    expect(note.message).toMatch(new RegExp(`工作表「年度报告」.*第 ${row} 行之后的行.*已丢失`));
    // what was read is exactly the rows up to that one: the first rows of the whole sheet, text for text
    const read = rows(doc);
    expect(read.length).toBeGreaterThan(10);
    expect(read.length).toBeLessThan(whole.length);
    expect(read.map(texts)).toEqual(whole.slice(0, read.length).map(texts));
    expect(whole[read.length - 1].pos.line).toBeGreaterThan(0);
    // rows are skipped when empty, so the last row read is at most the row the note names (and the next is lost)
    expect(row).toBeGreaterThanOrEqual(read.length);
  });

  it('through parse: fewer cells, the note among the diagnostics, no exception', async () => {
    const whole = toParseRecord(await parseBytes(await reportWorkbook(), 'book.xlsx'));
    const record = toParseRecord(await parseBytes(await cut('xl/worksheets/sheet1.xml'), 'cut.xlsx'));
    expect(Object.keys(record.cells).length).toBeLessThan(Object.keys(whole.cells).length);
    expect(record.diagnostics.map((d) => d.code)).toContain('xml.truncated-part');
  });

  it('the shared strings cut: the strings after the cut read as blanks, with a note', async () => {
    const { doc, text } = await readXlsx(await cut('xl/sharedStrings.xml', 0.6), 'strings.xlsx');
    const [note] = truncation(doc);
    expect(note.messageEn).toMatch(new RegExp(
      '^xl/sharedStrings\\.xml \\(the shared strings\\) is cut short: .*the strings after the first \\d+ are lost, ' +
      'and the [1-9]\\d* cell\\(s\\) that use them read as blank',
    ));
    expect(text).toContain('年度报告'); // the title, an early string, is there
    expect(text).not.toMatch(/六、/); // the late section headings are not
  });

  it('styles.xml cut: left out, every value read as in the whole workbook', async () => {
    const whole = await readXlsx(await reportWorkbook(), 'book.xlsx');
    const { doc, text } = await readXlsx(await cut('xl/styles.xml'), 'styles.xlsx');
    expect(truncation(doc).map((n) => n.messageEn))
      .toEqual([expect.stringMatching(/^xl\/styles\.xml is cut short: .*left out/)]);
    expect(text).toBe(whole.text);
  });

  it('workbook.xml cut: one clear InputError naming the part', async () => {
    const e = await readXlsx(await cut('xl/workbook.xml'), 'book-cut.xlsx').then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).file).toBe('book-cut.xlsx');
    expect((e as InputError).problemEn)
      .toMatch(/damaged or incomplete \(the workbook's xl\/workbook\.xml is cut short at byte \d+\)/);
  });
});
