// Shapes that used to go unread: a report body inside a JavaScript string, regional forms of the 2019 table
// (filling instructions in labels, extra rows), and a table caption or header at the very end of a cut text.
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../src/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const values = (cells: Record<string, { value: number | null }>) =>
  Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]));
const HEAD = ['东篱县人民政府2022年政府信息公开工作年度报告', '一、总体情况', '2022年，我县主动公开政府信息120条。'];

describe('a report body inside a JavaScript string', () => {
  const body = '<h1>东篱县人民政府2022年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>2022年，我县主动公开政府信息120条。</p>' +
    '<p>二、主动公开政府信息情况</p><table border="1"><tr><td colspan="4">第二十条第（一）项</td></tr>' +
    '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>' +
    '<tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr>\n' +
    '<tr><td>行政规范性文件</td><td>12</td><td>2</td><td>40</td></tr></table>';
  // as a JS string: quotes, slashes and newlines escaped
  const literal = body.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\//g, '\\/').replace(/\n/g, '\\n');
  const page = '<html><head><title>年报</title></head><body><div id="box"></div>\n' +
    `<script>\nlet content = "${literal}";\n` +
    'document.getElementById("box").innerHTML = content;\n</script></body></html>';

  it('reads its title and its tables, with positions in the page', async () => {
    const r = await parseBytes(utf8(page), 'script.html');
    expect([r.agency, r.year]).toEqual(['东篱县人民政府', 2022]);
    expect(values(r.cells)).toEqual({
      'art20_1/regulations/made': 0, 'art20_1/regulations/repealed': 0, 'art20_1/regulations/valid': 3,
      'art20_1/normativeDocuments/made': 12, 'art20_1/normativeDocuments/repealed': 2,
      'art20_1/normativeDocuments/valid': 40,
    });
    const at = r.cells['art20_1/normativeDocuments/made'].source;
    expect(at.line).toBe(3);
    expect(page.split('\n')[2].slice(at.column - 1, at.column + 3)).toBe('<td>');
  });
  it('joins literals concatenated with + and ignores scripts without markup', async () => {
    const half = Math.floor(literal.indexOf('<tr>') + 2);
    const split = page.replace(`"${literal}"`, `"${literal.slice(0, half)}" +\n  "${literal.slice(half)}"`)
      .replace('<script>', '<script>var n = "12"; var s = "2021年";</script><script>');
    const r = await parseBytes(utf8(split), 'split.html');
    expect(Object.keys(r.cells)).toHaveLength(6);
  });
});

describe('regional forms of the 2019 table', () => {
  it('reads labels with filling instructions, and reports an extra row without placing its values', async () => {
    const lines = ['东篱县人民政府2019年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '第二十条第（一）项',
      '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量', '规章（设区的市、自治州人民政府填写）\t1\t1\t5', '规范性文件\t3\t3\t20',
      '其他主动公开文件\t7\t7\t30', '第二十条第（五）项', '信息内容\t上一年项目数量\t本年增/减\t处理决定数量', '行政许可\t10\t2\t300',
      '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。'];
    const r = await parseBytes(utf8(lines.join('\n')), 'regional.txt');
    expect(r.template).toBe('2019');
    expect(values(r.cells)).toEqual({
      'art20_1/regulations/newlyMade': 1, 'art20_1/regulations/newlyPublished': 1,
      'art20_1/regulations/totalPublished': 5,
      'art20_1/normativeDocuments/newlyMade': 3, 'art20_1/normativeDocuments/newlyPublished': 3,
      'art20_1/normativeDocuments/totalPublished': 20,
      'art20_5/licensing/priorYearItems': 10, 'art20_5/licensing/changeThisYear': 2, 'art20_5/licensing/decisions': 300,
    });
    const extra = r.diagnostics.filter((d) => d.code === 'extra-row');
    expect(extra).toHaveLength(1);
    expect(extra[0].message).toContain('其他主动公开文件');
    expect(extra[0].source?.line).toBe(8);
  });

  it('reports the extra row printed one cell per line too', async () => {
    const lines = ['东篱县人民政府2019年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年新制作数量',
      '本年新公开数量', '对外公开总数量', '规章', '1', '1', '5', '其他主动公开文件', '7', '7', '30', '规范性文件', '3', '3', '20'];
    const r = await parseBytes(utf8(lines.join('\n')), 'regional-cells.txt');
    expect(r.diagnostics.filter((d) => d.code === 'extra-row').map((d) => d.source?.line)).toEqual([12]);
    expect(r.cells['art20_1/normativeDocuments/totalPublished']?.value).toBe(20);
    expect(Object.values(r.cells).some((c) => c.value === 30)).toBe(false);
  });
});

describe('a caption or header at the very end of a cut text', () => {
  const cases: [string, string[], 'active' | 'applications' | 'review'][] = [
    ['a caption', ['二、主动公开政府信息情况', '第二十条第（一）项'], 'active'],
    ['a header without its caption', ['二、主动公开政府信息情况', '信息内容 本年制发件数 本年废止件数 现行有效件数'], 'active'],
    ['table 三\'s corner note and first header', [
      '三、收到和处理政府信息公开申请情况', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况',
    ], 'applications'],
    ['table 四\'s first header', ['四、政府信息公开行政复议、行政诉讼情况', '行政复议\t行政诉讼'], 'review'],
  ];
  for (const [name, tail, group] of cases) {
    it(`${name}: the table is present and the text truncated`, async () => {
      const r = await parseBytes(utf8([...HEAD, ...tail].join('\n')), 'cut.txt');
      expect(r.tables).toEqual({
        active: group === 'active', applications: group === 'applications', review: group === 'review',
      });
      expect(r.truncated).toBe(true);
      expect(Object.keys(r.cells)).toHaveLength(0);
    });
  }
  it('a section heading followed by prose only is no table', async () => {
    const r = await parseBytes(utf8([...HEAD, '三、收到和处理政府信息公开申请情况', '本年度共收到申请5件。'].join('\n')), 'prose.txt');
    expect(r.tables).toEqual({ active: false, applications: false, review: false });
  });
});
