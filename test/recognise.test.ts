// The recogniser on the invented text fixtures of test/fixtures/text: for each, the cells written out by hand from
// the fixture (every value, so a wrong, missing or invented cell fails), agency, year, template, the table flags,
// how each damaged row was read (inferred / ordered / cut, with a reason) and the diagnostics of rows left out.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model/report.js';
import { parseBytes, parseFile } from '../src/parse.js';
import { checkReport } from '../src/rules/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'text');
const path = (file: string): string => join(FIXTURES, file);
const parse = (file: string): Promise<Report> => parseFile(path(file));

type Values = Record<string, number | null>;
const values = (r: Report): Values => Object.fromEntries(Object.entries(r.cells).map(([k, c]) => [k, c.value]));

// ---- expected cells, written out by hand
const COLS = [
  'naturalPerson', 'commercialEnterprise', 'researchInstitution', 'publicWelfareOrg', 'legalServiceOrg', 'otherOrg',
  'total',
];
const OUTCOME_ITEMS = [
  'granted', 'partial',
  'denied.stateSecret', 'denied.lawProhibited', 'denied.threeSecurityOneStability', 'denied.thirdPartyRights',
  'denied.internalAffairs', 'denied.processInfo', 'denied.enforcementCaseFile', 'denied.administrativeQuery',
  'unableToProvide.notHeld', 'unableToProvide.needsCreation', 'unableToProvide.unclearAfterCorrection',
  'notProcessed.petitionComplaint', 'notProcessed.repeated', 'notProcessed.publication', 'notProcessed.excessive',
  'notProcessed.confirmOrReissue',
].map((r) => `outcome.${r}`);
const ROWS_2021 = [
  'newReceived', 'carriedOver', ...OUTCOME_ITEMS,
  'outcome.other.overdueCorrection', 'outcome.other.overdueFee', 'outcome.other.otherReasons',
  'outcome.total', 'carriedForward',
];
const ROWS_2019 = ['newReceived', 'carriedOver', ...OUTCOME_ITEMS, 'outcome.other', 'outcome.total', 'carriedForward'];

/** Table 三: the given rows (7 values each, short row names without 'outcome.'), every other row all zero. */
function applications(rows: Record<string, number[]>, version: '2019' | '2021' = '2021', only?: string[]): Values {
  const out: Values = {};
  for (const row of only ?? (version === '2021' ? ROWS_2021 : ROWS_2019)) {
    const v = rows[row] ?? rows[row.replace(/^outcome\./, '')] ?? [0, 0, 0, 0, 0, 0, 0];
    expect(v, row).toHaveLength(7);
    COLS.forEach((c, i) => (out[`applications/${row}/${c}`] = v[i]));
  }
  return out;
}

function review(v: number[]): Values {
  expect(v).toHaveLength(15);
  const out: Values = {};
  ['review', 'litigationDirect', 'litigationAfterReview'].forEach((g, gi) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].forEach(
      (p, pi) => (out[`reviewLitigation/cases/${g}.${p}`] = v[gi * 5 + pi]),
    ));
  return out;
}

function active2021(a: {
  regulations: number[]; normative: number[]; licensing: number; punishment: number; coercion: number; fees: number;
}): Values {
  return {
    'art20_1/regulations/made': a.regulations[0], 'art20_1/regulations/repealed': a.regulations[1],
    'art20_1/regulations/valid': a.regulations[2],
    'art20_1/normativeDocuments/made': a.normative[0], 'art20_1/normativeDocuments/repealed': a.normative[1],
    'art20_1/normativeDocuments/valid': a.normative[2],
    'art20_5/licensing/processed': a.licensing, 'art20_6/punishment/processed': a.punishment,
    'art20_6/coercion/processed': a.coercion,
    'art20_8/fees/amount': a.fees,
  };
}

const ZERO_REVIEW = review(Array(15).fill(0));
const noTables = { active: false, applications: false, review: false };
const allTables = { active: true, applications: true, review: true };

