#!/usr/bin/env node
// Benchmark: "a report page with a 10k-report database renders within 1 s" (issue 11). Seeds a temporary PGlite
// database with N reports (bulk INSERTs as bench/queries.mjs does; the import pipeline is bench/import.mjs), plus a
// few full reports stored by the store's own write (cells, sections, findings) whose pages are measured; starts
// the built server on it (`node dist/cli/main.js serve`), signs in as a supervisor of the province, and opens
// report detail pages in Debian's /usr/bin/chromium (never a downloaded browser):
//   cold: a fresh browser context (empty HTTP cache), the page's URL typed in;
//   warm: the same context, another report's URL typed in (the app's JavaScript cached);
//   in-app: a click from one report to the next inside the running app (no page load);
//   baseline: the server's HTML rendering of the same report (/api/reports/:id/render/html, no JavaScript), in
//   the same run — on a shared machine the ratio to it says more than the milliseconds.
// The time is from navigation start to the official tables being in the document and visible (a MutationObserver
// notes it in the page), split into the report API answer (Resource Timing) and the rest (JavaScript, layout).
// Needs `npm run build` first. No assertions: figures for the notes; the machine is shared, so they are rough.
//   node bench/report-page.mjs [--count 10000] [--pages 8] [--keep]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startServing } from './lib/server.mjs';

const { generateReport, parseBytes, checkReport } = await import('../dist/index.js');
const { openStore } = await import('../dist/store/open.js');
const { reports: reportsT, reportVersions } = await import('../dist/store/schema.js');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : def; };
const count = opt('count', 10_000);
const pages = opt('pages', 8);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-page-'));
const SYS = { userId: null, username: null };
const YEARS = [2020, 2021, 2022, 2023, 2024];
const SUPERVISOR = { username: 'bench-reviewer', password: 'bench-reviewer-password' };

async function seed() {
  const store = await openStore({ dataDir: dir });
  try {
    const counties = [];
    for (const c of await store.listRegions('320000')) counties.push(...(await store.listRegions(c.code)));
    const nBodies = Math.ceil(count / YEARS.length);
    const bodies = await store.upsertBodies(Array.from({ length: nBodies + pages }, (_, i) => {
      const county = counties[i % counties.length];
      const govt = i < counties.length;
      return { name: govt ? `${county.name}人民政府` : `${county.name}第${i}局`, aliases: [],
        level: govt ? 'county' : 'department', regionCode: county.code, parentId: null,
        dueDate: govt ? '03-31' : '01-31', scope: 'own' };
    }), SYS);
    const bulkBodies = bodies.slice(0, nBodies);
    const pageBodies = bodies.slice(nBodies);
    const samples = [];
    for (let i = 0; i < 100; i++) {
      const year = YEARS[i % YEARS.length];
      const damage = i % 4 === 0 ? ['inconsistent'] : [];
      const g = generateReport({ seed: 7000 + i, year, layout: 'tab', damage });
      const report = await parseBytes(g.bytes, `s${i}.txt`);
      samples.push({ report, findings: checkReport(report) });
    }
    // the measured reports: full models with findings, through the store's write (numbers every cell key too)
    const measured = [];
    for (let i = 0; i < pages; i++) {
      const s = samples[(i * 4) % samples.length]; // every 4th sample is damaged: these pages show findings
      const year = s.report.year ?? 2023;
      const { reportId } = await store.saveImported({ report: s.report, findings: s.findings, source: null,
        bodyId: pageBodies[i].id, year, status: 'submitted', reason: 'bench' }, SYS);
      measured.push(reportId);
    }
    const idx = new Map((await store.db.execute('SELECT idx, key FROM cell_keys')).rows.map((r) => [r.key, r.idx]));
    const width = Math.max(...idx.values());
    const vec = (cells) => {
      const out = new Array(width).fill(null);
      for (const [k, c] of Object.entries(cells)) if (idx.has(k)) out[idx.get(k) - 1] = c.value;
      return out;
    };
    const vals = samples.map((s) => vec(s.report.cells));
    const statuses = ['published', 'published', 'published', 'accepted', 'submitted', 'returned', 'draft'];
    let made = 0;
    for (const year of YEARS) {
      for (let b = 0; b < bulkBodies.length && made < count; b += 100) {
        const chunk = bulkBodies.slice(b, b + 100).slice(0, count - made);
        const rows = chunk.map((body, k) => {
          const n = (body.id * 7 + year) % samples.length;
          const s = samples[n];
          const status = year < 2024 ? 'published' : statuses[(body.id + k) % statuses.length];
          const errors = s.findings.filter((f) => f.severity === 'error').length;
          return { bodyId: body.id, year, status, template: year <= 2020 ? '2019' : '2021', title: s.report.title,
            agency: body.name, errors, warnings: s.findings.length - errors, vals: vals[n],
            submittedAt: status === 'draft' ? null : `${year + 1}-01-15`,
            publishedAt: status === 'published' ? `${year + 1}-04-01` : null };
        });
        const ids = await store.db.insert(reportsT).values(rows).returning({ id: reportsT.id });
        // the version model keeps sections, not cells (as in bench/queries.mjs: 60 KB a model × 10k is not needed
        // to time one report's page; the measured reports have their full models)
        await store.db.insert(reportVersions).values(ids.map(({ id }, k) => {
          const s = samples[(chunk[k].id * 7 + year) % samples.length].report;
          return { reportId: id, version: 1, reason: 'seed', status: rows[k].status,
            model: { ...s, cells: {}, narrative: [], diagnostics: [], agency: chunk[k].name, year } };
        }));
        made += rows.length;
      }
    }
    await store.createUser({ ...SUPERVISOR, displayName: '基准审核员', role: 'supervisor', bodyId: null,
      regionCode: '320000' }, SYS);
    const total = (await store.listReports({ limit: 1 })).total;
    return { measured, total };
  } finally {
    await store.close();
  }
}

