// Text normalisation for matching (never for display): full-width → half-width, odd spaces, quotes, brackets,
// and 繁体 → 简体. The original text is always kept for display and source positions.
import * as OpenCC from 'opencc-js';

let toSimplified: ((s: string) => string) | null = null;
/** 简体 of each BMP character seen so far (0 = maps to itself); filled lazily from OpenCC's character table. */
const charMap = new Map<number, number>();

function simplifyCode(c: number): number {
  let m = charMap.get(c);
  if (m === undefined) {
    toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
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
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
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

/** Unicode spaces (NBSP, ideographic space, zero-width) to plain spaces; keeps length. */
export function plainSpaces(s: string): string {
  return s.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ');
}

/** NFKC plus punctuation unification; used before matching labels. */
export function normaliseForMatch(s: string): string {
  return plainSpaces(s)
    .normalize('NFKC')
    .replace(/[“”„‟"'‘’`「」『』]/g, '')
    .replace(/[【［\[]/g, '(')
    .replace(/[】］\]]/g, ')')
    .replace(/[，、,；;：:。.．·]/g, (m) => (m === '.' || m === '．' ? '.' : ','))
    .replace(/\s+/g, '');
}

/** The text reduced to its letters and digits: what label matching compares. */
let lastInput: string | null = null;
let lastKey = '';

export function labelKey(s: string): string {
  // the classifier asks for the same text's key several times in a row (caption? heading? label? version?)
  if (s === lastInput) return lastKey;
  lastKey = normaliseForMatch(s).replace(/[^\p{L}\p{N}.()]/gu, '');
  lastInput = s;
  return lastKey;
}

export interface ParsedNumber { value: number; unit?: string; signed: boolean }

/** The value of 1–9 ASCII digits, else -1: the common cell, read without the regex. */
export function plainInteger(t: string): number {
  const n = t.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = t.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const NUMBER_CELL = /^([+\-−－]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万元|元|件|个|条|项|次|%)?$/;

/** Parse a table cell as a number ('1276.7257', '+19', '-25', '251000元', '３,１１９'); null if it is not one. */
export function parseNumberCell(text: string): ParsedNumber | null {
  const plain = plainInteger(text);
  if (plain >= 0) return { value: plain, unit: undefined, signed: false };
  const t = plainSpaces(text).normalize('NFKC').trim();
  const m = NUMBER_CELL.exec(t);
  if (!m) return null;
  const sign = m[1] === '' ? 1 : m[1] === '+' ? 1 : -1;
  const int = m[2].replace(/,/g, '');
  const value = sign * Number(m[3] ? `${int}.${m[3]}` : int);
  if (!Number.isFinite(value)) return null;
  return { value: Object.is(value, -0) ? 0 : value, unit: m[4], signed: m[1] !== '' };
}

/** Cells that stand for "nothing printed here": blank, dashes, slashes. */
export function isBlankCell(text: string): boolean {
  return /^[\s\-—–―/／\\|]*$/.test(plainSpaces(text).normalize('NFKC'));
}

/** Chinese numerals up to 九千九百九十九 ('十' = 10, '二十一' = 21). */
export function chineseNumeral(s: string): number | null {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  if (!s || /[^零〇一二两三四五六七八九十百千]/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in digits) current = digits[ch];
    else {
      total += (current || 1) * units[ch];
      current = 0;
    }
  }
  return total + current;
}

/**
 * A copy of `s` that does not share storage with the string it was cut from. V8 keeps a slice of a longer
 * string as a view onto it, so a cache holding a line of a report would keep the whole report's text alive:
 * entries of the module caches (recurring labels and their answers) are stored as copies.
 */
export function detachedCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
