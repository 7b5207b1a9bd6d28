// Text helpers for the HTML reader: whitespace collapsing as a browser would (source line breaks between CJK
// characters vanish), rejoining <br>-broken lines, page-chrome lines, heading detection, offset → line/column.
import type { SourceRef } from '../model/report.js';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u2014]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const NEEDS_CLEANING = /[\u00a0 \t\n\r\f<]/;
const LINE_BREAK = /[\n\r]/;

/**
 * Collapse whitespace runs to one space (&nbsp; included) and trim. A run that holds a source line break
 * between two CJK characters is dropped (CSS Text segment-break rule), so '本年度\n  办理结果' reads as one word.
 */
export function cleanText(raw: string): string {
  // most texts (a table cell's number, a run between tags) hold nothing the replacements below change, and most of
  // the rest no line break: the same result without a callback per whitespace run (~5 % of reading a page)
  if (!NEEDS_CLEANING.test(raw)) return raw.trim();
  if (!LINE_BREAK.test(raw)) return withoutCutTag(raw.replace(/\u00a0/g, ' ').replace(/[ \t\f]+/g, ' ')).trim();
  return withoutCutTag(raw
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\n\r\f]+/g, (ws: string, at: number, s: string) =>
      /[\n\r]/.test(ws) && isCjk(s[at - 1]) && isCjk(s[at + ws.length]) ? '' : ' ',
    )).trim();
}

/** A page cut inside a tag leaves '</' or '<td' as text at the very end. */
const withoutCutTag = (text: string): string => text.replace(/<\/?[a-zA-Z]*$/, '');

/** Join cleaned lines: no separator between two CJK characters, one space otherwise. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = cleanText(raw);
    if (!line) continue;
    out = !out ? line : isCjk(out[out.length - 1]) && isCjk(line[0]) ? out + line : `${out} ${line}`;
  }
  return out;
}

const CHROME_TOKENS =
  /【?\s*(?:字号|字体)\s*[:：]?\s*(?:[【[]?\s*[大中小]\s*[】\]]?\s*)+】?|【?\s*(?:打印本页|打印此页|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏本页|加入收藏|设为首页|我要纠错|纠错|视力保护色|扫一扫在手机打开当前页|扫一扫)\s*】?|[\s:：|｜·]+/g;

/** Short lines made only of site chrome: '字号：大 中 小', '【打印】【关闭】', '分享到：微信 微博', '设为首页'. */
export function isChromeLine(text: string): boolean {
  if (text.length > 60) return false;
  if (/^分享到/.test(text)) return true;
  return text.replace(CHROME_TOKENS, '') === '';
}

/** class/id names of page chrome containers. */
export const CHROME_NAME = /nav|menu|foot|header|breadcrumb|share|print|toolbar|copyright/i;

const SECTION = /^[一二三四五六七八九十]+、/;
const SUB = /^[（(][一二三四五六七八九十]+[）)]/;
const TITLE = /政府信息公开.{0,6}年度?报告$/;

/**
 * Heading level of a paragraph by its text, or 0 for body text: a report title → 1, '一、…' → 2, '（一）…' → 3,
 * any other short line printed entirely in bold → 3.
 */
export function headingLevel(text: string, boldOnly: boolean): number {
  if (text.length > 80 || /[。；;]/.test(text.slice(0, -1)) || /[。；;，,]$/.test(text)) return 0;
  if (TITLE.test(text)) return 1;
  if (SECTION.test(text) && text.length <= 40) return 2;
  if (SUB.test(text) && text.length <= 30) return 3;
  if (boldOnly && text.length <= 60) return SECTION.test(text) ? 2 : 3;
  return 0;
}

/** Offsets → 1-based line and column (columns in UTF-16 code units), by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): SourceRef {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1, offset };
  }
}
