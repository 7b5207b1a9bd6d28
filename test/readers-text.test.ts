// The text reader: golden GDocuments for the invented fixtures in test/fixtures/text (one per shape seen in real
// reports), plus explicit checks of how each shape is split into cells, what is dropped (page numbers, '|||'
// filler, markdown separator rows), decoding (GBK, BOM, CRLF) and source positions.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GDocument, TableBlock } from '../src/document/model.js';
import { decodeBytes } from '../src/readers/decode.js';
import { splitLine, readText } from '../src/readers/text.js';
import { expectGolden } from './golden.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'text');

const TEXT_FIXTURES = [
  'tab-complete.txt', 'markdown-2019.md', 'pipe-filler.txt', 'cell-per-line.txt', 'pdf-layout.txt', 'pdf-default.txt',
  'prose-lost-tables.txt', 'misaligned-rows.txt', 'unplaceable-row.txt', 'review-16.txt', 'traditional.txt', 'gbk.txt',
  'bom.txt', 'fullwidth.txt', 'truncated.txt',
];

/** Decode the fixture's bytes and read them as the pipeline does (markdown when a '#' heading is present). */
function read(file: string): { doc: GDocument; text: string; bytes: Buffer } {
  const bytes = readFileSync(join(FIXTURES, file));
  const { text, encoding } = decodeBytes(bytes, file);
  return { doc: readText(text, file, encoding, /^#{1,6}\s/m.test(text) ? 'markdown' : 'text'), text, bytes };
}

const tables = (doc: GDocument): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowTexts = (doc: GDocument): string[][] =>
  tables(doc).flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text)));
const blockTexts = (doc: GDocument): string[] =>
  doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : [b.text]));

describe('readText golden documents', () => {
  for (const file of TEXT_FIXTURES) {
    it(file, () => {
      const name = file.replace(/\.[a-z]+$/, '');
      expectGolden(`readers-text/${name}.json`, `${JSON.stringify(read(file).doc, null, 2)}\n`);
    });
  }
});

describe('source description', () => {
  it('names the shape that split most lines, the format and the encoding', () => {
    const expected: Record<string, [format: string, shape: string, encoding: string]> = {
      'tab-complete.txt': ['text', 'tab', 'utf-8'],
      'markdown-2019.md': ['markdown', 'pipe', 'utf-8'],
      'pipe-filler.txt': ['text', 'pipe', 'utf-8'],
      'cell-per-line.txt': ['text', 'lines', 'utf-8'],
      'pdf-layout.txt': ['text', 'layout', 'utf-8'],
      'pdf-default.txt': ['text', 'lines', 'utf-8'],
      'prose-lost-tables.txt': ['text', 'lines', 'utf-8'],
      'gbk.txt': ['text', 'tab', 'gb18030'],
      'bom.txt': ['text', 'tab', 'utf-8'],
      'fullwidth.txt': ['text', 'layout', 'utf-8'],
    };
    for (const [file, [format, shape, encoding]] of Object.entries(expected)) {
      expect(read(file).doc.source, file).toEqual({ name: file, format, shape, encoding });
    }
  });

  it('an empty text is an empty document', () => {
    expect(readText('', 'e.txt', 'utf-8')).toEqual({ source: { name: 'e.txt', format: 'text', shape: 'empty',
      encoding: 'utf-8' }, blocks: [], notes: [] });
    expect(readText('\n  \n\t\n', 'e.txt', 'utf-8').blocks).toEqual([]);
  });
});

