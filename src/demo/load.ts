// Loads the demo province: its regions and bodies, three years of generated reports (parsed and checked by the
// engine in the worker pool, cross-year rules against the year before) with realistic shares of errors, late,
// returned, 雷同 (a report copying last year's or a peer's text) and missing reports, workflow states with their
// dates, and one demo user per role. Seeded: every load gives the same province and reports.
import { randomBytes } from 'node:crypto';
import type { Body, ReportStatus, Role } from '../model/api.js';
import type { Report } from '../model/report.js';
import { DEFAULT_DUE_DATES } from '../analysis/filing.js';
import { generateReport, type DamageName, type LayoutName } from '../generate/index.js';
import { Rng } from '../generate/random.js';
import { createPool } from '../import/pool.js';
import { sha256 } from '../import/worker.js';
import { checkReport } from '../rules/index.js';
import { asReport } from '../store/model-codec.js';
import type { Actor, Store } from '../store/types.js';
import { DEMO_PROVINCE, demoTree } from './province.js';
import { planReport, type Plan } from './plan.js';

const SYSTEM: Actor = { userId: null, username: null };
const LAYOUTS: LayoutName[] = ['tab', 'markdown', 'pipe', 'html', 'layout', 'cell-per-line'];

export interface DemoUser { username: string; password: string; role: Role; displayName: string }

export interface DemoResult {
  bodies: number;
  reports: number;
  missing: number;
  users: DemoUser[];
  years: number[];
  ms: number;
}

export interface DemoOptions {
  /** the date the demo is set at (YYYY-MM-DD; default today): the last year reported is the year before */
  today?: string;
  seed?: number;
  /** one password for every demo user (GONGKAI_DEMO_PASSWORD); default a random one each */
  password?: string;
  print?: (line: string) => void;
}

/** The setting that tells a finished demo load from one that was stopped half-way (server/demo.ts reloads it). */
export const DEMO_SETTING = 'demo';
export interface DemoMark { state: 'loading' | 'loaded'; at: string }

export async function loadDemo(store: Store, o: DemoOptions = {}): Promise<DemoResult> {
  const t0 = Date.now();
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const last = Number(today.slice(0, 4)) - 1;
  const years = [last - 2, last - 1, last];
  const seed = o.seed ?? 2026;
  const mark = (state: DemoMark['state']) =>
    store.putSetting<DemoMark>(DEMO_SETTING, { state, at: new Date().toISOString() }, SYSTEM);
  await mark('loading');
  const tree = demoTree(seed);
  await store.addRegions(tree.regions);
  // bodies level by level, so each parent's id is known before its children are stored
  const ids: number[] = new Array(tree.bodies.length);
  const bodies: Body[] = new Array(tree.bodies.length);
  for (let depth = 0; depth < 4; depth++) {
    const batch = tree.bodies.map((b, i) => ({ b, i })).filter(({ b }) => levelDepth(tree.bodies, b) === depth);
    const stored = await store.upsertBodies(batch.map(({ b }) => ({
      name: b.name, aliases: b.aliases, level: b.level, regionCode: b.regionCode, scope: b.scope,
      // a body whose date is its level's default follows the level's setting (an admin may change it)
      dueDate: b.dueDate !== DEFAULT_DUE_DATES[b.level] ? b.dueDate : null,
      parentId: b.parent === null ? null : ids[b.parent],
    })), SYSTEM);
    stored.forEach((s, k) => {
      ids[batch[k].i] = s.id;
      bodies[batch[k].i] = s;
    });
  }
  const rng = new Rng(seed).fork(7);
  const plans: Plan[] = [];
  const seeds = new Map<string, number>();
  for (const year of years)
    bodies.forEach((body, i) => plans.push(planReport(rng.fork(i * 7 + year), body, year, last, today, seeds, bodies)));
  const pool = createPool();
  const progress = (year: number) =>
    o.print?.(`gongkai: 演示省 ${year} 年度报告已存 / demo province: the ${year} reports are stored`);
  let stored = 0;
  let missing = 0;
  const previous = new Map<number, Report>();
  try {
    // generate and parse ahead in the pool, store in order (a year's reports before the next year's); the kept
    // roll-up and indicator sums are made once at the end, not after each of ~1,400 writes
    const parsed = plans.map((p) => (p.missing ? null : parse(pool, p)));
    await store.withSumsDeferred(async () => {
      for (const [k, p] of plans.entries()) {
        const got = await parsed[k];
        if (k > 0 && plans[k - 1].year !== p.year) progress(plans[k - 1].year);
        if (!got) {
          missing++;
          continue;
        }
        const prev = previous.get(p.body.id);
        const findings = prev ? checkReport(got.report, prev) : got.findings;
        previous.set(p.body.id, got.report);
        const { reportId } = await store.saveImported({ report: got.packed, findings, source: got.source,
          bodyId: p.body.id, year: p.year, status: 'draft', reason: 'demo' }, SYSTEM);
        for (const step of p.steps) await store.setStatus(reportId, step.status as ReportStatus, step.patch, SYSTEM);
        stored++;
      }
      progress(last);
    });
  } finally {
    await pool.close();
  }
  const users = await demoUsers(store, bodies, o.password ?? process.env.GONGKAI_DEMO_PASSWORD);
  await mark('loaded');
  const result = { bodies: bodies.length, reports: stored, missing, users, years, ms: Date.now() - t0 };
  o.print?.(`gongkai: 演示省已载入 / demo province loaded: ${result.bodies} 个单位 bodies, ${stored} 份报告 reports ` +
    `(${years.join('–')}), ${missing} 份未报 missing, ${(result.ms / 1000).toFixed(1)} s`);
  for (const u of users) o.print?.(`  ${u.role.padEnd(10)} ${u.username.padEnd(16)} ${u.password}  ${u.displayName}`);
  return result;
}

