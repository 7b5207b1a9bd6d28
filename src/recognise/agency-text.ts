// The agency from a report's text when its title gives none (recognise/metadata.ts asks): the report's name quoted in
// the text, the work it reports on, the signature, the subject of its year sentences, 我局/我镇 joined with the body
// or place the text names, the office that compiled it, the contact — never a fragment: a name is one the region
// data or a body name's shape allows (recognise/agency.ts), else no agency, with the candidates.
import type { AgencyFrom } from '../model/report.js';
import { YEAR_AND_REPORT_WORDS } from '../model/report-name.js';
import {
  asBodyName, bodyNameEnding, bodyNameStarting, bodyNamesIn, isKnownRegion, regionEnding, type BodyName,
} from './agency.js';
import type { SqueezedLines } from './lines.js';
import type { Row } from './tokens.js';
import { matchAllNear } from '../text/anchored.js';

/** The body before the report's name quoted in prose (not the name of a plan or a notice about the report). */
const BY_REPORT_NAME = new RegExp(`([^《》]{2,30}?)${YEAR_AND_REPORT_WORDS}(?!编制|的通知|工作的)`, 'g');
/** The literal part of BY_REPORT_NAME, 2–30 characters into each of its matches (text/anchored.ts). */
const REPORT_NAME_ANCHOR = new RegExp(YEAR_AND_REPORT_WORDS, 'g');

const SELF = /我(街道|镇|乡|区|县|市|局|委|办|中心)/;
/** A name that starts with a level word instead of a place (县统计局): cut when the text prints it whole. */
const LEVEL_START = /^[省市州县区旗镇乡]/;
/** A word ending in a region suffix, and the suffix (2–5 characters into each word: text/anchored.ts). */
const PLACE_WORD = /[\u4e00-\u9fa5]{2,5}?(?:街道|镇|乡|区|县|市)/g;
const PLACE_SUFFIX = /街道|镇|乡|区|县|市/g;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

export interface Found { agency: string | null; from: AgencyFrom | null; candidates: string[] }

/** The agency from the text when the title gives none: report name, signature, self-reference; else candidates. */
export function fromText(rows: Row[], text: string, lines: SqueezedLines): Found {
  const named = bodyNamesIn(text);
  const ranked = [...named].sort((a, b) => b.count - a.count || a.index - b.index).map((n) => n.name.name);
  // 区市场监督管理局 where the text prints 桂水区市场监督管理局 is a cut name, not a candidate of its own
  const cut = (n: string, names: string[]) => LEVEL_START.test(n) && names.some((m) => m.length > n.length &&
    m.endsWith(n));
  const done = (agency: string | null, from: AgencyFrom | null): Found => {
    const all = [...new Set([...(agency ? [agency] : []), ...ranked])];
    return { agency, from: agency ? from : null, candidates: all.filter((n) => !cut(n, all)) };
  };
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
    // a place's report: 现公布肃南裕固族自治县2021年度政府信息公开工作年度报告 — the body as its title names it, as
    // for a title that names a place: the fuller name when the text prints one (its government's), else the place
    const place = regionEnding(frag);
    if (place) return done(ranked.find((n) => n.startsWith(place) && n !== place) ?? place, 'title');
  }
  // the body whose work the text reports: 现将云县2022年度政府信息公开工作情况报告如下
  for (const m of text.matchAll(WORK_SUBJECT)) {
    const b = asBodyName(m[1]) ?? bodyNameEnding(m[1]);
    if (b) return done(complete(b), 'self-reference');
  }
  // the signature: a line that is a body's name, beside the date (a whole line: its place may be one the data lacks)
  const from = Math.max(0, rows.length - 15);
  for (let i = rows.length - 1; i >= from; i--) {
    const b = asBodyName(lines.at(i), true);
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
    // 「2022年上海市政府信息公开工作年度报告」: 政府 is the 政府信息公开's, the subject the place
    if (b?.kind === 'government' && /政府$/.test(b.name) && m[1].startsWith('信息公开', b.name.length) && b.region)
      return { name: b.region, kind: 'region', region: b.region };
    if (b) return b;
    // a street printed without 道 (白云街, 南源街: Guangzhou's way), when the data knows it with 道
    const street = /^([\u4e00-\u9fa5]{2,4}?)街(?!道)/.exec(m[1]);
    if (street && isKnownRegion(`${street[1]}街道`)) {
      return { name: `${street[1]}街道`, kind: 'region', region: `${street[1]}街道` };
    }
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
  // without it, 县统计局 is a fragment of a name, not a body's name
  return region ? { name: lastRegion(region) + dept.name.slice(1), kind: 'department', region } : null;
}

/** The innermost region of a chain: 淮安市洪泽区 → 洪泽区 (by the region suffixes). */
function lastRegion(chain: string): string {
  const inner = chain.replace(/^(?:[\u4e00-\u9fa5]{1,9}?(?:省|市|州|盟))(?=[\u4e00-\u9fa5]{2})/, '');
  return /[\u4e00-\u9fa5]{1,9}?(?:街道|镇|乡|区|县|市|州|省)$/.exec(inner)?.[0] ?? chain;
}
