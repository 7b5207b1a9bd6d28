// 雷同 screening and text reuse: a report that copies its previous year, and one that copies a peer, are found;
// independent reports are not; offsets of shared passages point at the same text in both reports; MinHash
// estimates track the true Jaccard similarity.
import { describe, expect, it } from 'vitest';
import { compareReports, textReuse } from '../src/analysis/compare.js';
import { estimateJaccard, lshCandidates, signature } from '../src/analysis/minhash.js';
import { SIMILARITY_DEFAULTS, screenSimilarity } from '../src/analysis/similarity.js';
import { normalise } from '../src/analysis/text.js';
import type { AnalysisReport } from '../src/model/analysis.js';
import { COMMON, input, prose, reportWithProse } from './analysis-fixtures.js';

const BODIES = 30;

/** Year 2021 and 2022 reports of 30 bodies with independent prose; body 3 repeats 2021, body 7 copies body 8. */
function region(): { reports: AnalysisReport[]; copiedPeer: string } {
  const reports: AnalysisReport[] = [];
  let id = 1;
  const texts = new Map<string, { overview: string; problems: string; other: string }>();
  for (const year of [2021, 2022])
    for (let b = 1; b <= BODIES; b++) {
      const seed = year * 1000 + b;
      texts.set(`${b}/${year}`, {
        overview: `${COMMON}全年收到申请${(seed % 50) + 3}件。${prose(seed, 12)}`,
        problems: prose(seed + 500, 4),
        other: `${year}年未收取信息处理费。`,
      });
    }
  // body 3 repeats its 2021 overview and problems, with this year's numbers put in
  const last = texts.get('3/2021')!;
  texts.set('3/2022', {
    ...texts.get('3/2022')!, overview: last.overview.replace(/\d+件/, '99件'), problems: last.problems,
  });
  // body 7 takes most of body 8's overview (after the common sentence), and keeps a little of its own
  const peer = texts.get('8/2022')!.overview.slice(COMMON.length);
  const copiedPeer = peer.slice(0, Math.floor(peer.length * 0.8));
  texts.set('7/2022', { ...texts.get('7/2022')!, overview: `${COMMON}${copiedPeer}${prose(7777, 2)}` });
  for (const year of [2021, 2022])
    for (let b = 1; b <= BODIES; b++)
      reports.push(input(
        reportWithProse(texts.get(`${b}/${year}`)!, { year, agency: `单位${b}` }),
        { reportId: id++, bodyId: b, year },
      ));
  return { reports, copiedPeer };
}

describe('screenSimilarity', () => {
  const { reports } = region();
  const idOf = (body: number, year: number) => reports.find((r) => r.bodyId === body && r.year === year)!.reportId;

  it('finds the report repeating its previous year and the peer copy, and nothing else', () => {
    const result = screenSimilarity(reports, { year: 2022, threshold: 0.1 });
    const found = result.pairs.map((p) => `${p.kind}:${p.a.reportId}-${p.b.reportId}`).sort();
    expect(found).toEqual([
      `peer:${idOf(7, 2022)}-${idOf(8, 2022)}`,
      `previous-year:${idOf(3, 2021)}-${idOf(3, 2022)}`,
    ].sort());
    expect(result.screened).toBe(BODIES);
    for (const p of result.pairs) expect(p.rate).toBeGreaterThan(0.5);
  });

  it('measures the repetition rate on the prose that is not common to the region', () => {
    const result = screenSimilarity(reports, { year: 2022 });
    const prev = result.pairs.find((p) => p.kind === 'previous-year')!;
    // body 3's 2022 overview and problems are last year's; only section 六 (its year) and the common sentence differ
    expect(prev.rate).toBeGreaterThan(0.9);
    const peer = result.pairs.find((p) => p.kind === 'peer')!;
    expect(peer.rate).toBeGreaterThan(0.6);
    expect(peer.rate).toBeLessThan(1);
    for (const p of result.pairs) expect(p.rate).toBeCloseTo(p.sharedChars! / p.chars!, 12);
  });

  it('without the common-text filter the 条例 sentence alone makes every body look repeated', () => {
    const off = screenSimilarity(reports, { year: 2022, threshold: 0.1, commonShare: 1 });
    expect(off.pairs.filter((p) => p.kind === 'previous-year').length).toBe(BODIES);
  });

  it('does not list a pair below the threshold', () => {
    const peerRate = screenSimilarity(reports, { year: 2022 }).pairs.find((p) => p.kind === 'peer')!.rate;
    const result = screenSimilarity(reports, { year: 2022, threshold: peerRate + 0.01 });
    expect(result.pairs.map((p) => p.kind)).toEqual(['previous-year']);
  });

  it('screens pairs through LSH candidates, not all pairs', () => {
    const result = screenSimilarity(reports, { year: 2022 });
    expect(result.confirmed).toBeLessThan((BODIES * (BODIES - 1)) / 2);
  });
});

describe('screening common text', () => {
  it('lists a report that is last year\'s unchanged even when all its prose is common text', () => {
    const reports: AnalysisReport[] = [];
    let id = 1;
    for (const year of [2021, 2022])
      for (let b = 1; b <= 12; b++) {
        // the common sentence and one short sentence of its own: too little distinctive prose to screen
        const own = b === 5 ? prose(555, 1) : prose(year * 100 + b, 1);
        const report = reportWithProse({ overview: `${COMMON}${own}`, problems: '', other: '' }, { year });
        reports.push(input(report, { reportId: id++, bodyId: b, year }));
      }
    const result = screenSimilarity(reports, { year: 2022 });
    expect(result.pairs.map((p) => [p.kind, p.a.label, p.b.label, p.rate]))
      .toEqual([['previous-year', '单位5', '单位5', 1]]);
  });
});

