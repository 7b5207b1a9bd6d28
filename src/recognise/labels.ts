// The label catalogue: every row label, caption and column header of both templates, with the variants seen
// in real reports, and a fuzzy matcher that tells which template row a printed label names.
import { TEMPLATES, type TemplateVersion } from '../model/template.js';
import { detachedCopy, labelKey } from '../text/normalise.js';
import { mayHold } from './sections.js';

export interface RowLabel {
  table: string;
  row: string;
  /** false for group labels such as （三）不予公开 that carry no values in the official table */
  isData: boolean;
  versions: TemplateVersion[];
  keys: string[];
}

/** Variants seen in real reports, written as the official label's labelKey → extra keys. */
const ROW_VARIANTS: Record<string, string[]> = {
  'applications/outcome.denied.lawProhibited': ['2.其他法律法规禁止公开', '2.其他法律行政止公开'],
  'applications/outcome.other': ['(六)其他处理'],
  'applications/outcome.partial': ['(二)部分公开'],
  'art20_1/normativeDocuments': ['规范性文件'],
};

function build(): RowLabel[] {
  const byKey = new Map<string, RowLabel>();
  for (const version of ['2019', '2021'] as TemplateVersion[]) {
    for (const t of TEMPLATES[version].tables) {
      for (const r of t.rows) {
        if (!r.label) continue;
        const id = `${t.key}/${r.key}`;
        let entry = byKey.get(id);
        if (!entry) byKey.set(id, (entry = { table: t.key, row: r.key, isData: r.isData, versions: [], keys: [] }));
        // outcome.other is a data row in 2019 and a group in 2021; a 2021 report may still print it as one row
        if (r.isData) entry.isData = true;
        entry.versions.push(version);
        const k = labelKey(r.label);
        if (!entry.keys.includes(k)) entry.keys.push(k);
      }
    }
  }
  for (const [id, variants] of Object.entries(ROW_VARIANTS)) {
    const entry = byKey.get(id);
    if (entry) for (const v of variants) if (!entry.keys.includes(labelKey(v))) entry.keys.push(labelKey(v));
  }
  return [...byKey.values()];
}

export const ROW_LABELS: RowLabel[] = build();

/** A key split into its numbering ('一', '(三)', '1') and body, with the body's bigrams (counted when needed). */
interface KeyParts { num: string; body: string; grams: Map<string, number> | null }

