// One body, one identity: agencyKey() normalises a body's name so that the forms one body is printed under
// pair (淮安市洪泽区人民政府 = 洪泽区人民政府 = 洪泽区政府 = 洪泽区人民政府办公室). Node-free and data-free (the
// browser imports it): region prefixes are recognised by the suffix grammar of Chinese region names, not by a list.

/** Units of a region name by their suffix, longest first so 自治州 wins over 州 (and 郑州市 is one unit). */
const REGION_SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|州市|新区|林区|特区|地区|街道|苏木|省|市|州|盟|县|旗|区|镇|乡)';
/** A leading region unit: one to nine characters, then a region suffix (lazy: 淮安市洪泽区 → 淮安市). */
const LEAD_UNIT = new RegExp(`^[\\u4e00-\\u9fa5]{1,9}?${REGION_SUFFIX}`);
/** A government and the office that works for it are filed as the government (the office compiles its report). */
const GOVERNMENT = /(?:人民政府|政府)(?:办公室|办公厅)?$|(?:街道)?办事处$/;

/** Remove leading region units while another region unit follows (江苏省淮安市洪泽区统计局 → 洪泽区统计局). */
function stripOuterRegions(name: string): string {
  let s = name;
  for (let guard = 0; guard < 6; guard++) {
    const unit = LEAD_UNIT.exec(s);
    if (!unit) break;
    // a street's parent government printed between them: 广州市荔湾区人民政府南源街道办事处
    const rest = s.slice(unit[0].length).replace(/^人民政府(?=[\u4e00-\u9fa5]{1,9}?(?:街道|镇|乡))/, '');
    const inner = LEAD_UNIT.exec(rest);
    // the unit is an outer region only when what follows starts with a region of its own (not 市北区人民政府)
    if (!inner || inner[0].length >= rest.length) break;
    s = rest;
  }
  return s;
}

/**
 * The identity of a body's name: whitespace removed, outer regions dropped, and a government (人民政府, 政府,
 * its 办公室/办公厅, a street's 办事处) reduced to its region. Department abbreviations 委 → 委员会, 管委会 → 管理委员会.
 */
export function agencyKey(name: string): string {
  let s = name.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  s = s.replace(/管委会$/, '管理委员会').replace(/([^员])委$/, '$1委员会');
  s = stripOuterRegions(s);
  const gov = GOVERNMENT.exec(s);
  if (gov && gov.index > 0) {
    const region = s.slice(0, gov.index);
    // 南源街道办事处 → 南源街道; 南源街办事处 → 南源街道; a bare 办事处 needs its region in front
    s = /办事处$/.test(gov[0]) && !/街道$/.test(region) ? region.replace(/街$/, '') + '街道' : region;
  }
  return s;
}

/** Whether two printed names denote the same body (see agencyKey). */
export function sameAgency(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && agencyKey(a) === agencyKey(b);
}
