// The PDF reader: golden outlines and exact recognised cells of the invented fixtures in test/fixtures/pdf (a
// ruled report whose table 三 breaks across pages with a repeated header, the same report without rules, a
// browser-printed file whose glyphs map to CJK radicals), the clear errors (scanned, encrypted, broken), vertical
// text and rule grids from synthetic input, the three real dev PDFs when the shared corpus is present, and a
// fresh Chromium print of the ruled fixture when /usr/bin/chromium is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPS } from '../src/readers/pdfjs.js';
import { describe, expect, it } from 'vitest';
import type { GDocument, TableBlock } from '../src/document/model.js';
import { InputError } from '../src/errors.js';
import { parseBytes, toParseRecord } from '../src/parse.js';
import { readBytes } from '../src/readers/index.js';
import { findGrids } from '../src/readers/pdf-grid.js';
import { mayHoldTable, readPdf } from '../src/readers/pdf.js';
import { VerticalText } from '../src/readers/pdf-vertical.js';
import { canonicalChars } from '../src/readers/pdf-geometry.js';
import { expectGolden } from './golden.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'pdf');
const DEV = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'dev', 'pdf');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const expected: Record<string, number> = JSON.parse(readFileSync(join(FIXTURES, 'expected-cells.json'), 'utf8'));
const tables = (doc: GDocument) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');

