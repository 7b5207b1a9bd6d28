// Invented reporting bodies: place names built from syllables (no real report's agency is copied), at every
// level that publishes reports — city, county, district, town, township, street, department, general office.
import type { AgencyLevel } from './model.js';
import type { Rng } from './random.js';

const FIRST = '青云白临松柳桂枫梅兰清明安丰和宁长平永新金玉碧翠龙凤鹤鹭溪泉石望'.split('');
const SECOND = '山溪江河湖岭泉桥川林源阳宁安丰平水台塘湾峰坪'.split('');
const DEPARTMENTS = ['生态环境局', '统计局', '卫生健康局', '自然资源局', '市场监督管理局', '交通运输局', '教育局', '民政局', '住房和城乡建设局', '农业农村局'];

export interface Agency {
  name: string;
  level: AgencyLevel;
  /** how the prose refers to itself: 我县, 我镇, 我局 … */
  self: string;
  place: string;
}

function place(rng: Rng): string {
  let a = rng.pick(FIRST);
  let b = rng.pick(SECOND);
  if (a === b) b = '源';
  return a + b;
}

export function inventAgency(rng: Rng, level?: AgencyLevel): Agency {
  const lv = level ??
    rng.weighted<AgencyLevel>([
      ['county', 3], ['district', 2], ['city', 1], ['town', 3], ['township', 1], ['street', 2], ['department', 3],
      ['office', 1],
    ]);
  const p = place(rng);
  let q = place(rng);
  if (q === p) q = q[0] + '岗';
  const upper = rng.pick(['县', '市', '区']);
  switch (lv) {
    case 'city': return { name: `${p}市人民政府`, level: lv, self: '我市', place: `${p}市` };
    case 'county': return { name: `${p}县人民政府`, level: lv, self: '我县', place: `${p}县` };
    case 'district': return { name: `${p}区人民政府`, level: lv, self: '我区', place: `${p}区` };
    case 'town': return {
      name: rng.chance(0.5) ? `${q}镇人民政府` : `${p}县${q}镇人民政府`,
      level: lv,
      self: '我镇',
      place: `${q}镇`,
    };
    case 'township': return { name: `${p}县${q}乡人民政府`, level: lv, self: '我乡', place: `${q}乡` };
    case 'street': return {
      name: rng.chance(0.5) ? `${q}街道办事处` : `${p}区${q}街道办事处`,
      level: lv,
      self: '我街道',
      place: `${q}街道`,
    };
    case 'office': return { name: `${p}${upper}人民政府办公室`, level: lv, self: '我办', place: `${p}${upper}` };
    default: {
      const dept = rng.pick(DEPARTMENTS);
      return {
        name: `${p}${upper}${dept}`, level: 'department', self: dept.endsWith('局') ? '我局' : '我单位',
        place: `${p}${upper}`,
      };
    }
  }
}

/** The level of a caller-supplied agency name, guessed from its ending. */
export function levelOf(name: string): AgencyLevel {
  if (/镇人民政府$/.test(name)) return 'town';
  if (/乡人民政府$/.test(name)) return 'township';
  if (/街道办事处$/.test(name)) return 'street';
  if (/办公室$/.test(name)) return 'office';
  if (/市人民政府$/.test(name)) return 'city';
  if (/区人民政府$/.test(name)) return 'district';
  if (/县人民政府$/.test(name)) return 'county';
  return 'department';
}

export function selfName(level: AgencyLevel, name: string): string {
  const m: Partial<Record<AgencyLevel, string>> = {
    city: '我市', county: '我县', district: '我区', town: '我镇', township: '我乡', street: '我街道', office: '我办',
  };
  return m[level] ?? (name.endsWith('局') ? '我局' : '我单位');
}
