// Finds the title, the reporting body and the year. The title first (also when split over two lines or
// preceded by the body's name on its own line, tolerating 年度/工作 variants and page chrome); without one, the
// report's name quoted in its text, its signature, then its statements about itself (本报告由…编制,
// "2021年，某某局…", 我局/我镇 joined with the region the text names, 请与…联系). An agency is only ever a string
// shaped like a body's name (agency.ts); the year comes from the title, the statistics period or the body (year.ts).
import type { AgencyFrom, YearFrom, YearStatement } from '../model/report.js';
import { asBodyName, titleBodyName, type BodyName } from './agency.js';
import { fromText } from './agency-text.js';
import type { Row } from './tokens.js';
import { bodyYear, feeYear, findYearStatements, periodYear } from './year.js';
import { SqueezedLines } from './lines.js';
import { squeeze } from '../text/normalise.js';
import { REPORT_WORDS, YEAR_AND_REPORT_WORDS } from '../model/report-name.js';

const ORG_SUFFIX = '(?:人民政府办公室|人民政府办公厅|政府办公室|人民政府|街道办事处|办事处|委员会|管理委员会|管理局|办公室|办公厅|政府|局|委|厅|署|院|中心|所|站|会)';
const ORG = `[\\u4e00-\\u9fa5]{1,24}?${ORG_SUFFIX}`;
/** A title's year and the report's words, in squeezed text (no spaces): 2022年度政府信息公开工作年度报告 */
const TITLE_TAIL = new RegExp(YEAR_AND_REPORT_WORDS);
const ORG_LINE = new RegExp(`^${ORG}$`);
/** A breadcrumb trail (首页 > 政务公开 > …), and what separates its steps. */
const CRUMB_SEPARATOR = /\s*[>＞»›]\s*/;
const BREADCRUMB = /^(?:当前位置|您的位置|您当前的位置|你的位置|你当前的位置|所在位置)[:：]|^(?:首页|网站首页|主页)[>＞»›]|[>＞»›].*[>＞»›]/;
/** A line with a step separator is tried as a trail (most lines have none); else only a 位置 line is one. */
const isBreadcrumb = (s: string) =>
  CRUMB_STEP.test(s) ? BREADCRUMB.test(s) : s.includes('位置') && BREADCRUMB.test(s);
const CRUMB_STEP = /[>＞»›]/;
/** A line that ends inside a title's words after its year, and a line holding only the rest of them. */
const TITLE_SPLIT = /\d{4}年[年度的政府信息务公开工作]*$/;
const TITLE_REST = /^[年度的政府信息务公开工作]*(?:报告|年报)$/;
const YEAR_AFTER = new RegExp(`${REPORT_WORDS}[（(](\\d{4})年?度?[）)]`);
/** The report's name quoted in its text: 《东宝区2024年政府信息公开工作年度报告》 (a place may stand after the year) */
const QUOTED_NAME = new RegExp(`《[^《》]{0,30}?(\\d{4})年度?[^《》]{0,8}?${REPORT_WORDS}》`);
/** The year before the body's name: 2022年上海市政府信息公开工作年度报告 (the name is read from the text). */
const YEAR_FIRST = /^(\d{4})年度?([\u4e00-\u9fa5]{2,30}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
/** A word that starts with a body's name followed by the report year. */
const ORG_START = new RegExp(`^${ORG}\\d{4}`);
const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,12}(?:省|市|县|区|镇|乡|街道|自治州|自治县|旗)$/;
const NOT_AGENCY = /中华人民共和国|国务院|《|》|条例|通知|规定|网站|门户|^[我本该全各此其]|^(?:县|区|市|乡|镇)?政府$|^人民政府$/;

export interface Metadata {
  title: string | null;
  agency: string | null;
  year: number | null;
  titlePos: Row['pos'] | null;
  yearFrom: YearFrom | null;
  agencyFrom: AgencyFrom | null;
  agencyCandidates: string[];
  yearStatements: YearStatement[];
}


function titleParts(printed: string): { agency: string; year: number; after: string } | null {
  const text = yearDigits(printed);
  // words before the body's name separated by a space (site names, injected spam) are not part of it
  const spaced = text.trim().split(/\s+/);
  const lastWord = spaced.findIndex(
    (w) => TITLE_TAIL.test(squeeze(spaced.slice(spaced.indexOf(w)).join(''))) && /^[\u4e00-\u9fa5]/.test(w) &&
      ORG_START.test(w),
  );
  const from = lastWord > 0 && !TITLE_TAIL.test(squeeze(spaced.slice(0, lastWord).join('')))
    ? spaced.slice(lastWord).join('')
    : text;
  const s = squeeze(from).replace(/^.*[:：]/, '').replace(/^[【\[（(][^】\]）)]*[】\]）)]/, '').replace(/^关于/, '');
  const m = TITLE_TAIL.exec(s);
  if (!m || m.index > 40) {
    // the year after the name: 'X政府信息公开工作年度报告（2022年度）'
    const y = YEAR_AFTER.exec(s);
    if (y && y.index <= 40) {
      return { agency: s.slice(0, y.index).replace(/^《/, '').replace(/(关于|的)$/, ''), year: Number(y[1]), after: '' };
    }
    const first = YEAR_FIRST.exec(s.replace(/^《/, ''));
    return first ? { agency: '', year: Number(first[1]), after: first[2] } : null;
  }
  const agency = s.slice(0, m.index).replace(/^《/, '').replace(/(关于|的)$/, '');
  const after = /^(\d{4})年度?([\u4e00-\u9fa5]{2,20}?)(?:政府)?信息公开/.exec(s.slice(m.index))?.[2] ?? '';
  return { agency, year: Number(m[1]), after };
}