function startServer() {
  const argv = [join(root, 'dist/cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dir];
  return startServing(argv, { cwd: root,
    env: { ...process.env, GONGKAI_DEMO: '0', GONGKAI_ADMIN_PASSWORD: 'bench-admin-pw' } });
}

// In the page before any script: note when the official tables are first in the document and laid out. For an
// in-app move, the tables on screen are marked old first: the new report's page draws new ones.
const OBSERVE = () => {
  window.__watch = () => {
    window.__tablesAt = undefined;
    for (const t of document.querySelectorAll('table.official')) t.__old = true;
    const seen = () => {
      const t = document.querySelector('table.official[data-table="applications"]');
      if (t && !t.__old && t.getBoundingClientRect().height > 0) window.__tablesAt ??= performance.now();
      return window.__tablesAt !== undefined;
    };
    new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { childList: true, subtree: true });
  };
  window.__watch();
};

/** Timing of one page: to the tables visible, the report API answer, and everything else. */
async function measure(page, id, how) {
  if (how === 'in-app') {
    // what a click on a link in the app does (web/src/app/router.tsx): pushState and tell the router
    await page.evaluate((to) => {
      window.__watch();
      window.__navAt = performance.now();
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/reports/${id}`);
  } else await page.goto(`/reports/${id}`);
  await page.waitForFunction(() => window.__tablesAt !== undefined, null, { timeout: 30_000 }).catch(async (e) => {
    const text = (await page.locator('body').innerText()).slice(0, 600);
    throw new Error(`report ${id} (${how}): no tables after 30 s; the page says: ${text}`, { cause: e });
  });
  const r = await page.evaluate((rid) => {
    const api = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/api/reports/${rid}`)).pop();
    const start = window.__navAt ?? 0;
    // the waterfall, for --waterfall: what loaded when (ms from navigation start)
    const ms = (x) => x.toFixed(0).padStart(5);
    const waterfall = performance.getEntriesByType('resource').filter((e) => e.startTime >= start).map((e) =>
      `${ms(e.startTime)} → ${ms(e.responseEnd)}  ${e.name.replace(location.origin, '')}`);
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav && !window.__navAt) waterfall.unshift(`domContentLoaded ${nav.domContentLoadedEventEnd.toFixed(0)}`);
    return { total: window.__tablesAt - start, apiStart: api ? api.startTime - start : NaN,
      apiMs: api ? api.responseEnd - api.startTime : NaN, waterfall };
  }, id);
  return r;
}

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0).padStart(5) : '    –');

