// The year a report covers, from what the text states: its statistics period (本报告中所列数据的统计期限自2022年
// 1月1日起至2022年12月31日止) and the body's statements of its year (「2022年，我街…」, 「2022年度我办未接到…」,
// 「…汇报我镇2022年政府信息公开工作」). Documents cited in 《》, dates, ranges and comparisons are not statements of
// the year. Every statement is kept with its position, for the checks of the title's year and of copied figures.
import type { SourceRef, YearStatement } from '../model/report.js';
import { SqueezedLines } from './lines.js';
import type { Row } from './tokens.js';


/** The statistics period: a whole calendar year, 1月1日 to 12月31日. */
const PERIOD = /(\d{4})年0?1月0?1日(?:起)?[^。；\d]{0,4}?(?:(\d{4})年)?12月31日/g;
/** A year that starts a clause and is its topic: 2022年，… / 2022年度我办… / （一）主动公开情况。2022年通过… */
const CLAUSE_YEAR = /(?:^|[。；;！!？?\n：:，,）)])(\d{4})年(?:度)?(?!\d|以来|至|到|—|-|~|起|之前|以前|前|后|底|末|初|上半年|下半年|修订|印发)/g;
/** The report's own year named with its work: 汇报我镇2022年政府信息公开工作 / 现将2022年度政府信息公开工作年度报告 */
const WORK_YEAR =
  /(?:汇报|总结|报告|公布|发布|编制|现将|公开)[^。；，,《》]{0,16}?(\d{4})年(?:度)?[\u4e00-\u9fa5]{0,10}?(?:政府)?(?:信息公开|政务公开)/g;
/** 截至2022年12月31日，… (figures as at the end of the year reported on; 截止 as many print it) */
const AS_OF_YEAR_END = /截[至止](\d{4})年12月31日/g;
/** Figures stated as the year's: counts and amounts. */
const FIGURES = /\d+(?:\.\d+)?(?:余)?(?:条|件|篇|个|次|期|场|人次|万元|元|项|份|起)/;
/** Words that make a year a comparison or a carried-over reference, not the topic of the statement. */
const NOT_TOPIC = /较|比|同比|相比|结转|去年|上年|增长|下降|减少|增加|以来/;

/**
 * The sentence around an index of `text`: from after the last 。/；/line break before it to the first from it, at
 * most 160 characters. Why made per text: a stop character the text lacks (many print no ；) sent each search for
 * it over the whole text, for every statement; those searches are skipped (the answers are the same: -1).
 */
function sentences(text: string): (index: number) => string {
  const stops = ['。', '；', '\n'].filter((c) => text.includes(c));
  return (index) => {
    let start = 0;
    let end = text.length;
    for (const c of stops) {
      start = Math.max(start, text.lastIndexOf(c, index - 1) + 1);
      const at = text.indexOf(c, index);
      if (at >= 0 && at < end) end = at;
    }
    return text.slice(start, Math.min(end, start + 160));
  };
}

/**
 * Inside 《…》 (a cited document's title) at an index of `text`. Made per text: without any 《 (most texts cite
 * none before section 五) the two backward searches at every statement are skipped.
 */
function bookTitles(text: string): (index: number) => boolean {
  if (!text.includes('《')) return () => false;
  return (index) => {
    const open = text.lastIndexOf('《', index);
    return open >= 0 && text.lastIndexOf('》', index) < open;
  };
}

/**
 * The prose lines before row `stopAt` joined into paragraphs (PDF text hard-wraps sentences), with where each line
 * starts (pushed to `starts`). A function of its own: this loop over every row is the hot part of finding the year
 * statements, and V8 compiles a small function sooner and at a fraction of the cost of its caller (whose compile
 * came too late in a batch of 2,000 reports to pay back).
 */
function proseBefore(rows: Row[], stopAt: number, lines: SqueezedLines, starts: { at: number; pos: SourceRef }[]):
  string {
  let text = '';
  for (let i = 0; i < rows.length && i < stopAt; i++) {
    const row = rows[i];
    // prose, and a section heading a scrape ran its text into
    const kind = row.tokens[0]?.kind;
    if (row.grid || row.tokens.length !== 1 || (kind !== 'text' && !(kind === 'section' && row.text.length > 40))) {
      text += '\n';
      continue;
    }
    const line = lines.at(i);
    // a line that starts with a year starts a statement (scrapes print one paragraph per line)
    if (/^\d{4}年/.test(line)) text += '\n';
    starts.push({ at: text.length, pos: row.pos });
    text += line;
  }
  return text;
}

/**
 * The year statements of the text before section 五 (plans for next year follow there): the statistics period
 * and the body's statements, in text order. `rows` are the report's rows; `stopAt` the row index of section 五;
 * `lines` the rows squeezed (shared with the other finders).
 */
