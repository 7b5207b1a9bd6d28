// What happens to one body's report for one year in the demo province: whether it is filed at all, which
// generated report it is (its seed — the same as last year's or a peer's for a 雷同 report), which damage it
// carries (a wrong number, short rows, lost tables), and its workflow steps with dates around the body's due
// date (some late, some returned and filed again). The last year is still in progress; earlier years are closed.
import type { Body, ReportStatus } from '../model/api.js';
import type { Rng } from '../generate/random.js';

export interface Step {
  status: ReportStatus;
  patch: { at: string; note?: string; publishedUrl?: string; publishedAt?: string };
}

export interface Plan {
  body: Body;
  year: number;
  seed: number;
  agency: string;
  damage: string[];
  missing: boolean;
  steps: Step[];
  /** which 雷同 this report is, when it is one */
  copy: 'previous-year' | 'peer' | null;
}

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const RETURN_NOTES = [
  '表三"本年新收政府信息公开申请数量"与各处理结果合计不一致，请核实后重新报送。',
  '缺少第五部分"存在的主要问题及改进情况"，请补充。',
  '正文所述依申请公开数量与表格不符，请核对。',
  '行政复议、行政诉讼情况合计有误，请更正。',
];

export function planReport(rng: Rng, body: Body, year: number, last: number, today: string,
  seeds: Map<string, number>, peers: Body[]): Plan {
  const current = year === last;
  const missing = rng.chance(current ? 0.12 : 0.04);
  let seed = rng.int(1, 0x7ffffffe);
  let copy: Plan['copy'] = null;
  const lastYear = seeds.get(`${body.id}:${year - 1}`);
  if (lastYear !== undefined && rng.chance(0.1)) {
    seed = lastYear; // the same text as last year's report, only the year changed
    copy = 'previous-year';
  } else if (rng.chance(0.05)) {
    const peer = peers.find((p) => p.id !== body.id && p.level === body.level && seeds.has(`${p.id}:${year}`));
    if (peer) {
      seed = seeds.get(`${peer.id}:${year}`)!; // a peer's report with the names changed
      copy = 'peer';
    }
  }
  seeds.set(`${body.id}:${year}`, seed);
  const damage = rng.weighted<string[]>([[[], 80], [['inconsistent'], 12], [['short-rows'], 5], [['lost-tables'], 1.5],
    [['truncated'], 1.5]]);
  const due = `${year + 1}-${body.dueDate}`;
  const steps: Step[] = [];
  const plan: Plan = { body, year, seed, agency: body.name, damage, missing, steps, copy };
  if (missing) return plan;
  // how far the workflow got: closed years are (nearly) all published; the current one is in progress
  const reached = current
    ? rng.weighted<ReportStatus>([['draft', 6], ['submitted', 14], ['returned', 9], ['accepted', 11],
      ['published', 60]])
    : rng.weighted<ReportStatus>([['accepted', 3], ['published', 97]]);
  if (reached === 'draft') return plan;
  const late = rng.chance(0.15);
  let at = addDays(due, late ? rng.int(1, 35) : -rng.int(1, 25));
  const push = (status: ReportStatus, patch: Omit<Step['patch'], 'at'> = {}) => {
    if (at > today) at = today;
    steps.push({ status, patch: { at, ...patch } });
  };
  push('submitted');
  const returned = reached === 'returned' || rng.chance(damage.length ? 0.5 : 0.1);
  if (returned) {
    at = addDays(at, rng.int(2, 10));
    push('returned', { note: rng.pick(RETURN_NOTES) });
    if (reached === 'returned') return plan;
    at = addDays(at, rng.int(2, 20));
    push('submitted');
  }
  if (reached === 'submitted') return plan;
  at = addDays(at, rng.int(2, 12));
  push('accepted');
  if (reached === 'accepted') return plan;
  at = addDays(at, rng.chance(0.1) ? rng.int(20, 60) : rng.int(1, 10));
  const url = `https://www.example.gov.cn/${body.regionCode}/xxgk/ndbg/${year}/${body.id}.html`;
  push('published', { publishedUrl: url, publishedAt: at > today ? today : at });
  return plan;
}
