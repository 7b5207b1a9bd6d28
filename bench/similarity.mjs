// 雷同 screening at scale: screenSimilarity on 1,000 and 10,000 in-memory reports (each with its previous year),
// with planted copies — 2 % of bodies repeat their previous year, 1 % copy a peer — and, on a 1,000-report
// sample with 5 % weaker peer copies (10–90 % of one section only, many near the thresholds), the recall of the
// MinHash/LSH screen against an exact all-pairs pass (every pair's shared distinctive
// shingles counted; every pair sharing any confirmed by the same exact repetition rate — lossless, since a shared
// passage that counts always contains a shared distinctive shingle).
//
//   npm run build && node bench/similarity.mjs [--sizes 1000,10000] [--sample 1000]
//
// Prose is invented from a word list (seeded), as in test/analysis-fixtures.ts. Timings are wall-clock (and process
// CPU time for the screens) on a shared machine: rough figures.
import { performance } from 'node:perf_hooks';
import { screenSimilarity, SIMILARITY_DEFAULTS } from '../dist/analysis/similarity.js';
import { repetition } from '../dist/analysis/similarity.js';
import { FrequencySketch, shingleHashes, uniqueSorted } from '../dist/analysis/minhash.js';
import { reportProse } from '../dist/analysis/text.js';
import { Rng } from '../dist/generate/random.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const SIZES = arg('sizes', '1000,10000').split(',').map(Number);
const SAMPLE = Number(arg('sample', '1000'));

/** The generator's seeded mulberry32 (src/generate/random.ts), as a plain function. */
function rng(seed) {
  const r = new Rng(seed);
  return () => r.next();
}
const WORDS = ('政务 公开 信息 发布 平台 网站 专栏 解读 政策 文件 目录 审查 保密 依法 申请 答复 办理 规范 流程 制度 机制 培训 考核 监督 ' +
  '整改 落实 推进 深化 完善 加强 提升 优化 拓展 健全 统筹 协调 服务 群众 企业 基层 社区 乡村 振兴 财政 预算 决算 民生 救助 教育 ' +
  '卫生 健康 医疗 养老 就业 住房 交通 环境 生态 安全 应急 防汛 项目 资金 采购 招标 审批 许可 执法 检查 处罚 强制 收费 标准 清单 ' +
  '事项 指南 窗口 热线 回应 关切 舆情 会议 开放 参与 互动 留言 调查 意见 建议 征集 反馈 新闻 媒体 账号 栏目 更新 维护 巡查 台账 ' +
  '档案 归档 数据 统计 共享 质量 效率 水平 能力 队伍 人员 岗位 责任 分工 年度 季度 重点 领域 任务 措施 成效 问题 短板 不足').split(' ');
const COMMON = '本报告根据《中华人民共和国政府信息公开条例》要求编制。坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。';

function prose(seed, n) {
  const next = rng(seed);
  let out = '';
  for (let s = 0; s < n; s++) {
    const len = 8 + Math.floor(next() * 10);
    for (let w = 0; w < len; w++)
      out += WORDS[Math.floor(next() * WORDS.length)] + (w % 5 === 4 && w < len - 1 ? '，' : '');
    out += '。';
  }
  return out;
}

const SECTION_KEYS = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];
function report(year, overview, problems) {
  const texts = { 1: overview, 5: problems, 6: `${year}年未收取信息处理费。` };
  return {
    file: 'bench', format: 'text', encoding: 'utf-8', title: null, agency: null, year, template: '2021',
    layoutEvidence: [],
    sections: SECTION_KEYS.map((key, i) => ({ no: i + 1, key, title: null, text: texts[i + 1] ?? '',
      source: { line: 1, column: 1 } })),
    tables: { active: false, applications: false, review: false }, cells: {}, narrative: [], diagnostics: [],
    truncated: false,
  };
}

/**
 * n bodies × 2 years; returns the inputs and the planted pairs (as 'kind:a-b' of report ids). A share `peerRate` of
 * bodies copy `minShare`–`maxShare` of an earlier body's overview (and all of its problems section, if `copyProblems`).
 */
