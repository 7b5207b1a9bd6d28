// matchAllNear against String.prototype.matchAll: the same matches (index and groups) for the report-name pattern
// of the metadata and a place-name pattern, over random texts built from their vocabulary.
import { describe, expect, it } from 'vitest';
import { matchAllNear } from '../src/text/anchored.js';
import { rng } from './seeded.js';

const PIECES = ['《', '》', '2021', '2022年', '年度', '政府', '信息公开', '工作', '年度报告', '编制', '的通知', '某县', '人民政府',
  '关于', '2021年度政府信息公开工作年度报告', '2022年政府信息公开年度报告', '镇', '街道', '区', '县', '市', '乡', '我镇', '，', '。', '\n', '1',
  '金石', '三台县', '东宝区', '现将'];

function text(next: () => number): string {
  let s = '';
  const n = Math.floor(next() * 40);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

const cases = [
  { re: /([^《》]{2,30}?)\d{4}年度?(?:政府)?信息公开(?:工作)?年度报告(?!编制|的通知|工作的)/g,
    anchor: /\d{4}年度?(?:政府)?信息公开(?:工作)?年度报告/g, reach: 30 },
  { re: /[\u4e00-\u9fa5]{2,5}?(?:街道|镇|乡|区|县|市)/g, anchor: /街道|镇|乡|区|县|市/g, reach: 5 },
];

describe('matchAllNear', () => {
  for (const [i, c] of cases.entries()) {
    it(`gives the matches matchAll gives (pattern ${i + 1}, 5,000 texts)`, () => {
      const next = rng(1000 + i);
      let matches = 0;
      for (let k = 0; k < 5000; k++) {
        const s = text(next);
        const want = [...s.matchAll(c.re)].map((m) => [m.index, ...m]);
        const got = [...matchAllNear(s, c.re, c.anchor, c.reach)].map((m) => [m.index, ...m]);
        expect(got, s).toEqual(want);
        matches += want.length;
      }
      expect(matches).toBeGreaterThan(500); // the texts do hold matches: the comparison is not between empty lists
    });
  }

  it('refuses a regex that is not global', () => {
    expect(() => [...matchAllNear('x', /x/, /x/g, 1)]).toThrow(/global/);
  });
});
