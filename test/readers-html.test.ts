// The HTML reader: golden GDocuments for the invented fixtures in test/fixtures/html, plus explicit checks of the
// official table layout (spans), chrome removal, nested and malformed tables, source positions, and a report
// printed as plain text in <pre> or pasted as <br> lines.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Block, GDocument, TableBlock } from '../src/document/model.js';
import { decodeBytes } from '../src/readers/decode.js';
import { readHtml } from '../src/readers/html.js';
import { sniffFormat } from '../src/readers/sniff.js';
import { generateReport } from '../src/generate/index.js';
import { parseBytes } from '../src/parse.js';
import { expectGolden } from './golden.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html');
const utf8 = (s: string) => new TextEncoder().encode(s);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function read(file: string): { doc: GDocument; text: string } {
  const bytes = readFileSync(join(FIXTURES, file));
  const { text, encoding } = decodeBytes(bytes, file);
  return { doc: readHtml(text, file, encoding), text };
}

const tables = (doc: GDocument): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const allText = (blocks: Block[]): string =>
  blocks.map((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)).join('|') : b.text))
    .join('\n');
const html = (body: string): GDocument => readHtml(body, 'inline.html', 'utf-8');

describe('readHtml golden documents', () => {
  for (const name of ['full-report', 'gbk-page', 'nested-table', 'malformed']) {
    it(name, () => {
      expect(sniffFormat(readFileSync(join(FIXTURES, `${name}.html`)), `${name}.html`)).toBe('html');
      expectGolden(`readers/${name}.json`, `${JSON.stringify(read(`${name}.html`).doc, null, 2)}\n`);
    });
  }
});

describe('full report page', () => {
  const { doc, text } = read('full-report.html');
  const [t2, t3, t4] = tables(doc);

  it('has the source description and three tables', () => {
    expect(doc.source).toEqual({ name: 'full-report.html', format: 'html', shape: 'html', encoding: 'utf-8' });
    expect(tables(doc)).toHaveLength(3);
    expect(t3.layout).toBe('grid');
  });

  it('keeps the corner cell of table 三 with rowSpan 3 and colSpan 3, rejoined across <br>', () => {
    const corner = t3.rows[0].cells[0];
    expect(corner.rowSpan).toBe(3);
    expect(corner.colSpan).toBe(3);
    expect(corner.text).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(t3.rows[0].cells[1]).toMatchObject({ text: '申请人情况', colSpan: 7 });
  });

  it('reads the outcome block and group labels with their row spans', () => {
    expect(t3.rows).toHaveLength(3 + 25);
    const outcome = t3.rows[5].cells[0];
    expect(outcome).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
    const groups = t3.rows.flatMap((r) => r.cells).filter((c) => /^（[三四五六]）/.test(c.text));
    expect(groups.map((c) => [c.text, c.rowSpan])).toEqual([
      ['（三）不予公开', 8], ['（四）无法提供', 3], ['（五）不予处理', 5], ['（六）其他处理', 3],
    ]);
    expect(t3.rows[2].cells.map((c) => c.text)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(t3.rows[3].cells[0]).toMatchObject({ text: '一、本年新收政府信息公开申请数量', colSpan: 3 });
    expect(t3.rows[26].cells.map((c) => c.text)).toEqual(['（七）总计', '49', '7', '0', '1', '3', '0', '60']);
  });

  it('reads table 二 and table 四 spans and cleans cell text', () => {
    expect(t2.rows[0].cells[0]).toMatchObject({ text: '第二十条第（一）项', colSpan: 4 });
    expect(t2.rows[3].cells[3].text).toBe('12');
    expect(t2.rows[12].cells[1]).toMatchObject({ text: '本年收费金额（单位：万元）', colSpan: 3 });
    expect(t4.rows[0].cells.map((c) => c.colSpan)).toEqual([5, 10]);
    expect(t4.rows[1].cells[5]).toMatchObject({ text: '未经复议直接起诉', colSpan: 5 });
    expect(t4.rows[3].cells).toHaveLength(15);
  });

  it('drops site chrome', () => {
    const all = allText(doc.blocks);
    for (const chrome of ['设为首页', '加入收藏', '当前位置', '互动交流', '字号', '打印本页', '关闭窗口', '分享到', '微博',
      '版权所有', '网站标识码', '统计代码', '_hmt', 'line-height']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('finds the title and the six section headings', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings[0]).toBe('青禾市云岭区市场监督管理局2023年政府信息公开工作年度报告');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(headings).toContain(h);
    }
  });

  it('splits paragraphs at <br> and collapses source line breaks in CJK text', () => {
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs).toContain('全年共收到政府信息公开申请62件，办理结果均按时答复。');
    expect(paragraphs).toContain('2024年1月22日');
  });

  it('points every block, row and cell at its start tag', () => {
    const refs = doc.blocks.flatMap((b) =>
      b.kind === 'table' ? [b.pos, ...b.rows.flatMap((r) => [r.pos, ...r.cells.map((c) => c.pos)])] : [b.pos]);
    const lines = text.split('\n');
    for (const ref of refs) {
      expect(ref.offset).toBeTypeOf('number');
      const offset = ref.offset ?? -1;
      expect(lines.slice(0, ref.line - 1).join('\n').length + (ref.line > 1 ? 1 : 0) + ref.column - 1).toBe(offset);
    }
    expect(text.slice(t3.pos.offset ?? 0)).toMatch(/^<table/);
    expect(text.slice(t3.rows[0].cells[0].pos.offset ?? 0)).toMatch(/^<td rowspan="3" colspan="3">/);
    const h1 = doc.blocks[0];
    expect(text.slice(h1.pos.offset ?? 0)).toMatch(/^<h1/);
  });
});