function levelDepth(list: { parent: number | null }[], b: { parent: number | null }): number {
  let d = 0;
  for (let p = b.parent; p !== null; p = list[p].parent) d++;
  return d;
}

async function parse(pool: ReturnType<typeof createPool>, p: Plan) {
  const g = generateReport({ seed: p.seed, agency: p.agency, year: p.year, layout: LAYOUTS[p.seed % LAYOUTS.length],
    damage: p.damage as DamageName[] });
  const name = `${p.body.name}${p.year}年政府信息公开工作年度报告${g.extension}`;
  const out = await pool.run({ name, bytes: g.bytes });
  if (!out.ok) return null;
  // the pool packs the model as it is stored (store/model-codec.ts); the cross-year checks read it whole
  return { report: asReport(out.report), packed: out.report, findings: out.findings,
    source: { hash: sha256(g.bytes), name, bytes: g.bytes, format: out.report.head.format } };
}

/** One user per role: the province's and a city's disclosure office, a county government's and a department's
 * editor. */
async function demoUsers(store: Store, bodies: Body[], password: string | undefined): Promise<DemoUser[]> {
  const pw = () => password ?? randomBytes(9).toString('base64url');
  const office = (b: Body) => `${b.name.replace(/人民政府$/, '')}政务公开办`;
  const city = bodies.find((b) => b.level === 'city')!;
  const county = bodies.find((b) => b.level === 'county')!;
  const dept = bodies.find((b) => b.level === 'department' && b.parentId === county.id)!;
  const list: DemoUser[] = [
    { username: 'demo-province', role: 'supervisor', displayName: office(bodies[0]), password: pw() },
    { username: 'demo-city', role: 'supervisor', displayName: office(city), password: pw() },
    { username: 'demo-county', role: 'editor', displayName: county.name, password: pw() },
    { username: 'demo-dept', role: 'editor', displayName: dept.name, password: pw() },
  ];
  const where: Record<string, { bodyId: number | null; regionCode: string | null }> = {
    'demo-province': { bodyId: bodies[0].id, regionCode: DEMO_PROVINCE },
    'demo-city': { bodyId: city.id, regionCode: city.regionCode },
    'demo-county': { bodyId: county.id, regionCode: null },
    'demo-dept': { bodyId: dept.id, regionCode: null },
  };
  const held = new Set((await store.listUsers()).map((u) => u.username));
  for (const u of list) {
    if (held.has(u.username)) continue;
    await store.createUser({ username: u.username, displayName: u.displayName, role: u.role, ...where[u.username],
      password: u.password }, SYSTEM);
  }
  return list;
}