/** A year printed in Chinese numerals (二〇二三年) in Arabic digits, for reading a title. */
function yearDigits(s: string): string {
  // every year 2000–2099 so written has a zero (二〇二三): a line without one is left as it is, unscanned by HAN_YEAR
  return HAN_ZERO.test(s) ? s.replace(HAN_YEAR, (y) => [...y].map((c) => HAN_DIGITS.indexOf(c) + 1).join('')) : s;
}
const HAN_ZERO = /[〇零○Ｏ]/;
/** 一 to 九 (their index + 1); a zero is none of them (-1 + 1) */
const HAN_DIGITS = '一二三四五六七八九';
const HAN_YEAR = /[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)/g;

/**
 * The body a title's words before its year name. Words before the name (site names, spam) are not the body's: the
 * name they end with; a body with a second name in brackets (南通市生态环境局（南通市核与辐射安全监督局）) is filed
 * under its first.
 */
function bodyOfTitle(words: string) {
  return titleBodyName(words) ?? titleBodyName(words.replace(/[（(][^（()）]*[）)]$/, ''));
}

/** `squeezed`: squeeze(row.text), when the caller has it */
function isTitleRow(row: Row, squeezed = squeeze(row.text)): boolean {
  const s = yearDigits(squeezed);
  return s.length <= 70 && (TITLE_TAIL.test(s) || YEAR_AFTER.test(s) || YEAR_FIRST.test(s.replace(/^《/, '')))
    && !/^根据|^按照|^本报告/.test(s);
}

