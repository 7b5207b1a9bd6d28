// Finds the title, the reporting body and the year. The title first (also when split over two lines or
// preceded by the body's name on its own line, tolerating 年度/工作 variants and page chrome); without one, the
// report's name quoted in its text, its signature, then its statements about itself (本报告由…编制,
// "2021年，某某局…", 我局/我镇 joined with the region the text names, 请与…联系). An agency is only ever a string
// shaped like a body's name (agency.ts); the year comes from the title, the statistics period or the body (year.ts).
import type { AgencyFrom, YearFrom, YearStatement } from '../model/report.js';
import { asBodyName, titleBodyName } from './agency.js';
import { fromText } from './agency-text.js';
import type { Row } from './tokens.js';
import { bodyYear, feeYear, findYearStatements, periodYear } from './year.js';
import { SqueezedLines } from './lines.js';
import { squeeze } from '../text/normalise.js';

const ORG_SUFFIX = '(?:人民政府办公室|人民政府办公厅|政府办公室|人民政府|街道办事处|办事处|委员会|管理委员会|管理局|办公室|办公厅|政府|局|委|厅|署|院|中心|所|站|会)';
const ORG = `[\\u4e00-\\u9fa5]{1,24}?${ORG_SUFFIX}`;
const TITLE_TAIL = /(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府)?\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)/;
const ORG_LINE = new RegExp(`^${ORG}$`);
const YEAR_AFTER = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)[（(](\d{4})年?度?[）)]/;
/** The year before the body's name: 2022年上海市政府信息公开工作年度报告 (the name is read from the text). */
const YEAR_FIRST = /^(\d{4})年度?([\u4e00-\u9fa5]{2,30}?)(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
/** A word that starts with a body's name followed by the report year. */
const ORG_START = new RegExp(`^${ORG}\\d{4}`);
const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,12}(?:省|市|县|区|镇|乡|街道|自治州|自治县|旗)$/;
const NOT_AGENCY = /中华人民共和国|国务院|《|》|条例|通知|规定|^[我本该全各此其]|^(?:县|区|市|乡|镇)?政府$|^人民政府$/;

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


function titleParts(text: string): { agency: string; year: number; after: string } | null {
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

/** `squeezed`: squeeze(row.text), when the caller has it */
function isTitleRow(row: Row, squeezed = squeeze(row.text)): boolean {
  const s = squeezed;
  return s.length <= 70 && (TITLE_TAIL.test(s) || YEAR_AFTER.test(s) || YEAR_FIRST.test(s.replace(/^《/, '')))
    && !/^根据|^按照|^本报告/.test(s);
}

/** `lines`: the rows squeezed (shared with the other finders of the same report). */
export function findMetadata(rows: Row[], lines = new SqueezedLines(rows)): Metadata {
  const head = rows.slice(0, 40);
  let title: string | null = null;
  let titlePos: Row['pos'] | null = null;
  let agency: string | null = null;
  let year: number | null = null;

  for (let i = 0; i < head.length && !agency; i++) {
    let row = head[i];
    let text = row.text.trim();
    // squeeze(text) too: trim takes off only whitespace, which squeeze removes anyway
    let squeezed: string | undefined = lines.at(i);
    // a title split over two lines: '左贡县人民政府2021年度' + '信息公开年度报告'
    if (!isTitleRow(row, squeezed) && i + 1 < head.length && /年度?$/.test(squeezed) &&
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
    if (parts.agency && !NOT_AGENCY.test(parts.agency)) {
      agency = parts.agency;
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

  const stopAt = sectionFive(rows);
  const statements = findYearStatements(rows, stopAt, lines);
  let agencyFrom: AgencyFrom | null = null;
  if (agency) {
    // a title's words before the name (site names, spam) are not the body's: keep the name it ends with
    const body = titleBodyName(agency);
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
    const named = /《[^《》]{0,30}?(\d{4})年度?[^《》]{0,8}?信息公开(?:工作)?年度报告》/.exec(prose());
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
    const y = /(\d{4})\s*年/.exec(squeeze(title));
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
  for (let i = 0; i < rows.length && i < count; i++) {
    const row = rows[i];
    const line = lines.at(i);
    if (!line) continue;
    const starts = /^(?:\d{4}年|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六]部分)/.test(line);
    out += out && (starts || /[。；：:！？]$/.test(out) || row.tokens[0]?.kind === 'section') ? '\n' + line : line;
  }
  return out;
}

/** The row index of section 五's heading (plans for next year follow it), else the end. */
function sectionFive(rows: Row[]): number {
  const i = rows.findIndex((r) => r.tokens[0]?.kind === 'section' && (r.tokens[0].section ?? 0) >= 5);
  return i < 0 ? rows.length : i;
}
