// Renderer tests: four invented reports rendered to every format and compared with test/golden/render/, plus
// structural checks that hold independently of the golden files (merged cells, grid widths, CSV shape, schema).
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Cell, Finding, Report, Section } from '../src/model/report.js';
import { TEMPLATES, allCellKeys, type TemplateVersion } from '../src/model/template.js';
import { REPORT_SCHEMA, RENDER_FORMATS, displayWidth, render, renderCsv, renderHtml, renderJson, renderMarkdown,
  renderText, validateSchema } from '../src/render/index.js';
import { MODEL_KEYS } from '../src/render/model-keys.js';
import { expectGolden } from './golden.js';

// ---------- fixtures ----------

const APPLICANTS = ['naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicWelfareOrg',
  'legalServiceOrg', 'otherOrg'];
type Values = Record<string, number | null | string>;

let line = 40;
function mkCell(key: string, v: number | null | string, extra: Partial<Cell> = {}): Cell {
  const [table, row, column] = key.split('/');
  const value = typeof v === 'string' ? Number(v.replace(/[^\d.+-]/g, '')) : v;
  const raw = typeof v === 'string' ? v : v === null ? '' : String(v);
  return { key, table, row, column, value, raw, source: { line: line++, column: 1 }, how: 'direct', ...extra };
}

/** Table 三 rows from six applicant values each; 总计 is their sum, outcome.total and carriedForward computed. */
function applications(rows: Record<string, number[]>, outcomeRows: string[]): Values {
  const out: Values = {};
  const put = (row: string, vals: number[]) => {
    APPLICANTS.forEach((c, i) => (out[`applications/${row}/${c}`] = vals[i]));
    out[`applications/${row}/total`] = vals.reduce((a, b) => a + b, 0);
  };
  const zero = [0, 0, 0, 0, 0, 0];
  for (const r of ['newReceived', 'carriedOver', ...outcomeRows]) put(r, rows[r] ?? zero);
  const total = APPLICANTS.map((_, i) => outcomeRows.reduce((a, r) => a + (rows[r] ?? zero)[i], 0));
  put('outcome.total', total);
  put('carriedForward', APPLICANTS.map((_, i) =>
    (rows.newReceived ?? zero)[i] + (rows.carriedOver ?? zero)[i] - total[i]));
  return out;
}

function outcomeRows(version: TemplateVersion, single: boolean): string[] {
  const t = TEMPLATES[version].tables.find((x) => x.key === 'applications');
  const rows = (t?.rows ?? []).filter((r) => r.isData && r.parent?.startsWith('outcome') &&
    r.key !== 'outcome.total').map((r) => r.key);
  return single ? [...rows.filter((r) => !r.startsWith('outcome.other')), 'outcome.other'] : rows;
}

function review(values: number[]): Values {
  const out: Values = {};
  ['review', 'litigationDirect', 'litigationAfterReview'].forEach((g, i) => {
    const v = values.slice(i * 4, i * 4 + 4);
    ['upheld', 'corrected', 'other', 'pending'].forEach((k, j) => (out[`reviewLitigation/cases/${g}.${k}`] = v[j]));
    out[`reviewLitigation/cases/${g}.total`] = v.reduce((a, b) => a + b, 0);
  });
  return out;
}

const TEXTS = [
  '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进主动公开和依申请公开工作。',
  '', '', '',
  '一是部分栏目更新不够及时；二是政策解读形式较为单一。下一步将加强培训，完善审核机制。',
  '本年度未收取信息处理费。',
];

function sections(version: TemplateVersion, texts: string[], skip: number[] = []): Section[] {
  return TEMPLATES[version].sections
    .filter((s) => !skip.includes(s.no))
    .map((s) => ({ no: s.no, key: s.key, title: s.title, text: texts[s.no - 1] ?? '',
      source: { line: s.no * 10, column: 1 } }));
}

function mkReport(base: Partial<Report> & { template: TemplateVersion | null }, values: Values,
  extra: Record<string, Partial<Cell>> = {}): Report {
  line = 40;
  const cells: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(values)) cells[k] = mkCell(k, v, extra[k]);
  return {
    file: 'reports/example.html', format: 'html', encoding: 'utf-8', title: null, agency: null, year: null,
    layoutEvidence: [], sections: sections(base.template ?? '2021', TEXTS),
    tables: { active: true, applications: true, review: true }, cells, narrative: [], diagnostics: [], truncated: false,
    ...base,
  };
}