describe('other fixtures', () => {
  it('decodes the GBK page by its <meta> and reads the agency name', () => {
    const { doc } = read('gbk-page.html');
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: '松川县农业农村局2022年政府信息公开工作年度报告' });
    expect(tables(doc)[0].rows[3].cells.map((c) => c.text).slice(0, 5)).toEqual(['1', '0', '0', '0', '1']);
  });

  it('emits a nested table after its outer table and keeps only the outer cell text', () => {
    const { doc } = read('nested-table.html');
    const [outer, inner] = tables(doc);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', text: '白鹭湾经济开发区管理委员会2022年政府信息公开工作年度报告' });
    expect(outer.rows[1].cells[1].text).toBe('见下表：');
    expect(inner.rows[2].cells.map((c) => c.text)).toEqual(['行政规范性文件', '2', '0', '7']);
    expect(doc.blocks.indexOf(inner)).toBe(doc.blocks.indexOf(outer) + 1);
    expect(doc.notes.map((n) => n.code)).toEqual(['html.nested-table']);
  });

  it('survives malformed HTML', () => {
    const { doc } = read('malformed.html');
    const t = tables(doc)[0];
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['信息内容', '本年处理决定数量'], ['行政处罚', '5'], ['行政强制', '0'],
    ]);
    expect(t.rows[1].cells[1].colSpan).toBe(3);
    expect(t.rows[2].cells[0].rowSpan).toBeUndefined();
    expect(allText(doc.blocks)).not.toMatch(/打印|关闭|comment/);
    expect(doc.blocks.some((b) => b.kind === 'heading' && b.text === '一、总体情况')).toBe(true);
  });
});

describe('inline snippets', () => {
  it('joins <br>-broken labels without a space between CJK, with one otherwise', () => {
    const t = tables(html(
      '<table><tr><td>行政规范性<br>文件</td><td>Total<br>count</td><td>12<br>元</td></tr></table><p>x</p>'))[0];
    expect(t.rows[0].cells.map((c) => c.text)).toEqual(['行政规范性文件', 'Total count', '12 元']);
  });

  it('drops hidden elements and chrome lines, keeps bold-only lines as headings', () => {
    const doc = html('<div style="display:none">隐藏</div><p>【打印】 【关闭】</p><p><b>专项说明</b></p><p>正文。</p>');
    expect(doc.blocks.map((b) => [b.kind, b.kind === 'table' ? null : b.text]))
      .toEqual([['heading', '专项说明'], ['paragraph', '正文。']]);
  });

  it('keeps a chrome-named container that holds the report', () => {
    const doc = html(
      '<div id="printArea"><p>一、总体情况</p><p>政府信息公开工作有序推进。</p><table><tr><td>a</td><td>1</td></tr></table></div>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table']);
  });

  it('keeps a chrome-named header that holds the report title', () => {
    const doc = html(
      '<div class="header"><h1>某市</h1></div><div class="article-header"><h1>某局2023年政府信息公开工作年度报告</h1></div>');
    expect(doc.blocks.map((b) => (b.kind === 'table' ? null : b.text))).toEqual(['某局2023年政府信息公开工作年度报告']);
  });

  it('reads a single-column wrapper table as flow', () => {
    const doc = html(
      '<table><tr><td><table><tr><td>a</td><td>1</td></tr></table></td></tr><tr><td>说明</td></tr></table>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['table', 'paragraph']);
    expect(doc.notes).toEqual([]);
  });

  it('reads text outside any element and empty documents', () => {
    expect(html('').blocks).toEqual([]);
    expect(html('只有文字').blocks).toEqual([{ kind: 'paragraph', text: '只有文字', pos: { line: 1, column: 1, offset: 0 } }]);
  });
});

