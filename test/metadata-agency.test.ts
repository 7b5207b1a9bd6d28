// Agency from the title, the signature and the text's statements about itself — never a sentence fragment —
// and agencyKey, which pairs the names one body is printed under. Invented report texts; real region names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate/index.js';
import { agencyKey, sameAgency } from '../src/model/agency-key.js';
import { asBodyName, bodyNameEnding, isKnownRegion, titleBodyName } from '../src/recognise/agency.js';
import { parseBytes } from '../src/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const parse = (lines: string[], name = 'r.txt') => parseBytes(utf8(lines.join('\n') + '\n'), name);
const TAIL = ['五、存在的主要问题及改进情况', '宣传不够深入。', '六、其他需要报告的事项', '无。'];

describe('body names', () => {
  it('accepts region names with body suffixes, by GB/T 2260 or by shape where a name starts', () => {
    for (const n of ['宜都市红花套镇人民政府', '临湘市统计局', '武汉市青山区人民政府办公室', '青山区', '县统计局', '包头市卫生健康委员会'])
      expect(asBodyName(n)?.name, n).toBe(n);
    expect(asBodyName('东篱县人民政府')).toBeNull(); // not in the data: only by shape, where a name starts
    expect(asBodyName('东篱县人民政府', true)?.kind).toBe('government');
  });
  it('rejects sentence fragments and runs of table words', () => {
    for (const s of ['在区委', '区委', '坚持以习近平新时代中国特色社会主义思想为指导区政府办公室', '本年新制作数量对外公开总数量办公室',
      '规章规范性文件行政许可办公室', '县政府办公室'])
      expect(asBodyName(s), s).toBeNull();
    expect(bodyNameEnding('平台建设宜都市红花套镇人民政府')?.name).toBe('宜都市红花套镇人民政府');
    expect(bodyNameEnding('在区委')).toBeNull();
  });
});

