// Finds the title, the reporting body and the year. The title first (also when split over two lines or
// preceded by the body's name on its own line, tolerating 年度/工作 variants and page chrome); without one, the
// report's name quoted in its text, its signature, then its statements about itself (本报告由…编制,
// "2021年，某某局…", 我局/我镇 joined with the region the text names, 请与…联系). An agency is only ever a string
// shaped like a body's name (agency.ts); the year comes from the title, the statistics period or the body (year.ts).
import type { AgencyFrom, YearFrom, YearStatement } from '../model/report.js';
import { asBodyName, bodyNameEnding, bodyNameStarting, bodyNamesIn, isKnownRegion, type BodyName } from './agency.js';
import type { Row } from './tokens.js';
import { bodyYear, findYearStatements, periodYear } from './year.js';
import { SqueezedLines } from './lines.js';
import { matchAllNear } from '../text/anchored.js';
import { squeeze } from '../text/normalise.js';

const ORG_SUFFIX = '(?:人民政府办公室|人民政府办公厅|政府办公室|人民政府|街道办事处|办事处|委员会|管理委员会|管理局|办公室|办公厅|政府|局|委|厅|署|院|中心|所|站|会)';
const ORG = `[\\u4e00-\\u9fa5]{1,24}?${ORG_SUFFIX}`;
const TITLE_TAIL = /(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府)?\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)/;
const ORG_LINE = new RegExp(`^${ORG}$`);
const YEAR_AFTER = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)[（(](\d{4})年?度?[）)]/;
/** A word that starts with a body's name followed by the report year. */
const ORG_START = new RegExp(`^${ORG}\\d{4}`);
const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,12}(?:省|市|县|区|镇|乡|街道|自治州|自治县|旗)$/;
const NOT_AGENCY = /中华人民共和国|国务院|《|》|条例|通知|规定|^[我本该全各此其]|^(?:县|区|市|乡|镇)?政府$|^人民政府$/;
const BY_REPORT_NAME = /([^《》]{2,30}?)\d{4}年度?(?:政府)?信息公开(?:工作)?年度报告(?!编制|的通知|工作的)/g;
/** The literal part of BY_REPORT_NAME, 2–30 characters into each of its matches (text/anchored.ts). */
const REPORT_NAME_ANCHOR = /\d{4}年度?(?:政府)?信息公开(?:工作)?年度报告/g;

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
    return y && y.index <= 40
      ? { agency: s.slice(0, y.index).replace(/^《/, '').replace(/(关于|的)$/, ''), year: Number(y[1]), after: '' }
      : null;
  }
  const agency = s.slice(0, m.index).replace(/^《/, '').replace(/(关于|的)$/, '');
  const after = /^(\d{4})年度?([\u4e00-\u9fa5]{2,20}?)(?:政府)?信息公开/.exec(s.slice(m.index))?.[2] ?? '';
  return { agency, year: Number(m[1]), after };
}