/** 1-based line of the first line of `file` (decoded) that starts with `start`. */
function lineOf(text: string, start: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(start));
  expect(i, start).toBeGreaterThanOrEqual(0);
  return i + 1;
}
const fixtureText = (file: string): string =>
  readFileSync(path(file), 'utf8').replace(/^\ufeff/, '').replace(/\r\n/g, '\n');

const errors = (r: Report) => checkReport(r).filter((f) => f.severity === 'error');
const codes = (r: Report) => r.diagnostics.map((d) => d.code);

describe('complete reports, one per shape', () => {
  it('tab-separated (merged-label empty fields, leading empty field): every cell direct, as printed', async () => {
    const r = await parse('tab-complete.txt');
    expect([r.agency, r.year, r.template, r.title]).toEqual(['青山县人民政府', 2022, '2021', '青山县人民政府2022年政府信息公开工作年度报告']);
    expect(r.tables).toEqual(allTables);
    expect(r.truncated).toBe(false);
    expect(r.diagnostics).toEqual([]);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [12, 3, 57], licensing: 2315, punishment: 486, coercion: 17, fees: 35.2817,
      }),
      ...applications({
        newReceived: [38, 4, 0, 1, 2, 0, 45], carriedOver: [3, 1, 0, 0, 0, 0, 4],
        granted: [15, 2, 0, 0, 1, 0, 18], partial: [4, 1, 0, 0, 0, 0, 5],
        'denied.lawProhibited': [1, 0, 0, 0, 0, 0, 1], 'denied.thirdPartyRights': [2, 0, 0, 0, 0, 0, 2],
        'denied.processInfo': [1, 0, 0, 0, 0, 0, 1], 'denied.administrativeQuery': [1, 0, 0, 0, 0, 0, 1],
        'unableToProvide.notHeld': [9, 1, 0, 1, 0, 0, 11], 'unableToProvide.needsCreation': [2, 0, 0, 0, 0, 0, 2],
        'notProcessed.petitionComplaint': [1, 0, 0, 0, 0, 0, 1], 'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
        'outcome.other.overdueCorrection': [1, 0, 0, 0, 0, 0, 1], 'outcome.other.otherReasons': [1, 0, 0, 0, 0, 0, 1],
        'outcome.total': [39, 4, 0, 1, 1, 0, 45], carriedForward: [2, 1, 0, 0, 1, 0, 4],
      }),
      ...review([2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]),
    });
    expect(Object.keys(r.cells)).toHaveLength(200);
    const cells = Object.values(r.cells);
    expect(cells.every((c) => c.how === 'direct' && c.reason === undefined)).toBe(true);
    expect(cells.every((c) => c.raw === String(c.value))).toBe(true);
    // source positions: the row's line, the value's column
    const text = fixtureText('tab-complete.txt');
    const nr = r.cells['applications/newReceived/total'];
    expect(nr.source.line).toBe(lineOf(text, '一、本年新收'));
    expect(text.split('\n')[nr.source.line - 1].slice(nr.source.column - 1)).toBe('45');
    expect(r.cells['applications/outcome.partial/naturalPerson'].source.line).toBe(lineOf(text, '\t（二）部分公开'));
    expect(r.cells['art20_8/fees/amount']).toMatchObject({
      value: 35.2817, raw: '35.2817', source: { line: lineOf(text, '行政事业性收费') },
    });
    expect(r.sections.map((s) => s.title)).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    const narrative = Object.fromEntries(r.narrative.map((n) => [n.key, n.value]));
    expect(narrative).toMatchObject({
      applicationsReceived: 45, carriedOver: 4, carriedForward: 4, itemsPublished: 1863, infoProcessingFeeYuan: 0,
    });
    expect(errors(r)).toEqual([]);
  });

  it('markdown, 2019 template: signed changes, 第（九）项, one （六）其他处理 row', async () => {
    const r = await parse('markdown-2019.md');
    expect([r.agency, r.year, r.template, r.format]).toEqual(['白鹭镇人民政府', 2020, '2019', 'markdown']);
    expect(r.tables).toEqual(allTables);
    expect(r.diagnostics).toEqual([]);
    expect(values(r)).toEqual({
      'art20_1/regulations/newlyMade': 0, 'art20_1/regulations/newlyPublished': 0,
      'art20_1/regulations/totalPublished': 0,
      'art20_1/normativeDocuments/newlyMade': 2, 'art20_1/normativeDocuments/newlyPublished': 2,
      'art20_1/normativeDocuments/totalPublished': 9,
      'art20_5/licensing/priorYearItems': 36, 'art20_5/licensing/changeThisYear': 2, 'art20_5/licensing/decisions': 148,
      'art20_5/otherManagementServices/priorYearItems': 5, 'art20_5/otherManagementServices/changeThisYear': 0,
      'art20_5/otherManagementServices/decisions': 12,
      'art20_6/punishment/priorYearItems': 8, 'art20_6/punishment/changeThisYear': -1,
      'art20_6/punishment/decisions': 23,
      'art20_6/coercion/priorYearItems': 2, 'art20_6/coercion/changeThisYear': 0, 'art20_6/coercion/decisions': 0,
      'art20_8/fees/priorYearItems': 3, 'art20_8/fees/changeThisYear': 0,
      'art20_9/centralizedProcurement/projects': 4, 'art20_9/centralizedProcurement/totalAmount': 86.35,
      ...applications({
        newReceived: [3, 0, 0, 0, 0, 0, 3], carriedOver: [1, 0, 0, 0, 0, 0, 1], granted: [2, 0, 0, 0, 0, 0, 2],
        'unableToProvide.notHeld': [1, 0, 0, 0, 0, 0, 1], 'outcome.other': [1, 0, 0, 0, 0, 0, 1],
        'outcome.total': [4, 0, 0, 0, 0, 0, 4],
      }, '2019'),
      ...ZERO_REVIEW,
    });
    expect(Object.keys(r.cells)).toHaveLength(198);
    expect(r.cells['art20_5/licensing/changeThisYear'].raw).toBe('+2');
    expect(Object.keys(r.cells).some((k) => k.includes('outcome.other.'))).toBe(false);
    expect(errors(r)).toEqual([]);
  });

  it("pipe rows with '|||' filler", async () => {
    const r = await parse('pipe-filler.txt');
    expect([r.agency, r.year, r.template]).toEqual(['红枫街道办事处', 2023, '2021']);
    expect(r.tables).toEqual(allTables);
    expect(r.diagnostics).toEqual([]);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [0, 0, 0], licensing: 0, punishment: 12, coercion: 0, fees: 0,
      }),
      ...applications({
        newReceived: [7, 1, 0, 0, 0, 0, 8], granted: [4, 1, 0, 0, 0, 0, 5], partial: [1, 0, 0, 0, 0, 0, 1],
        'unableToProvide.notHeld': [2, 0, 0, 0, 0, 0, 2], 'outcome.total': [7, 1, 0, 0, 0, 0, 8],
      }),
      ...review([0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    expect(errors(r)).toEqual([]);
  });

  it("one cell per line ending ' |'", async () => {
    const r = await parse('cell-per-line.txt');
    expect([r.agency, r.year, r.template]).toEqual(['松岭乡人民政府', 2021, '2021']);
    expect(r.tables).toEqual(allTables);
    expect(r.diagnostics).toEqual([]);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [0, 0, 0], licensing: 0, punishment: 2, coercion: 0, fees: 0,
      }),
      ...applications({
        newReceived: [2, 0, 0, 0, 0, 0, 2], granted: [1, 0, 0, 0, 0, 0, 1],
        'unableToProvide.notHeld': [1, 0, 0, 0, 0, 0, 1], 'outcome.total': [2, 0, 0, 0, 0, 0, 2],
      }),
      ...review([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    // each value on its own line: the cell points at that line
    const text = fixtureText('cell-per-line.txt');
    const c = r.cells['art20_6/punishment/processed'];
    expect(text.split('\n')[c.source.line - 1]).toBe('2 |');
    expect(Object.values(r.cells).every((x) => x.how === 'direct')).toBe(true);
  });

  it('pdftotext -layout: title over two lines, wrapped labels with values on their own line, page numbers',
    async () => {
    const r = await parse('pdf-layout.txt');
    expect([r.agency, r.year, r.template]).toEqual(['云岭县人民政府', 2023, '2021']);
    expect(r.tables).toEqual(allTables);
    expect(r.diagnostics).toEqual([]);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [5, 1, 23], licensing: 512, punishment: 37, coercion: 4, fees: 12.6,
      }),
      ...applications({
        newReceived: [21, 2, 0, 0, 1, 0, 24], carriedOver: [2, 0, 0, 0, 0, 0, 2],
        granted: [10, 1, 0, 0, 1, 0, 12], partial: [3, 0, 0, 0, 0, 0, 3],
        'denied.thirdPartyRights': [1, 0, 0, 0, 0, 0, 1],
        'unableToProvide.notHeld': [6, 1, 0, 0, 0, 0, 7], 'notProcessed.petitionComplaint': [1, 0, 0, 0, 0, 0, 1],
        'outcome.total': [21, 2, 0, 0, 1, 0, 24], carriedForward: [2, 0, 0, 0, 0, 0, 2],
      }),
      ...review([1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]),
    });
    const text = fixtureText('pdf-layout.txt');
    // the wrapped label's values sit on the line after the label's second half
    expect(r.cells['applications/outcome.partial/total'].source.line)
      .toBe(lineOf(text, '                  计其他情形）') + 1);
    expect(r.cells['applications/outcome.notProcessed.confirmOrReissue/total'].source.line)
      .toBe(lineOf(text, '                     已获取信息') + 1);
    expect(Object.values(r.cells).every((c) => c.how === 'direct')).toBe(true);
    expect(errors(r)).toEqual([]);
  });

  it('pdftotext default: values printed before their labels are placed by row order, marked ordered', async () => {
    const r = await parse('pdf-default.txt');
    expect([r.agency, r.year, r.template]).toEqual(['青禾市人民政府', 2024, '2021']);
    expect(r.tables).toEqual(allTables);
    const expected = {
      ...active2021({
        regulations: [2, 1, 46], normative: [38, 9, 412],
        licensing: 25318, punishment: 9632, coercion: 418, fees: 4409.1236,
      }),
      ...applications({
        newReceived: [812, 35, 2, 4, 17, 3, 873], carriedOver: [21, 2, 0, 0, 1, 0, 24],
        granted: [301, 12, 1, 1, 5, 1, 321], partial: [95, 4, 0, 0, 2, 0, 101],
        'denied.lawProhibited': [8, 1, 0, 0, 0, 0, 9], 'denied.threeSecurityOneStability': [2, 0, 0, 0, 0, 0, 2],
        'denied.thirdPartyRights': [5, 0, 0, 0, 0, 0, 5], 'denied.internalAffairs': [3, 0, 0, 0, 0, 0, 3],
        'denied.processInfo': [7, 1, 0, 0, 0, 0, 8], 'denied.enforcementCaseFile': [4, 0, 0, 0, 0, 0, 4],
        'denied.administrativeQuery': [26, 1, 0, 0, 1, 0, 28], 'unableToProvide.notHeld': [240, 10, 1, 2, 6, 1, 260],
        'unableToProvide.needsCreation': [6, 0, 0, 0, 0, 0, 6],
        'unableToProvide.unclearAfterCorrection': [2, 0, 0, 0, 0, 0, 2],
        'notProcessed.petitionComplaint': [18, 2, 0, 0, 0, 0, 20], 'notProcessed.repeated': [9, 0, 0, 0, 0, 0, 9],
        'notProcessed.publication': [1, 0, 0, 0, 0, 0, 1], 'notProcessed.confirmOrReissue': [2, 0, 0, 0, 0, 0, 2],
        'outcome.other.overdueCorrection': [22, 1, 0, 0, 1, 0, 24],
        'outcome.other.otherReasons': [31, 2, 0, 1, 1, 1, 36],
        'outcome.total': [782, 34, 2, 4, 16, 3, 841], carriedForward: [51, 3, 0, 0, 2, 0, 56],
      }),
      ...review([3, 1, 0, 2, 6, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]),
    };
    expect(values(r)).toEqual(expected);
    const ordered = [
      'outcome.granted', 'outcome.partial', 'outcome.notProcessed.confirmOrReissue',
      'outcome.other.overdueCorrection', 'outcome.other.overdueFee', 'outcome.other.otherReasons',
    ];
    for (const c of Object.values(r.cells)) {
      if (ordered.includes(c.row)) {
        expect(c.how, c.key).toBe('ordered');
        expect(c.reason?.en, c.key).toMatch(/row order/);
      } else expect(c.how, c.key).toBe('direct');
    }
    // the granted values are the 14 numbers right after 二、上年结转's seven: 301 is on its own line
    const text = fixtureText('pdf-default.txt');
    expect(text.split('\n')[r.cells['applications/outcome.granted/naturalPerson'].source.line - 1]).toBe('301');
    expect(r.cells['applications/outcome.granted/naturalPerson'].raw).toBe('301');
    expect(codes(r)).toEqual(Array(6).fill('row-detached'));
    expect(r.diagnostics.every((d) => d.severity === 'info')).toBe(true);
    expect(errors(r)).toEqual([]);
  });
});