/** Strip the numbering ('一、', '(三)', '1.', '1、') that prefixes a label key. */
function keyParts(k: string): KeyParts {
  const m = /^((?:[一二三四五六七八九十]+)|(?:\([一二三四五六七八九十]+\))|(?:\d+\.?))/.exec(k);
  return m
    ? { num: m[1].replace(/\.$/, ''), body: k.slice(m[1].length), grams: null }
    : { num: '', body: k, grams: null };
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

function gramsOf(p: KeyParts): Map<string, number> {
  return (p.grams ??= bigrams(p.body));
}

/** Dice coefficient over character bigrams (1 = same). */
export function similarity(a: string, b: string): number {
  return diceOf({ num: '', body: a, grams: null }, { num: '', body: b, grams: null });
}

function diceOf(a: KeyParts, b: KeyParts): number {
  if (a.body === b.body) return 1;
  if (a.body.length < 2 || b.body.length < 2) return 0;
  const B = gramsOf(b);
  let common = 0;
  for (const [g, n] of gramsOf(a)) common += Math.min(n, B.get(g) ?? 0);
  return (2 * common) / (a.body.length - 1 + b.body.length - 1);
}

/** How well printed text names a label key: 1 exact; truncated or wrapped labels still score high. */
export function labelScore(printed: string, key: string): number {
  return printed === key ? 1 : scoreParts(keyParts(printed), keyParts(key));
}

function scoreParts(p: KeyParts, k: KeyParts): number {
  if (p.num && k.num && p.num !== k.num) return 0;
  const pb = p.body;
  const kb = k.body;
  if (!pb || !kb) return 0;
  // a bare header word ('其他', '总计') is not the numbered row it resembles
  if (!p.num && k.num && kb.length < 4) return 0;
  if (pb === kb) return p.num === k.num ? 1 : 0.95;
  // label cut short (truncated page, wrapped cell) or followed by a note
  if (pb.length >= 4 && kb.startsWith(pb)) return 0.9 * Math.min(1, pb.length / Math.min(kb.length, 8));
  if (kb.length >= 4 && pb.startsWith(kb) && pb.length <= kb.length + 24) return 0.9;
  if (pb.length > kb.length * 2 + 10) return 0;
  return diceOf(p, k) * (p.num && p.num === k.num ? 1 : 0.9);
}

export interface LabelMatch { label: RowLabel; score: number }

/** Catalogue keys with their numbering split off and bigrams counted once. */
const PREPARED = ROW_LABELS.flatMap((label) => label.keys.map((key) => {
  const parts = keyParts(key);
  gramsOf(parts);
  return { label, key, parts };
}));

/** Every character of every label, numbered: prose is mostly made of others. */
const CHAR_INDEX = new Map<number, number>();
for (const p of PREPARED) {
  for (let i = 0; i < p.key.length; i++) {
    if (!CHAR_INDEX.has(p.key.charCodeAt(i))) CHAR_INDEX.set(p.key.charCodeAt(i), CHAR_INDEX.size);
  }
}
/** Per catalogue key, which numbered characters it uses: a printed text sharing few of them cannot match it. */
const KEY_CHARS = PREPARED.map((p) => {
  const has = new Uint8Array(CHAR_INDEX.size);
  for (let i = 0; i < p.key.length; i++) has[CHAR_INDEX.get(p.key.charCodeAt(i))!] = 1;
  return has;
});

// the same labels recur in every report: remember the answer per printed key (bounded)
const memo = new Map<string, LabelMatch | null>();

/** The template row a printed cell names, or null. Prose sentences never match (length guard). */
export function matchRowLabel(printed: string, minScore = 0.78): LabelMatch | null {
  const key = withoutInstruction(labelKey(printed));
  if (key.length < 2 || key.length > 60) return null;
  const memoKey = `${minScore}|${key}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  // the printed characters by their number in the catalogue (-1: in no label)
  const chars = new Int16Array(key.length);
  let inLabels = 0;
  for (let i = 0; i < key.length; i++) {
    const n = CHAR_INDEX.get(key.charCodeAt(i));
    chars[i] = n ?? -1;
    if (n !== undefined) inLabels++;
  }
  let best: LabelMatch | null = null;
  if (inLabels * 2 >= key.length) {
    const printedParts = keyParts(key);
    const body = printedParts.body;
    // bigram Dice ≥ minScore needs the shorter body to be at least this share of the longer one (see below)
    const ratio = minScore / (2 - minScore);
    for (let i = 0; i < PREPARED.length; i++) {
      const { label, key: k, parts } = PREPARED[i];
      // exact reject by length: unless one body starts with the other, the score is Dice (at most 1) of the bodies,
      // and Dice ≥ m needs (shorter-1) ≥ (longer-1)·m/(2-m). Prose is long; most labels are short.
      const short = Math.min(body.length, parts.body.length);
      const long = Math.max(body.length, parts.body.length);
      if (short - 1 < (long - 1) * ratio && !body.startsWith(parts.body) && !parts.body.startsWith(body)) continue;
      // cheap reject: most prose shares too few characters with a label to score
      const has = KEY_CHARS[i];
      let shared = 0;
      for (let j = 0; j < chars.length; j++) if (chars[j] >= 0) shared += has[chars[j]];
      if (shared * 2 < Math.min(key.length, k.length)) continue;
      const s = key === k ? 1 : scoreParts(printedParts, parts);
      if (s >= minScore && (!best || s > best.score)) best = { label, score: s };
    }
  }
  remember(memoKey, best);
  return best;
}

/**
 * Regional forms print filling instructions in brackets after a label: 规章（设区的市、自治州人民政府填写）,
 * 行政许可（不含…）. The instruction is not part of the row's name.
 */
const INSTRUCTION = /\([^()]*(?:填写|填报|填列|不填|不含|含|适用|仅限|限)[^()]*\)$/;

function withoutInstruction(key: string): string {
  return key.length > 4 && INSTRUCTION.test(key) ? key.replace(INSTRUCTION, '') : key;
}

/**
 * A printed row label of section 二's tables that is no official row: a regional extra row such as
 * 其他主动公开文件 (read as a diagnostic, its values never placed in a standard row).
 */
export function isExtraActiveRow(printed: string): boolean {
  // the key must start 其他: a text without 其 and 他 (nor a character NFKC makes an ideograph of) needs no key
  // (this is asked for every labelled row of every report)
  if (!mayHold(printed, '其他')) return false;
  const key = withoutInstruction(labelKey(printed));
  return key.length >= 4 && key.length <= 20 && /^其他.{0,10}(?:文件|事项|信息)$/.test(key) && !matchRowLabel(printed);
}

/** Remember an answer (as a copy of the key: see detachedCopy), misses too — boilerplate prose recurs
 * across reports. */
function remember(memoKey: string, match: LabelMatch | null): void {
  if (memo.size > 20_000) memo.clear();
  memo.set(detachedCopy(memoKey), match);
}

/** Captions of section 二 sub-tables: 第二十条第（一）项 … 第（九）项 → art20_1 … art20_9. */
export function matchCaption(printed: string): string | null {
  const m = /^第二十条第?\(?([一五六八九])\)?项/.exec(labelKey(printed));
  if (!m) return null;
  return `art20_${({ 一: 1, 五: 5, 六: 6, 八: 8, 九: 9 } as Record<string, number>)[m[1]]}`;
}

/** Column-header words that reveal the template version. */
const VERSION_WORDS: { re: RegExp; version: TemplateVersion; what: string }[] = [
  { re: /本年制发|本年度?废止|本年度止件|现行有效/, version: '2021', what: '本年制发件数/本年废止件数/现行有效件数' },
  { re: /本年处理决定数量/, version: '2021', what: '本年处理决定数量' },
  { re: /本年收费金额/, version: '2021', what: '本年收费金额' },
  { re: /^行政规范性文件$/, version: '2021', what: '行政规范性文件' },
  { re: /逾期不补正|逾期未按收费通知/, version: '2021', what: '（六）其他处理分项' },
  { re: /本年新制作|本年新公开|对外公开总数/, version: '2019', what: '本年新制作数量/本年新公开数量/对外公开总数量' },
  { re: /上一年项目数量|本年增\/?减/, version: '2019', what: '上一年项目数量/本年增/减' },
  { re: /第二十条第\(九\)项|政府集中采购|采购项目数量|采购总金额/, version: '2019', what: '第二十条第（九）项' },
  { re: /^规范性文件$/, version: '2019', what: '规范性文件' },
  { re: /^其他对外管理服务事项$/, version: '2019', what: '其他对外管理服务事项' },
];

/** The template version a header or label cell speaks for, if any. */
export function versionEvidence(printed: string): { version: TemplateVersion; what: string } | null {
  const k = labelKey(printed).replace(/\//g, '');
  const raw = labelKey(printed);
  for (const w of VERSION_WORDS) if (w.re.test(k) || w.re.test(raw)) return { version: w.version, what: w.what };
  return null;
}
