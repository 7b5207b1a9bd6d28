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
// Two times, each from navigation start to the next frame after the official tables are in the document and laid
// out (a MutationObserver notes them in the page; the frame, because a page is not drawn before its stylesheet):
//   tables visible — any of them: the server's preview in the page's first HTML counts (src/server/report-preview.ts);
//   interactive    — the app's own (outside #report-preview, which hides them until it goes): what can be clicked.
// The in-app move never has a preview: there the two are the same. Split into the report API answer (Resource
// Timing) and the rest (JavaScript, layout);
// beside it the CPU time spent meanwhile by this process's tree — the browser, the server, the driver — (what a busy
// machine inflates least).
// Needs `npm run build` first. No assertions: figures for the notes; the machine is shared, so they are rough.
// --against <dir>: the same pages, interleaved, from another built checkout (e.g. `git archive HEAD` built in /tmp) on
// a copy of the data — the fair before/after on a shared machine.
//   node bench/report-page.mjs [--count 10000] [--pages 8] [--against <checkout>] [--waterfall] [--keep] [--json]
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

/** The built server of `checkout` (this one, or --against's) on its own copy of the data (PGlite is one process's). */
function startServer(checkout, dataDir) {
  const argv = [join(checkout, 'dist/cli/main.js'), 'serve', '--host', '127.0.0.1', '--port', '0',
    '--data-dir', dataDir];
  return startServing(argv, { cwd: checkout,
    env: { ...process.env, GONGKAI_DEMO: '0', GONGKAI_ADMIN_PASSWORD: 'bench-admin-pw' } });
}

// In the page before any script: note when the official tables are first in the document and laid out. For an
// in-app move, the tables on screen are marked old first: the new report's page draws new ones.
const OBSERVE = () => {
  window.__watch = () => {
    window.__visibleAt = undefined;
    window.__tablesAt = undefined;
    window.__previewed = false;
    let visible = false;
    let interactive = false;
    for (const t of document.querySelectorAll('table.official')) t.__old = true;
    // at the next frame: rendering waits for the page's stylesheet, a frame's callbacks with it
    const frame = (set) => requestAnimationFrame(() => set(performance.now()));
    const seen = () => {
      for (const t of document.querySelectorAll('table.official[data-table="applications"]')) {
        if (t.__old || t.getBoundingClientRect().height === 0) continue;
        if (!visible) {
          visible = true;
          window.__previewed = !!t.closest('#report-preview');
          frame((at) => { window.__visibleAt = at; });
        }
        if (!interactive && !t.closest('#report-preview')) {
          interactive = true;
          frame((at) => { window.__tablesAt = at; });
        }
      }
      return interactive;
    };
    new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { childList: true, subtree: true });
  };
  window.__watch();
};

/**
 * CPU seconds used so far by these processes and their descendants (utime + stime from Linux's /proc; NaN
 * elsewhere): the browser's processes and the server's, the work a page load costs whatever else the machine runs.
 */
function cpuOf(roots) {
  let stats;
  try {
    stats = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => {
      try {
        const f = readFileSync(`/proc/${d}/stat`, 'utf8');
        const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
        return { pid: Number(d), ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
      } catch {
        return null; // gone meanwhile
      }
    }).filter(Boolean);
  } catch {
    return NaN;
  }
  const mine = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of stats) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  return stats.filter((p) => mine.has(p.pid)).reduce((n, p) => n + p.ticks, 0) / 100; // USER_HZ is 100 on Linux
}

/** Timing of one page: to the tables visible, the report API answer, and everything else. */
async function measure(page, id, how, pids = []) {
  const cpu0 = cpuOf(pids);
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
    const start = window.__navAt ?? 0;
    // more than one answer for the report since navigation = the app did not take over the preloaded one
    const asked = performance.getEntriesByType('resource').filter((e) => e.name.endsWith(`/api/reports/${rid}`) &&
      e.startTime >= start);
    const api = asked[0];
    // the waterfall, for --waterfall: what loaded when (ms from navigation start)
    const ms = (x) => x.toFixed(0).padStart(5);
    const waterfall = performance.getEntriesByType('resource').filter((e) => e.startTime >= start).map((e) =>
      `${ms(e.startTime)} → ${ms(e.responseEnd)}  ${e.name.replace(location.origin, '')}`);
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav && !window.__navAt) waterfall.unshift(`domContentLoaded ${nav.domContentLoadedEventEnd.toFixed(0)}`);
    return { total: window.__tablesAt - start, visible: (window.__visibleAt ?? window.__tablesAt) - start,
      preview: !!window.__previewed, apiStart: api ? api.startTime - start : NaN,
      apiMs: api ? api.responseEnd - api.startTime : NaN, fetches: asked.length, waterfall };
  }, id);
  return { ...r, cpuMs: (cpuOf(pids) - cpu0) * 1000 };
}

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0).padStart(5) : '    –');

