// The message catalogue: every finding carries a messageId and language-neutral data (keys, numbers, years);
// its words are rendered here, per language. Chinese names cells by their printed labels, never by keys.
// Findings keep their rendered `message`/`messageEn` too (JSON consumers, the CLI), filled from this catalogue.
import {
  GROUP_LABELS, REVIEW_GROUPS, cellText, cellTextEn, columnLabel, ordinal, rowLabel, tableLabel,
} from './labels.js';
import type { RuleId } from './report.js';
import { TEMPLATES, splitCellKey, type TableGroup, type TemplateVersion } from './template.js';

export type Lang = 'zh' | 'en';

/** A JSON value: what finding data may hold, so that a finding survives JSON and the network unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type MessageData = { [key: string]: JsonValue };

type V = { version: TemplateVersion };
type Sums = { lhs: number; rhs: number; blanks?: boolean };
type Quote = { quote: string };

/** The data each message takes. `blanks: true` on a relation failure adds the blank-is-not-zero note. */
export type MessageArgs = {
  'balance.column': V & Sums & { column: string };
  'outcome-total.column': V & Sums & { column: string };
  'row-total.row': V & Sums & { row: string };
  'review-totals.group': Sums & { group: string };
  'group-subtotal.cell': V & Sums & { row: string; column: string };
  'published-le-total.row': V & Sums & { row: string };
  'cross-year.carry': V & Sums & { key: string; previousYear: number };
  'cross-year.valid': V & Sums & { key: string; previousYear: number };
  'cross-year.items': V & Sums & { key: string; previousYear: number };
  'domain.notFinite': V & { key: string };
  'domain.negative': V & { key: string; value: number };
  'domain.notInteger': V & { key: string; value: number };
  'missing-table.lost': { group: TableGroup };
  'missing-table.unread': { group: TableGroup };
  'missing-section.section': V & { no: number };
  'partial-table.rows': V & {
    group: TableGroup; whole: string[]; part: { row: string; columns: string[] }[]; truncated: boolean;
  };
  'template-year.mismatch': { year: number; template: TemplateVersion; expected: TemplateVersion };
  'narrative-vs-table.noReview': Quote & { count: number };
  'narrative-vs-table.figure': Quote & {
    figure: string; value: number; table: number; where: 'applications' | 'review' | 'lawsuits';
  };
  'plausibility.townRegulations': { agency: string };
  'plausibility.decisionsLikeItems': V & { key: string; decisions: number; prior: number; change: number };
  'plausibility.zeroTotal': V & { key: string; parts: number };
  'blank-cell.row': V & {
    table: string;
    row: string;
    columns: string[];
    implied?: { column: string; value: number; by: 'row' | 'column' }[];
  };
  'title-pattern.missing': Record<string, never>;
  'title-pattern.problem': { title: string; titleYear: number | null; year: number | null };
  'not-a-report.none': Record<string, never>;
  'truncated.tablesGone': { groups: TableGroup[] };
  'empty-form.blank': { blanks: number };
  'misfiled.columns': V & {
    family: 'balance' | 'outcome-total'; table: string; plus: string; minus: string; amount: number; rows: string[];
  };
  'year-mismatch.years': Quote & { titleYear: number; year: number; where: 'period' | 'body' };
  'other-year-figures.statement': Quote & { year: number; reportYear: number };
} & { [K in RuleId as `rule.${K}`]: Record<string, never> };

export type MessageId = keyof MessageArgs;

type Words<D> = { zh(d: D): string; en(d: D): string };

const NARRATIVE: Record<string, { zh: string; en: string }> = {
  applicationsReceived: { zh: '本年新收申请', en: 'new applications' },
  carriedOver: { zh: '上年结转申请', en: 'applications carried over' },
  carriedForward: { zh: '结转下年度继续办理', en: 'applications carried forward' },
  reviews: { zh: '行政复议', en: 'administrative reviews' },
  lawsuits: { zh: '行政诉讼', en: 'lawsuits' },
};