function corpus(n, seed, peerRate = 0.01, minShare = 0.6, maxShare = 0.9, copyProblems = true) {
  const next = rng(seed);
  const inputs = [];
  const planted = new Set();
  const prev = [];
  for (let b = 0; b < n; b++) {
    const overview = COMMON + prose(seed * 7919 + b, 10);
    const problems = prose(seed * 104729 + b, 4);
    prev.push({ overview, problems });
    inputs.push({ reportId: b + 1, bodyId: b + 1, bodyName: `单位${b + 1}`, year: 2021,
      report: report(2021, overview, problems) });
  }
  const current = [];
  const repeats = new Set();
  for (let b = 0; b < n; b++) {
    const roll = next();
    let overview = COMMON + prose(seed * 31337 + b, 10);
    let problems = prose(seed * 65537 + b, 4);
    if (roll < 0.02) {
      ({ overview, problems } = prev[b]);
      repeats.add(b);
      planted.add(`previous-year:${b + 1}-${n + b + 1}`);
    }
    current.push({ overview, problems });
  }
  // copies of an earlier body's current overview and problems
  for (let b = 0; b < n; b++) {
    if (next() >= peerRate || b === 0 || repeats.has(b)) continue;
    const from = Math.floor(next() * b);
    const share = minShare + next() * (maxShare - minShare);
    const src = current[from];
    const overview = COMMON + src.overview.slice(COMMON.length, Math.floor(src.overview.length * share)) + prose(b, 2);
    current[b] = { overview, problems: copyProblems ? src.problems : current[b].problems };
    planted.add(`peer:${n + from + 1}-${n + b + 1}`);
  }
  current.forEach((t, b) => inputs.push({ reportId: n + b + 1, bodyId: b + 1, bodyName: `单位${b + 1}`, year: 2022,
    report: report(2022, t.overview, t.problems) }));
  return { inputs, planted };
}

const key = (p) => `${p.kind}:${p.a.reportId}-${p.b.reportId}`;

/** The documents as the screen sees them: prose, common positions masked, distinctive shingles. */
function prepareDocs(inputs, o) {
  const docs = inputs.map((input) => {
    const text = reportProse(input.report);
    const hashes = shingleHashes(text, o.shingle);
    return { input, text, hashes, unique: uniqueSorted(hashes) };
  });
  const sketch = new FrequencySketch();
  for (const d of docs) sketch.add(d.unique);
  const limit = Math.max(2, Math.ceil(o.commonShare * docs.length));
  const filter = docs.length >= o.commonMinReports;
  const common = (h) => filter && sketch.count(h) > limit;
  for (const d of docs) {
    d.counted = new Uint8Array(d.text.length).fill(1);
    if (filter) for (let i = 0; i < d.hashes.length; i++) if (common(d.hashes[i])) d.counted.fill(0, i, i + o.shingle);
    d.chars = d.counted.reduce((s, x) => s + x, 0);
    d.distinct = d.unique.filter((h) => !common(h));
  }
  return docs;
}

/** The exact repetition rate of a pair of prepared docs (b's share, or the larger share for peers). */
function exactRate(a, b, kind, o) {
  const r = repetition(a, b, o.minPassage);
  return kind === 'peer' ? Math.max(r.rateA, r.rateB) : r.rateB;
}

/** Exact rates of every peer pair that shares a distinctive shingle (the others' rate is 0). */
function exactPeers(inputs, o) {
  const docs = prepareDocs(inputs, o);
  const current = docs.filter((d) => d.input.year === 2022 && d.chars >= o.minChars);
  const out = new Map();
  let compared = 0;
  for (let i = 0; i < current.length; i++)
    for (let j = i + 1; j < current.length; j++) {
      const [x, y] = [current[i].distinct, current[j].distinct];
      let p = 0, q = 0, shared = 0;
      while (p < x.length && q < y.length) {
        if (x[p] === y[q]) { shared++; p++; q++; } else if (x[p] < y[q]) p++; else q++;
        if (shared > 0) break;
      }
      if (shared === 0) continue;
      compared++;
      const [a, b] = current[i].input.reportId < current[j].input.reportId ? [current[i], current[j]]
        : [current[j], current[i]];
      out.set(`peer:${a.input.reportId}-${b.input.reportId}`, exactRate(a, b, 'peer', o));
    }
  return { rates: out, compared, docs: new Map(docs.map((d) => [d.input.reportId, d])) };
}

