// How a report page loads (issue 11, "renders within 1 s"): the HTML names the report's API answer and the page's
// chunks, so they load beside the app's own JavaScript, and the app takes that answer over instead of asking
// again; the app's files are cached as immutable and sent compressed; moving from one report to another shows
// a loading state, never the previous report as if it were the next.
import { expect, test } from '@playwright/test';
import { reportIdOf, signIn } from './helpers';
import { SUPERVISOR, YEAR } from './world';

test('a report page: its data and chunks preloaded from the HTML, the report asked for once', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const id = await reportIdOf(page.request, YEAR);
  const html = await (await page.request.get(`/reports/${id}`)).text();
  expect(html).toContain(`<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/reports/${id}">`);
  expect(html).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/session">');
  expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/report-[\w-]+\.js">/);

  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const scripts: Record<string, string>[] = [];
  page.on('response', async (r) => {
    if (/\/assets\/index-[\w-]+\.js$/.test(r.url())) scripts.push(await r.allHeaders());
  });
  await page.goto(`/reports/${id}`);
  await expect(page.locator('table.official[data-table="applications"]')).toBeVisible();
  expect(asked.filter((p) => p === `/api/reports/${id}`)).toHaveLength(1);
  expect(asked.filter((p) => p === '/api/session')).toHaveLength(1);
  // the one answer is the preload's (Resource Timing names a <link> as its initiator, not a fetch)
  const timing = await page.evaluate((rid) => performance.getEntriesByType('resource')
    .filter((e) => e.name.endsWith(`/api/reports/${rid}`))
    .map((e) => (e as PerformanceResourceTiming).initiatorType), id);
  expect(timing).toEqual(['link']);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts[0]['cache-control']).toContain('immutable');
  expect(scripts[0]['content-encoding']).toMatch(/^(br|gzip)$/);
  const index = await page.request.get(`/reports/${id}`);
  expect(index.headers()['cache-control']).toBe('no-cache');
});

test('moving from one report to another shows a loading state, not the previous report', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const [a, b] = [await reportIdOf(page.request, YEAR), await reportIdOf(page.request, YEAR - 1)];
  await page.goto(`/reports/${a}`);
  await expect(page.getByTestId('report-title')).toBeVisible();
  // the next report's answer is held back until the loading state has been seen
  let release = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route(`**/api/reports/${b}`, async (route) => {
    await held;
    await route.continue();
  });
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/reports/${b}`);
  await expect(page.locator('main [aria-busy=true]').first()).toBeVisible();
  await expect(page.getByTestId('report-title')).toHaveCount(0);
  release();
  await expect(page.getByTestId('report-title')).toBeVisible();
  await expect(page.locator('main [aria-busy=true]')).toHaveCount(0);
});