/** p50 and max of each kind, the API's start and time, and the ratio to the baseline: the figures of one build. */
function summary(results, label) {
  console.log(`${label}: navigation start → official tables (ms): visible (the server's preview counts) and ` +
    'interactive (the app\'s own); report API = GET /api/reports/:id');
  console.log('          visible p50  max | interactive p50  max | API start p50 | API time p50   max | ' +
    'CPU p50 (browser + server)');
  for (const [how, rows] of Object.entries(results)) {
    const vis = rows.map((r) => r.visible ?? r.total);
    const tot = rows.map((r) => r.total);
    const api = rows.map((r) => r.apiMs).filter(Number.isFinite);
    const st = rows.map((r) => r.apiStart).filter(Number.isFinite);
    const cpu = rows.map((r) => r.cpuMs).filter(Number.isFinite);
    console.log(`${how.padEnd(8)}     ${fmt(q(vis, 0.5))} ${fmt(Math.max(...vis))} |           ${fmt(q(tot, 0.5))} ` +
      `${fmt(Math.max(...tot))} |       ${fmt(q(st, 0.5))}   |  ${fmt(q(api, 0.5))} ${fmt(Math.max(...api))} |  ` +
      `${fmt(q(cpu, 0.5))}`);
  }
  const shown = ['cold', 'warm', 'in-app'].map((h) => `${h} ${results[h].filter((r) => r.preview).length}/` +
    `${results[h].length}`);
  console.log(`pages whose first HTML held the preview: ${shown.join(', ')}`);
  const twice = ['cold', 'warm', 'in-app'].map((h) => `${h} ${Math.max(...results[h].map((r) => r.fetches))}`);
  console.log(`report API requests per page (max; 1 = a preloaded answer was taken over): ${twice.join(', ')}`);
  const floor = q(results.baseline.map((r) => r.total), 0.5);
  const ratio = (how, key) => (q(results[how].map((r) => r[key]), 0.5) / floor).toFixed(1);
  console.log(`ratio to the baseline (p50): visible cold ${ratio('cold', 'visible')}×, ` +
    `warm ${ratio('warm', 'visible')}×; interactive cold ${ratio('cold', 'total')}×, warm ${ratio('warm', 'total')}×`);
}

// --against <checkout>: the same pages from another build (e.g. the previous commit, built, in another directory)
// on a copy of the same data, the two interleaved page by page — on a shared machine the fair comparison
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : null;
const t0 = Date.now();
const { measured, total } = await seed().catch((e) => {
  rmSync(dir, { recursive: true, force: true });
  throw e;
});
console.log(`seeded ${total} reports (${measured.length} measured, full models with findings) in ` +
  `${((Date.now() - t0) / 1000).toFixed(0)} s`);