const t0 = Date.now();
const { measured, total } = await seed();
console.log(`seeded ${total} reports (${measured.length} measured, full models with findings) in ` +
  `${((Date.now() - t0) / 1000).toFixed(0)} s`);
const { child, base } = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const results = { cold: [], warm: [], 'in-app': [] };
try {
  // signed in once: every later context starts with that session's cookie and an empty HTTP cache (signing in
  // for each context would run into the login rate limit, as a real user would)
  let signedIn = null;
  const newContext = async () => {
    const ctx = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'zh-CN',
      ...(signedIn ? { storageState: signedIn } : {}) });
    await ctx.addInitScript(OBSERVE);
    if (!signedIn) {
      const login = await ctx.request.post('/api/session', { data: SUPERVISOR });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
      signedIn = await ctx.storageState();
    }
    return ctx;
  };
  // one throwaway page load: the server's first answers (JIT, database pages) are not a user's cold page
  {
    const ctx = await newContext();
    await measure(await ctx.newPage(), measured[0], 'cold');
    await ctx.close();
  }
  for (const id of measured) {
    const ctx = await newContext();
    const page = await ctx.newPage();
    results.cold.push({ id, ...(await measure(page, id, 'cold')) });
    const other = measured[(measured.indexOf(id) + 1) % measured.length];
    results.warm.push({ id: other, ...(await measure(page, other, 'warm')) });
    results['in-app'].push({ id, ...(await measure(page, id, 'in-app')) });
    await ctx.close();
  }
  if (args.includes('--waterfall'))
    for (const how of ['cold', 'warm', 'in-app']) console.log(`${how} (report ${results[how][0].id}, tables at ` +
      `${results[how][0].total.toFixed(0)} ms):\n  ${results[how][0].waterfall.join('\n  ')}`);
  // the baseline, same run, same machine load: the server's own HTML rendering of the same report (no app, no
  // JavaScript) in a fresh context — the least any browser page showing these tables costs here right now
  for (const id of measured) {
    const ctx = await newContext();
    const page = await ctx.newPage();
    await page.goto(`/api/reports/${id}/render/html`);
    await page.waitForSelector('table[data-table="applications"]');
    const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    results.baseline = [...(results.baseline ?? []), { id, total: ms, apiMs: NaN, apiStart: NaN, waterfall: [] }];
    await ctx.close();
  }
  console.log('report page, navigation start → official tables visible (ms); report API = GET /api/reports/:id');
  console.log('            total p50   max   | API start p50 | API time p50   max');
  for (const [how, rows] of Object.entries(results)) {
    const tot = rows.map((r) => r.total);
    const api = rows.map((r) => r.apiMs).filter(Number.isFinite);
    const st = rows.map((r) => r.apiStart).filter(Number.isFinite);
    console.log(`${how.padEnd(8)}  ${fmt(q(tot, 0.5))} ${fmt(Math.max(...tot))}   |       ${fmt(q(st, 0.5))}   |  ` +
      `${fmt(q(api, 0.5))} ${fmt(Math.max(...api))}`);
  }
  const floor = q(results.baseline.map((r) => r.total), 0.5);
  console.log(`ratio to the baseline (p50): cold ${(q(results.cold.map((r) => r.total), 0.5) / floor).toFixed(1)}×, ` +
    `warm ${(q(results.warm.map((r) => r.total), 0.5) / floor).toFixed(1)}× (machine load ${loadavg()[0].toFixed(1)} ` +
    `on ${cpus().length} cores)`);
  const worst = Math.max(...results.cold.map((r) => r.total), ...results.warm.map((r) => r.total));
  console.log(`bar (≤ 1000 ms cold and warm at ${total} reports): ${worst <= 1000 ? 'met' : 'NOT met'} ` +
    `(max ${worst.toFixed(0)} ms)`);
  if (args.includes('--json')) console.log(JSON.stringify(results));
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (args.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