const WHERE: Record<string, string> = {
  applications: '第三部分表格', review: '第四部分表格', lawsuits: '第四部分表格两项行政诉讼总计之和',
};

const APPLICATION_COLUMNS = TEMPLATES['2021'].tables.find((t) => t.key === 'applications')?.columns
  .map((c) => c.key) ?? [];
const col = (v: TemplateVersion, c: string): string => columnLabel(v, 'applications', c);
const q = (s: string): string => (s ? `（“${s}”）` : '');

function rowName(v: TemplateVersion, id: string): string {
  const { table, row } = splitCellKey(`${id}/x`);
  if (table === 'reviewLitigation') return '复议诉讼数据行';
  return `${table.startsWith('art20_') ? tableLabel(v, table) : ''}“${rowLabel(v, table, row)}”`;
}

/** What each rule checks (the rule's own messageId, `rule.<id>`). */
const RULE_TEXT: Record<RuleId, { zh: string; en: string }> = {
  balance: {
    zh: '第三部分表格每一列：第一项加第二项之和，等于第三项加第四项之和',
    en: 'Section 3, every column: new + carried over = outcome total + carried forward',
  },
  'outcome-total': {
    zh: '第三部分表格（七）总计等于（一）至（六）各项办理结果之和',
    en: 'Section 3: the outcome total equals the sum of all outcome rows',
  },
  'row-total': {
    zh: '第三部分表格每一行：总计等于自然人与五类法人或其他组织之和',
    en: 'Section 3, every row: total equals the six applicant columns',
  },
  'review-totals': {
    zh: '第四部分表格：各组总计等于结果维持、结果纠正、其他结果、尚未审结之和',
    en: 'Section 4: each total equals upheld + corrected + other + pending',
  },
  'group-subtotal': {
    zh: '第三部分表格中印出的分组小计等于该组各项之和',
    en: 'Section 3: a printed group subtotal equals the sum of its items',
  },
  domain: {
    zh: '数值范围：除2019年格式“本年增/减”外不得为负数；除金额外应为整数',
    en: 'Domains: non-negative except the 2019 change columns; integers except amounts',
  },
  'missing-table': { zh: '表格缺失：第二、三或四部分的表格没有读出任何数值', en: 'Lost table: no value of section 2, 3 or 4 was read' },
  'blank-cell': { zh: '应填数字的单元格为空白（空白不等于0）', en: 'A cell is blank where a number belongs (blank is not zero)' },
  'missing-section': { zh: '年度报告应包含六个部分，缺少其中一部分', en: 'One of the six required sections is missing' },
  'partial-table': { zh: '表格不完整：部分行或单元格缺失', en: 'Incomplete table: some rows or cells are missing' },
  'template-year': {
    zh: '表格格式与报告年度不符（2020年及以前用2019年格式，2021年起用2021年格式）',
    en: 'The table layout does not match the year (≤2020: 2019 format; ≥2021: 2021 format)',
  },
  'narrative-vs-table': { zh: '正文中的数字与表格不一致', en: 'A figure in the prose disagrees with the tables' },
  plausibility: {
    zh: '数字不合常理（乡镇填报规章、处理决定数量像项目数量、总计为0而分项不为0）',
    en: 'Implausible figures (a town reporting rules, decisions that look like item counts, '
      + 'zero totals over non-zero parts)',
  },
  'cross-year': {
    zh: '与上一年度报告衔接：上年结转、现行有效件数、项目数量',
    en: "Continuity with last year's report: carried-over applications, documents in force, item counts",
  },
  'published-le-total': {
    zh: '第二十条第（一）项：本年新公开数量不应超过对外公开总数量',
    en: 'Art. 20(1): newly published should not exceed total published',
  },
  'title-pattern': { zh: '标题应为“{机关名称}{年份}年政府信息公开工作年度报告”', en: 'The title should read {agency}{year}年政府信息公开工作年度报告' },
  'not-a-report': { zh: '文件不是政府信息公开工作年度报告', en: 'The file is not an annual disclosure report' },
  truncated: { zh: '报告被截断，表格随之缺失', en: 'The report is cut short and its tables are gone' },
  'empty-form': { zh: '空白模板：表格一个数字也没有填', en: 'A blank template: no number is filled in' },
  'year-mismatch': {
    zh: '标题的年度与正文所报告的年度（统计期限、正文陈述）一致',
    en: "The title's year matches the year the text reports on (statistics period, the body's statements)",
  },
  'other-year-figures': {
    zh: '正文不得以其他年度的数据作为本年度情况（疑似沿用往年报告）',
    en: "The text must not state another year's figures as this year's (a sign of a copied report)",
  },
  misfiled: {
    zh: '疑似归类错位：行合计相符，而两列与其各列合计一多一少',
    en: 'Misfiled between columns: row totals hold while two columns are off by +n/−n',
  },
};

