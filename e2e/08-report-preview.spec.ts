// A report page's first HTML holds the report's official tables, drawn by the server for whoever may read it
// (src/server/report-preview.ts), so they show before any script has run; the app's report page then takes their
// place (web/src/pages/report/preview.ts): the page never shows both sets of tables, and once the app's are there
// the preview is gone. The public gets no preview of an unpublished report, and the app says "not found" as before.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, signIn } from './helpers';
import { ADMIN, BODY_NAME, SUPERVISOR, YEAR } from './world';

const PREVIEW_TABLES = '#report-preview table.official[data-table="applications"]';
const APP_TABLES = 'main table.official[data-table="applications"]:not(#report-preview *)';

/** Reports of the body for these years, published or only submitted (made through the API as the admin, once). */
async function reportsIn(request: APIRequestContext, wanted: [number, boolean][]): Promise<number[]> {
  const admin = await apiAs(request, ADMIN);
  const body = (await admin.get<{ items: { id: number; name: string }[] }>(
    `/bodies?q=${encodeURIComponent(BODY_NAME)}`)).items.find((b) => b.name === BODY_NAME)!;
  const ids: number[] = [];
  for (const [year, publish] of wanted) ids.push(await reportIn(request, admin, body.id, year, publish));
  await request.delete('/api/session', { headers: { 'x-csrf-token':
    ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken } });
  return ids;
}

type Admin = Awaited<ReturnType<typeof apiAs>>;

async function reportIn(request: APIRequestContext, admin: Admin, bodyId: number, year: number,
  publish: boolean): Promise<number> {
  const body = { id: bodyId };
  const had = (await admin.get<{ items: { id: number; year: number | null; status: string }[] }>(
    `/reports?body=${body.id}&year=${year}&limit=5`)).items.find((r) => r.year === year);
  let id = had?.id;
  if (id === undefined) {
    const made = await admin.post('/reports', { bodyId: body.id, year, template: '2021' });
    expect(made.ok(), await made.text()).toBeTruthy();
    id = ((await made.json()) as { id: number }).id;
    const { csrfToken } = (await (await request.get('/api/session')).json()) as { csrfToken: string };
    const put = await request.put(`/api/reports/${id}/content`, { headers: { 'x-csrf-token': csrfToken },
      data: { sections: [{ key: 'overview', text: '本年度总体情况。' }],
        cells: { 'applications/newReceived/naturalPerson': 7, 'applications/newReceived/total': 9 } } });
    expect(put.ok(), await put.text()).toBeTruthy();
    expect((await admin.post(`/reports/${id}/submit`, {})).ok()).toBeTruthy();
    if (publish) {
      expect((await admin.post(`/reports/${id}/accept`, {})).ok()).toBeTruthy();
      expect((await admin.post(`/reports/${id}/publish`, { url: 'https://www.example.gov.cn/ndbg.html',
        date: `${year + 1}-03-01` })).ok()).toBeTruthy();
    }
  }
  return id;
}

