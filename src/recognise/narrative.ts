// Narrative figures: numbers the prose states (applications received, carried over, reconsiderations,
// lawsuits, items published, interpretations, fees, new-media accounts), as typed figures with positions,
// so the checks can compare prose with tables. Only sentences, never table rows, are read.
import type { NarrativeFigure, Section } from '../model/report.js';
import { chineseNumeral } from '../text/normalise.js';
import { SqueezedLines } from './lines.js';
import type { Row } from './tokens.js';

const N = '(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';

interface Pattern { key: string; re: RegExp; unit?: string; value?: number }

/**
 * The words of which each pattern needs one (its leading literal): a paragraph is tested against a pattern only
 * when one of them occurs in it (String.includes finds a word far faster than a regex with a leading
 * alternation scans for it, and most paragraphs hold one or two of the words).
 */
const NEEDS: Record<string, string[]> = {
  applicationsReceived: ['收到', '新收', '受理'], applicationsHandled: ['办理'], carriedOver: ['结转'],
  applicationsCompleted: ['办结'], carriedForward: ['结转', '顺延'], reviews: ['行政复议'], lawsuits: ['行政诉讼'],
  itemsPublished: ['主动公开'], interpretations: ['政策解读'], infoProcessingFeeYuan: ['信息处理费'],
  newMediaAccounts: ['政务新媒体'],
};

const PATTERNS: Pattern[] = [
  {
    key: 'applicationsReceived',
    re: new RegExp(`(?:新?收到|新收|受理)(?:各类)?(?:政府信息公开|依申请公开|政府信息依申请公开|信息公开)?(?:的)?(?:申请|办理事项)(?:数量)?(?:共|合计)?${N}件`),
  },
  { key: 'applicationsReceived', re: new RegExp(`(?:收到|受理)(?:依申请公开|政府信息依申请公开|政府信息公开申请)件?(?:共)?${N}件`) },
  { key: 'applicationsHandled', re: new RegExp(`(?:共)?办理(?:政府信息公开|依申请公开)申请${N}件`) },
  { key: 'carriedOver', re: new RegExp(`上年(?:度)?结转[^，。,；\\d]{0,14}?${N}件`) },
  { key: 'applicationsCompleted', re: new RegExp(`(?:本年度?|全年)?办结(?:政府信息公开申请)?${N}件`) },
  { key: 'carriedForward', re: new RegExp(`(?:结转|顺延)(?:至|到)?下(?:一)?年度?[^，。,；\\d]{0,10}?${N}件`) },
  { key: 'reviews', re: new RegExp(`(?:被申请|发生|收到|涉及)?行政复议(?:案件|申请)?(?:数量)?(?:共)?${N}(?:件|起)`) },
  { key: 'lawsuits', re: new RegExp(`(?:被提起|提起|发生|涉及)?行政诉讼(?:案件)?(?:数量)?(?:共)?${N}(?:件|起)`) },
  { key: 'itemsPublished', re: new RegExp(`主动公开(?:政府)?信息(?:共)?${N}(?:条|件)`) },
  { key: 'interpretations', re: new RegExp(`政策解读(?:稿件|文件|材料)?(?:共)?${N}(?:篇|件|条)`) },
  { key: 'infoProcessingFeeYuan', re: new RegExp(`信息处理费(?:共)?${N}元`), unit: '元' },
  { key: 'newMediaAccounts', re: new RegExp(`政务新媒体(?:共|账号)?${N}个`) },
];

const GLOBAL_PATTERNS = PATTERNS.map((p) => ({ ...p, needs: NEEDS[p.key], global: new RegExp(p.re.source, 'g') }));

/** Statements that there was no reconsideration or lawsuit at all. */
const NO_REVIEW = /(?:未发生|没有发生|无|未出现|未收到)[^。；]{0,24}行政复议[^。；]{0,24}(?:行政)?诉讼|行政复议[和及、]行政诉讼(?:案件)?(?:均为|为)?(?:0|零)件?/;
const NO_FEE = /未(?:收取|产生|发生)[^。；]{0,12}信息处理费|信息处理费[^。；]{0,6}(?:未收取|为零|为0)/;