describe('tab-separated tables', () => {
  const { doc } = read('tab-complete.txt');
  const rows = rowTexts(doc);

  it('keeps the empty fields of merged labels, including a leading one', () => {
    expect(rows).toContainEqual(['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '', '4', '1', '0', '0', '0', '0', '5']);
    expect(rows).toContainEqual(['', '', '2.其他法律行政法规禁止公开', '1', '0', '0', '0', '0', '0', '1']);
    expect(rows).toContainEqual(['一、本年新收政府信息公开申请数量', '', '', '38', '4', '0', '1', '2', '0', '45']);
    expect(rows).toContainEqual(['第二十条第（五）项', '', '', '']);
  });

  it('drops a first field empty in every row of a table with words (each line indented by a tab)', () => {
    const text = ['\t行政复议\t\t行政诉讼', '\t结果维持\t总计\t结果维持', '\t\t0\t1', '\t2\t\t1'].join('\n');
    const indented = readText(text, 'r.txt', 'utf-8');
    expect(rowTexts(indented)).toEqual([['行政复议', '', '行政诉讼'], ['结果维持', '总计', '结果维持'],
      ['', '0', '1'], ['2', '', '1']]);
    expect(tables(indented)[0].rows[2].cells[1].pos).toMatchObject({ line: 3, column: 3 });
    // a blank first cell in some rows only is a blank, and so is one in every row of numbers: kept
    expect(rowTexts(readText('表\t1\t2\n\t3\t4\n', 'r.txt', 'utf-8'))).toEqual([['表', '1', '2'], ['', '3', '4']]);
    expect(rowTexts(readText('\t1\t2\n\t3\t4\n', 'r.txt', 'utf-8'))).toEqual([['', '1', '2'], ['', '3', '4']]);
  });

  it('makes one table per run of table lines, with headings and paragraphs between', () => {
    expect(tables(doc)).toHaveLength(3);
    expect(tables(doc).map((t) => t.rows.length)).toEqual([14, 28, 4]);
    expect(tables(doc).every((t) => t.layout === 'grid')).toBe(true);
    const headings = doc.blocks.filter((b) => b.kind === 'heading')
      .map((b) => (b.kind === 'heading' ? [b.level, b.text] : null));
    expect(headings).toEqual([
      [2, '一、总体情况'], [2, '二、主动公开政府信息情况'], [2, '三、收到和处理政府信息公开申请情况'],
      [2, '四、政府信息公开行政复议、行政诉讼情况'], [2, '五、存在的主要问题及改进情况'], [2, '六、其他需要报告的事项'],
    ]);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '青山县人民政府2022年政府信息公开工作年度报告',
      pos: { line: 2, column: 1 } });
  });
});

describe('markdown', () => {
  const { doc } = read('markdown-2019.md');

  it('reads # headings with their level and drops the | --- | separator rows', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? `${h.level}:${h.text}` : ''))).toEqual([
      '1:白鹭镇人民政府2020年政府信息公开工作年度报告', '2:一、总体情况', '2:二、主动公开政府信息情况',
      '2:三、收到和处理政府信息公开申请情况', '2:四、政府信息公开行政复议、行政诉讼情况', '2:五、存在的主要问题及改进情况',
      '2:六、其他需要报告的事项',
    ]);
    expect(blockTexts(doc).some((t) => /^-{3,}$/.test(t))).toBe(false);
  });

  it('a pipe row with one non-empty cell (a caption) is a paragraph, breaking the table', () => {
    expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: '第二十条第（五）项' }));
    // every row starts with a pipe: the empty text before it is the table's border, not a cell
    expect(rowTexts(doc)).toContainEqual(['行政许可', '36', '+2', '148']);
    expect(rowTexts(doc)).toContainEqual(['行政处罚', '8', '-1', '23']);
    // empty pipe cells are kept in place (merged cells' fields here; a blank cell elsewhere): table 三 keeps its 10
    // columns
    expect(rowTexts(doc)).toContainEqual(['', '（六）其他处理', '', '1', '0', '0', '0', '0', '0', '1']);
  });
});

describe('tables drawn in text: ASCII grids, AsciiDoc, LaTeX', () => {
  it('reads +---+ grids and org tables as one table: rules skipped, the border before each row no cell', () => {
    const rule = '+------------+------+------+';
    const grid = [rule, '| 行政复议   | 维持 | 纠正 |', rule, '| 本年       | 1    |      |', rule, '| 上年       | 0    | 2    |', rule];
    for (const text of [grid, [grid[1], '|------------+------+------|', grid[3], grid[5]]]) {
      const doc = readText(text.join('\n'), 'r.txt', 'utf-8');
      expect(tables(doc)).toHaveLength(1);
      expect(rowTexts(doc)).toEqual([['行政复议', '维持', '纠正'], ['本年', '1', ''], ['上年', '0', '2']]);
    }
  });
  it('reads an AsciiDoc table: each pipe starts a cell, so a row ending in one ends in a blank', () => {
    const doc = readText(['|===', '|行政复议 |维持 |纠正', '|本年 |1 |', '|上年 |0 |2', '|==='].join('\n'), 'r.adoc', 'utf-8');
    expect(rowTexts(doc)).toEqual([['行政复议', '维持', '纠正'], ['本年', '1', ''], ['上年', '0', '2']]);
    // outside one, a row's last pipe only closes it
    expect(rowTexts(readText('| 本年 | 1 |\n| 上年 | 0 |\n', 'r.md', 'utf-8'))).toEqual([['本年', '1'], ['上年', '0']]);
  });
  it('reads a LaTeX tabular: & separates, \\\\ ends a row, an empty cell stays in place, rules are skipped', () => {
    const doc = readText(['\\begin{tabular}{lll}', '\\hline', '行政复议 & 维持 & 纠正 \\\\ \\hline', '本年 & 1 &  \\\\',
      '上年 & 0 & 2\\\\', '\\end{tabular}', '五、存在的主要问题 A \\& B'].join('\n'), 'r.tex', 'utf-8');
    expect(tables(doc)).toHaveLength(1);
    expect(rowTexts(doc)).toEqual([['行政复议', '维持', '纠正'], ['本年', '1', ''], ['上年', '0', '2']]);
    expect(tables(doc)[0].rows[1].cells[1].pos).toMatchObject({ line: 4, column: 6 });
  });
  it('a padded grid whose rows and rules are all one width is not taken for a hard-wrapped text', () => {
    const rule = '+--------------------+----+----+';
    const row = (a: string, b: string, c: string) => `| ${a.padEnd(16, '　')} | ${b.padEnd(2)} | ${c.padEnd(2)} |`;
    const lines = [rule];
    for (let i = 0; i < 8; i++) lines.push(row(`第${i}行`, String(i), String(i + 1)), rule);
    const doc = readText(lines.join('\n'), 'r.txt', 'utf-8');
    expect(rowTexts(doc)).toHaveLength(8);
    expect(rowTexts(doc)[3]).toEqual([`第3行${'　'.repeat(13)}`.trim(), '3', '4']);
  });
});