export function findYearStatements(rows: Row[], stopAt: number, lines = new SqueezedLines(rows)): YearStatement[] {
  const out: YearStatement[] = [];
  const starts: { at: number; pos: SourceRef }[] = [];
  const text = digitYears(proseBefore(rows, stopAt, lines, starts));
  const posAt = (i: number): SourceRef => {
    let lo = 0;
    for (let hi = starts.length - 1; lo < hi;) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid].at <= i) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]?.pos ?? { line: 1, column: 1 };
  };
  const inBookTitle = bookTitles(text);
  const sentenceAround = sentences(text);
  const add = (year: number, from: YearStatement['from'], index: number) => {
    const line = posAt(index).line;
    if (year < 2000 || year > 2100 ||
      out.some((s) => s.from === from && s.year === year && line === s.source.line)) return;
    const sentence = sentenceAround(index);
    const figures = from === 'body' && FIGURES.test(sentence.replace(/\d{4}年/g, ''));
    out.push({ year, from, figures, text: sentence, source: posAt(index) });
  };
  // the period pattern starts with a bare year: scanning for it is only worth it where its end date occurs (as
  // for AS_OF_YEAR_END, which holds it too)
  const yearEnd = text.includes('12月31日');
  for (const m of yearEnd ? text.matchAll(PERIOD) : []) {
    if (m[2] && m[2] !== m[1]) continue;
    if (!inBookTitle(m.index)) add(Number(m[1]), 'period', m.index);
  }
  for (const m of text.matchAll(CLAUSE_YEAR)) {
    const yearAt = text.indexOf(m[1] + '年', m.index);
    if (inBookTitle(yearAt)) continue;
    const sentence = sentenceAround(yearAt);
    const clause = sentence.slice(Math.max(0, sentence.indexOf(m[1] + '年')), sentence.indexOf(m[1] + '年') + 24);
    if (NOT_TOPIC.test(clause.slice(0, 12)) || /^\d{4}年(?:度)?\d/.test(clause)) continue;
    add(Number(m[1]), 'body', yearAt);
  }
  for (const m of yearEnd ? text.matchAll(AS_OF_YEAR_END) : []) {
    if (!inBookTitle(m.index)) add(Number(m[1]), 'body', m.index);
  }
  for (const m of text.matchAll(WORK_YEAR)) {
    const yearAt = m.index + m[0].indexOf(m[1] + '年');
    if (!inBookTitle(yearAt)) add(Number(m[1]), 'body', yearAt);
  }
  return out.sort((a, b) => a.source.line - b.source.line || a.source.column - b.source.column);
}

/** Years of this century in Chinese numerals (二〇二〇年, 二零二一年) as digits; four characters for four, so every
 * index stays. Only a text holding 〇 or 零 pays: every such year has one (its hundreds digit). */
function digitYears(text: string): string {
  if (!text.includes('〇') && !text.includes('零')) return text;
  return text.replace(/二[〇零][一二三四五六七八九〇零]{2}(?=年)/g, (y) =>
    [...y].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)).join(''));
}

/**
 * The year of the body's statements: the year most of its first three statements name (the first on a tie),
 * or null when it states none.
 */
export function bodyYear(statements: YearStatement[]): number | null {
  const first = statements.filter((s) => s.from === 'body').slice(0, 3);
  if (!first.length) return null;
  const count = (y: number) => first.filter((s) => s.year === y).length;
  return first.reduce((best, s) => (count(s.year) > count(best) ? s.year : best), first[0].year);
}

/** A year named with the fees of section 六: 2022年没有收取…信息处理费 / 依据《…办法》，2021年度未收取信息处理费. */
const FEE_YEAR = /(\d{4})年(?:度)?[^。；;《》\d]{0,24}?(?:信息处理费|收取|收费)/;

/**
 * The year section 六 states the fees of (fees are always the report year's), for a text whose sections before 五
 * state no year; null without one. Section 五 (plans for the next year) is never read.
 */
export function feeYear(rows: Row[], lines: SqueezedLines): number | null {
  const six = rows.findIndex((r) => r.tokens[0]?.kind === 'section' && r.tokens[0].section === 6);
  if (six < 0) return null;
  for (let i = six; i < rows.length; i++) {
    if (i > six && rows[i].tokens[0]?.kind === 'section') break;
    const m = FEE_YEAR.exec(lines.at(i));
    if (m) return Number(m[1]);
  }
  return null;
}

/** The statistics period's year (the first one stated), or null. */
export function periodYear(statements: YearStatement[]): number | null {
  return statements.find((s) => s.from === 'period')?.year ?? null;
}
