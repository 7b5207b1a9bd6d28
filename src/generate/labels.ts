// Printed labels of the official tables, in the report's label style: full- or half-width brackets and
// punctuation, the 社会组织 and Henan (保留4位小数) variants, header cells' natural break points.
import { tableDef, type TemplateVersion } from '../model/template.js';
import type { LabelStyle } from './model.js';

export const CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Apply the bracket and punctuation style to an official label. */
export function styled(label: string, style: LabelStyle): string {
  if (style.brackets === 'full') return label;
  let s = label.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/，/g, ',');
  if (style.brackets === 'halfSpace') {
    s = s.replace(/^(\([一二三四五六七]\))/, '$1 ').replace(/,/g, ', ').replace(/\((区分)/, ' ($1');
  }
  return s;
}

/** Label variants of real reports (seeds 001, 004, dev 058): [official text, variant]. */
export const VARIANTS: Record<string, [string, string]> = {
  repealedYear: ['本年废止件数', '本年度废止件数'],
  lawShort: ['2.其他法律行政法规禁止公开', '2.其他法律法规禁止公开'],
  straightQuotes: ['3.危及“三安全一稳定”', '3.危及"三安全一稳定"'],
  otherComma1: ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请'],
  otherComma2: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请'],
};

function variant(label: string, style: LabelStyle): string {
  for (const id of style.variants) if (VARIANTS[id]?.[0] === label) return VARIANTS[id][1];
  return label;
}

export function rowLabel(version: TemplateVersion, table: string, row: string, style: LabelStyle): string {
  const r = tableDef(version, table)?.rows.find((x) => x.key === row);
  return styled(variant(r?.label ?? row, style), style);
}

export function columnLabel(version: TemplateVersion, table: string, column: string, style: LabelStyle): string {
  if (table === 'applications' && column === 'publicWelfareOrg' && style.socialOrg) return '社会组织';
  if (style.henan && table === 'art20_8' && column === 'amount') return styled('本年收费金额（单位：万元，保留4位小数）', style);
  if (style.henan && table === 'art20_9' && column === 'totalAmount') return styled('采购总金额（单位：万元，保留4位小数）', style);
  const c = tableDef(version, table)?.columns.find((x) => x.key === column);
  return styled(variant(c?.label ?? column, style), style);
}

export function caption(version: TemplateVersion, table: string, style: LabelStyle): string {
  return styled(tableDef(version, table)?.caption ?? table, style);
}

/** Where a header or label cell breaks when a narrow column wraps it. */
export function breakParts(text: string): string[] {
  const known: Record<string, string[]> = {
    社会公益组织: ['社会公益', '组织'], 法律服务机构: ['法律服务', '机构'], 商业企业: ['商业', '企业'], 科研机构: ['科研', '机构'],
    社会组织: ['社会', '组织'], 结果维持: ['结果', '维持'], 结果纠正: ['结果', '纠正'], 其他结果: ['其他', '结果'], 尚未审结: ['尚未', '审结'],
    法人或其他组织: ['法人或其他', '组织'], 未经复议直接起诉: ['未经复议', '直接起诉'],
  };
  return known[text] ?? [text];
}

export const SECTION_TITLES: Record<number, string[]> = {
  1: ['一、总体情况'],
  2: ['二、主动公开政府信息情况'],
  3: ['三、收到和处理政府信息公开申请情况'],
  4: ['四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  5: ['五、存在的主要问题及改进情况', '五、政府信息公开工作存在的主要问题及改进情况'],
  6: ['六、其他需要报告的事项'],
};
