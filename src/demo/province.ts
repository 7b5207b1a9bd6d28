// The demo province's tree: a fictional province (code 900000 — the 90 range is no province of GB/T 2260, so it
// never collides with the real tree loaded beside it) with four cities and their counties, and ~150 bodies:
// governments at every level, their departments, towns and streets. Names are invented from syllables, seeded,
// so every load builds the same province.
import type { Body, BodyLevel, Region } from '../model/api.js';
import { Rng } from '../generate/random.js';

export const DEMO_PROVINCE = '900000';

const FIRST = '青云白临松柳桂枫梅兰清明安丰和宁长平永新金玉碧翠龙凤鹤鹭溪泉石望'.split('');
const SECOND = '山溪江河湖岭泉桥川林源阳宁安丰平水台塘湾峰坪'.split('');
const PROVINCE_DEPTS = ['发展和改革委员会', '教育厅', '公安厅', '民政厅', '财政厅', '自然资源厅', '生态环境厅', '交通运输厅',
  '卫生健康委员会', '市场监督管理局'];
const CITY_DEPTS = ['教育局', '民政局', '自然资源和规划局', '生态环境局', '住房和城乡建设局', '市场监督管理局'];
const COUNTY_DEPTS = ['教育局', '民政局', '卫生健康局', '农业农村局'];

/** A body of the demo tree before it is stored: its parent by index into the list. */
export interface DemoBody extends Omit<Body, 'id' | 'agencyKey' | 'parentId' | 'ownDueDate'> {
  parent: number | null;
}

export interface DemoTree {
  regions: Region[];
  bodies: DemoBody[];
}

export function demoTree(seed = 2026): DemoTree {
  const rng = new Rng(seed);
  const used = new Set<string>();
  const place = (): string => {
    for (;;) {
      const p = rng.pick(FIRST) + rng.pick(SECOND);
      if (!used.has(p) && p[0] !== p[1]) {
        used.add(p);
        return p;
      }
    }
  };
  const province = `${place()}省`;
  const regions: Region[] = [{ code: DEMO_PROVINCE, name: province, level: 'province', parentCode: null }];
  const bodies: DemoBody[] = [];
  const add = (name: string, level: BodyLevel, regionCode: string, parent: number | null,
    scope: Body['scope'] = 'own'): number => {
    const dueDate = level === 'department' ? '01-31' : '03-31';
    bodies.push({ name, aliases: [], level, regionCode, parent, dueDate, scope });
    return bodies.length - 1;
  };
  const gov = add(`${province}人民政府`, 'province', DEMO_PROVINCE, null);
  for (const d of PROVINCE_DEPTS) add(`${province}${d}`, 'department', DEMO_PROVINCE, gov);
  for (let c = 1; c <= 4; c++) {
    const cityCode = `90${String(c).padStart(2, '0')}00`;
    const city = `${place()}市`;
    regions.push({ code: cityCode, name: city, level: 'city', parentCode: DEMO_PROVINCE });
    const cityGov = add(`${city}人民政府`, 'city', cityCode, gov);
    bodies[cityGov].aliases = [`${province}${city}人民政府`];
    for (const d of CITY_DEPTS) add(`${city}${d}`, 'department', cityCode, cityGov);
    const counties = c <= 2 ? 4 : 3;
    for (let k = 1; k <= counties; k++) {
      const code = `${cityCode.slice(0, 4)}${String(k).padStart(2, '0')}`;
      const county = `${place()}${k % 2 ? '县' : '区'}`;
      regions.push({ code, name: county, level: 'county', parentCode: cityCode });
      // two county governments report for their whole county (口径 including subordinates)
      const scope = c === 1 && k <= 2 ? 'including-subordinates' : 'own';
      const countyGov = add(`${county}人民政府`, 'county', code, cityGov, scope);
      bodies[countyGov].aliases = [`${city}${county}人民政府`];
      for (const d of COUNTY_DEPTS) add(`${county}${d}`, 'department', code, countyGov);
      const towns = k % 2 ? 2 : 3;
      for (let t = 0; t < towns; t++) {
        const p = place();
        if (k % 2) add(`${county}${p}镇人民政府`, 'town', code, countyGov);
        else add(`${county}${p}街道办事处`, 'street', code, countyGov);
      }
    }
  }
  return { regions, bodies };
}
