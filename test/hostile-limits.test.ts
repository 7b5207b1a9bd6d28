// The bounds of src/readers/limits.ts not already driven by the CLI cases of test/hostile-input.test.ts, each with an
// input crafted here: XLSX cells, grid, merged cells and XML size; the input size cap and its environment override;
// the characters of a report's text (PDF bounds: test/hostile-pdf.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { generateReport } from '../src/generate/index.js';
import { readBytes, readInput } from '../src/readers/index.js';
import {
  DEFAULT_MAX_INPUT_BYTES, TEXT_MAX_CHARS, XLSX_MAX_CELLS, XML_MAX_ELEMENTS, XML_MAX_PART_BYTES, XLSX_MAX_GRID,
  XLSX_MAX_MERGED_CELLS, XLSX_MAX_XML_BYTES, maxInputBytes,
} from '../src/readers/limits.js';
import { checkXlsxLimits } from '../src/readers/xlsx-limits.js';
import { checkXmlTags } from '../src/readers/xml-limits.js';
import { makeZip } from './fixtures/office/zip-writer.js';

const sheet = (body: string, after = '') => makeZip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  // stored, not deflated: these parts compress past the zip-bomb ratio, which is not the bound under test
  { name: 'xl/worksheets/sheet1.xml',
    data: `<worksheet><sheetData>${body}</sheetData>${after}</worksheet>`, method: 0 },
]);

/** The InputError a call throws (and that it throws one). */
function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('no InputError thrown');
}

describe('XLSX bounds, checked on the sheet XML before exceljs', () => {
  it('a real-sized sheet passes', () => {
    const rows = Array.from({ length: 40 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 12 }, (_, c) =>
      `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${r}</v></c>`).join('')}</row>`);
    expect(() => checkXlsxLimits(sheet(rows.join(''), '<mergeCells><mergeCell ref="A1:C2"/></mergeCells>'),
      'ok.xlsx')).not.toThrow();
  });

  it('XLSX_MAX_CELLS', () => {
    const cells = '<c><v>1</v></c>'.repeat(XLSX_MAX_CELLS + 1);
    const e = inputError(() => checkXlsxLimits(sheet(`<row r="1">${cells}</row>`), 'cells.xlsx'));
    expect([e.file, e.limit]).toEqual(['cells.xlsx', 'XLSX_MAX_CELLS']);
  });

  it('XLSX_MAX_GRID: two cells far apart, each within the row and column bounds', () => {
    const e = inputError(() =>
      checkXlsxLimits(sheet('<row r="1"><c r="A1"/></row><row r="90000"><c r="AMJ90000"/></row>'), 'grid.xlsx'));
    expect(e.limit).toBe('XLSX_MAX_GRID');
    expect(90000 * 1024).toBeGreaterThan(XLSX_MAX_GRID);
  });

  it('XLSX_MAX_MERGED_CELLS: many merges, each within the bounds', () => {
    const merges = Array.from({ length: 40 },
      (_, i) => `<mergeCell ref="A${i * 2000 + 1}:AMJ${i * 2000 + 30}"/>`).join('');
    const e = inputError(() => checkXlsxLimits(sheet('<row r="1"><c r="A1"/></row>',
      `<mergeCells>${merges}</mergeCells>`), 'merges.xlsx'));
    expect(e.limit).toBe('XLSX_MAX_MERGED_CELLS');
    expect(40 * 30 * 1024).toBeGreaterThan(XLSX_MAX_MERGED_CELLS);
  });

  it('XLSX_MAX_XML_BYTES: the declared sizes of the XML parts', () => {
    const big = sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(XLSX_MAX_XML_BYTES)}</t></is></c></row>`);
    const e = inputError(() => checkXlsxLimits(big, 'xml.xlsx'));
    expect(e.limit).toBe('XLSX_MAX_XML_BYTES');
  });
});

describe('the input size cap', () => {
  // made before the tests run, not when the file is collected: a filtered run (-t) would leave it behind
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-limits-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is 100 MB unless GONGKAI_MAX_INPUT_BYTES says otherwise; checked before reading', () => {
    const before = process.env.GONGKAI_MAX_INPUT_BYTES;
    try {
      delete process.env.GONGKAI_MAX_INPUT_BYTES;
      expect(maxInputBytes()).toBe(DEFAULT_MAX_INPUT_BYTES);
      process.env.GONGKAI_MAX_INPUT_BYTES = '1000';
      expect(maxInputBytes()).toBe(1000);
      const p = join(dir, 'r.txt');
      writeFileSync(p, 'x'.repeat(1001));
      const e = inputError(() => readInput(p));
      expect([e.file, e.limit]).toEqual([p, 'GONGKAI_MAX_INPUT_BYTES']);
      expect(e.problemEn).toMatch(/too large \(1001 bytes\), over the limit of 1000/);
      writeFileSync(p, 'x'.repeat(1000));
      expect(readInput(p)).toHaveLength(1000);
      process.env.GONGKAI_MAX_INPUT_BYTES = 'nonsense';
      expect(maxInputBytes()).toBe(DEFAULT_MAX_INPUT_BYTES);
    } finally {
      if (before === undefined) delete process.env.GONGKAI_MAX_INPUT_BYTES;
      else process.env.GONGKAI_MAX_INPUT_BYTES = before;
    }
  });

  it('a directory given as a file is one clear error', () => {
    expect(inputError(() => readInput(dir)).problemEn).toBe('this is a directory, not a file');
  });
});