describe('pipe rows and cell-per-line', () => {
  it("skips '|||' filler lines and reads 'label | 0 | ||' rows", () => {
    const { doc, text } = read('pipe-filler.txt');
    expect(text.split('\n').filter((l) => l === '|||')).toHaveLength(2);
    expect(blockTexts(doc).some((t) => /^\|+$/.test(t))).toBe(false);
    expect(rowTexts(doc)).toContainEqual(['行政许可', '0', '', '']);
    expect(rowTexts(doc)).toContainEqual(['', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', '', '1', '0', '0', '0', '0', '0', '1']);
    expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: '第二十条第(一)项' }));
  });

  it("one cell per line ending ' |': every cell is a paragraph without the pipe", () => {
    const { doc } = read('cell-per-line.txt');
    expect(tables(doc)).toHaveLength(0);
    // a line of bare pipes among the cells is kept as that many empty cells (a blank between two values keeps its
    // place)
    const texts = blockTexts(doc).filter((t) => !/^\|+$/.test(t));
    expect(blockTexts(doc)).toContain('|||');
    expect(texts.slice(4, 10)).toEqual(['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章']);
    expect(texts.some((t) => t.includes('|'))).toBe(false);
    expect(texts.filter((t) => t === '一、本年新收政府信息公开申请数量')).toHaveLength(1);
  });
});

describe('pdftotext output', () => {
  it('-layout: splits on runs of spaces, drops page numbers, keeps a wrapped label apart from its values', () => {
    const { doc, text } = read('pdf-layout.txt');
    expect(text).toMatch(/^\s+-3-$/m);
    expect(blockTexts(doc).some((t) => /^-\d+-$/.test(t))).toBe(false);
    const rows = rowTexts(doc);
    expect(rows).toContainEqual(['一、本年新收政府信息公开申请数量', '21', '2', '0', '0', '1', '0', '24']);
    // the wrapped label '（二）部分公开…' is two paragraphs; its values sit alone on the next line
    expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: '（二）部分公开（区分处理的，只计这一情 形，不' }));
    expect(doc.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: '计其他情形）' }));
    expect(rows).toContainEqual(['3', '0', '0', '0', '0', '0', '3']);
    // the review row: 15 numbers on one line
    expect(rows).toContainEqual(['1', '0', '0', '0', '1', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0']);
  });

  it('default mode: one cell per line, blank lines and page numbers dropped', () => {
    const { doc, text } = read('pdf-default.txt');
    expect(tables(doc)).toHaveLength(0);
    const texts = blockTexts(doc);
    expect(text).toMatch(/^-4-$/m);
    expect(texts).not.toContain('-4-');
    // '（四）无' / '-4-' / '法提供': the page number between the two halves of a label is gone
    const at = texts.indexOf('（四）无');
    expect(texts[at + 1]).toBe('法提供');
    expect(texts.filter((t) => t === '812')).toHaveLength(1);
  });
});

describe('display columns of space-aligned rows', () => {
  it('counts “ ” wide in x (a CJK font) and narrow in xn (a terminal); single-spaced numbers have neither', () => {
    const doc = readText('3.危及“三安全一稳定”      0      5\n规章 0 0 0\n', 'w.txt', 'utf-8', 'text');
    const rows = doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(rows[0].cells.map((c) => [c.text, c.x, c.xn])).toEqual([
      ['3.危及“三安全一稳定”', 22, 20], ['0', 29, 27], ['5', 36, 34],
    ]);
    expect(rows[0].spaced).toBe(true);
    expect(rows[1].cells.map((c) => c.x)).toEqual([4, undefined, undefined, undefined]);
  });
});