describe('screening a short copy', () => {
  it('keeps a candidate whose Jaccard similarity is low when the shared part is most of the shorter report', () => {
    const reports: AnalysisReport[] = [];
    for (let b = 1; b <= 12; b++) {
      const long = prose(9000 + b, 60);
      reports.push(input(
        reportWithProse({ overview: long, problems: '', other: '' }, { year: 2022 }),
        { reportId: b, bodyId: b, year: 2022 },
      ));
    }
    // body 13's short report is three sentences of body 1's long one, and one of its own
    const source = reports[0].report.sections[0].text.split('。').slice(10, 13).join('。');
    const short = reportWithProse({ overview: `${source}。${prose(77, 1)}`, problems: '', other: '' }, { year: 2022 });
    reports.push(input(short, { reportId: 13, bodyId: 13, year: 2022 }));
    // one row per band: every pair sharing a minimum is a candidate, so only the confirmation filter decides
    const result = screenSimilarity(reports, { year: 2022, bands: 128, rows: 1 });
    const pair = result.pairs.find((p) => p.a.reportId === 1 && p.b.reportId === 13)!;
    expect(pair.similarity).toBeLessThan(SIMILARITY_DEFAULTS.minJaccard);
    expect(pair.rate).toBeGreaterThan(0.5);
    expect(result.pairs).toHaveLength(1);
  });
});

describe('MinHash', () => {
  const set = (from: number, to: number) => Uint32Array.from({ length: to - from }, (_, i) => (i + from) * 2654435761);

  it('estimates the Jaccard similarity of shingle sets', () => {
    for (const [overlap, total] of [[0, 1000], [250, 1000], [500, 1000], [900, 1000]]) {
      const a = set(0, total);
      const b = set(total - overlap, 2 * total - overlap);
      const truth = overlap / (2 * total - overlap);
      expect(Math.abs(estimateJaccard(signature(a, 128)!, signature(b, 128)!) - truth)).toBeLessThan(0.1);
    }
  });

  it('puts near-duplicates in a common band and keeps disjoint sets apart', () => {
    const sigs = [signature(set(0, 500), 128), signature(set(50, 550), 128), signature(set(10_000, 10_500), 128)];
    expect(lshCandidates(sigs, 64, 2)).toEqual([[0, 1]]);
  });
});

describe('text reuse', () => {
  it('reports passages whose offsets point at the same text in both reports', () => {
    const shared = prose(42, 6);
    const a = reportWithProse({ overview: `${prose(1, 3)}${shared}`, problems: prose(2, 2), other: '无。' });
    const b = reportWithProse({ overview: `${shared}\n${prose(3, 3)}`, problems: prose(4, 2), other: '无。' });
    const { sections, overall } = textReuse(a, b);
    const overview = sections.find((s) => s.key === 'overview')!;
    expect(overview.passages.length).toBeGreaterThan(0);
    for (const p of overview.passages) {
      const textA = a.sections[0].text.slice(p.a[0], p.a[1]);
      const textB = b.sections[0].text.slice(p.b[0], p.b[1]);
      expect(textA).toBe(p.text);
      expect(normalise(textB).text).toBe(normalise(textA).text);
    }
    const covered = overview.passages.reduce((n, p) => n + normalise(p.text).text.length, 0);
    expect(overview.rate)
      .toBeCloseTo(covered / normalise(b.sections[0].text.slice(b.sections[0].title!.length)).text.length, 6);
    expect(overview.rate).toBeGreaterThan(0.5);
    expect(sections.find((s) => s.key === 'problems')!.rate).toBe(0);
    expect(overall).toBeGreaterThan(0);
    expect(overall).toBeLessThan(overview.rate);
  });

  it('reads numbers updated in copied text as the same text', () => {
    const a = reportWithProse({ overview: '全年共收到政府信息公开申请17件，办结17件，均在法定期限内予以答复。', problems: '', other: '' });
    const b = reportWithProse({ overview: '全年共收到政府信息公开申请235件，办结230件，均在法定期限内予以答复。', problems: '', other: '' });
    expect(textReuse(a, b).sections.find((s) => s.key === 'overview')!.rate).toBe(1);
  });

  it('compares cells and lists the findings of both sides', () => {
    const a = reportWithProse({ overview: prose(1, 2), problems: '', other: '' }, { year: 2021 });
    const changed = {
      ...a.cells,
      'applications/newReceived/naturalPerson': { ...a.cells['applications/newReceived/naturalPerson'], value: 99 },
    };
    const b = { ...a, year: 2022, cells: changed };
    const c = compareReports(
      { report: a, meta: { reportId: 1, bodyId: 5, year: 2021 } },
      { report: b, meta: { reportId: 2, bodyId: 5, year: 2022 } },
    );
    expect(c.cells).toEqual([{
      key: 'applications/newReceived/naturalPerson', a: a.cells['applications/newReceived/naturalPerson'].value, b: 99,
    }]);
    expect(c.a.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(c.b.findings.some((f) => f.ruleId === 'balance')).toBe(true);
    expect(c.overallRate).toBe(1);
  });
});