describe('encodings and scripts', () => {
  it('GBK without declaration (parseBytes)', async () => {
    const r = await parseBytes(readFileSync(path('gbk.txt')), 'gbk.txt');
    expect([r.agency, r.year, r.template, r.encoding]).toEqual(['桃源乡人民政府', 2021, '2021', 'gb18030']);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [1, 0, 3], licensing: 14, punishment: 5, coercion: 0, fees: 0,
      }),
      ...applications({
        newReceived: [2, 0, 0, 0, 0, 0, 2], granted: [1, 0, 0, 0, 0, 0, 1],
        'unableToProvide.notHeld': [1, 0, 0, 0, 0, 0, 1], 'outcome.total': [2, 0, 0, 0, 0, 0, 2],
      }),
      ...ZERO_REVIEW,
    });
  });

  it('UTF-8 with BOM and CRLF: positions count lines of the decoded text', async () => {
    const r = await parse('bom.txt');
    expect([r.agency, r.year, r.template, r.encoding]).toEqual(['青石街道办事处', 2022, '2021', 'utf-8']);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [1, 0, 2], licensing: 0, punishment: 3, coercion: 0, fees: 0,
      }),
      ...applications({
        newReceived: [4, 0, 0, 0, 0, 0, 4], carriedOver: [1, 0, 0, 0, 0, 0, 1], granted: [3, 0, 0, 0, 0, 0, 3],
        'unableToProvide.notHeld': [1, 0, 0, 0, 0, 0, 1], 'outcome.total': [4, 0, 0, 0, 0, 0, 4],
        carriedForward: [1, 0, 0, 0, 0, 0, 1],
      }),
      ...ZERO_REVIEW,
    });
    const text = fixtureText('bom.txt');
    const c = r.cells['applications/carriedOver/naturalPerson'];
    expect(c.source.line).toBe(lineOf(text, '二、上年结转'));
    expect(text.split('\n')[c.source.line - 1].slice(c.source.column - 1, c.source.column)).toBe('1');
  });

  it('full-width digits and ideographic spaces: values parsed, raw kept as printed', async () => {
    const r = await parse('fullwidth.txt');
    expect([r.agency, r.year, r.template]).toEqual(['东篱县人民政府', 2022, '2021']);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [6, 2, 31], licensing: 1204, punishment: 88, coercion: 3, fees: 15.75,
      }),
      ...applications({
        newReceived: [5, 1, 0, 0, 0, 0, 6], carriedOver: [1, 0, 0, 0, 0, 0, 1], granted: [3, 1, 0, 0, 0, 0, 4],
        'unableToProvide.notHeld': [2, 0, 0, 0, 0, 0, 2], 'outcome.total': [5, 1, 0, 0, 0, 0, 6],
        carriedForward: [1, 0, 0, 0, 0, 0, 1],
      }),
      ...review([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
    expect(r.cells['art20_8/fees/amount'].raw).toBe('１５．７５');
    expect(r.cells['applications/newReceived/total'].raw).toBe('６');
    expect(errors(r)).toEqual([]);
  });

  it('繁体: agency and title as printed, cells as in 简体', async () => {
    const r = await parse('traditional.txt');
    expect([r.agency, r.year, r.template, r.title]).toEqual(['翠湖區人民政府', 2022, '2021', '翠湖區人民政府2022年政府信息公開工作年度報告']);
    expect(r.tables).toEqual(allTables);
    expect(values(r)).toEqual({
      ...active2021({
        regulations: [0, 0, 0], normative: [7, 2, 40], licensing: 936, punishment: 215, coercion: 6, fees: 2.05,
      }),
      ...applications({
        newReceived: [11, 2, 0, 0, 0, 1, 14], carriedOver: [1, 0, 0, 0, 0, 0, 1], granted: [6, 1, 0, 0, 0, 0, 7],
        partial: [1, 0, 0, 0, 0, 0, 1], 'unableToProvide.notHeld': [3, 1, 0, 0, 0, 1, 5],
        'notProcessed.repeated': [1, 0, 0, 0, 0, 0, 1],
        'outcome.total': [11, 2, 0, 0, 0, 1, 14], carriedForward: [1, 0, 0, 0, 0, 0, 1],
      }),
      ...review([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    });
  });
});