const complete2021 = mkReport(
  {
    file: 'corpus/青山县/2022.html', title: '青山县人民政府2022年政府信息公开工作年度报告', agency: '青山县人民政府', year: 2022,
    template: '2021', layoutEvidence: ['本年制发件数', '其他处理 1.申请人无正当理由逾期不补正'],
    sections: sections('2021', [
      `${TEXTS[0]}\n全年收到政府信息公开申请27件，上年结转2件。`, '', '', '', TEXTS[4],
      '本年度未收取信息处理费。来信请注明“信息公开申请”<并附身份证明> & 联系方式。',
    ]),
    narrative: [{ key: 'applicationsReceived', value: 27, unit: '件', text: '全年收到政府信息公开申请27件',
      source: { line: 3, column: 9, offset: 120 } }],
  },
  {
    'art20_1/regulations/made': 0, 'art20_1/regulations/repealed': 0, 'art20_1/regulations/valid': 3,
    'art20_1/normativeDocuments/made': 5, 'art20_1/normativeDocuments/repealed': 2,
    'art20_1/normativeDocuments/valid': 41,
    'art20_5/licensing/processed': 1286, 'art20_6/punishment/processed': 57, 'art20_6/coercion/processed': 3,
    'art20_8/fees/amount': 20.3,
    ...applications({
      newReceived: [21, 3, 0, 1, 0, 2], carriedOver: [2, 0, 0, 0, 0, 0],
      'outcome.granted': [9, 1, 0, 0, 0, 1], 'outcome.partial': [3, 1, 0, 0, 0, 0],
      'outcome.denied.threeSecurityOneStability': [1, 0, 0, 0, 0, 0],
      'outcome.denied.thirdPartyRights': [1, 0, 0, 0, 0, 0],
      'outcome.denied.processInfo': [0, 1, 0, 0, 0, 0], 'outcome.unableToProvide.notHeld': [5, 0, 0, 1, 0, 0],
      'outcome.unableToProvide.needsCreation': [1, 0, 0, 0, 0, 0],
      'outcome.notProcessed.petitionComplaint': [1, 0, 0, 0, 0, 0],
      'outcome.other.overdueCorrection': [1, 0, 0, 0, 0, 0],
    }, outcomeRows('2021', false)),
    ...review([2, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0]),
  },
  {
    'art20_8/fees/amount': { unit: '万元', source: { line: 22, column: 30, offset: 800, page: 2,
      bbox: [72, 500.5, 130, 512] } },
    'applications/carriedForward/otherOrg': { how: 'inferred', raw: '',
      reason: { zh: '本行只印了6个数；按第一项加第二项等于第三项加第四项补出',
      en: 'the row printed 6 values; the 7th follows from 1 + 2 = 3 + 4' } },
  },
);
complete2021.diagnostics = [{
  code: 'row-damaged', severity: 'info', message: '“四、结转下年度继续办理”一行少一个数，已按勾稽关系补出',
  messageEn: 'row carriedForward printed 6 values; one placed by relation O1',
  source: { line: 88, column: 1 }, cells: ['applications/carriedForward/otherOrg'],
}];