describe('TEXT_MAX_CHARS: the characters of one report', () => {
  const report = generateReport({ seed: 21, layout: 'tab' }).text;
  const over = (unit: string) => unit.repeat(Math.ceil((TEXT_MAX_CHARS + 1) / unit.length));

  it('a text file of valid report lines past the bound is refused before it is read', async () => {
    const e = await readBytes(Buffer.from(over(`${report}\n`)), 'long.txt').then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(InputError);
    expect([(e as InputError).file, (e as InputError).limit]).toEqual(['long.txt', 'TEXT_MAX_CHARS']);
    expect((e as InputError).problemEn)
      .toMatch(new RegExp(`the text is too long \\(\\d+ characters\\), over the limit of ${TEXT_MAX_CHARS}`));
  });

  it('a text file of more than 8 bytes a character is refused before it is decoded', async () => {
    const bytes = Buffer.alloc(8 * TEXT_MAX_CHARS + 1, 0x20);
    const e = await readBytes(bytes, 'spaces.txt').then(() => null, (err: unknown) => err);
    expect((e as InputError).limit).toBe('TEXT_MAX_CHARS');
    expect((e as InputError).problemEn).toMatch(/\(8000001 bytes: more than 1000000 characters in any encoding\)/);
    // a byte fewer is decoded, then refused on its characters
    const fewer = await readBytes(bytes.subarray(1), 'spaces.txt').then(() => null, (err: unknown) => err);
    expect((fewer as InputError).problemEn).toMatch(/\(\d+ characters\)/);
  });

  it('an HTML page: its text counts, its markup does not', async () => {
    const body = report.split('\n').map((l) => `<p>${l}</p>`).join('');
    const script = `<script>var pad = "${'x'.repeat(TEXT_MAX_CHARS + 1)}";</script>`;
    const padded = await readBytes(Buffer.from(`<html><head>${script}</head><body>${body}</body></html>`), 'page.html');
    expect(padded.doc.blocks.length).toBeGreaterThan(10);
    const long = `<html><body>${body}<p>${over('公开')}</p></body></html>`;
    const e = await readBytes(Buffer.from(long), 'long.html').then(() => null, (err: unknown) => err);
    expect((e as InputError).limit).toBe('TEXT_MAX_CHARS');
  });
});

describe('Office XML parts: bytes and elements, scanned before parsing', () => {
  const part = (body: string) => Buffer.from(`<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`);

  it('XML_MAX_ELEMENTS: many small paragraphs, none deep', () => {
    const n = Math.ceil(XML_MAX_ELEMENTS / 3) + 1;
    const e = inputError(() => checkXmlTags(part('<w:p><w:r><w:t>1</w:t></w:r></w:p>'.repeat(n)),
      'many.docx', 'word/document.xml'));
    expect([e.file, e.limit]).toEqual(['many.docx', 'XML_MAX_ELEMENTS']);
    expect(e.problemEn).toMatch(/^word\/document\.xml has too many elements/);
    // empty elements count too; a part just within the bound passes
    expect(inputError(() => checkXmlTags(part('<w:br/>'.repeat(XML_MAX_ELEMENTS)), 'br.docx', 'p')).limit)
      .toBe('XML_MAX_ELEMENTS');
    expect(() => checkXmlTags(part('<w:br/>'.repeat(XML_MAX_ELEMENTS - 3)), 'ok.docx', 'p')).not.toThrow();
  });

  it('XML_MAX_PART_BYTES: one paragraph of text past the bound', () => {
    const e = inputError(() => checkXmlTags(part(`<w:p><w:r><w:t>${'x'.repeat(XML_MAX_PART_BYTES)}</w:t></w:r></w:p>`),
      'big.docx', 'word/document.xml'));
    expect([e.file, e.limit]).toEqual(['big.docx', 'XML_MAX_PART_BYTES']);
  });
});
