// Finds the title, the reporting body and the year: from the title (also when split over two lines or
// preceded by the body's name on its own line), else from the report's own sentences (本报告由…编制,
// …X年政府信息公开工作年度报告, "2021年，某某局…", 请与…联系), tolerating 年度/工作 variants and page chrome.
import type { Row } from './tokens.js';

const ORG_SUFFIX = '(?:人民政府办公室|人民政府办公厅|政府办公室|人民政府|街道办事处|办事处|委员会|管理委员会|管理局|办公室|办公厅|政府|局|委|厅|署|院|中心|所|站|会)';
const ORG = `[\\u4e00-\\u9fa5]{1,24}?${ORG_SUFFIX}`;
const TITLE_TAIL = /(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府)?\s*信\s*息\s*公\s*开\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)/;
const ORG_LINE = new RegExp(`^${ORG}$`);
const YEAR_AFTER = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)[（(](\d{4})年?度?[）)]/;
/** A word that starts with a body's name followed by the report year. */
const ORG_START = new RegExp(`^${ORG}\\d{4}`);
const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,12}(?:省|市|县|区|镇|乡|街道|自治州|自治县|旗)$/;
const NOT_AGENCY = /中华人民共和国|国务院|《|》|条例|通知|规定|^[我本该全各此其]|^(?:县|区|市|乡|镇)?政府$|^人民政府$/;
const NAME_END = new RegExp(`${ORG_SUFFIX}$|${PLACE_ONLY.source.slice(1, -1)}$`);
const BY_EDITOR = new RegExp(`由(${ORG})(?:根据|按照|依据|编制|负责)`, 'g');
const BY_REPORT_NAME = /([^《》]{2,30}?)\d{4}年度?(?:政府)?信息公开(?:工作)?年度报告(?!编制|的通知|工作的)/g;
const BY_YEAR_SENTENCE = new RegExp(`\\d{4}年(?:度)?[，,](${ORG})`, 'g');
const BY_CONTACT = new RegExp(`请(?:与|向|联系)(${ORG})(?:联系|\\(|（|咨询|地址)`, 'g');
const ANY_ORG = /([\u4e00-\u9fa5]{0,20}?(?:省|市|县|区|镇|乡|街道)[\u4e00-\u9fa5]{0,12}?(?:人民政府办公室|人民政府|街道办事处|办事处|管理局|委员会|局))/g;
const BOUNDARY = /.*(?:编制了|编制|公布|发布|现将|印发|根据|关于|特向社会公开|公开|的|由|是|[，。,、；：:（）()《》“”"\s])/;

export interface Metadata { title: string | null; agency: string | null; year: number | null; titlePos: Row['pos'] | null }

/** No spaces, ASCII digits (full-width ２０２２ reads as 2022). */
const squeeze = (s: string) => s.replace(/\s+/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The last plausible body name in a text fragment ('…规定,吉林市卫生健康委编制了吉林市卫生健康委员会' → the last). */
function tailName(fragment: string): string | null {
  const tail = fragment.replace(BOUNDARY, '');
  return tail.length >= 2 && !NOT_AGENCY.test(tail) ? tail : null;
}

function titleParts(text: string): { agency: string; year: number; after: string } | null {
  // words before the body's name separated by a space (site names, injected spam) are not part of it
  const spaced = text.trim().split(/\s+/);
  const lastWord = spaced.findIndex((w) => TITLE_TAIL.test(squeeze(spaced.slice(spaced.indexOf(w)).join(''))) && /^[\u4e00-\u9fa5]/.test(w) && ORG_START.test(w));
  const from = lastWord > 0 && !TITLE_TAIL.test(squeeze(spaced.slice(0, lastWord).join(''))) ? spaced.slice(lastWord).join('') : text;
  const s = squeeze(from).replace(/^.*[:：]/, '').replace(/^[【\[（(][^】\]）)]*[】\]）)]/, '').replace(/^关于/, '');
  const m = TITLE_TAIL.exec(s);
  if (!m || m.index > 40) {
    // the year after the name: 'X政府信息公开工作年度报告（2022年度）'
    const y = YEAR_AFTER.exec(s);
    return y && y.index <= 40 ? { agency: s.slice(0, y.index).replace(/^《/, '').replace(/(关于|的)$/, ''), year: Number(y[1]), after: '' } : null;
  }
  const agency = s.slice(0, m.index).replace(/^《/, '').replace(/(关于|的)$/, '');
  const after = /^(\d{4})年度?([\u4e00-\u9fa5]{2,20}?)(?:政府)?信息公开/.exec(s.slice(m.index))?.[2] ?? '';
  return { agency, year: Number(m[1]), after };
}

function isTitleRow(row: Row): boolean {
  const s = squeeze(row.text);
  return s.length <= 70 && (TITLE_TAIL.test(s) || YEAR_AFTER.test(s)) && !/^根据|^按照|^本报告/.test(s);
}

export function findMetadata(rows: Row[]): Metadata {
  const head = rows.slice(0, 40);
  let title: string | null = null;
  let titlePos: Row['pos'] | null = null;
  let agency: string | null = null;
  let year: number | null = null;

  for (let i = 0; i < head.length && !agency; i++) {
    let row = head[i];
    let text = row.text.trim();
    // a title split over two lines: '左贡县人民政府2021年度' + '信息公开年度报告'
    if (!isTitleRow(row) && i + 1 < head.length && /年度?$/.test(squeeze(text)) && isTitleRow({ ...head[i + 1], text: text + head[i + 1].text })) {
      text = text + head[i + 1].text.trim();
      row = { ...row, text };
    }
    if (!isTitleRow(row)) continue;
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
    const prev = head[i - 1] ? squeeze(head[i - 1].text) : '';
    const next = head[i + 1] ? squeeze(head[i + 1].text) : '';
    if (ORG_LINE.test(prev) && !NOT_AGENCY.test(prev)) {
      agency = prev;
      title = prev + title;
      titlePos = head[i - 1].pos;
    }
    else if (ORG_LINE.test(next) && !NOT_AGENCY.test(next) && head[i + 2] && isTitleRow(head[i + 2])) agency = next;
    else if (parts.after && i === 0) agency = null; // '2020年金石镇政府信息公开…': keep looking for the full name
  }

  // the report's own sentences, searched only when the title left something open (most titles name the body)
  let proseMemo: string | null = null;
  const prose = (): string => (proseMemo ??= squeeze(rows.slice(0, 120).map((r) => r.text).join('\n')));
  const fromProse = (re: RegExp, loose = false): string | null => {
    for (const m of prose().matchAll(re)) {
      const name = tailName(m[1]);
      if (name && !(loose && /[和及]/.test(name)) && !/情况|信息公开/.test(name) && NAME_END.test(name)) return name;
    }
    return null;
  };
  const byEditor = () => fromProse(BY_EDITOR);
  const byYearSentence = () => fromProse(BY_YEAR_SENTENCE);

  if (agency && PLACE_ONLY.test(agency)) {
    // a bare place name in the title ('钟祥镇'): the report's own sentence may name the body fully
    const full = [byEditor(), byYearSentence()].find((n) => n && n.startsWith(agency!) && n !== agency);
    if (full) agency = full;
  }
  agency ??= byEditor() ?? fromProse(BY_REPORT_NAME) ?? byYearSentence() ?? fromProse(BY_CONTACT) ?? fromProse(ANY_ORG, true);

  if (year === null) {
    const y =
      /(\d{4})年度?[^，。,；]{0,8}?信息公开(?:工作)?年度报告/.exec(prose()) ??
      /统计期限.{0,4}?(\d{4})年1月1日/.exec(prose()) ??
      /(?:^|[。\n])(\d{4})年度?[，,]/.exec(prose());
    if (y) year = Number(y[1]);
  }
  if (year !== null && (year < 2008 || year > 2100)) year = null;
  return { title, agency, year, titlePos };
}