const RULE_MESSAGES = Object.fromEntries(
  Object.entries(RULE_TEXT).map(([id, t]) => [`rule.${id}`, { zh: () => t.zh, en: () => t.en }]),
) as unknown as { [K in RuleId as `rule.${K}`]: Words<Record<string, never>> };

const MESSAGES: { [K in MessageId]: Words<MessageArgs[K]> } = {
  ...RULE_MESSAGES,
  'balance.column': {
    zh: (d) => `第三部分表格第${ordinal(APPLICATION_COLUMNS.indexOf(d.column) + 1)}列（${col(d.version, d.column)}）不平衡：一+二`
      + `=${d.lhs}，三+四=${d.rhs}`,
    en: (d) => `Section 3, column ${d.column} does not balance: new + carried over = ${d.lhs}, outcome total + carried `
      + `forward = ${d.rhs}`,
  },
  'outcome-total.column': {
    zh: (d) => `第三部分表格“${col(d.version, d.column)}”列（七）总计为${d.lhs}，但（一）至（六）各项之和为${d.rhs}`,
    en: (d) => `Section 3, column ${d.column}: outcome total is ${d.lhs} but the outcome rows add up to ${d.rhs}`,
  },
  'row-total.row': {
    zh: (d) => `第三部分表格“${rowLabel(d.version, 'applications', d.row)}”行总计为${d.lhs}，但六类申请人之和为${d.rhs}`,
    en: (d) => `Section 3, row ${d.row}: total is ${d.lhs} but the six applicant columns add up to ${d.rhs}`,
  },
  'review-totals.group': {
    zh: (d) => `第四部分表格${REVIEW_GROUPS[d.group] ?? d.group}总计为${d.lhs}，但结果维持+结果纠正+其他结果+尚未审结=${d.rhs}`,
    en: (d) => `Section 4, ${d.group}: total is ${d.lhs} but upheld + corrected + other + pending = ${d.rhs}`,
  },
  'group-subtotal.cell': {
    zh: (d) => `第三部分表格“${rowLabel(d.version, 'applications', d.row)}”小计（${col(d.version, d.column)}列）为${d.lhs}，但其各项之和`
      + `为${d.rhs}`,
    en: (d) => `Section 3, group ${d.row}, column ${d.column}: subtotal is ${d.lhs} but its items add up to ${d.rhs}`,
  },
  'published-le-total.row': {
    zh: (d) => `第二十条第（一）项“${rowLabel(d.version, 'art20_1', d.row)}”本年新公开数量${d.lhs}大于对外公开总数量${d.rhs}`,
    en: (d) => `Art. 20(1), ${d.row}: newly published ${d.lhs} exceeds total published ${d.rhs}`,
  },
  'cross-year.carry': {
    zh: (d) => `${cellText(d.version, d.key)}（上年结转）为${d.lhs}，但${d.previousYear}年报告的“结转下年度继续办理”为${d.rhs}`,
    en: (d) => `${d.key} (carried over) is ${d.lhs}, but the ${d.previousYear} report carried forward ${d.rhs}`,
  },
  'cross-year.valid': {
    zh: (d) => `${cellText(d.version, d.key)}为${d.lhs}，但${d.previousYear}年现行有效件数加本年制发、减本年废止为${d.rhs}`,
    en: (d) => `${d.key} is ${d.lhs}, but last year's documents in force + made − repealed = ${d.rhs}`,
  },
  'cross-year.items': {
    zh: (d) => `${cellText(d.version, d.key)}为${d.lhs}，但${d.previousYear}年报告的上一年项目数量加本年增/减为${d.rhs}`,
    en: (d) => `${d.key} is ${d.lhs}, but the ${d.previousYear} report's prior-year items + change = ${d.rhs} (row`
      + ` ${splitCellKey(d.key).row})`,
  },
  'domain.notFinite': {
    zh: (d) => `${cellText(d.version, d.key)}的数值无效`,
    en: (d) => `${cellTextEn(d.key)} is not a finite number`,
  },
  'domain.negative': {
    zh: (d) => `${cellText(d.version, d.key)}为${d.value}，不应为负数`,
    en: (d) => `${cellTextEn(d.key)} is ${d.value}; it cannot be negative`,
  },
  'domain.notInteger': {
    zh: (d) => `${cellText(d.version, d.key)}为${d.value}，应为整数（件数、项数不能有小数）`,
    en: (d) => `${cellTextEn(d.key)} is ${d.value}; counts must be whole numbers`,
  },
  'missing-table.lost': {
    zh: (d) => `${GROUP_LABELS[d.group].zh}的表格缺失`,
    en: (d) => `The table of ${GROUP_LABELS[d.group].en} is missing`,
  },
  'missing-table.unread': {
    zh: (d) => `${GROUP_LABELS[d.group].zh}的表格存在，但未能读出任何数值`,
    en: (d) => `The table of ${GROUP_LABELS[d.group].en} is there but no value could be read`,
  },
  'missing-section.section': {
    zh: (d) => `未找到第${ordinal(d.no)}部分`
      + `“${(TEMPLATES[d.version].sections.find((s) => s.no === d.no)?.title ?? '').replace(/^.、/, '')}”`,
    en: (d) => `Section ${d.no} (${TEMPLATES[d.version].sections.find((s) => s.no === d.no)?.key ?? ''}) was not found`,
  },
  'partial-table.rows': {
    zh: (d) => {
      const parts: string[] = [];
      if (d.whole.length) parts.push(`缺少${d.whole.length}行：${d.whole.map((r) => rowName(d.version, r)).join('、')}`);
      if (d.part.length) {
        const rows = d.part.map((p) => {
          const table = splitCellKey(`${p.row}/x`).table;
          return `${rowName(d.version, p.row)}缺${p.columns.map((c) => columnLabel(d.version, table, c)).join('、')}`;
        });
        parts.push(`${d.part.length}行不完整：${rows.join('；')}`);
      }
      return `${GROUP_LABELS[d.group].zh}的表格不完整${d.truncated ? '（正文被截断）' : ''}：${parts.join('；')}`;
    },
    en: (d) => {
      const out: string[] = [];
      if (d.whole.length) out.push(`${d.whole.length} row(s) missing (${d.whole.join(', ')})`);
      if (d.part.length) out.push(`${d.part.length} row(s) incomplete (${d.part.map((p) => p.row).join(', ')})`);
      return `The table of ${GROUP_LABELS[d.group].en} is incomplete: ${out.join('; ')}`;
    },
  },
  'template-year.mismatch': {
    zh: (d) => {
      const doc = d.template === '2019' ? '2019年《格式（试行）》' : '2021年修订的格式';
      const want = d.expected === '2019' ? '2019年《格式（试行）》（国办公开办函〔2019〕60号）' : '2021年格式（国办公开办函〔2021〕30号）';
      return `${d.year}年度报告使用了${doc}的表格，应使用${want}`;
    },
    en: (d) => `A ${d.year} report uses the ${d.template} table layout; the ${d.expected} format applies`,
  },
  'narrative-vs-table.noReview': {
    zh: (d) => `正文称未发生行政复议、行政诉讼${q(d.quote)}，但第四部分表格中有${d.count}件`,
    en: (d) => `The prose says there were no reviews or lawsuits, but section 4 lists ${d.count}`,
  },
  'narrative-vs-table.figure': {
    zh: (d) => `正文中${NARRATIVE[d.figure]?.zh ?? d.figure}为${d.value}件${q(d.quote)}，但${WHERE[d.where]}为${d.table}件`,
    en: (d) => `The prose gives ${d.value} ${NARRATIVE[d.figure]?.en ?? d.figure}, the table ${d.table}`,
  },
  'plausibility.townRegulations': {
    zh: (d) => `${d.agency}为乡镇（街道）一级，没有制定规章的权限，但第二十条第（一）项“规章”行填有数字；可能是把“规章制度”类信息误填入“规章”`,
    en: (d) => `${d.agency} is a township or sub-district, which cannot make 规章 (rules), yet the 规章 row has non-zero va`
      + `lues; probably internal regulations filed under the wrong row`,
  },
  'plausibility.decisionsLikeItems': {
    zh: (d) => `${cellText(d.version, d.key)}为${d.decisions}，恰好等于上一年项目数量${d.prior}加本年增/减${d.change}；看起来填的是本年项目数量，而不是处理决`
      + `定数量`,
    en: (d) => `${cellTextEn(d.key)} = ${d.decisions} equals prior-year items ${d.prior} + change ${d.change}; it looks`
      + ` like an item count, not a number of decisions`,
  },
  'plausibility.zeroTotal': {
    zh: (d) => `${cellText(d.version, d.key)}印为0，但其各项之和为${d.parts}；更可能是总计未填写（或按0印出），而不是各项有误`,
    en: (d) => `${cellTextEn(d.key)} is printed as 0 while its parts add up to ${d.parts}; the total was probably left `
      + `unfilled`,
  },
  'blank-cell.row': {
    zh: (d) => {
      const where = d.table === 'reviewLitigation'
        ? tableLabel(d.version, d.table)
        : `${tableLabel(d.version, d.table)}“${rowLabel(d.version, d.table, d.row)}”行`;
      const implied = (d.implied ?? []).map((i) => `；${columnLabel(d.version, d.table, i.column)}印为空白`
        + `；${i.by === 'row' ? '行合计' : '列合计'}推得应为${i.value}`).join('');
      return `${where}有${d.columns.length}个单元格为空白（${d.columns.map((c) => columnLabel(d.version, d.table, c)).join('、')}`
        + `）；空白不等于0，应填写数字${implied}`;
    },
    en: (d) => `${d.table}/${d.row}: ${d.columns.length} blank cell(s) (${d.columns.join(', ')}); blank is not zero` +
      (d.implied ?? []).map((i) => `; ${i.column} is printed blank; the ${i.by === 'row' ? 'row total' : 'column sums'}`
        + ` imply ${i.value}`).join(''),
  },
  'title-pattern.missing': { zh: () => '未找到报告标题', en: () => 'No title found' },
  'title-pattern.problem': {
    zh: (d) => `标题“${d.title}”${d.titleYear === null ? '不符合“{机关名称}{年份}年政府信息公开工作年度报告”的格式' : `中的年份${d.titleYear}与报告年`
      + `度${d.year}不一致`}`,
    en: (d) => `The title "${d.title}" ${d.titleYear === null ? 'does not follow {agency}{year}年政府信息公开工作年度报告' : `has th`
      + `e year ${d.titleYear}, not the report year ${d.year}`}`,
  },
  'not-a-report.none': {
    zh: () => '未识别为政府信息公开工作年度报告：既没有年度报告的标题或章节，也没有任何统计表格，未作核对',
    en: () => 'Not recognised as an annual disclosure report: no report title or sections and no statistics table; '
      + 'nothing was checked',
  },
  'truncated.tablesGone': {
    zh: (d) => `原文在第六部分之前中断，${d.groups.map((g) => GROUP_LABELS[g].zh).join('、')}的表格随之缺失，无法核对`,
    en: (d) => `The text ends before section 6 and the tables of ${d.groups.map((g) => GROUP_LABELS[g].en).join(', ')} `
      + `are gone; they cannot be checked`,
  },
  'empty-form.blank': {
    zh: (d) => `表格未填写：读出的${d.blanks}个单元格全部为空白，这是一份空白模板，不是已填报的报告`,
    en: (d) => `The form is not filled in: all ${d.blanks} cells read are blank; this is a blank template, not a filed `
      + `report`,
  },
  'misfiled.columns': {
    zh: (d) => {
      const [a, b] = [col(d.version, d.plus), col(d.version, d.minus)];
      const what = d.family === 'balance'
        ? `第三部分表格“一+二”与“三+四”相比，“${a}”列多${d.amount}、“${b}”列少${d.amount}`
        : `第三部分表格（七）总计与各项之和相比，“${a}”列多${d.amount}、“${b}”列少${d.amount}`;
      const row = d.rows.length === 1 ? `，很可能在“${rowLabel(d.version, d.table, d.rows[0])}”行` : '';
      return `疑似归类错位：${what}，而各行总计相符；可能有${d.amount}件在这两列之间填错了列${row}`;
    },
    en: (d) => `Probably misfiled between columns: section 3 ${d.family === 'balance' ? 'balance' : 'outcome total'} is`
      + ` off by `
      + `+${d.amount} in column ${d.plus} and −${d.amount} in column ${d.minus} while the row totals hold; ${d.amount} `
      + `may have been entered in the wrong one of the two column`
        + `s${d.rows.length === 1 ? ` (likely row ${d.rows[0]})` : ''}`,
  },
  'year-mismatch.years': {
    zh: (d) => `标题为${d.titleYear}年度，但${d.where === 'period' ? '统计期限' : '正文陈述'}为${d.year}年${q(d.quote)}`,
    en: (d) => `The title says ${d.titleYear}, but the ${d.where === 'period' ? 'statistics period' : 'body'} reports o`
      + `n ${d.year}`,
  },
  'other-year-figures.statement': {
    zh: (d) => `${d.reportYear}年度报告以${d.year}年的数据作为本年情况${q(d.quote)}，疑似沿用往年报告内容`,
    en: (d) => `The ${d.reportYear} report states ${d.year} figures as this year's: possibly copied from an earlier rep`
      + `ort`,
  },
};

const BLANK_NOTE = { zh: '（其中有空白单元格，按0计算；空白不等于0）', en: ' (blank cells counted as 0; blank is not zero)' };

export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(MESSAGES, id);
}

/** A message in one language. Data that came over the network is trusted to match its id's shape. */
export function formatMessage<K extends MessageId>(id: K, data: MessageArgs[K], lang: Lang): string {
  const words = MESSAGES[id] as Words<MessageArgs[K]>;
  const text = words[lang](data);
  return (data as { blanks?: unknown }).blanks === true ? text + BLANK_NOTE[lang] : text;
}

/** A finding's message in one language, rendered from its id and data. */
export function formatFinding(f: { messageId: MessageId; data: MessageData }, lang: Lang): string {
  return formatMessage(f.messageId, f.data as MessageArgs[MessageId], lang);
}