describe('agency from the text', () => {
  it('reads the title, and ignores words glued before the name', async () => {
    const r = await parse(['平台建设宜都市红花套镇人民政府2022年政府信息公开工作年度报告', '一、总体情况', '2022年，我镇主动公开信息12条。', ...TAIL]);
    expect([r.agency, r.agencyFrom, r.year, r.yearFrom]).toEqual(['宜都市红花套镇人民政府', 'title', 2022, 'title']);
  });
  it('joins 我镇 with the town the text names when there is no title', async () => {
    const r = await parse(['一、总体情况', '2023年，我镇认真贯彻落实《条例》，在镇党委的领导下推进公开工作。',
      '镇政府通过宜都市红花套镇人民政府网站公开信息41条，羊楼司镇未参与。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['宜都市红花套镇人民政府', 'self-reference']);
    expect(r.agencyCandidates?.[0]).toBe('宜都市红花套镇人民政府');
  });
  it('reads the subject of the first year sentence, not a fragment around 区委 or after 坚持以', async () => {
    const r = await parse(['一、总体情况', '2022年，在区委、区政府的坚强领导下，坚持以公开为常态、不公开为例外，统筹推进公开工作。',
      '2022年，武汉市青山区人民政府办公室认真落实《条例》要求。', '（一）主动公开情况', '全年主动公开政府信息300条。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['武汉市青山区人民政府办公室', 'self-reference']);
  });
  it('joins 我局 with the county the text names to complete 县统计局', async () => {
    const r = await parse(['根据《华容县人民政府办公室关于做好年度报告编制工作的通知》要求，现将2021年度工作报告如下。', '一、总体情况',
      '2021年，我局坚持依法公开。县统计局通过门户网站公开统计数据12条，县统计局还公开了普查公报。', ...TAIL]);
    expect([r.agency, r.agencyFrom, r.year]).toEqual(['华容县统计局', 'self-reference', 2021]);
  });
  it('reads the signature of a report without a title', async () => {
    const r = await parse(['一、总体情况', '全年主动公开政府信息300条，在区委的领导下推进公开。', ...TAIL, '武汉市青山区人民政府', '2023年1月20日']);
    expect([r.agency, r.agencyFrom]).toEqual(['武汉市青山区人民政府', 'signature']);
  });
  it('joins 我街道 with the street the text names, not with a word run before 街道', async () => {
    const r = await parse(['一、总体情况', '2020年，我街道认真贯彻落实《条例》，同时结合街道实际推进公开工作。',
      '以红卫路街道办事处名义制发文件3件。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['红卫路街道办事处', 'self-reference']);
    expect(r.agencyCandidates).not.toContain('同时结合街道办事处');
  });
  it('takes a region that is the subject of several sentences as its government', async () => {
    const r = await parse(['一、总体情况', '（一）主动公开情况。宜都市全面推进政府信息主动公开。', '（二）依申请公开情况。宜都市依法办理申请。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['宜都市人民政府', 'self-reference']);
  });
  it('gives no agency, with candidates, when the text never names itself', async () => {
    const r = await parse(['一、总体情况', '按照宜都市人民政府办公室的要求，本年度主动公开信息300条，行政许可办公室负责审核。', ...TAIL]);
    expect(r.agency).toBeNull();
    expect(r.agencyFrom).toBeNull();
    expect(r.agencyCandidates).toContain('宜都市人民政府办公室');
  });
  it('puts the candidates in the parse record', async () => {
    const { toParseRecord } = await import('../src/index.js');
    const r = await parse(['一、总体情况', '2022年，我镇主动公开信息。宜都市红花套镇人民政府负责。', ...TAIL]);
    const rec = toParseRecord(r);
    expect([rec.agency, rec.agencyFrom, rec.year, rec.yearFrom])
      .toEqual(['宜都市红花套镇人民政府', 'self-reference', 2022, 'body']);
    expect(rec.agencyCandidates).toEqual(['宜都市红花套镇人民政府']);
  });
});

describe('places the data lacks (new towns, generated names)', () => {
  it('reads a signature line whose place is not in GB/T 2260, and lists no cut name beside it', async () => {
    const r = await parse(['一、总体情况', '2023年，我街道认真贯彻落实《条例》，推进公开工作。', ...TAIL,
      '东篱县西岭街道办事处', '2024年1月18日']);
    expect([r.agency, r.agencyFrom]).toEqual(['东篱县西岭街道办事处', 'signature']);
    expect(r.agencyCandidates).toEqual(['东篱县西岭街道办事处']);
  });
  it('never takes 街道 itself for a place (the data lists a town so named)', async () => {
    expect(isKnownRegion('街道')).toBe(false);
    expect(isKnownRegion('红花套镇')).toBe(true);
    const r = await parse(['一、总体情况', '2023年，我街道认真贯彻落实《条例》，结合街道实际推进公开工作。', ...TAIL]);
    expect(r.agency).toBeNull();
    expect(r.agencyCandidates).not.toContain('街道办事处');
  });
  it('gives no agency rather than 县统计局 when the text names no county to join it with', async () => {
    const r = await parse(['一、总体情况', '2023年，我局认真贯彻落实《条例》，县统计局主动公开信息12条。', ...TAIL]);
    expect(r.agency).toBeNull();
  });
  it('reads a title whose place is also a word (平台市), not the cut 市交通运输局', async () => {
    const r = await parse(['平台市交通运输局2022年政府信息公开工作年度报告', '一、总体情况', '2022年，我局主动公开信息12条。',
      ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['平台市交通运输局', 'title']);
    expect(titleBodyName('平台县白泉乡人民政府')).toEqual({ name: '平台县白泉乡人民政府', kind: 'government',
      region: '平台县白泉乡' });
    expect(titleBodyName('白坪县平台乡人民政府')).toEqual({ name: '白坪县平台乡人民政府', kind: 'government',
      region: '白坪县平台乡' }); // the word-place second in the chain
    expect(titleBodyName('首页平台建设市交通运输局')?.name).toBe('市交通运输局'); // more than a place before it
  });
});

describe('a title with the year first', () => {
  it('reads the year from it, and 上海市政府信息公开 as the place 上海市, not a body 上海市政府', async () => {
    const r = await parse(['2022年上海市政府信息公开工作年度报告', '本年度报告电子版可从上海市人民政府网站下载。', '一、总体情况',
      '2022年，上海市全面推进政务公开工作。', ...TAIL]);
    expect([r.year, r.yearFrom, r.title]).toEqual([2022, 'title', '2022年上海市政府信息公开工作年度报告']);
    expect([r.agency, r.agencyFrom]).toEqual(['上海市人民政府', 'self-reference']);
  });
});

describe('a street printed without 道', () => {
  it('reads 白云街 as the street 白云街道 the data knows (and nothing from a word before 街)', async () => {
    const r = await parse(['一、总体情况', '2022年，白云街全面推进政务公开工作。', '2022年，我街共受理政府信息公开申请1件。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['白云街道办事处', 'self-reference']);
    const walk = await parse(['一、总体情况', '2022年，步行街改造信息全部公开。', ...TAIL]);
    expect(walk.agency).toBeNull();
  });
});

describe("a zone's administrative committee", () => {
  it('reads 某某工业园区管委会 where a name starts (a year sentence, a line above the title)', async () => {
    const a = await parse(['一、总体情况', '2023年，甘眉工业园区管委会坚持以公开为常态。', '2023年，我委主动公开信息20条。', ...TAIL]);
    expect([a.agency, a.agencyFrom]).toEqual(['甘眉工业园区管委会', 'self-reference']);
    const b = await parse(['重庆磁器口古镇管理委员会', '2023年政府信息公开工作年度报告', '一、总体情况', '全年公开信息354条。',
      ...TAIL]);
    expect([b.agency, b.agencyFrom]).toEqual(['重庆磁器口古镇管理委员会', 'title']);
    for (const s of ['园区管委会', '推进工作园区管委会', '在开发区管委会']) expect(asBodyName(s, true), s).toBeNull();
    // 从 inside a name (从化) is no boundary to start a zone's name at
    const c = await parse(['一、总体情况', '2022年，在区委区政府的正确领导下，广东从化经济开发区管理委员会认真贯彻《条例》。',
      '2022年，我委发布信息220多篇。', ...TAIL]);
    expect(c.agency).not.toBe('化经济开发区管理委员会');
    expect(c.agencyCandidates).not.toContain('化经济开发区管理委员会');
  });
});

describe('names cut or borrowed', () => {
  it('does not end a name inside a word: 民意乡未收到和处|理 is no body', async () => {
    const r = await parse(['一、总体情况', '2021年度，民意乡未收到和处理政府信息公开申请。', ...TAIL]);
    expect(r.agency).not.toBe('民意乡未收到和处');
  });
  it('completes a place alone on the line above the title from the text', async () => {
    const r = await parse(['五常市民意乡', '2021年政府信息公开工作年度报告', '如有疑问，请联系民意乡政府。地址：五常市民意乡人民政府。',
      '一、总体情况', '2021年度，民意乡未收到政府信息公开申请。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['五常市民意乡人民政府', 'title']);
  });
  it("reads the place whose report the text publishes, not a county its short name ends with (肃南县 → 南县)", async () => {
    const r = await parse(['现公布肃南裕固族自治县2021年度政府信息公开工作年度报告。', '本报告电子版通过肃南县人民政府门户网站公开发布。',
      '一、总体情况', '2021年度，我县主动公开政府信息34152条。', ...TAIL]);
    expect([r.agency, r.agencyFrom]).toEqual(['肃南裕固族自治县', 'title']); // as its report's name names it
    const full = await parse(['现公布肃南裕固族自治县2021年度政府信息公开工作年度报告。', '肃南裕固族自治县人民政府负责解释。',
      '一、总体情况', '2021年度，我县主动公开政府信息34152条。', ...TAIL]);
    expect([full.agency, full.agencyFrom]).toEqual(['肃南裕固族自治县人民政府', 'title']);
    // a place so read is one the data knows: the words before it are not taken in by its shape
    const w = await parse(['首页 > 洗马乡 > 年报', '根据《条例》要求，我乡结合工作实际，并形成洗马乡2020年政府信息公开年度报告。',
      '一、总体情况', '2020年，洗马乡主动公开信息30条。', ...TAIL]);
    expect(w.agency).toBe('洗马乡');
  });
});

describe('agencyKey', () => {
  it('pairs one body printed with and without its region prefix, 人民政府 or 政府, and its office', () => {
    const same = ['洪泽区人民政府', '淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府', '洪泽区政府', '淮安市洪泽区人民政府办公室', ' 洪泽区 人民政府'];
    for (const n of same) expect(agencyKey(n), n).toBe(agencyKey(same[0]));
    expect(sameAgency('郑州市金水区人民政府', '金水区政府')).toBe(true);
    expect(sameAgency('广州市荔湾区人民政府南源街道办事处', '南源街道办事处')).toBe(true);
    expect(sameAgency('浙江省杭州市卫生健康委', '杭州市卫生健康委员会')).toBe(true);
    expect(sameAgency('荆州市沙市区人民政府', '沙市区政府')).toBe(true);
  });
  it('keeps different bodies apart', () => {
    expect(sameAgency('洪泽区人民政府', '洪泽区统计局')).toBe(false);
    expect(sameAgency('洪泽区人民政府', '淮阴区人民政府')).toBe(false);
    expect(sameAgency('市北区人民政府', '北区人民政府')).toBe(false);
    expect(sameAgency(null, null)).toBe(false);
  });
});

describe('cross-year pairing in `gongkai check` (by agencyKey)', () => {
  const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js');
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-agency-key-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const crossYear = (last: string, now: string): number => {
    const a = generateReport({ seed: 11, layout: 'tab', template: '2021', agency: last, year: 2021 });
    // this year's carried-over applications never equal last year's carried-forward ones (+1)
    const b = generateReport({ seed: 12, layout: 'tab', template: '2021', agency: now, year: 2022 });
    writeFileSync(join(dir, 'a.txt'), a.bytes);
    writeFileSync(join(dir, 'b.txt'), b.bytes);
    const r = spawnSync(
      process.execPath, [MAIN, 'check', '--json', join(dir, 'a.txt'), join(dir, 'b.txt')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { findings?: { ruleId: string }[] });
    return lines.flatMap((l) => l.findings ?? []).filter((f) => f.ruleId === 'cross-year').length;
  };
  it('pairs 淮安市洪泽区人民政府 (last year) with 洪泽区政府 (this year), and not with another district', () => {
    expect(crossYear('淮安市洪泽区人民政府', '洪泽区人民政府')).toBeGreaterThan(0);
    expect(crossYear('淮安市淮阴区人民政府', '洪泽区人民政府')).toBe(0);
  });
});

describe('titles as pages print them', () => {
  const read = async (lines: string[]) => {
    const r = await parse([...lines, '一、总体情况', '本年度主动公开信息12条。', ...TAIL]);
    return [r.agency, r.agencyFrom, r.year, r.yearFrom];
  };
  it('reads a title split after its year, anywhere in its words', async () => {
    expect(await read(['鄂尔多斯市东胜区林业和草原局2023年度政府信息公开', '工作年度报告']))
      .toEqual(['鄂尔多斯市东胜区林业和草原局', 'title', 2023, 'title']);
    // a sentence that runs on after such words is no title's rest
    expect(await read(['鄂尔多斯市东胜区林业和草原局做好2023年度政府信息公开', '工作年度报告编制发布工作。']))
      .not.toEqual(['鄂尔多斯市东胜区林业和草原局', 'title', 2023, 'title']);
  });
  it('takes a breadcrumb trail for the title only when no line is one', async () => {
    expect(await read(['首页 > 政务公开 > 2022年度政府信息公开年报', '射洪市审计局2023年政府信息公开工作年度报告']))
      .toEqual(['射洪市审计局', 'title', 2023, 'title']);
    expect(await read(['当前位置：首页 > 信息公开 > 射洪市审计局2023年政府信息公开工作年度报告', '发布日期：2024-01-19']))
      .toEqual(['射洪市审计局', 'title', 2023, 'title']);
  });
  it('goes past a column\'s name to the title that names the body', async () => {
    expect(await read(['政务公开2022年度政府信息公开年报', '射洪市审计局2023年政府信息公开工作年度报告']))
      .toEqual(['射洪市审计局', 'title', 2023, 'title']);
  });
  it('reads a year in Chinese numerals, 工作的年度报告 and 政务公开 titles', async () => {
    expect(await read(['桐庐县分水镇人民政府二〇二三年度政府信息公开工作年度报告']))
      .toEqual(['桐庐县分水镇人民政府', 'title', 2023, 'title']);
    expect(await read(['桐庐县分水镇人民政府二零二一年政府信息公开工作年度报告']))
      .toEqual(['桐庐县分水镇人民政府', 'title', 2021, 'title']);
    expect(await read(['宜良县应急管理局关于2023年度政府信息公开工作的年度报告']))
      .toEqual(['宜良县应急管理局', 'title', 2023, 'title']);
    expect(await read(['宜良县应急管理局2022年度政务公开工作年度报告']))
      .toEqual(['宜良县应急管理局', 'title', 2022, 'title']);
  });
  it('files a body printed with its second name in brackets under its first', async () => {
    expect(await read(['南通市生态环境局（南通市核与辐射安全监督局）2023年政府信息公开工作年度报告']))
      .toEqual(['南通市生态环境局', 'title', 2023, 'title']);
  });
  it('never takes a site\'s name above a title for the body', async () => {
    const r = await parse(['遂宁市人民政府门户网站', '2023年政府信息公开工作年度报告',
      '本报告由大英县蓬莱镇人民政府依据《中华人民共和国政府信息公开条例》编制。', '一、总体情况', ...TAIL]);
    expect(r.agency).toBe('大英县蓬莱镇人民政府');
  });
});