const builds = [{ label: 'this build', checkout: root, dataDir: dir }];
if (against) {
  cpSync(dir, `${dir}-against`, { recursive: true });
  builds.push({ label: `against ${against}`, checkout: against, dataDir: `${dir}-against` });
}
let browser = null;
try {
  for (const b of builds) Object.assign(b, await startServer(b.checkout, b.dataDir),
    { results: { cold: [], warm: [], 'in-app': [], baseline: [] }, signedIn: null });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  // signed in once: every later context starts with that session's cookie and an empty HTTP cache (signing in
  // for each context would run into the login rate limit, as a real user would)
  const newContext = async (b) => {
    const ctx = await browser.newContext({ baseURL: b.base, viewport: { width: 1280, height: 800 }, locale: 'zh-CN',
      ...(b.signedIn ? { storageState: b.signedIn } : {}) });
    await ctx.addInitScript(OBSERVE);
    if (!b.signedIn) {
      const login = await ctx.request.post('/api/session', { data: SUPERVISOR });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
      b.signedIn = await ctx.storageState();
    }
    return ctx;
  };
  // one throwaway page load: the server's first answers (JIT, database pages) are not a user's cold page
  for (const b of builds) {
    const ctx = await newContext(b);
    await measure(await ctx.newPage(), measured[0], 'cold');
    await ctx.close();
  }
  for (const [n, id] of measured.entries()) {
    // the builds take turns going first
    for (const b of n % 2 ? [...builds].reverse() : builds) {
      const ctx = await newContext(b);
      const page = await ctx.newPage();
      // this process's tree: the browser, the servers (the other build's idle meanwhile) and the driver
      const pids = [process.pid];
      b.results.cold.push({ id, ...(await measure(page, id, 'cold', pids)) });
      const other = measured[(n + 1) % measured.length];
      b.results.warm.push({ id: other, ...(await measure(page, other, 'warm', pids)) });
      b.results['in-app'].push({ id, ...(await measure(page, id, 'in-app', pids)) });
      await ctx.close();
    }
  }
  if (args.includes('--waterfall'))
    for (const how of ['cold', 'warm', 'in-app']) console.log(`${how} (report ${builds[0].results[how][0].id}, ` +
      `tables at ${builds[0].results[how][0].total.toFixed(0)} ms):\n  ${builds[0].results[how][0].waterfall
        .join('\n  ')}`);
  // the baseline, same run, same machine load: the server's own HTML rendering of the same report (no app, no
  // JavaScript) in a fresh context — the least any browser page showing these tables costs here right now
  for (const id of measured) {
    for (const b of builds) {
      const ctx = await newContext(b);
      const page = await ctx.newPage();
      const cpu0 = cpuOf([process.pid]);
      await page.goto(`/api/reports/${id}/render/html`);
      await page.waitForSelector('table[data-table="applications"]');
      const cpuMs = (cpuOf([process.pid]) - cpu0) * 1000;
      const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
      b.results.baseline.push({ id, total: ms, apiMs: NaN, apiStart: NaN, fetches: 0, cpuMs, waterfall: [] });
      await ctx.close();
    }
  }
  for (const b of builds) summary(b.results, b.label);
  if (against) {
    const p50 = (b, how) => q(b.results[how].map((r) => r.total), 0.5);
    console.log(`this build / against (p50): ` + ['cold', 'warm', 'in-app', 'baseline'].map((how) =>
      `${how} ${(p50(builds[0], how) / p50(builds[1], how)).toFixed(2)}×`).join(', '));
    const cpu = (b, how) => q(b.results[how].map((r) => r.cpuMs).filter(Number.isFinite), 0.5);
    console.log(`CPU per page, this build / against (p50): ` + ['cold', 'warm', 'in-app', 'baseline'].map((how) =>
      `${how} ${(cpu(builds[0], how) / cpu(builds[1], how)).toFixed(2)}×`).join(', '));
  }
  console.log(`machine load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  const mine = builds[0].results;
  for (const [what, key] of [['tables visible', 'visible'], ['interactive', 'total']]) {
    const worst = Math.max(...mine.cold.map((r) => r[key]), ...mine.warm.map((r) => r[key]));
    console.log(`bar (≤ 1000 ms cold and warm at ${total} reports), ${what}: ${worst <= 1000 ? 'met' : 'NOT met'} ` +
      `(max ${worst.toFixed(0)} ms)`);
  }
  if (args.includes('--json')) console.log(JSON.stringify(builds.map((b) => ({ label: b.label, results: b.results }))));
} finally {
  await browser?.close();
  for (const b of builds.filter((x) => x.child)) {
    b.child.kill('SIGTERM');
    await new Promise((r) => b.child.once('exit', r));
  }
  if (args.includes('--keep')) console.log(`kept ${builds.map((b) => b.dataDir).join(' ')}`);
  else for (const b of builds) rmSync(b.dataDir, { recursive: true, force: true });
}
