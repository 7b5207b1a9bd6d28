// The year when the title is missing or mangled: title, then the statistics period, then the body's first
// statements of its year; cited documents, dates, comparisons and next year's plans are not statements of it.
import { describe, expect, it } from 'vitest';
import { checkReport, parseBytes } from '../src/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const parse = (lines: string[]) => parseBytes(utf8(lines.join('\n') + '\n'), 'y.txt');
const TAIL = ['五、存在的主要问题及改进情况', '2024年，我镇将进一步加强公开工作。', '六、其他需要报告的事项', '无。'];

describe('year', () => {
  it('takes the title first', async () => {
    const r = await parse([
      '宜都市红花套镇人民政府2022年政府信息公开工作年度报告', '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
      '一、总体情况', ...TAIL,
    ]);
    expect([r.year, r.yearFrom]).toEqual([2022, 'title']);
    expect(r.yearStatements?.map((s) => [s.from, s.year])).toEqual([['title', 2022], ['period', 2021]]);
  });
  it('then the statistics period', async () => {
    const r = await parse(['本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '一、总体情况',
      '2022年，我镇主动公开政府信息12条。', ...TAIL]);
    expect([r.year, r.yearFrom]).toEqual([2023, 'period']);
  });
  it('then the first statements of the body: 「20XX年，我街…」', async () => {
    const r = await parse(['一、总体情况', '按照《关于做好2020年度政府信息公开工作年度报告编制工作的通知》要求编制。',
      '2021年，我街道认真贯彻落实《条例》（2019年修订）。', '2021年，街道主动公开信息21条。', ...TAIL]);
    expect([r.year, r.yearFrom]).toEqual([2021, 'body']);
  });
  it('「20XX年度我办未接到…」 and 「…汇报我镇20XX年政府信息公开工作」', async () => {
    const a = await parse(['一、总体情况', '（二）依申请公开情况', '2020年度我办未接到政府信息公开申请。', ...TAIL]);
    expect([a.year, a.yearFrom]).toEqual([2020, 'body']);
    const b = await parse(['现向社会汇报我镇2019年政府信息公开工作，请予监督。', '一、总体情况', '全年公开信息15条。', ...TAIL]);
    expect([b.year, b.yearFrom]).toEqual([2019, 'body']);
  });
  it('「截止20XX年12月31日我局…」: figures as at the end of the year (截止 as often as 截至)', async () => {
    const r = await parse(['一、总体情况', '本年度我局不断充实公开内容。截止2023年12月31日我局发布信息34条。', ...TAIL]);
    expect([r.year, r.yearFrom]).toEqual([2023, 'body']);
  });
  it('is not a date, a range, a comparison or a plan for next year', async () => {
    const r = await parse(['一、总体情况', '2023年1月，镇政府召开会议。', '与2021年相比，公开信息增加12条。', '2019年以来累计公开300条。',
      '2018年至2022年共办理申请5件。', ...TAIL]);
    expect([r.year, r.yearFrom]).toEqual([null, null]);
    expect(r.yearStatements).toEqual([]);
  });
  it('last, the year section 六 states its fees for, where nothing before 五 states one (never 五\'s plans)', async () => {
    const body = ['一、总体情况', '全年公开信息15条。', '五、存在的主要问题及改进情况', '2023年，我镇将进一步加强公开工作。',
      '六、其他需要报告的事项'];
    const a = await parse([...body, '2022年没有收取政府信息公开信息处理费。']);
    expect([a.year, a.yearFrom]).toEqual([2022, 'body']);
    const b = await parse([...body, '依据《政府信息公开信息处理费管理办法》，2021年度未收取信息处理费。']);
    expect([b.year, b.yearFrom]).toEqual([2021, 'body']);
    const c = await parse([...body, '无。']);
    expect([c.year, c.yearFrom]).toEqual([null, null]);
  });
  it('records whether a statement states figures', async () => {
    const r = await parse(['一、总体情况', '2022年，我镇高度重视公开工作。', '2022年，主动公开政府信息32条。', ...TAIL]);
    expect(r.yearStatements?.map((s) => [s.year, s.figures])).toEqual([[2022, false], [2022, true]]);
    expect(r.yearStatements?.[1].source.line).toBe(3);
  });
  it('gives the title-vs-body and copied-figures findings on parsed texts', async () => {
    const titled2020 = await parse(['宜都市红花套镇人民政府2020年政府信息公开工作年度报告',
      '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。', '一、总体情况', '2021年，我镇主动公开信息12条。', ...TAIL]);
    const mismatch = checkReport(titled2020).filter((f) => f.ruleId === 'year-mismatch');
    expect(mismatch.map((f) => f.message)).toEqual([expect.stringContaining('标题为2020年度，但统计期限为2021年')]);
    expect(mismatch[0].source?.line).toBe(2);
    const copied = await parse(['宜都市红花套镇人民政府2022年政府信息公开工作年度报告', '一、总体情况', '2022年，我镇高度重视公开工作。',
      '（一）主动公开情况', '2021年，主动公开政府信息32条。', '2022年，办理申请3件，较2021年增加1件。', ...TAIL]);
    const found = checkReport(copied);
    expect(found.filter((f) => f.ruleId === 'year-mismatch')).toEqual([]);
    expect(found.filter((f) => f.ruleId === 'other-year-figures').map((f) => f.source?.line)).toEqual([5]);
  });
});
