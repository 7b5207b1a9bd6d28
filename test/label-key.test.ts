// labelKey's one-pass fast path against its definition (slowLabelKey: normaliseForMatch, then letters, digits, '.'
// and brackets): random strings over the characters the fast path handles, the ones it hands to the slow path
// (NFKC changes them: …, ①, ⑴, compatibility ideographs, combining marks) and report vocabulary.
import { describe, expect, it } from 'vitest';
import { labelKey, slowLabelKey } from '../src/text/normalise.js';
import { rng } from './seeded.js';

const POOL = [
  ...'abcXYZ0189 .,;:()[]{}<>"\'`!?-_/\\|\t\n',
  ...'ＡＺａｚ０９（）［］［］．，；：！？～　',
  ...'主动公开政府信息情况申请数量本年新收一二三四五六七八九十〇々',
  ...'【】「」『』〈〉《》〔〕〖〗、。〃·—‘’“”\u00a0\ufeff',
  ...'…①⑴㈠Ⅳ\u0301\u2028\u3038\uf900\u2f00ﾊ㎡％',
];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 24);
  let s = '';
  for (let i = 0; i < n; i++) s += POOL[Math.floor(next() * POOL.length)];
  return s;
}

describe('labelKey', () => {
  it('equals its definition on 20,000 random strings', () => {
    const next = rng(20261206);
    const wrong: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const s = randomText(next);
      if (labelKey(s) !== slowLabelKey(s)) wrong.push(JSON.stringify(s));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('keeps letters and digits, turns full-width and 【】 brackets into ( ) and drops punctuation', () => {
    expect(labelKey('（一）本年新收　申请数量：')).toBe('(一)本年新收申请数量');
    expect(labelKey('【其他】 Ａ１．５')).toBe('(其他)A1.5');
    expect(labelKey('…①')).toBe('...1');
  });
});
