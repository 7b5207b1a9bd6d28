// The test findSections puts before computing a line's match key (mayHold): it may say "maybe" for any line, but
// must never say "no" for a line whose labelKey holds the heading's key. Checked two ways: every code point from
// which NFKC makes a CJK ideograph is one the test lets through, and random lines built around the six official
// headings (characters spread by spaces and punctuation, some replaced by their compatibility forms).
import { describe, expect, it } from 'vitest';
import { mayHold } from '../src/recognise/sections.js';
import { TEMPLATES } from '../src/model/template.js';
import { labelKey } from '../src/text/normalise.js';
import { rng } from './seeded.js';

const IDEOGRAPH = /[\u4e00-\u9fff]/;
const KEYS = TEMPLATES['2021'].sections.map((s) => labelKey(s.title));

/** Every code point whose NFKC form holds a CJK ideograph it does not itself print, with that form. */
function compatibilityForms(): Map<string, string> {
  const out = new Map<string, string>();
  for (let cp = 0x80; cp < 0x110000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    const n = ch.normalize('NFKC');
    if (n !== ch && IDEOGRAPH.test(n)) out.set(ch, n);
  }
  return out;
}

describe('mayHold (findSections)', () => {
  const forms = compatibilityForms();

  it('lets through every character from which NFKC makes an ideograph', () => {
    expect(forms.size).toBeGreaterThan(900); // Kangxi radicals, compatibility ideographs, enclosed forms…
    const stopped = [...forms.keys()].filter((ch) => !mayHold(`前${ch}后`, '总体情况'));
    expect(stopped.map((ch) => ch.codePointAt(0)!.toString(16)).slice(0, 5)).toEqual([]);
  });

  it('never says no to a line whose key holds a heading, on 10,000 random lines', () => {
    const next = rng(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
    const byIdeograph = new Map<string, string[]>();
    for (const [ch, n] of forms) if (n.length === 1) byIdeograph.set(n, [...(byIdeograph.get(n) ?? []), ch]);
    const noise = [...' 　、，。：（）()《》“”0123456789一二三四五六年度的和及政府信息公开情况', '\u00a0'];
    let holding = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const key = pick(KEYS);
      // a piece of a heading, or a whole one, spread out and partly printed in compatibility forms
      const from = next() < 0.5 ? 0 : Math.floor(next() * key.length);
      const piece = key.slice(from, from + 2 + Math.floor(next() * key.length));
      let line = '';
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) line += pick(noise);
      for (const ch of piece) {
        const compat = byIdeograph.get(ch);
        line += compat && next() < 0.2 ? pick(compat) : next() < 0.05 ? '' : ch;
        if (next() < 0.3) line += pick(noise);
      }
      const probe = next() < 0.7 ? key : piece;
      if (!/^[\u4e00-\u9fff]+$/.test(probe)) continue;
      const holds = labelKey(line).includes(probe);
      if (holds) holding++;
      if (holds && !mayHold(line, probe)) wrong.push(JSON.stringify([line, probe]));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(holding).toBeGreaterThan(1_000); // the property was exercised, not only its easy side
  });

  it('says no to a line that prints neither end of the key', () => {
    expect(mayHold('二、主动公开政府信息情况', '总体情况')).toBe(false);
    expect(mayHold('一、总体情况', '一总体情况')).toBe(true);
  });
});