describe('splitLine', () => {
  it('tells the delimiter of a line', () => {
    expect(splitLine('规章\t0\t0\t0').shape).toBe('tab');
    expect(splitLine('规章 | 0 | 0 | 0 |').shape).toBe('pipe');
    expect(splitLine('规章          0     0     0').shape).toBe('layout');
    expect(splitLine('规章 |').shape).toBe('single');
    expect(splitLine('|||')).toEqual({ cells: [], shape: 'single', peeledFrom: 0 });
  });

  it('says where the numbers peeled off at single spaces begin (their columns align nothing)', () => {
    expect(splitLine('规章 0 0 0').peeledFrom).toBe(1);
    expect(splitLine('10 1 0 0').peeledFrom).toBe(0);
    expect(splitLine('规章      0  0 0').peeledFrom).toBe(2); // '0 0' was one cell of the space-aligned split
    expect(splitLine('规章          0     0     0').peeledFrom).toBe(4); // nothing peeled
  });

  it('peels trailing numbers off a short label, not off a sentence', () => {
    expect(splitLine('规章 0 0 0').cells.map((c) => c.text)).toEqual(['规章', '0', '0', '0']);
    expect(splitLine('10 1 0 0').cells.map((c) => c.text)).toEqual(['10', '1', '0', '0']);
    const sentence = '全年共收到政府信息公开申请，办结情况良好。 3 4';
    expect(splitLine(sentence).cells.map((c) => c.text)).toEqual([sentence]);
  });

  it('splits on runs of ideographic spaces and keeps the full-width digits as printed', () => {
    const { cells, shape } = splitLine('规章　　０　　０　　０');
    expect(shape).toBe('layout');
    expect(cells.map((c) => c.text)).toEqual(['规章', '０', '０', '０']);
    expect(cells.map((c) => c.start)).toEqual([0, 4, 7, 10]);
  });
});

describe('decoding', () => {
  it('GBK without a declaration: detected, CRLF normalised', () => {
    const { doc, text, bytes } = read('gbk.txt');
    expect(bytes.includes(0x0d)).toBe(true);
    expect(text.includes('\r')).toBe(false);
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '桃源乡人民政府2021年政府信息公开工作年度报告',
      pos: { line: 1, column: 1, offset: 0 } });
  });

  it('UTF-8 BOM: stripped, so the first line starts at column 1', () => {
    const { doc, text, bytes } = read('bom.txt');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '青石街道办事处2022年政府信息公开工作年度报告',
      pos: { line: 1, column: 1, offset: 0 } });
  });

  it('繁体 is read as printed (conversion happens later, in the pipeline)', () => {
    const { doc } = read('traditional.txt');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '翠湖區人民政府2022年政府信息公開工作年度報告' });
    expect(rowTexts(doc)).toContainEqual(['行政規範性文件', '7', '2', '40']);
  });
});

describe('damaged texts', () => {
  it('prose with lost tables has no table', () => {
    const { doc } = read('prose-lost-tables.txt');
    expect(tables(doc)).toHaveLength(0);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual([
      '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('a text cut inside a row ends with that partial row', () => {
    const { doc, text } = read('truncated.txt');
    expect(text.endsWith('\n')).toBe(false);
    const last = tables(doc).at(-1)!.rows.at(-1)!;
    expect(last.cells.map((c) => c.text)).toEqual(['', '（四）无法提供', '1.本机关不掌握相关政府信息', '3', '0', '0']);
  });
});

describe('source positions', () => {
  it('every block, row and cell points at its text in the decoded source (line, column, offset)', () => {
    for (const file of TEXT_FIXTURES) {
      const { doc, text } = read(file);
      const lines = text.split('\n');
      const check = (t: string, pos: { line: number; column: number; offset?: number }) => {
        const line = lines[pos.line - 1];
        expect(line, `${file}: line ${pos.line}`).toBeDefined();
        expect(line.slice(pos.column - 1).startsWith(t), `${file}:${pos.line}:${pos.column} ${t}`).toBe(true);
        expect(text.slice(pos.offset!).startsWith(t), `${file} offset ${pos.offset}`).toBe(true);
      };
      for (const b of doc.blocks) {
        if (b.kind !== 'table') check(b.text, b.pos);
        else for (const r of b.rows) for (const c of r.cells) if (c.text) check(c.text, c.pos);
      }
    }
  });
});