describe("the page's <title>", () => {
  const page = (title: string, body: string) =>
    html(`<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
  const first = (doc: GDocument) => doc.blocks[0];

  it('is the report title when the body does not print it, without the site\'s name beside it', () => {
    const doc = page('射洪市审计局2023年政府信息公开工作年度报告_射洪市人民政府',
      '<div>射洪市人民政府门户网站</div><p>一、总体情况</p><p>2023年，我局主动公开信息45条。</p>');
    expect(first(doc)).toMatchObject({ kind: 'heading', level: 1, text: '射洪市审计局2023年政府信息公开工作年度报告',
      pos: { line: 1, column: 42, offset: 41 } });
    expect(page('某某市人民政府 - 射洪市审计局2023年政府信息公开工作年度报告', '<p>一、总体情况</p>').blocks[0])
      .toMatchObject({ text: '射洪市审计局2023年政府信息公开工作年度报告' });
  });
  it('is not repeated when the body prints it, and a site\'s name alone is no title', () => {
    const printed = page('2023年度政府信息公开工作年度报告_射洪市人民政府', '<h1>2023年度政府信息公开工作年度报告</h1><p>一、总体情况</p>');
    expect(printed.blocks.filter((b) => b.kind !== 'table' && b.text.includes('年度报告'))).toHaveLength(1);
    expect(first(page('射洪市人民政府', '<p>一、总体情况</p>'))).toMatchObject({ kind: 'heading', text: '一、总体情况' });
  });
});

describe('preformatted text (<pre>)', () => {
  // a report published as the plain text it was written in: its tab tables are read as the text reader reads them,
  // each cell's offset pointing at it in the page (entities and the line break after <pre> counted as the parser
  // counts them)
  it('reads the tables of a tab report in <pre> as the report itself', async () => {
    const g = generateReport({ seed: 11, layout: 'tab', template: '2021' });
    const page = `<html><head><meta charset="utf-8"></head><body><div>首页 &gt; 政务公开</div>` +
      `<pre class="report">\n${esc(g.text).replace('一、总体情况', '一、总体情况 &amp; 概述')}</pre></body></html>`;
    const [asText, asPage] = await Promise.all([parseBytes(g.bytes, 'r.txt'), parseBytes(utf8(page), 'r.html')]);
    const values = (r: typeof asText) => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));
    expect(Object.keys(asPage.cells).length).toBeGreaterThan(150);
    expect(values(asPage)).toEqual(values(asText));
    expect([asPage.year, asPage.agency]).toEqual([asText.year, asText.agency]);
    expect(asPage.diagnostics.some((d) => d.code === 'html.preformatted')).toBe(true);
    const cells = Object.values(asPage.cells).filter((c) => c.raw !== '');
    for (const c of cells) expect(page.slice(c.source.offset!, c.source.offset! + c.raw.length), c.key).toBe(c.raw);
  });

  it('reads a tab report pasted into a page as <br> lines, its tabs turned to &nbsp; runs', async () => {
    const g = generateReport({ seed: 12, layout: 'tab', template: '2019' });
    const body = esc(g.text).split('\n').join('<br>\n').replace(/\t/g, '&nbsp;&nbsp;&nbsp;&nbsp;');
    const page = `<html><head><meta charset="utf-8"></head><body><div class="content">${body}</div></body></html>`;
    const [asText, asPage] = await Promise.all([parseBytes(g.bytes, 'r.txt'), parseBytes(utf8(page), 'r.html')]);
    expect(Object.keys(asPage.cells).length).toBeGreaterThan(150);
    for (const [key, cell] of Object.entries(asPage.cells)) expect(cell.value, key).toBe(asText.cells[key]?.value);
    for (const c of Object.values(asPage.cells).filter((c) => c.raw !== ''))
      expect(page.slice(c.source.offset!, c.source.offset! + c.raw.length), c.key).toBe(c.raw);
  });

  it('leaves a <pre> without a table to the page flow', () => {
    const text = '<html><body><pre>一、总体情况\n本年度主动公开政府信息120条。</pre></body></html>';
    const doc = readHtml(text, 'p.html', 'utf-8');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(doc.notes).toEqual([]);
  });
});