/** Every pattern above needs one of these words: a paragraph without any is skipped whole. */
const ANY_FIGURE = /收到|新收|受理|办理|结转|办结|顺延|行政复议|行政诉讼|主动公开|政策解读|信息处理费|政务新媒体/;

function toNumber(s: string): number | null {
  if (/^\d/.test(s)) return Number(s);
  return chineseNumeral(s);
}

/** Consecutive prose lines joined (PDF text and scrapes hard-wrap sentences), with where each line starts. */
function paragraphs(rows: Row[], lines: SqueezedLines): { text: string; starts: { at: number; row: Row }[] }[] {
  const out: { text: string; starts: { at: number; row: Row }[] }[] = [];
  let cur: { text: string; starts: { at: number; row: Row }[] } | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    // a table row (several cells) is never a sentence
    // nor is a lone number, a row label or a table caption (one cell per line dumps print tables this way)
    const kind = row.tokens[0]?.kind;
    if (row.grid || row.tokens.length !== 1 || kind === 'number' || kind === 'label' || kind === 'caption' ||
      kind === 'blank') {
      cur = null;
      continue;
    }
    const text = lines.at(i);
    if (!cur) out.push((cur = { text: '', starts: [] }));
    cur.starts.push({ at: cur.text.length, row });
    cur.text += text;
  }
  return out;
}

type GlobalPattern = (typeof GLOBAL_PATTERNS)[number];

/**
 * The patterns a paragraph states a figure by, in pattern order; cheap tests first: most paragraphs state none of
 * these figures. A function of its own: this is the hot loop of the narrative finder, and V8 compiles a small
 * function sooner and at a fraction of the cost of findNarrative around it (whose compile came too late in a batch
 * of 2,000 reports to pay back).
 */
function statedIn(text: string, has: (word: string) => boolean): GlobalPattern[] {
  const out: GlobalPattern[] = [];
  for (const p of GLOBAL_PATTERNS) if (p.needs.some(has) && p.re.test(text)) out.push(p);
  return out;
}

/** `lines`: the rows squeezed (shared with the other finders of the same report). */
export function findNarrative(rows: Row[], _sections: Section[], lines = new SqueezedLines(rows)): NarrativeFigure[] {
  const out: NarrativeFigure[] = [];
  for (const para of paragraphs(rows, lines)) {
    const { text } = para;
    if (text.length < 8 || !ANY_FIGURE.test(text)) continue;
    const posAt = (index: number) => [...para.starts].reverse().find((s) => s.at <= index)!.row.pos;
    const present = new Map<string, boolean>();
    const has = (word: string): boolean => {
      let yes = present.get(word);
      if (yes === undefined) present.set(word, (yes = text.includes(word)));
      return yes;
    };
    for (const p of statedIn(text, has)) {
      p.global.lastIndex = 0;
      for (const m of text.matchAll(p.global)) {
        const value = toNumber(m[1]);
        if (value === null || !Number.isFinite(value)) continue;
        const source = posAt(m.index ?? 0);
        // two patterns may read the same phrase: keep one figure per key, value and place
        if (!out.some((f) => f.key === p.key && f.value === value && f.source.line === source.line)) {
          out.push({ key: p.key, value, unit: p.unit, text: m[0], source });
        }
      }
    }
    // every match of these holds 行政复议 or 信息处理费: a paragraph without it is not scanned for them
    const none = has('行政复议') ? NO_REVIEW.exec(text) : null;
    if (none) out.push({ key: 'noReviewOrLitigation', value: 1, text: none[0], source: posAt(none.index) });
    const noFee = has('信息处理费') ? NO_FEE.exec(text) : null;
    if (noFee) out.push({
      key: 'infoProcessingFeeYuan', value: 0, unit: '元', text: noFee[0], source: posAt(noFee.index),
    });
  }
  return out;
}
