// Regressions found by the fixture, fuzz and placement property tests: full-width digits, huge number runs, a table 三
// present only as its corner note, an HTML page cut inside a tag, and a prose line that starts with a row's words.
import { describe, expect, it } from 'vitest';
import { generateReport, parseBytes } from '../src/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('recogniser regressions', () => {
  it('a prose line of section 一 that starts with a row\'s words is not that row (pdftotext, a cell a line)',
    async () => {
    // '行政处罚“双公示”信息，累计更新数据 660 条。规范公共企事' was read as the label 行政处罚, and the 8 ending the next
    // line as its value; the table's own 行政处罚 row (1) then came second and was ignored
    const g = generateReport({ seed: 100597, layout: 'pdf-default' });
    expect(g.text).toMatch(/\n行政处罚“双公示”[^\n]*。/);
    const r = await parseBytes(g.bytes, g.name + g.extension);
    expect(r.cells['art20_6/punishment/processed']?.value).toBe(g.truth.cells['art20_6/punishment/processed']);
  });

  it('reads a full-width year in the title and full-width figures in the prose', async () => {
    const r = await parseBytes(utf8('东篱县人民政府２０２２年政府信息公开工作年度报告\n\n一、总体情况\n\n全年主动公开政府信息７３１条，政策解读１２篇。\n'), 'fw.txt');
    expect(r.year).toBe(2022);
    expect(r.agency).toBe('东篱县人民政府');
    expect(r.narrative.find((n) => n.key === 'itemsPublished')?.value).toBe(731);
    expect(r.narrative.find((n) => n.key === 'interpretations')?.value).toBe(12);
  });

  it('refuses a line of 150,000 numbers and a tab row of 200,000 by the named text limits, and reads none of it',
    async () => {
    const spaced = '三、收到和处理政府信息公开申请情况\n' + Array.from({ length: 150_000 }, (_, i) => i % 10).join(' ') + '\n';
    const tabbed = '三、收到和处理政府信息公开申请情况\n' + Array.from({ length: 200_000 }, (_, i) => i % 10).join('\t') + '\n';
    for (const text of [spaced, tabbed]) {
      await expect(parseBytes(utf8(text), 'huge.txt')).rejects.toThrow(/huge\.txt: .*TEXT_MAX_LINE_CHARS/);
    }
    // under the line bound but over the cells-per-row bound: the row limit names itself
    const wide = '三、收到和处理政府信息公开申请情况\n' + Array.from({ length: 20_000 }, (_, i) => i % 10).join('\t') + '\n';
    await expect(parseBytes(utf8(wide), 'wide.txt')).rejects.toThrow(/wide\.txt: .*TEXT_MAX_ROW_CELLS/);
  });

  it('reads a blank table 四 value row (a blank form) as 15 blank cells, and no values when the row is absent',
    async () => {
    const head = '<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>' +
      '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>' +
      '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>' +
      '<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>';
    const page = (row: string) => utf8(`<html><body><h1>青山县人民政府2022年政府信息公开工作年度报告</h1>${head}${row}</table>` +
      '<h2>五、存在的主要问题及改进情况</h2></body></html>');
    const blank = await parseBytes(page(`<tr>${'<td></td>'.repeat(15)}</tr>`), 'blank-form.html');
    const review = Object.values(blank.cells).filter((c) => c.table === 'reviewLitigation');
    expect(review).toHaveLength(15);
    expect(review.every((c) => c.value === null && c.row === 'cases')).toBe(true);
    const none = await parseBytes(page(''), 'no-row.html');
    expect(Object.values(none.cells).filter((c) => c.table === 'reviewLitigation')).toHaveLength(0);
  });

  it('counts table 三 as present when only its corner note survives', async () => {
    const r = await parseBytes(utf8('青山县人民政府2022年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n' +
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), 'corner.txt');
    expect(r.tables.applications).toBe(true);
    expect(r.template).toBe('2021');
  });

  it('reads every value before the cut of an HTML page cut inside a closing tag', async () => {
    for (const seed of [16057, 13705]) {
      const g = generateReport({ seed, layout: 'html-gbk', template: '2021', damage: ['truncated'] });
      const r = await parseBytes(g.bytes, g.name + g.extension);
      const got = Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));
      expect(got).toEqual(g.truth.cells);
    }
  });

  it('groups interleaved review values by their totals but never guesses which litigation group is which', async () => {
    const text = ['青山市人民政府2024年政府信息公开工作年度报告', '一、总体情况', '全年政府信息公开行政复议40件，行政诉讼9件。',
      '四、政府信息公开行政复议、行政诉讼情况', '行政复议', '行政诉讼', '结果', '维持', '10', '11', '12', '7',
      '未经复议直接起诉', '复议后起诉', '结果', '维持', '2', '1', '0', '1', '总计', '40', '纠正', '3', '0', '1', '0', '4', '总计', '4',
      '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。'].join('\n');
    const r = await parseBytes(utf8(text), 'interleaved.txt');
    const got = Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));
    expect(got).toEqual({
      'reviewLitigation/cases/review.upheld': 10, 'reviewLitigation/cases/review.corrected': 11,
      'reviewLitigation/cases/review.other': 12,
      'reviewLitigation/cases/review.pending': 7, 'reviewLitigation/cases/review.total': 40,
    });
    expect(r.diagnostics.map((d) => d.code)).toContain('review-litigation-unplaced');
  });

  it('reads title variants: spam before the name, 关于, the year after the name, 繁体', async () => {
    const cases: [string, string, number][] = [
      ['【开云体育官网】青山县人民政府2022年政府信息公开工作年度报告', '青山县人民政府', 2022],
      ['澳门新葡京娱乐场官网 青山县人民政府2022年政府信息公开工作年度报告', '青山县人民政府', 2022],
      ['青山县水利局关于2022年政府信息公开工作年度报告', '青山县水利局', 2022],
      ['青山县人民政府政府信息公开工作年度报告（2023年度）', '青山县人民政府', 2023],
      ['白鹭镇人民政府2022年度政府信息公开工作报告', '白鹭镇人民政府', 2022],
      ['青山縣人民政府2022年政府信息公開工作年度報告\n依申請公開，開展報告總結，縣區鄉鎮。', '青山縣人民政府', 2022],
    ];
    for (const [title, agency, year] of cases) {
      const r = await parseBytes(utf8(`${title}\n一、总体情况\n本年度工作有序开展。\n`), 'title.txt');
      expect([r.agency, r.year], title).toEqual([agency, year]);
    }
  });
});
