// Every page, for the role that uses it: no serious or critical axe-core violation (WCAG 2.1 A/AA rules), and a
// screenshot at 1280 px and at 200 % zoom (a 640 px wide viewport at device scale 2 — how a 1280 px window zoomed
// to 200 % lays out; the page must reflow without scrolling sideways) kept under test-results/screens/ as
// artefacts, not goldens. One test per role and width, so each signs in once.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { ADMIN, EDITOR, SUPERVISOR, YEAR } from './world';

type Who = 'public' | 'supervisor' | 'editor' | 'admin';
const USERS = { supervisor: SUPERVISOR, editor: EDITOR, admin: ADMIN } as const;
type Target = string | ((page: Page) => Promise<string | null>);

/** Loaded: the shell is there and no spinner is left in the page. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('main#main')).toBeVisible();
  await expect(page.locator('main [aria-busy=true], main .ant-spin-spinning')).toHaveCount(0, { timeout: 30_000 });
  await page.waitForTimeout(300); // charts draw after the data arrives
}

async function reportIds(page: Page, query = ''): Promise<number[]> {
  return page.evaluate(async (q) => {
    const p = (await (await fetch(`/api/reports?limit=5${q}`)).json()) as { items: { id: number }[] };
    return p.items.map((x) => x.id);
  }, query);
}

const firstReport = (q = '', tab = ''): Target => async (p) => {
  const [id] = await reportIds(p, q);
  return id ? `/reports/${id}${tab && `?tab=${tab}`}` : null;
};

const PAGES: Record<Who, [string, Target][]> = {
  public: [
    ['public', `/public?year=${YEAR}`], ['login', '/login'], ['rollup-public', `/rollup?year=${YEAR}`],
    ['report-public', firstReport()],
  ],
  supervisor: [
    ['dashboard', '/dashboard?region=320000'], ['tasks-supervisor', '/tasks'], ['reports', '/reports?year='],
    ['report', firstReport(`&year=${YEAR}`)],
    // a page's other tabs, each opened by its address
    ['report-text', firstReport(`&year=${YEAR}`, 'text')],
    ['report-versions', firstReport(`&year=${YEAR}`, 'versions')],
    ['report-audit', firstReport(`&year=${YEAR}`, 'audit')],
    ['compare', async (p) => { const ids = await reportIds(p, '&sort=year'); return ids.length >= 2
      ? `/compare?a=${ids[1]}&b=${ids[0]}` : '/compare'; }],
    ['rollup', `/rollup?region=320000&year=${YEAR}`], ['filing', '/filing?region=320000'],
    ['ranking', '/ranking?region=320000'],
    ['ranking-indicators', `/ranking?region=320000&year=${YEAR}&tab=indicators`],
    ['upload', '/upload'],
  ],
  editor: [
    ['tasks-editor', '/tasks'], ['author', '/author'],
    ['author-form', async (p) => { const [id] = await reportIds(p, '&status=draft'); return id ? `/author?report=${id}`
      : null; }],
  ],
  admin: [['admin', '/admin?region=320100'], ['admin-users', '/admin?tab=users'], ['admin-rules', '/admin?tab=rules'],
    ['admin-filing', '/admin?tab=filing']],
};

for (const zoom of [false, true]) {
  for (const who of Object.keys(PAGES) as Who[]) {
    test(`${who} pages at ${zoom ? '200 %' : '1280 px'}: axe clean, reflow, screenshots`, async ({ browser }, info) => {
      test.setTimeout(60_000 + PAGES[who].length * 30_000); // axe over an antd page takes seconds on a busy machine
      const ctx = await browser.newContext(zoom ? { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } : {});
      const page = await ctx.newPage();
      if (who !== 'public') await signIn(page, USERS[who]);
      else await page.goto('/public');
      const problems: string[] = [];
      for (const [name, target] of PAGES[who]) {
        const path = typeof target === 'string' ? target : await target(page);
        if (path === null) {
          problems.push(`${name}: nothing stored to show`);
          continue;
        }
        await page.goto(path);
        await settle(page);
        await page.screenshot({ path: `test-results/screens/${name}${zoom ? '@200' : '@1280'}.png`, fullPage: true });
        if (zoom) {
          const overflow = await page.evaluate(() =>
            document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 2) problems.push(`${name}: the page scrolls sideways by ${overflow} px at 200 %`);
          // columns of dates, levels, states and counts stay on one line (a table scrolls in its box instead)
          const wrapped = await page.evaluate(() => [...document.querySelectorAll('main td.nowrap, main th.nowrap')]
            .filter((cell) => {
              // a text broken over lines has one box per line
              const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let n = texts.nextNode(); n; n = texts.nextNode()) {
                const r = document.createRange();
                r.selectNodeContents(n);
                if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) return true;
              }
              return false;
            }).map((c) => c.textContent));
          if (wrapped.length) problems.push(`${name}: short values wrap at 200 %: ${wrapped.slice(0, 3).join(', ')}`);
          continue;
        }
        const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        await info.attach(`axe-${name}.json`, { body: JSON.stringify(axe.violations, null, 1),
          contentType: 'application/json' });
        for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          problems.push(`${name}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) =>
            n.target.join(' ')).join(' | ')}`);
        }
      }
      await ctx.close();
      expect(problems).toEqual([]);
    });
  }
}