/** A compact, readable outline of a document: blocks with line, page, and cells with column and spans. */
function outline(doc: GDocument): string {
  const out = [`${doc.source.format} ${doc.source.shape} ${doc.source.encoding}`,
    ...doc.notes.map((n) => `note ${n.code}: ${n.message}`)];
  for (const b of doc.blocks) {
    if (b.kind !== 'table') out.push(`${b.pos.line} p${b.pos.page} ${b.kind === 'heading' ? '#' : '¶'} ${b.text}`);
    else {
      out.push(`table p${b.pos.page} ${b.layout}`);
      for (const r of b.rows)
        out.push(`  ${r.pos.line} p${r.pos.page}: ${r.cells.map((c) =>
          `[${c.pos.column}${c.rowSpan ? `r${c.rowSpan}` : ''}${c.colSpan ? `c${c.colSpan}` : ''}]${c.text}`)
          .join(' | ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

async function cellsOf(name: string, data: Uint8Array) {
  const record = toParseRecord(await parseBytes(data, name));
  return { record, cells: record.cells };
}

async function rejects(data: Uint8Array, re: RegExp): Promise<InputError> {
  const err = await readPdf(data, 'x.pdf').then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).problem).toMatch(re);
  return err as InputError;
}

describe('readPdf golden outlines', () => {
  for (const name of ['ruled', 'unruled', 'radicals']) {
    it(name, async () => expectGolden(`readers-pdf/${name}.txt`,
      outline(await readPdf(bytes(`${name}.pdf`), `${name}.pdf`))));
  }
});

describe('ruled report', async () => {
  const doc = await readPdf(bytes('ruled.pdf'), 'ruled.pdf');
  const [t2, t3, t4] = tables(doc);

  it('is a ruled PDF with three grid tables', () => {
    expect(doc.source).toEqual({ name: 'ruled.pdf', format: 'pdf', shape: 'pdf-ruled', encoding: 'unicode' });
    expect(tables(doc).map((t) => t.layout)).toEqual(['grid', 'grid', 'grid']);
  });

  it('joins table 三 across the page break and drops the repeated header', () => {
    expect(new Set(t3.rows.map((r) => r.pos.page))).toEqual(new Set([2, 3]));
    expect(t3.rows.flatMap((r) => r.cells).filter((c) => c.text === '申请人情况')).toHaveLength(1);
    expect(t3.rows).toHaveLength(3 + 25);
  });

  it('keeps spanning labels once, in their first row, whole across the page break', () => {
    const cells = t3.rows.flatMap((r) => r.cells);
    expect(cells.filter((c) => c.text === '三、本年度办理结果')).toHaveLength(1);
    const groups = cells.filter((c) => /^（[三四五六]）/.test(c.text));
    expect(groups.map((c) => [c.text, c.rowSpan])).toEqual([['（三）不予公开', 8], ['（四）无法提供', 3],
      ['（五）不予处理', 5], ['（六）其他处理', 3]]);
    expect(t3.rows[0].cells[0]).toMatchObject({ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', rowSpan: 3, colSpan: 3 });
  });

  it('puts the label cells first and one cell per number', () => {
    const row = t3.rows.find((r) => r.cells.some((c) => c.text === '4.保护第三方合法权益'))!;
    expect(row.cells.map((c) => c.text)).toEqual(['4.保护第三方合法权益', '2', '0', '0', '0', '0', '0', '2']);
    expect(row.cells.map((c) => c.pos.column)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(t4.rows[t4.rows.length - 1].cells.map((c) => c.text)).toEqual(['3', '1', '1', '0', '5', '2', '0', '1', '1',
      '4', '1', '0', '0', '0', '1']);
    expect(t2.rows[0].cells).toMatchObject([{ text: '第二十条第（一）项', colSpan: 4 }]);
  });

  it('drops page headers and page numbers, joins wrapped prose, numbers lines in order', () => {
    const text = doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n');
    expect(text).not.toMatch(/政务公开\n|^- \d+ -$/m);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.text)).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(text).toContain('全年新收政府信息公开申请86件，上年结转3件，均在法定期限内答复，结转下年度继续办理5件。');
    const lines = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.pos.line) : [b.pos.line]));
    expect(lines).toEqual(lines.map((_, i) => i + 1));
    const cell = t3.rows[3].cells[1];
    expect(cell.pos.page).toBe(2);
    expect(cell.pos.bbox).toHaveLength(4);
    expect(cell.pos.bbox![2]).toBeGreaterThan(cell.pos.bbox![0]);
  });
});

describe('recognised cells', () => {
  for (const name of ['ruled', 'unruled']) {
    it(`${name}: every cell exactly, metadata and tables`, async () => {
      const { record, cells } = await cellsOf(`${name}.pdf`, bytes(`${name}.pdf`));
      expect(cells).toEqual(expected);
      expect([record.agency, record.year, record.template]).toEqual(['青禾县人民政府', 2023, '2021']);
      expect(record.tables).toEqual({ active: true, applications: true, review: true });
      expect(record.format).toBe('pdf');
    });
  }

  it('unruled: shape and rows cut at the column gaps', async () => {
    const doc = await readPdf(bytes('unruled.pdf'), 'unruled.pdf');
    expect(doc.source.shape).toBe('pdf-unruled');
    const row = tables(doc).flatMap((t) => t.rows).find((r) => r.cells.some((c) => c.text === '1.信访举报投诉类申请'))!;
    expect(row.cells.map((c) => c.text)).toEqual(['（五）不', '1.信访举报投诉类申请', '4', '0', '0', '0', '0', '0', '4']);
  });

  it('radicals: browser-printed glyphs mapped to CJK radicals read as the characters', async () => {
    const { record } = await cellsOf('radicals.pdf', bytes('radicals.pdf'));
    const doc = await readPdf(bytes('radicals.pdf'), 'radicals.pdf');
    const vertical = tables(doc)[1].rows[0].cells[0];
    expect(vertical).toMatchObject({ text: '三、本年度办理结果', rowSpan: 3 });
    expect(record.agency).toBe('青禾县人民政府');
    expect(record.cells['art20_5/licensing/processed']).toBe(2816);
    expect(canonicalChars('⻘⽲县⼈⺠政府⻔⼾')).toBe('青禾县人民政府门户');
    expect(canonicalChars('三︑本年︐︵一︶')).toBe('三、本年，（一）');
  });
});

/** A minimal hand-made PDF: one page per content stream, Helvetica as F1. */
function minimalPdf(contents: string[]): Uint8Array {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const c of contents) {
    const page = objs.length + 1;
    kids.push(`${page} 0 R`);
    objs.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ' +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`);
    objs.push(`<< /Length ${c.length} >>\nstream\n${c}\nendstream`);
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${contents.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) =>
    `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('unreadable PDFs', () => {
  it('more pages than the cap, or no text at all, are InputErrors', async () => {
    await rejects(minimalPdf(Array(201).fill('')), /共 201 页，超过上限 200（PDF_MAX_PAGES）/);
    await rejects(minimalPdf(['', '']), /没有任何文字/);
    const doc = await readPdf(minimalPdf(['BT /F1 12 Tf 72 700 Td (Annual report 2023) Tj ET']), 'x.pdf');
    expect(doc.blocks).toMatchObject([{ kind: 'paragraph', text: 'Annual report 2023',
      pos: { line: 1, column: 1, page: 1 } }]);
  });

  it('a scanned PDF (images, no text layer) is an InputError naming the pages', async () => {
    const err = await rejects(bytes('scanned.pdf'), /^扫描件：第1页没有文字层，无法读取数字（需先OCR）$/);
    expect(err.problemEn).toMatch(/scanned PDF: page 1 has no text layer/);
  });

  it('a partly scanned PDF is read, with a note', async () => {
    const doc = await readPdf(bytes('half-scanned.pdf'), 'half-scanned.pdf');
    expect(doc.notes).toMatchObject([{ code: 'pdf.scanned-pages', message: expect.stringContaining('第2页没有文字层') }]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '青禾县人民政府2023年政府信息公开工作年度报告' });
  });

  it('an encrypted, a truncated and a broken PDF are InputErrors', async () => {
    await rejects(bytes('encrypted.pdf'), /已加密/);
    const ruled = bytes('ruled.pdf');
    await rejects(ruled.subarray(0, ruled.length >> 1), /已损坏/);
    await rejects(new TextEncoder().encode('%PDF-1.7\nnot really a pdf\n'), /已损坏/);
  });

  it('the reader dispatch sniffs PDF bytes whatever the name', async () => {
    const r = await readBytes(bytes('radicals.pdf'), 'report.bin');
    expect(r.doc.source.format).toBe('pdf');
    expect(r.text.split('\n')[0]).toBe('青禾县人民政府2023年政府信息公开工作年度报告');
    expect(r.traditional).toBe(false);
  });

  it('the dispatch text has one line per position line (headings, paragraphs, table rows)', async () => {
    const { doc, text } = await readBytes(bytes('ruled.pdf'), 'ruled.pdf');
    const lines = text.split('\n');
    for (const b of doc.blocks) {
      if (b.kind !== 'table') expect(lines[b.pos.line - 1]).toBe(b.text);
      else for (const r of b.rows) expect(lines[r.pos.line - 1]).toBe(r.cells.map((c) => c.text).join('\t'));
    }
  });
});

describe('geometry from synthetic input', () => {
  it('vertical glyphs placed by explicit moves become one top-to-bottom item', () => {
    const v = new VerticalText();
    const glyph = (unicode: string) => ({ unicode, vmetric: [-1000, 500, 880] });
    const ctm: [number, number, number, number, number, number] = [1, 0, 0, -1, 0, 800];
    v.op(OPS.beginText, [], ctm);
    v.op(OPS.setFont, ['F1', 10], ctm);
    v.op(OPS.setTextMatrix, [[1, 0, 0, 1, 100, 600]], ctm);
    [...'三、本年度办理结果'].forEach((ch, i) => {
      if (i) v.op(OPS.setLeadingMoveText, [0, -10], ctm);
      v.op(OPS.showText, [[glyph(ch)]], ctm);
    });
    v.op(OPS.endText, [], ctm);
    expect(v.items).toHaveLength(1);
    expect(v.items[0]).toMatchObject({ text: '三、本年度办理结果', vertical: true, x0: 95, x1: 105 });
    expect(v.items[0].y1 - v.items[0].y0).toBeCloseTo(90, 5);
  });

  it('only pages that may hold a table have their operator list read', () => {
    const item = (text: string, x0: number, base: number, extra: object = {}) =>
      ({ text, x0, x1: x0 + 12 * [...text].length, y0: base - 10, y1: base + 2, base, size: 12, ...extra });
    const prose = [item('一、总体情况', 90, 100), item('本机关认真贯彻落实《中华人民共和国政府信息公开条例》。', 90, 130),
      item('全年主动公开政府信息 17 条。', 90, 160)];
    expect(mayHoldTable(prose, 1)).toBe(false);
    // a row of cells standing apart (ruled or not)
    expect(mayHoldTable([...prose, item('规章', 90, 190), item('0', 300, 190), item('2', 400, 190)], 1)).toBe(true);
    // vertical or turned text belongs to a table
    expect(mayHoldTable([...prose, item('办理结果', 60, 220, { vertical: true })], 1)).toBe(true);
    expect(mayHoldTable([...prose, item('申请人情况', 60, 220, { rotated: true })], 1)).toBe(true);
    // too little text to tell a text page from a scan: the images decide
    expect(mayHoldTable([item('第 2 页', 280, 800)], 2)).toBe(true);
    // undecoded text
    expect(mayHoldTable([item('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b', 90, 100)], 1))
      .toBe(true);
  });

  it('a missing rule merges slots into a spanning cell', () => {
    const h = (at: number, from = 0, to = 300) => ({ at, from, to });
    const v = (at: number, from = 0, to = 60) => ({ at, from, to });
    // 3 columns × 3 rows; the rule between rows 1 and 2 is missing in column 0 (a cell spanning two rows)
    const grids = findGrids({
      page: 1, width: 600, height: 800, items: [], images: 0, toPage: [1, 0, 0, 1, 0, 0], toUser: [1, 0, 0, 1, 0, 0],
      hRules: [h(0), h(20), h(40, 100), h(60)], vRules: [v(0), v(100), v(200), v(300)],
    });
    expect(grids).toHaveLength(1);
    expect(grids[0].cells.map((c) => [c.r0, c.c0, c.r1 - c.r0, c.c1 - c.c0])).toEqual([
      [0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1], [1, 0, 2, 1], [1, 1, 1, 1], [1, 2, 1, 1], [2, 1, 1, 1], [2, 2, 1, 1]]);
  });
});

describe.skipIf(!existsSync(DEV))('the real dev PDFs (shared corpus)', () => {
  const truth = (stem: string): { cells: Record<string, number | null>; agency: string; year: number } =>
    JSON.parse(readFileSync(join(DEV, `${stem}.truth.json`), 'utf8'));
  for (const stem of ['058_hongze-district_2023', '059_hongze-district_2024']) {
    it(`${stem}: every truth cell, agency and year`, async () => {
      const { record, cells } = await cellsOf(`${stem}.pdf`, new Uint8Array(readFileSync(join(DEV, `${stem}.pdf`))));
      const t = truth(stem);
      expect(Object.fromEntries(Object.keys(t.cells).map((k) => [k, cells[k]]))).toEqual(t.cells);
      expect([record.agency, record.year, record.template]).toEqual([t.agency, t.year, '2021']);
    });
  }

  it('057: table 三 as printed; the review row as printed (direct 13 4 8 1 26, after review 12 1 1 6 20)', async () => {
    const stem = '057_huaian-city_2024';
    const { cells } = await cellsOf(`${stem}.pdf`, new Uint8Array(readFileSync(join(DEV, `${stem}.pdf`))));
    const t = truth(stem);
    const apps = Object.keys(t.cells).filter((k) => !k.startsWith('reviewLitigation/'));
    expect(Object.fromEntries(apps.map((k) => [k, cells[k]])))
      .toEqual(Object.fromEntries(apps.map((k) => [k, t.cells[k]])));
    const group = (g: string) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((p) =>
      cells[`reviewLitigation/cases/${g}.${p}`]);
    expect([group('review'), group('litigationDirect'), group('litigationAfterReview')])
      .toEqual([[72, 64, 178, 37, 351], [13, 4, 8, 1, 26], [12, 1, 1, 6, 20]]);
  });
});

describe.skipIf(!existsSync('/usr/bin/chromium'))('a fresh Chromium print of the ruled fixture', () => {
  it('reads the same cells', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gongkai-pdf-test-'));
    try {
      const out = join(tmp, 'ruled.pdf');
      execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu',
        '--disable-background-networking',
        '--no-pdf-header-footer', `--user-data-dir=${join(tmp, 'profile')}`, `--print-to-pdf=${out}`,
        `file://${join(FIXTURES, 'ruled.html')}`],
      { stdio: 'ignore', timeout: 60_000 });
      const { cells } = await cellsOf('ruled.pdf', new Uint8Array(readFileSync(out)));
      expect(cells).toEqual(expected);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

if (!existsSync('/usr/bin/chromium')) console.warn(
  'readers-pdf: /usr/bin/chromium is absent; the fresh-print test is skipped');
if (!existsSync(DEV)) console.warn('readers-pdf: the shared dev corpus is absent; the real-PDF tests are skipped');
