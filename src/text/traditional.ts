// 繁体 → 简体 for matching, keeping every position (the readers apply it once to a document printed in 繁体; the
// printed text stays for quoting). Node-only: OpenCC is loaded on the first traditional character, not at every
// process start (~40 ms), which needs createRequire — so this is not in normalise.ts, which the browser bundles.
import { createRequire } from 'node:module';
import type * as OpenCCModule from 'opencc-js';

let toSimplified: ((s: string) => string) | null = null;
/** OpenCC's converter, loaded on the first 繁体 character (its tables cost ~40 ms of every process start). */
function converter(): (s: string) => string {
  const OpenCC = createRequire(import.meta.url)('opencc-js') as typeof OpenCCModule;
  return OpenCC.Converter({ from: 'tw', to: 'cn' });
}
/** 简体 of each BMP character seen so far (0 = maps to itself); filled lazily from OpenCC's character table. */
const charMap = new Map<number, number>();

function simplifyCode(c: number): number {
  let m = charMap.get(c);
  if (m === undefined) {
    toSimplified ??= converter();
    const out = toSimplified(String.fromCharCode(c));
    // only one-to-one mappings: conversion must keep every position of the text
    m = out.length === 1 && out.charCodeAt(0) !== c ? out.charCodeAt(0) : 0;
    charMap.set(c, m);
  }
  return m;
}

/** Characters whose 简体 depends on the phrase (答覆 → 答复 but 覆盖 stays): their lines go through OpenCC whole. */
const PHRASE_DEPENDENT = /[覆乾著瞭藉]/;

/**
 * 繁体 → 简体, keeping every position: character by character from OpenCC's table (each distinct character is
 * converted once, far faster than running the converter over every report), and whole lines through OpenCC only
 * where a character depends on its phrase and the result keeps the line's length.
 */
function simplify(s: string): string {
  if (!PHRASE_DEPENDENT.test(s)) return byCharacter(s);
  toSimplified ??= converter();
  const convert = toSimplified;
  return s.split('\n').map((line) => {
    if (!PHRASE_DEPENDENT.test(line)) return byCharacter(line);
    const whole = convert(line);
    return whole.length === line.length ? whole : byCharacter(line);
  }).join('\n');
}

function byCharacter(s: string): string {
  let out: number[] | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400 || (c >= 0xd800 && c <= 0xdfff)) continue; // ASCII, punctuation, surrogates: unchanged
    const m = simplifyCode(c);
    if (m === 0) continue;
    if (!out) {
      out = new Array<number>(s.length);
      for (let j = 0; j < s.length; j++) out[j] = s.charCodeAt(j);
    }
    out[i] = m;
  }
  if (!out) return s;
  let text = '';
  for (let i = 0; i < out.length; i += 8192) text += String.fromCharCode(...out.slice(i, i + 8192));
  return text;
}

/** Characters that exist only in traditional script and are common in these reports. */
const TRADITIONAL_HINTS = new Uint8Array(0xa000 - 0x4e00); // a flag per CJK unified ideograph
for (const ch of '開報資訊與務處構總計據實關請結轉應權條號縣區鄉鎮題會體發類廢現書') TRADITIONAL_HINTS[ch.charCodeAt(0) - 0x4e00] = 1;

/** True when the text looks like 繁体 (enough traditional-only characters). A scan that stops at the fifth hit. */
export function looksTraditional(text: string): boolean {
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 0x4e00;
    if (c >= 0 && c < TRADITIONAL_HINTS.length && TRADITIONAL_HINTS[c] === 1 && ++hits >= 5) return true;
  }
  return false;
}

/** Convert 繁体 to 简体 character by character (length-preserving for these reports' vocabulary). */
export function toSimplifiedChinese(text: string): string {
  return simplify(text);
}