const signed2019 = mkReport(
  { file: 'corpus/白鹭镇,2020 "年报".html', title: '白鹭镇人民政府2020年政府信息公开工作年度报告', agency: '白鹭镇人民政府', year: 2020,
    template: '2019', layoutEvidence: ['第二十条第（九）项'] },
  {
    'art20_1/regulations/newlyMade': 0, 'art20_1/regulations/newlyPublished': 0,
    'art20_1/regulations/totalPublished': 0,
    'art20_1/normativeDocuments/newlyMade': 4, 'art20_1/normativeDocuments/newlyPublished': 4,
    'art20_1/normativeDocuments/totalPublished': 37,
    'art20_5/licensing/priorYearItems': 106, 'art20_5/licensing/changeThisYear': '-25',
    'art20_5/licensing/decisions': 318,
    'art20_5/otherManagementServices/priorYearItems': 12, 'art20_5/otherManagementServices/changeThisYear': '+3',
    'art20_5/otherManagementServices/decisions': 40,
    'art20_6/punishment/priorYearItems': 210, 'art20_6/punishment/changeThisYear': 0,
    'art20_6/punishment/decisions': 15,
    'art20_6/coercion/priorYearItems': 8, 'art20_6/coercion/changeThisYear': '-1', 'art20_6/coercion/decisions': 0,
    'art20_8/fees/priorYearItems': 2, 'art20_8/fees/changeThisYear': 0,
    'art20_9/centralizedProcurement/projects': 3, 'art20_9/centralizedProcurement/totalAmount': '251000元',
    ...applications({
      newReceived: [6, 1, 0, 0, 0, 0], 'outcome.granted': [4, 1, 0, 0, 0, 0],
      'outcome.notProcessed.repeated': [1, 0, 0, 0, 0, 0],
      'outcome.other': [1, 0, 0, 0, 0, 0],
    }, outcomeRows('2019', true)),
    ...review([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  },
  { 'art20_9/centralizedProcurement/totalAmount': { unit: '元' } },
);

const damagedValues: Values = {
  ...applications({ newReceived: [3, 0, 0, 0, 0, 0], 'outcome.granted': [2, 0, 0, 0, 0, 0],
    'outcome.unableToProvide.notHeld': [1, 0, 0, 0, 0, 0] }, outcomeRows('2021', false)),
  ...review([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
};
// section 三 lost from its top down to （二）; some printed blank; section 四 blanks instead of zeros
for (const k of Object.keys(damagedValues))
  if (/\/(newReceived|carriedOver|outcome\.granted|outcome\.partial)\//.test(k)) delete damagedValues[k];
for (const k of ['applications/outcome.denied.stateSecret/researchInstitution', 'applications/outcome.total/total',
  'reviewLitigation/cases/litigationDirect.other',
  'reviewLitigation/cases/litigationAfterReview.total']) damagedValues[k] = null;
const damaged = mkReport(
  {
    file: 'corpus/松岭街道/2022.txt', format: 'text', encoding: 'gb18030', agency: '松岭街道办事处', year: 2022, template: '2021',
    tables: { active: false, applications: true, review: true }, truncated: true,
    sections: [
      ...sections('2021', [`${TEXTS[0]}\n- 见下表 | 数据 *截至* 12月31日`, '该部分以表格形式报告。', '', '', ''], [5, 6]),
      { no: 5, key: 'problems', title: null, text: '', source: null },
    ],
  },
  damagedValues,
);
damaged.diagnostics = [{ code: 'values-unplaced', severity: 'warning', message: '第二部分表格在表头后缺失',
  messageEn: 'section 二 table lost after its header row' }];

const single2021 = mkReport(
  { file: 'corpus/青山县自然资源局/2021.pdf', format: 'pdf', title: '青山县自然资源局2021年政府信息公开工作年度报告', agency: '青山县自然资源局',
    year: 2021, template: '2021' },
  {
    'art20_1/regulations/made': 0, 'art20_1/regulations/repealed': 0, 'art20_1/regulations/valid': 0,
    'art20_1/normativeDocuments/made': 2, 'art20_1/normativeDocuments/repealed': 0,
    'art20_1/normativeDocuments/valid': 9,
    'art20_5/licensing/processed': 412, 'art20_6/punishment/processed': 23, 'art20_6/coercion/processed': 0,
    'art20_8/fees/amount': 0,
    ...applications({
      newReceived: [14, 2, 0, 0, 1, 0], carriedOver: [1, 0, 0, 0, 0, 0], 'outcome.granted': [6, 1, 0, 0, 1, 0],
      'outcome.unableToProvide.notHeld': [4, 0, 0, 0, 0, 0], 'outcome.other': [2, 0, 0, 0, 0, 0],
    }, outcomeRows('2021', true)),
    ...review([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  },
);
// the report printed 16 for （七）总计/总计 where its applicant cells add up to 14: a finding to highlight
Object.assign(single2021.cells['applications/outcome.total/total'], { value: 16, raw: '16' });
const singleFindings: Finding[] = [
  {
    ruleId: 'row-total', severity: 'error', messageId: 'row-total.row',
    data: { version: '2021', row: 'outcome.total', lhs: 16, rhs: 14 }, message: '（七）总计一行：总计不等于各类申请人之和',
    messageEn: 'row total ≠ sum of applicants',
    cells: [{ key: 'applications/outcome.total/total', value: 16 },
      { key: 'applications/outcome.total/naturalPerson', value: 12 }], expected: 14,
  },
  { ruleId: 'review-totals', severity: 'warning', messageId: 'review-totals.group',
    data: { group: 'review', lhs: 1, rhs: 0 },
    message: '行政复议总计与分项不符 <核对>', messageEn: 'review total',
    cells: [{ key: 'reviewLitigation/cases/review.total', value: 1 }] },
];

const FIXTURES: [string, Report, Finding[] | undefined][] = [
  ['qingshan-2022-complete', complete2021, undefined],
  ['bailu-2020-template2019', signed2019, undefined],
  ['songling-2022-damaged', damaged, undefined],
  ['qingshan-zrzy-2021-single-other', single2021, singleFindings],
];
const EXT: Record<(typeof RENDER_FORMATS)[number], string> =
  { md: 'md', html: 'html', txt: 'txt', json: 'json', csv: 'csv' };

// ---------- golden files ----------

describe('golden files', () => {
  for (const [name, report, findings] of FIXTURES)
    for (const to of RENDER_FORMATS)
      it(`${name}.${EXT[to]}`, () => expectGolden(`render/${name}.${EXT[to]}`, render(report, to, { findings })));
  it('all.csv (several reports in one file)',
    () => expectGolden('render/all.csv', renderCsv(FIXTURES.map((f) => f[1]))));
});

// ---------- structure, independent of the golden files ----------

/** Each table's grid: checks every row covers exactly `width` columns without overlaps; returns [rows, width]. */
function gridShape(html: string, selector: string): { rows: number; width: number;
  texts: Map<string, { rowspan: number; colspan: number }> } {
  const $ = cheerio.load(html);
  const table = $(selector).first();
  expect(table.length, selector).toBe(1);
  const taken: boolean[][] = [];
  const texts = new Map<string, { rowspan: number; colspan: number }>();
  table.find('tr').each((r, tr) => {
    let c = 0;
    $(tr).children('th,td').each((_, cell) => {
      const rs = Number($(cell).attr('rowspan') ?? 1);
      const cs = Number($(cell).attr('colspan') ?? 1);
      while (taken[r]?.[c]) c++;
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) {
        taken[r + i] ??= [];
        expect(taken[r + i][c + j], `${selector}: overlap at ${r + i},${c + j}`).toBeFalsy();
        taken[r + i][c + j] = true;
      }
      const text = $(cell).text();
      if (text && !texts.has(text)) texts.set(text, { rowspan: rs, colspan: cs });
      c += cs;
    });
  });
  const widths = taken.map((row) => row.filter(Boolean).length);
  expect(new Set(widths).size, `${selector}: ragged rows ${widths.join(',')}`).toBe(1);
  return { rows: taken.length, width: widths[0], texts };
}

describe('HTML layout', () => {
  const html = renderHtml(complete2021);
  it('is a standalone zh-CN UTF-8 page with CJK fonts', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/font-family: 'FangSong', '仿宋'.*'Noto Serif CJK SC'/);
  });
  it('table 三 (2021): corner 3×3, header spans, label rowspans, 10 columns × 28 rows', () => {
    expect(html).toMatch(/<th class="corner" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th>/);
    const g = gridShape(html, 'table.t3');
    expect([g.rows, g.width]).toEqual([3 + 25, 10]);
    const span = (t: string) => g.texts.get(t);
    expect(span('申请人情况')).toEqual({ rowspan: 1, colspan: 7 });
    expect(span('自然人')).toEqual({ rowspan: 2, colspan: 1 });
    expect(span('法人或其他组织')).toEqual({ rowspan: 1, colspan: 5 });
    expect(span('总计')).toEqual({ rowspan: 2, colspan: 1 });
    expect(span('三、本年度办理结果')).toEqual({ rowspan: 22, colspan: 1 });
    expect(span('（三）不予公开')).toEqual({ rowspan: 8, colspan: 1 });
    expect(span('（四）无法提供')).toEqual({ rowspan: 3, colspan: 1 });
    expect(span('（五）不予处理')).toEqual({ rowspan: 5, colspan: 1 });
    expect(span('（六）其他处理')).toEqual({ rowspan: 3, colspan: 1 });
    expect(span('（七）总计')).toEqual({ rowspan: 1, colspan: 2 });
    expect(span('（一）予以公开')).toEqual({ rowspan: 1, colspan: 2 });
    expect(span('一、本年新收政府信息公开申请数量')).toEqual({ rowspan: 1, colspan: 3 });
    expect(span('四、结转下年度继续办理')).toEqual({ rowspan: 1, colspan: 3 });
  });
  it('table 四: 3-row header over 15 columns', () => {
    const g = gridShape(html, 'table.t4');
    expect([g.rows, g.width]).toEqual([4, 15]);
    expect(g.texts.get('行政复议')).toEqual({ rowspan: 1, colspan: 5 });
    expect(g.texts.get('行政诉讼')).toEqual({ rowspan: 1, colspan: 10 });
    expect(g.texts.get('未经复议直接起诉')).toEqual({ rowspan: 1, colspan: 5 });
    expect(g.texts.get('复议后起诉')).toEqual({ rowspan: 1, colspan: 5 });
    expect(g.texts.get('结果维持')).toEqual({ rowspan: 2, colspan: 1 });
    expect(html.match(/<th rowspan="2">/g)?.length).toBe(5 + 2); // 5 under 行政复议, 自然人 and 总计 in table 三
  });
  it('section 二 sub-tables are 4-column grids; single value cells span 3', () => {
    for (const [report, n] of [[complete2021, 4], [signed2019, 5]] as const) {
      const h = renderHtml(report);
      for (const t of TEMPLATES[report.template ?? '2021'].tables.filter((x) => x.section === 2))
        expect(gridShape(h, `table.t2[data-table="${t.key}"]`).width).toBe(4);
      expect(h.match(/<table class="t2"/g)?.length).toBe(n);
    }
    expect(html).toContain('<td class="num" data-key="art20_5/licensing/processed" colspan="3">1286</td>');
    expect(renderHtml(signed2019)).toContain('<th colspan="2">本年增/减</th>');
  });
  it('2019 and single-（六） 2021 reports draw one （六）其他处理 row', () => {
    for (const report of [signed2019, single2021]) {
      const h = renderHtml(report);
      const g = gridShape(h, 'table.t3');
      expect([g.rows, g.width]).toEqual([3 + 23, 10]);
      expect(g.texts.get('三、本年度办理结果')).toEqual({ rowspan: 20, colspan: 1 });
      expect(g.texts.get('（六）其他处理')).toEqual({ rowspan: 1, colspan: 2 });
      expect(h).not.toContain('逾期不补正');
      expect(h).toContain('data-key="applications/outcome.other/naturalPerson"');
    }
  });
  it('marks absent, blank, inferred and flagged cells; notes a lost table', () => {
    const h = renderHtml(damaged);
    expect(h).toContain('<p class="note missing">（表格缺失）</p>');
    expect(h).not.toContain('<table class="t2"');
    expect(h).toMatch(/<td class="num absent" data-key="applications\/newReceived\/naturalPerson" title="原文缺失"><\/td>/);
    expect(h).toMatch(/<td class="num blank" data-key="applications\/outcome.total\/total" title="原文空白"><\/td>/);
    expect(h).toContain('（原文未见本节）');
    expect(html).toMatch(
      /<td class="num inferred" data-key="applications\/carriedForward\/otherOrg" title="[^"]+">1<\/td>/);
    const f = renderHtml(single2021, { findings: singleFindings });
    expect(f).toContain('<td class="num flag-error" data-key="applications/outcome.total/total">16</td>');
    expect(f).toContain('行政复议总计与分项不符 &lt;核对&gt;');
  });
  it('escapes text', () => {
    expect(html).toContain('“信息公开申请”&lt;并附身份证明&gt; &amp; 联系方式');
    expect(html).not.toContain('<并附身份证明>');
  });
});

describe('Markdown, text, CSV, JSON', () => {
  it('Markdown tables have a constant column count; table 四 has 15 prefixed columns', () => {
    const md = renderMarkdown(complete2021);
    const tables = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables.length).toBe(4 + 1 + 1);
    for (const t of tables) {
      const counts = t.split('\n').map((l) => l.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size).toBe(1);
    }
    const t4 = tables[5].split('\n')[0];
    expect(t4.split('|').length - 2).toBe(15);
    expect(t4).toContain('行政诉讼/复议后起诉/尚未审结');
    expect(renderMarkdown(damaged)).toContain('（表格缺失）');
  });
  it('text columns align by East Asian width', () => {
    expect(displayWidth('（一）予以公开 12')).toBe(17);
    const txt = renderText(complete2021);
    const block = txt.split('\n\n').find((b) => b.includes('一、本年新收'));
    const lines = (block ?? '').split('\n').slice(1); // after the 注 line
    expect(lines.length).toBe(2 + 25 + 5); // header, rule, data rows, group label lines
    const full = lines.filter((l) => !/^\s*(三、本年度办理结果|（[三四五六]）\S+)$/.test(l)); // rows ending in 总计
    expect(full.length).toBe(2 + 25);
    expect(new Set(full.map(displayWidth)).size).toBe(1);
  });
  it('CSV: BOM, header, one line per cell in template order, RFC 4180 quoting', () => {
    for (const [, report] of FIXTURES) {
      const csv = renderCsv([report]);
      expect(csv.startsWith('\uFEFFfile,agency,year,template,cell_key,label,value\r\n')).toBe(true);
      const lines = csv.slice(1).split('\r\n').filter((l) => l !== '');
      expect(lines.length).toBe(Object.keys(report.cells).length + 1);
    }
    const csv = renderCsv([signed2019]);
    expect(csv).toContain('\r\n"corpus/白鹭镇,2020 ""年报"".html",白鹭镇人民政府,2020,2019,art20_1/regulations/newlyMade,');
    expect(csv).toContain(',art20_5/licensing/changeThisYear,第二十条第（五）项 / 行政许可 / 本年增/减,-25\r\n');
    const keys = renderCsv([complete2021]).split('\r\n').slice(1, -1).map((l) => l.split(',')[4]);
    expect(keys).toEqual(allCellKeys('2021'));
    const reviewLabels = renderCsv([complete2021]).split('\r\n').filter((l) => l.includes(',reviewLitigation/'))
      .map((l) => l.split(',')[5]);
    expect(new Set(reviewLabels).size).toBe(15);
    expect(reviewLabels[5]).toBe('复议诉讼 / 行政诉讼·未经复议直接起诉 / 结果维持');
    expect(renderCsv([damaged])).toContain(',applications/outcome.total/total,申请情况 / （七）总计 / 总计,\r\n');
  });
  it('JSON round-trips and satisfies report.schema.json', () => {
    for (const [, report] of FIXTURES) {
      const parsed: unknown = JSON.parse(renderJson(report));
      expect(parsed).toEqual(report);
      expect(validateSchema(REPORT_SCHEMA, parsed)).toEqual([]);
    }
  });
  it('the schema rejects what the type rejects', () => {
    const bad = JSON.parse(renderJson(damaged)) as Record<string, unknown>;
    delete bad.truncated;
    bad.extra = 1;
    (bad.cells as Record<string, Record<string, unknown>>)['applications/carriedForward/total'].how = 'guessed';
    (bad.tables as Record<string, unknown>).active = 'no';
    expect(validateSchema(REPORT_SCHEMA, bad)).toEqual([
      '$: missing required truncated',
      '$.tables.active: expected boolean, got string',
      '$.cells.applications/carriedForward/total.how: "guessed" not in enum',
      '$: unexpected property extra',
    ]);
  });
  it('the schema lists exactly the model types’ keys', () => {
    const defs = (REPORT_SCHEMA as { $defs: Record<string, { properties: object; required: string[] }> }).$defs;
    for (const [name, spec] of Object.entries(MODEL_KEYS)) {
      expect(Object.keys(defs[name].properties).sort(), name).toEqual(Object.keys(spec).sort());
      expect([...defs[name].required].sort(), name)
        .toEqual(Object.entries(spec).filter(([, v]) => v === 'required').map(([k]) => k).sort());
    }
  });
  it('render() dispatches to the format renderers', () => {
    expect(render(signed2019, 'md')).toBe(renderMarkdown(signed2019));
    expect(render(signed2019, 'txt')).toBe(renderText(signed2019));
    expect(render(signed2019, 'json')).toBe(renderJson(signed2019));
    expect(render(signed2019, 'csv')).toBe(renderCsv([signed2019]));
    expect(render(single2021, 'html', { findings: singleFindings })).toBe(renderHtml(single2021,
      { findings: singleFindings }));
  });
});