describe('damaged reports', () => {
  it('lost tables: no cells, no table, no template', async () => {
    const r = await parse('prose-lost-tables.txt');
    expect([r.agency, r.year, r.template]).toEqual(['白沙乡人民政府', 2021, null]);
    expect(r.tables).toEqual(noTables);
    expect(r.cells).toEqual({});
    expect(r.sections.filter((s) => s.source).map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.narrative.find((n) => n.key === 'applicationsReceived')?.value).toBe(3);
    // the checks say the tables are missing
    expect(errors(r).map((f) => f.ruleId)).toContain('missing-table');
  });

  it('misaligned rows (6 values for 7 columns): placed by the row sums and the column sums, marked inferred',
    async () => {
    const r = await parse('misaligned-rows.txt');
    expect([r.agency, r.year, r.template]).toEqual(['青山县自然资源局', 2021, '2021']);
    expect(r.tables).toEqual({ active: false, applications: true, review: true });
    expect(values(r)).toEqual({
      ...applications({
        newReceived: [6, 2, 0, 0, 1, 0, 9], granted: [3, 1, 0, 0, 1, 0, 5], partial: [1, 0, 0, 0, 0, 0, 1],
        'unableToProvide.notHeld': [2, 1, 0, 0, 0, 0, 3], 'outcome.total': [6, 2, 0, 0, 1, 0, 9],
      }),
      ...ZERO_REVIEW,
    });
    // （一）予以公开 printed '3 1 0 0 1 5': five readings fit its row sum; only one fits the column sums
    const damaged = [
      'outcome.granted', 'outcome.unableToProvide.notHeld',
      'outcome.denied.stateSecret', 'outcome.notProcessed.repeated',
    ];
    for (const c of Object.values(r.cells)) {
      if (damaged.includes(c.row)) {
        expect(c.how, c.key).toBe('inferred');
        expect(c.reason, c.key).toBeTruthy();
        expect(c.raw).toBe('');
      } else expect(c.how, c.key).toBe('direct');
    }
    expect(r.cells['applications/outcome.granted/otherOrg'].reason?.en).toMatch(/column balances/);
    expect(r.cells['applications/outcome.denied.stateSecret/total'].reason?.en).toMatch(/row printed 6 of 7 values/);
    expect(codes(r)).toEqual(['row-damaged', 'row-damaged', 'row-damaged', 'row-damaged']);
    const text = fixtureText('misaligned-rows.txt');
    expect(r.diagnostics[0].source?.line).toBe(lineOf(text, '三、本年度办理结果'));
    // the placed values satisfy every relation; the only error is the section 二 table the fixture leaves out
    expect(errors(r).map((f) => f.ruleId)).toEqual(['missing-table']);
  });

  it('a row that cannot be placed: a diagnostic and no cells for that row', async () => {
    const r = await parse('unplaceable-row.txt');
    expect([r.agency, r.year, r.template]).toEqual(['南屏乡人民政府', 2022, '2021']);
    const expected = {
      ...applications(
        { newReceived: [2, 0, 0, 0, 0, 0, 2], granted: [1, 0, 0, 0, 0, 0, 1], 'outcome.total': [2, 0, 0, 0, 0, 0, 2] },
        '2021', ROWS_2021.filter((row) => row !== 'outcome.unableToProvide.notHeld')),
      ...ZERO_REVIEW,
    };
    expect(values(r)).toEqual(expected);
    expect(Object.keys(r.cells)).toHaveLength(183);
    expect(Object.keys(r.cells).filter((k) => k.includes('notHeld'))).toEqual([]);
    expect(codes(r)).toEqual(['row-unplaceable']);
    const d = r.diagnostics[0];
    expect(d.severity).toBe('warning');
    expect(d.source?.line).toBe(lineOf(fixtureText('unplaceable-row.txt'), '\t（四）无法提供\t1.本机关不掌握'));
    expect(d.messageEn).toMatch(/4 values for 7 columns/);
  });

  it('a review row of 16 values for 15 columns: the stray value excluded by the group totals', async () => {
    const r = await parse('review-16.txt');
    expect([r.agency, r.year, r.template]).toEqual(['石门镇人民政府', 2022, '2021']);
    const got = values(r);
    expect(Object.fromEntries(Object.entries(got).filter(([k]) => k.startsWith('reviewLitigation/'))))
      .toEqual(review([1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]));
    for (const c of Object.values(r.cells).filter((x) => x.table === 'reviewLitigation')) {
      expect(c.how).toBe('inferred');
      expect(c.reason?.en).toMatch(/16/);
    }
    expect(Object.keys(got)).toHaveLength(175 + 15);
    expect(codes(r)).toEqual(['review-damaged']);
    expect(errors(r).map((f) => f.ruleId)).toEqual(['missing-table']);
  });

  it('a text cut inside a table row: the printed values of that row fill from the left, nothing after', async () => {
    const r = await parse('truncated.txt');
    expect([r.agency, r.year, r.template, r.truncated]).toEqual(['柳溪镇人民政府', 2022, '2021', true]);
    expect(r.tables).toEqual({ active: false, applications: true, review: false });
    const rowsBefore = ROWS_2021.slice(0, ROWS_2021.indexOf('outcome.unableToProvide.notHeld'));
    expect(values(r)).toEqual({
      ...applications({ newReceived: [5, 1, 0, 0, 0, 0, 6], granted: [2, 1, 0, 0, 0, 0, 3] }, '2021', rowsBefore),
      'applications/outcome.unableToProvide.notHeld/naturalPerson': 3,
      'applications/outcome.unableToProvide.notHeld/commercialEnterprise': 0,
      'applications/outcome.unableToProvide.notHeld/researchInstitution': 0,
    });
    expect(Object.keys(r.cells)).toHaveLength(12 * 7 + 3);
    const cut = r.cells['applications/outcome.unableToProvide.notHeld/naturalPerson'];
    expect(cut.how).toBe('direct');
    expect(cut.reason?.en).toMatch(/cut/);
    expect(codes(r)).toEqual(['row-cut']);
  });
});

describe('parseBytes and parseFile agree', () => {
  it('on every fixture', async () => {
    for (const file of [
      'tab-complete.txt', 'markdown-2019.md', 'pdf-default.txt', 'traditional.txt', 'truncated.txt',
    ]) {
      const a = await parseFile(path(file));
      const b = await parseBytes(readFileSync(path(file)), path(file));
      expect(b, file).toEqual(a);
    }
  });
});