/** `squeezed`: squeeze(row.text), when the caller has it */
function isTitleRow(row: Row, squeezed = squeeze(row.text)): boolean {
  const s = squeezed;
  return s.length <= 70 && (TITLE_TAIL.test(s) || YEAR_AFTER.test(s)) && !/^根据|^按照|^本报告/.test(s);
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
    if (ORG_LINE.test(prev) && !NOT_AGENCY.test(prev)) {
      agency = prev;
      title = prev + title;
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
    const body = asBodyName(agency, true) ?? bodyNameEnding(agency);
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

const SELF = /我(街道|镇|乡|区|县|市|局|委|办|中心)/;
/** A word ending in a region suffix, and the suffix (2–5 characters into each word: text/anchored.ts). */
const PLACE_WORD = /[\u4e00-\u9fa5]{2,5}?(?:街道|镇|乡|区|县|市)/g;
const PLACE_SUFFIX = /街道|镇|乡|区|县|市/g;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

interface Found { agency: string | null; from: AgencyFrom | null; candidates: string[] }

/** The agency from the text when the title gives none: report name, signature, self-reference; else candidates. */
function fromText(rows: Row[], text: string, lines: SqueezedLines): Found {
  const named = bodyNamesIn(text);
  const ranked = [...named].sort((a, b) => b.count - a.count || a.index - b.index).map((n) => n.name.name);
  const done = (agency: string | null, from: AgencyFrom | null): Found =>
    ({ agency, from: agency ? from : null, candidates: [...new Set([...(agency ? [agency] : []), ...ranked])] });
  // a region named alone (a place in a title, a year sentence's subject): the body the text names for it
  const complete = (b: BodyName): string => {
    if (b.kind !== 'region') return b.name;
    const gov = named.filter((n) => (n.name.kind === 'government' || n.name.kind === 'street') &&
      n.name.name.includes(b.name) &&
      !/办公室|办公厅$/.test(n.name.name)).sort((x, y) => y.name.name.length - x.name.name.length)[0];
    return gov?.name.name ?? (/街道$/.test(b.name) ? `${b.name}办事处` : `${b.name}人民政府`);
  };

  // the report's name quoted in its text: 现发布《东宝区2024年政府信息公开工作年度报告》
  for (const m of matchAllNear(text, BY_REPORT_NAME, REPORT_NAME_ANCHOR, 30)) {
    const frag = m[1].replace(/^.*[《「“"]/, '');
    const b = asBodyName(frag) ?? bodyNameEnding(frag);
    if (b) return done(b.name, 'title');
  }
  // the body whose work the text reports: 现将云县2022年度政府信息公开工作情况报告如下
  for (const m of text.matchAll(WORK_SUBJECT)) {
    const b = asBodyName(m[1]) ?? bodyNameEnding(m[1]);
    if (b) return done(complete(b), 'self-reference');
  }
  // the signature: a line that is a body's name, beside the date
  const from = Math.max(0, rows.length - 15);
  for (let i = rows.length - 1; i >= from; i--) {
    const b = asBodyName(lines.at(i));
    const dated = [i - 1, i + 1, i + 2].some((j) => j >= from && j < rows.length && DATE_LINE.test(lines.at(j)));
    if (b && b.kind !== 'region' && dated) return done(b.name, 'signature');
  }
  // the text's statements about itself
  const subject = yearSubject(text);
  const editor = [...text.matchAll(BY_EDITOR_FRAGMENT)].map((m) => bodyNameEnding(m[1])).find((b) => b);
  if (subject && subject.kind !== 'region') return done(subject.name, 'self-reference');
  if (subject) return done(complete(subject), 'self-reference');
  const self = selfReference(text, named.map((n) => n.name));
  if (editor) {
    // the office compiles its government's report: 本报告由某区人民政府办公室编制 + 我区… → the government
    const office = /^(.*(?:人民政府|政府))(?:办公室|办公厅)$/.exec(editor.name);
    const ofOffice = office && self?.kind === 'government' && self.name.startsWith(office[1].replace(/(人民)?政府$/, ''));
    if (ofOffice && self) return done(self.name, 'self-reference');
    return done(editor.name, 'self-reference');
  }
  if (self) return done(self.name, 'self-reference');
  const contact = [...text.matchAll(BY_CONTACT_FRAGMENT)].map((m) => bodyNameEnding(m[1])).find((b) => b);
  if (contact) return done(contact.name, 'self-reference');
  // a region that is the subject of several sentences: 「东宝区全面推进…。东宝区依法办理…」
  const subjects = new Map<string, number>();
  for (const m of text.matchAll(REGION_SUBJECT)) {
    const b = asBodyName(m[1]);
    if (b?.kind === 'region') subjects.set(b.name, (subjects.get(b.name) ?? 0) + 1);
  }
  const region = [...subjects].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1])[0];
  if (region) return done(complete({ name: region[0], kind: 'region', region: region[0] }), 'self-reference');
  return done(null, null);
}

const WORK_SUBJECT = /(?:现将|汇报|报告)([\u4e00-\u9fa5]{2,30})\d{4}年度?(?:政府)?信息公开/g;
const REGION_SUBJECT = /(?:^|[。；\n])([\u4e00-\u9fa5]{1,8}?(?:街道|镇|乡|区|县|市))(?!人民政府|政府|办|[\u4e00-\u9fa5]{0,6}(?:局|委))/g;
const BY_EDITOR_FRAGMENT = /由([\u4e00-\u9fa5]{2,40}?)(?:根据|按照|依据|编制|负责)/g;
const BY_CONTACT_FRAGMENT = /请(?:与|向|联系)([\u4e00-\u9fa5]{2,40}?)(?:联系|\(|（|咨询|地址)/g;

/** The body a year sentence is about: 「2022年，淮阳区政府坚持…」 → 淮阳区政府 (the first such sentence). */
function yearSubject(text: string): BodyName | null {
  for (const m of text.matchAll(/(?:^|[。；\n）)])\d{4}年度?[，,]?([\u4e00-\u9fa5]{2,40})/g)) {
    const b = bodyNameStarting(m[1]);
    if (b) return b;
  }
  return null;
}

/** 我局/我镇/我区… joined with the body or region of that kind the text names (most often), or null. */
function selfReference(text: string, named: BodyName[]): BodyName | null {
  const kind = SELF.exec(text)?.[1];
  if (!kind) return null;
  const regionKinds: Record<string, RegExp> = { 街道: /街道$/, 镇: /镇$/, 乡: /乡$/, 区: /区$/, 县: /县$/, 市: /市$/ };
  const counts = new Map<string, number>();
  const count = (name: string): number => {
    let n = counts.get(name);
    if (n === undefined) counts.set(name, (n = name ? text.split(name).length - 1 : 0));
    return n;
  };
  if (regionKinds[kind]) {
    // the government of the region of that kind the text names most
    const govs = named.filter((n) => (n.kind === 'government' || n.kind === 'street') && !/办公室|办公厅$/.test(n.name));
    const regionOf = (n: BodyName) => n.name.replace(/(?:人民政府|政府|办事处)$/, '').replace(/.*(?:人民政府)/, '');
    // a street's name may drop 道 before 办事处 (南源街办事处)
    const asRegion = (n: BodyName) => (kind === '街道' ? regionOf(n).replace(/街道?$/, '街道') : regionOf(n));
    const fitting = govs.filter((n) => regionKinds[kind].test(asRegion(n)));
    fitting.sort((a, b) => count(lastRegion(regionOf(b))) - count(lastRegion(regionOf(a))) ||
      b.name.length - a.name.length);
    if (fitting[0]) return fitting[0];
    // places the text names: GB/T 2260 names only (a word run before 街道 is no street by its shape)
    const words = new Set([...matchAllNear(text, PLACE_WORD, PLACE_SUFFIX, 5)].map((m) => m[0]));
    const known = [...words].map(
      (w) => [...w].map((_, i) => w.slice(i)).find((t) => t.length >= 2 && isKnownRegion(t)),
    );
    const places = [...new Set(known)].map((w) => (w ? asBodyName(w + '人民政府') : null))
      .filter((b): b is BodyName => !!b && regionKinds[kind].test(b.region));
    const best = places.sort((a, b) => count(b.region) - count(a.region))[0];
    if (!best) return null;
    const street = kind === '街道';
    return {
      name: street ? `${best.region}办事处` : best.name,
      kind: street ? 'street' : 'government',
      region: best.region,
    };
  }
  const suffix: Record<string, RegExp> = { 局: /局$/, 委: /委员会$|委$/, 办: /办公室$|办$/, 中心: /中心$/ };
  const depts = named.filter((n) => n.kind === 'department' && suffix[kind].test(n.name));
  depts.sort((a, b) => count(b.name) - count(a.name) || b.name.length - a.name.length);
  const dept = depts[0];
  if (!dept) return null;
  if (dept.region || !/^[县区市]/.test(dept.name)) return dept;
  // 县统计局: the county the text names
  const level = dept.name[0];
  const region = named.map((n) => n.region).filter((r) => r.endsWith(level)).sort((a, b) => count(b) - count(a))[0];
  return region ? { name: lastRegion(region) + dept.name.slice(1), kind: 'department', region } : dept;
}

/** The innermost region of a chain: 淮安市洪泽区 → 洪泽区 (by the region suffixes). */
function lastRegion(chain: string): string {
  const inner = chain.replace(/^(?:[\u4e00-\u9fa5]{1,9}?(?:省|市|州|盟))(?=[\u4e00-\u9fa5]{2})/, '');
  return /[\u4e00-\u9fa5]{1,9}?(?:街道|镇|乡|区|县|市|州|省)$/.exec(inner)?.[0] ?? chain;
}