/** `lines`: the rows squeezed (shared with the other finders of the same report). */
export function findMetadata(rows: Row[], lines = new SqueezedLines(rows)): Metadata {
  const head = rows.slice(0, 40);
  let title: string | null = null;
  let titlePos: Row['pos'] | null = null;
  let agency: string | null = null;
  let titleBody: BodyName | null = null; // the body a title row names, read once (bodyOfTitle)
  let year: number | null = null;

  // a page's breadcrumb trail ending in a report's name (its column, often another year's): the title only when
  // no line is one
  let crumb: { row: Row; text: string } | null = null;
  for (let i = 0; i < head.length && !agency; i++) {
    let row = head[i];
    let text = row.text.trim();
    // squeeze(text) too: trim takes off only whitespace, which squeeze removes anyway
    let squeezed: string | undefined = lines.at(i);
    if (isBreadcrumb(squeezed)) {
      const last = text.split(CRUMB_SEPARATOR).at(-1)!.trim();
      if (!crumb && isTitleRow({ ...row, text: last })) crumb = { row, text: last };
      continue;
    }
    // a title split over two lines: '左贡县人民政府2021年度' + '信息公开年度报告', or later in its words
    // ('…2023年度政府信息公开' + '工作年度报告': the second line holds nothing but the title's last words)
    if (!isTitleRow(row, squeezed) && i + 1 < head.length &&
      (/年度?$/.test(squeezed) || (TITLE_SPLIT.test(squeezed) && TITLE_REST.test(lines.at(i + 1)))) &&
      isTitleRow({ ...head[i + 1], text: text + head[i + 1].text })) {
      text = text + head[i + 1].text.trim();
      row = { ...row, text };
      squeezed = undefined;
    }
    if (!isTitleRow(row, squeezed)) continue;
    const parts = titleParts(text);
    if (!parts) continue;
    title ??= squeeze(text).replace(/^.*[:：]/, '');
    titlePos ??= row.pos;
    year ??= parts.year;
    // words before the year that name no body (a column's name: 政务公开2022年度…年报) leave the title to a later line
    const named = parts.agency && !NOT_AGENCY.test(parts.agency) ? bodyOfTitle(parts.agency) : null;
    if (named) {
      agency = parts.agency;
      titleBody = named;
      title = squeeze(text).replace(/^.*[:：]/, '');
      titlePos = row.pos;
      year = parts.year;
      break;
    }
    // the body's name on its own line just before (or after) a title that lacks it
    const prev = head[i - 1] ? lines.at(i - 1) : '';
    const next = head[i + 1] ? lines.at(i + 1) : '';
    // a place alone on the line above (五常市民意乡): its body is completed from the text below
    if ((ORG_LINE.test(prev) || (PLACE_ONLY.test(prev) && asBodyName(prev, true)?.kind === 'region')) &&
      !NOT_AGENCY.test(prev)) {
      agency = prev;
      // this title's, not an earlier one's that named no body (2020年金石镇政府信息公开… above it)
      title = prev + squeeze(text).replace(/^.*[:：]/, '');
      titlePos = head[i - 1].pos;
    }
    else if (ORG_LINE.test(next) && !NOT_AGENCY.test(next) && head[i + 2] && isTitleRow(head[i + 2], lines.at(i + 2)))
      agency = next;
    else if (parts.after && i === 0) agency = null; // '2020年金石镇政府信息公开…': keep looking for the full name
  }

  if (!title && crumb) {
    const parts = titleParts(crumb.text);
    if (parts) {
      [title, titlePos, year] = [squeeze(crumb.text), crumb.row.pos, parts.year];
      if (parts.agency && !NOT_AGENCY.test(parts.agency)) agency = parts.agency;
    }
  }

  const stopAt = sectionFive(rows);
  const statements = findYearStatements(rows, stopAt, lines);
  let agencyFrom: AgencyFrom | null = null;
  if (agency) {
    const body = titleBody ?? bodyOfTitle(agency);
    agency = body?.name ?? null;
    if (agency) agencyFrom = 'title';
  }

  // the report's own sentences, searched only when the title left something open (most titles name the body)
  let proseMemo: string | null = null;
  // squeeze maps each character on its own (whitespace, line breaks too, goes): the lines joined squeezed are the
  // squeezed lines joined, and those are made already
  const prose = (): string => {
    if (proseMemo === null) {
      proseMemo = '';
      for (let i = 0; i < rows.length && i < 120; i++) proseMemo += lines.at(i);
    }
    return proseMemo;
  };
  const found = agency && !PLACE_ONLY.test(agency) ? null : fromText(rows, joinProse(rows, 120, lines), lines);
  if (found && agency && PLACE_ONLY.test(agency)) {
    // a bare place name in the title ('钟祥镇'): the text may name the body fully
    const full = found.candidates.find((n) => n.startsWith(agency!) && n !== agency);
    if (full) agency = full;
  } else if (found && !agency) {
    agency = found.agency;
    agencyFrom = found.from;
  }
  const candidates = [...new Set([...(agency ? [agency] : []), ...(found?.candidates ?? [])])].slice(0, 8);

  let yearFrom: YearFrom | null = year !== null ? 'title' : null;
  if (year === null) {
    // the report's name quoted in its text is its title: 现发布《东宝区2024年政府信息公开工作年度报告》
    const named = QUOTED_NAME.exec(prose());
    const period = periodYear(statements);
    const body = bodyYear(statements);
    if (named) [year, yearFrom] = [Number(named[1]), 'title'];
    else if (period !== null) [year, yearFrom] = [period, 'period'];
    else if (body !== null) [year, yearFrom] = [body, 'body'];
    else {
      const fees = feeYear(rows, lines);
      if (fees !== null) [year, yearFrom] = [fees, 'body'];
    }
  }
  if (year !== null && (year < 2008 || year > 2100)) [year, yearFrom] = [null, null];
  if (title && titlePos) {
    const y = /(\d{4})\s*年/.exec(yearDigits(squeeze(title)));
    if (y) statements.unshift({ year: Number(y[1]), from: 'title', figures: false, text: title, source: titlePos });
  }
  return {
    title, agency, year, titlePos, yearFrom, agencyFrom, agencyCandidates: candidates, yearStatements: statements,
  };
}

/**
 * Lines joined into text without whitespace: hard-wrapped lines run on (PDF text breaks names), but a line that
 * starts a statement (a year, a heading) or follows a finished sentence starts on a new line.
 */
function joinProse(rows: Row[], count: number, lines: SqueezedLines): string {
  let out = '';
  let last = ''; // the line `out` ends with: its end is tested, not the whole text joined so far
  for (let i = 0; i < rows.length && i < count; i++) {
    const row = rows[i];
    const line = lines.at(i);
    if (!line) continue;
    const starts = /^(?:\d{4}年|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六]部分)/.test(line);
    // a line after a report's name (a title, a column's name) starts anew too: …年报|射洪市审计局… is no name
    const ended = /[。；：:！？]$|报告$|年报$/.test(last);
    out += out && (starts || ended || row.tokens[0]?.kind === 'section') ? '\n' + line : line;
    last = line;
  }
  return out;
}

/** The row index of section 五's heading (plans for next year follow it), else the end. */
function sectionFive(rows: Row[]): number {
  const i = rows.findIndex((r) => r.tokens[0]?.kind === 'section' && (r.tokens[0].section ?? 0) >= 5);
  return i < 0 ? rows.length : i;
}