/** In the page before any script of its own: whether the preview and the app's tables were ever shown together. */
function watchTables(page: Page) {
  return page.addInitScript(() => {
    const w = window as unknown as { __both: number; __sawPreview: boolean };
    w.__both = 0;
    w.__sawPreview = false;
    const shown = (sel: string) => [...document.querySelectorAll(sel)]
      .some((t) => t.getBoundingClientRect().height > 0);
    const look = () => {
      const preview = shown('#report-preview table.official');
      const app = shown('table.official:not(#report-preview *)');
      if (preview) w.__sawPreview = true;
      if (preview && app) w.__both++;
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
    const frame = () => {
      look();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

test('the HTML of a report page holds its tables before any script runs; the app replaces them', async ({ browser,
  request }) => {
  const [id] = await reportsIn(request, [[YEAR - 7, false]]);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, SUPERVISOR);

  // the HTML as served, and the page without JavaScript
  const html = await (await page.request.get(`/reports/${id}`)).text();
  expect(html).toMatch(/<div id="report-preview" class="report-preview" aria-busy="true"/);
  expect(html).toContain('<table class="official t3" data-table="applications">');
  const state = await ctx.storageState();
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: state });
  const still = await noJs.newPage();
  await still.goto(`/reports/${id}`);
  await expect(still.locator(PREVIEW_TABLES)).toBeVisible();
  await expect(still.locator('#report-preview td[data-key="applications/newReceived/naturalPerson"]')).toHaveText('7');
  await expect(still.locator('#report-preview h1')).toContainText(String(YEAR - 7));
  await noJs.close();

  // with the app: the preview shows first, the app's tables take its place, never both at once
  const fresh = await browser.newContext({ storageState: state });
  const live = await fresh.newPage();
  await watchTables(live);
  await live.goto(`/reports/${id}`);
  await expect(live.locator(APP_TABLES)).toBeVisible();
  await expect(live.locator('td[data-key="applications/newReceived/naturalPerson"] button')).toHaveText('7');
  await expect(live.locator('#report-preview')).toHaveCount(0);
  await expect(live.locator('table.official[data-table="applications"]')).toHaveCount(1);
  await expect(live.locator('main [aria-busy=true]')).toHaveCount(0);
  const seen = await live.evaluate(() => {
    const w = window as unknown as { __both: number; __sawPreview: boolean };
    return { both: w.__both, sawPreview: w.__sawPreview };
  });
  expect(seen.sawPreview).toBe(true);
  expect(seen.both).toBe(0);
  // the app works as before: a cell opens its panel
  await live.locator('td[data-key="applications/newReceived/naturalPerson"] button').click();
  await expect(live.getByTestId('cell-panel')).toBeVisible();
  // leaving the page before the app drew the report (its data held back): the preview goes with it
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await live.route(`**/api/reports/${id}`, async (route) => {
    await held;
    await route.continue();
  });
  await live.goto(`/reports/${id}`, { waitUntil: 'commit' });
  await expect(live.locator('main#main #report-preview')).toBeVisible(); // in the shell's content slot now
  await live.evaluate(() => {
    history.pushState(null, '', '/tasks');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(live.locator('#report-preview')).toHaveCount(0);
  await expect(live.locator('table.official')).toHaveCount(0);
  await expect(live.locator('main#main > :visible').first()).toBeVisible(); // the page gone to, no longer hidden
  release();
  await fresh.close();
  await ctx.close();
});

test('the preview alone (the app not yet run): axe clean, reflows at 200 %', async ({ browser, request }, info) => {
  const [id] = await reportsIn(request, [[YEAR - 8, true]]);
  for (const zoom of [false, true]) {
    const ctx = await browser.newContext(zoom ? { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } : {});
    const page = await ctx.newPage();
    // the app's scripts held back: what a slow first load shows until they run
    await page.route(/\/assets\/.*\.js$/, (r) => r.abort());
    await page.goto(`/reports/${id}`);
    await expect(page.locator(PREVIEW_TABLES)).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    await info.attach(`axe-preview-${zoom ? 200 : 100}.json`, { body: JSON.stringify(axe.violations, null, 1),
      contentType: 'application/json' });
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // the page itself does not scroll sideways (a wide table scrolls in its own box)
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(sideways).toBeLessThanOrEqual(1);
    await page.screenshot({ path: info.outputPath(`preview-${zoom ? 200 : 100}.png`), fullPage: false });
    await ctx.close();
  }
});

test('the public: a preview of a published report, none of an unpublished one', async ({ browser, request }) => {
  const [published, hidden] = await reportsIn(request, [[YEAR - 8, true], [YEAR - 7, false]]);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const open = await (await page.request.get(`/reports/${published}`)).text();
  expect(open).toContain('id="report-preview"');
  expect(open).toContain('data-table="applications"');
  const closed = await page.request.get(`/reports/${hidden}`);
  expect(closed.status()).toBe(200);
  const text = await closed.text();
  expect(text).not.toContain('report-preview');
  expect(text).not.toContain('data-table=');
  // in the browser: the published report's page works; the other reads as not found, as before
  await page.goto(`/reports/${published}`);
  await expect(page.getByTestId('report-title')).toBeVisible();
  await expect(page.locator('#report-preview')).toHaveCount(0);
  await page.goto(`/reports/${hidden}`);
  await expect(page.getByRole('alert')).toContainText(/出错了/);
  await expect(page.locator('table.official')).toHaveCount(0);
  await ctx.close();
});
