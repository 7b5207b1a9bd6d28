// Finds the six fixed sections by their heading texts and known variants, whatever their numbering
// (一、… / 第一部分 / none) — never by numbering alone, since section 一 often has its own 一、二、三 sub-headings.
import type { Section } from '../model/report.js';
import { TEMPLATES } from '../model/template.js';
import { labelKey } from '../text/normalise.js';
import type { Row } from './tokens.js';

const PHRASES: { no: number; re: RegExp }[] = [
  { no: 1, re: /^(总体情况|概述|概况|基本情况)/ },
  { no: 2, re: /^(主动公开政府信息(的)?情况|政府信息主动公开(工作)?情况|主动公开政府信息$)/ },
  { no: 3, re: /^(收到和处理政府信息公开申请(的)?情况|政府信息依申请公开(办理)?情况|依申请公开政府信息(的)?情况|收到和处理政府信息公开申请$)/ },
  { no: 4, re: /^(因)?(政府信息公开(工作)?)?(被申请)?行政复议.{0,16}行政诉讼(的)?情况/ },
  { no: 5, re: /^(政府信息公开工作)?存在的主要问题及(其)?改进(情况|措施)/ },
  { no: 6, re: /^其他需要报告的事项/ },
];

/** The section a heading names ('三、收到和处理政府信息公开申请情况' → 3), or null. Sub-headings like （一）… never match. */
export function matchSectionHeading(text: string): { no: number } | null {
  const head = text.trim().slice(0, 64);
  if (/^[（(]/.test(head) || /^\d/.test(head)) return null;
  let key = labelKey(head);
  const numbered = /^(?:第([一二三四五六])部分|([一二三四五六]))/.exec(key);
  if (numbered) key = key.slice(numbered[0].length);
  for (const p of PHRASES) if (p.re.test(key)) return { no: p.no };
  return null;
}

const OFFICIAL_KEYS: Record<number, string> = {};

/**
 * Characters from which NFKC makes a CJK ideograph (Kangxi and other radicals, enclosed and squared ideographs,
 * compatibility ideographs; supplementary planes by their surrogates): computed over every code point.
 */
const MAKES_IDEOGRAPH = /[\u2e80-\u2fdf\u3038-\u303a\u3190-\u319f\u3200-\u33ff\uf900-\ufaff\ud800-\udfff]/;

/**
 * False only when labelKey(text) cannot contain `key` (a run of CJK ideographs): labelKey keeps an ideograph as
 * it is and makes none, except through NFKC from the characters above; so each of the key's characters must be
 * printed. A test before computing the key of every line of a report that lacks a heading. `makesIdeograph`:
 * MAKES_IDEOGRAPH.test(text), when the caller has it.
 */
export function mayHold(text: string, key: string, makesIdeograph = MAKES_IDEOGRAPH.test(text)): boolean {
  return makesIdeograph || (text.includes(key[0]) && text.includes(key[key.length - 1]));
}

/** The six sections with their headings, text and positions (title null when not found). */
/**
 * The text of the section whose heading is rows[from]: the heading when a scrape ran its text into it, then the
 * section's prose only (table rows, numbers, labels and headers are the tables, kept as cells). A function of its
 * own: the loop is the hot part, and in a batch V8 compiles a small function sooner and at a fraction of the cost
 * of findSections around it (a batch of 2,000 reports ends before such a compile pays back).
 */
function sectionText(rows: Row[], from: number, to: number): string {
  const parts: string[] = [];
  const head = rows[from].text.trim();
  if (head.length > 40) parts.push(head);
  for (let r = from + 1; r < to; r++) {
    const row = rows[r];
    if (!row.grid && row.tokens.length === 1 && row.tokens[0].kind === 'text') parts.push(row.text);
  }
  return parts.join('\n');
}

export function findSections(rows: Row[]): Section[] {
  const defs = TEMPLATES['2021'].sections;
  const starts: { no: number; index: number }[] = [];
  rows.forEach((row, index) => {
    const first = row.tokens[0];
    if (!first || first.kind !== 'section' || first.section === undefined) return;
    const last = starts[starts.length - 1];
    if (!last || first.section > last.no) starts.push({ no: first.section, index });
  });
  // a scrape can run a heading into the previous section's line ('…年度报告。 二、主动公开政府信息情况'):
  // the full official heading inside a line still marks the section
  const keys: (string | undefined)[] = []; // each row's match key, computed once and only if needed
  const keyOf = (i: number): string => (keys[i] ??= labelKey(rows[i].text));
  // each row's scan for MAKES_IDEOGRAPH, made once however many headings are sought
  const makes: (boolean | undefined)[] = [];
  for (const d of defs) {
    if (starts.some((s) => s.no === d.no)) continue;
    const official = OFFICIAL_KEYS[d.no] ??= labelKey(d.title);
    const ideographs = /^[\u4e00-\u9fff]+$/.test(official); // (the six official headings are)
    const index = rows.findIndex((r, i) => r.text.length > d.title.length &&
      (!ideographs || mayHold(r.text, official, (makes[i] ??= MAKES_IDEOGRAPH.test(r.text)))) &&
      keyOf(i).includes(official));
    if (index >= 0) starts.push({ no: d.no, index });
  }
  starts.sort((a, b) => a.index - b.index || a.no - b.no);
  // loops and push, not .map: an optimised .map makes a holey array where the unoptimised one made a packed one,
  // and code that had seen one kind deoptimised on the other (valuesOf in tokens.ts says more)
  const out: Section[] = [];
  for (const d of defs) {
    const i = starts.findIndex((s) => s.no === d.no);
    if (i < 0) {
      out.push({ no: d.no, key: d.key, title: null, text: '', source: null });
      continue;
    }
    const from = starts[i].index;
    const to = i + 1 < starts.length ? starts[i + 1].index : rows.length;
    const heading = rows[from];
    const text = sectionText(rows, from, to);
    const title = heading.tokens[0].text.length <= 40 ? heading.tokens[0].text : heading.tokens[0].text.slice(0, 40);
    out.push({ no: d.no, key: d.key, title, text, source: heading.pos });
  }
  return out;
}