const o = { ...SIMILARITY_DEFAULTS };
console.log(`similarity bench: threshold ${o.threshold}, ${o.bands}×${o.rows} bands, shingle ${o.shingle}, ` +
  `minJaccard ${o.minJaccard}`);
for (const n of SIZES) {
  const { inputs, planted } = corpus(n, n);
  if (globalThis.gc) globalThis.gc();
  const rss0 = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = screenSimilarity(inputs, { year: 2022 });
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const found = new Set(result.pairs.map(key));
  const hit = [...planted].filter((p) => found.has(p)).length;
  console.log(`${n} reports (+${n} previous years): ${ms.toFixed(0)} ms wall, ` +
    `${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ` +
    `${(n / (ms / 1000)).toFixed(0)} reports/s; ` +
    `candidates ${result.candidates}, confirmed ${result.confirmed}, pairs ${result.pairs.length}; ` +
    `planted found ${hit}/${planted.size}; ` +
    `RSS +${((process.memoryUsage().rss - rss0) / 1e6).toFixed(0)} MB`);
  const missed = [...planted].filter((p) => !found.has(p));
  if (missed.length > 0) {
    // a planted copy may repeat less than the threshold (its copied share is drawn from 60–90 % of one section)
    const docs = new Map(prepareDocs(inputs, o).map((d) => [d.input.reportId, d]));
    for (const m of missed) {
      const [, kind, a, b] = /^(.*):(\d+)-(\d+)$/.exec(m);
      const da = docs.get(Number(a));
      const db = docs.get(Number(b));
      console.log(`  missed ${m}: exact rate ${exactRate(da, db, kind, o).toFixed(3)}, ${db.chars} distinctive chars`);
    }
  }
}

{
  // more copies, and weaker ones (10–90 % of one section only): many pairs near the threshold, where misses would be
  const { inputs } = corpus(SAMPLE, 4242, 0.05, 0.1, 0.9, false);
  const t1 = performance.now();
  const exact = exactPeers(inputs, o);
  const te = performance.now() - t1;
  // the defaults are tuned for the 50 % rule; a lower threshold may want more bands (more candidates, more recall)
  for (const { threshold, bands } of [{ threshold: 0.3 }, { threshold: 0.3, bands: 128 }, { threshold: 0.5 }]) {
    const t0 = performance.now();
    const lsh = screenSimilarity(inputs, { year: 2022, threshold, bands });
    const tl = performance.now() - t0;
    const truth = new Set([...exact.rates].filter(([, r]) => r >= threshold).map(([k]) => k));
    const found = new Set(lsh.pairs.filter((p) => p.kind === 'peer').map(key));
    const hit = [...truth].filter((p) => found.has(p)).length;
    const extra = [...found].filter((p) => !truth.has(p)).length;
    for (const m of [...truth].filter((p) => !found.has(p))) {
      const [, a, b] = /^peer:(\d+)-(\d+)$/.exec(m).map(Number);
      const [x, y] = [exact.docs.get(a).distinct, exact.docs.get(b).distinct];
      const inter = x.filter((h) => y.includes(h)).length;
      console.log(`  missed ${m}: rate ${exact.rates.get(m).toFixed(3)}, ` +
        `Jaccard ${(inter / (x.length + y.length - inter)).toFixed(3)}, ` +
        `distinct shingles ${x.length} and ${y.length}`);
    }
    console.log(`recall on ${SAMPLE} at threshold ${threshold}, ${bands ?? o.bands} bands: ` +
      `exact all-pairs ${truth.size} peer pairs ` +
      `(${exact.compared} pairs sharing a shingle confirmed, ${te.toFixed(0)} ms); MinHash/LSH found ${hit} ` +
      `(recall ${truth.size ? (hit / truth.size).toFixed(3) : 'n/a'}), ${extra} not in the exact set; ` +
      `${lsh.candidates} candidates; ${tl.toFixed(0)} ms ` +
      `(${(te / tl).toFixed(1)}× faster)`);
  }
}
