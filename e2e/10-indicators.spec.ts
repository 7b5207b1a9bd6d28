// Indicators journey (after 01's uploads): the ranking page's 指标排名 tab and the public page ask the server for
// one page of rows at a time, sorted by the server (a click on a column header asks again), and the ranking tab
// draws each rate's distribution as the server bins it. A province's year has ~10,000 rows: none is sorted here.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';
import { BODY_NAME, PROVINCE, SUPERVISOR, YEAR } from './world';

/** The indicator requests the page makes, as URLs (what it asked the server for). */
function asked(page: Page): URL[] {
  const list: URL[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/analysis/indicators')) list.push(new URL(r.url()));
  });
  return list;
}

const params = (u: URL | undefined) => Object.fromEntries(u?.searchParams ?? []);

test('indicators: rows paged and sorted by the server, distributions from the server', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  const urls = asked(page);
  await page.goto(`/ranking?region=${PROVINCE}&year=${YEAR}`);
  await page.getByRole('tab', { name: '指标排名' }).click();
  // the open tab is in the address: a reload (or a shared link) opens it again
  await expect(page).toHaveURL(/[?&]tab=indicators/);
  await page.reload();
  await expect(page.getByRole('tab', { name: '指标排名' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel', { name: '指标排名' });
  await expect(panel.getByRole('link', { name: BODY_NAME })).toBeVisible();
  expect(params(urls.at(-1))).toMatchObject({ region: PROVINCE, year: String(YEAR), limit: '50', offset: '0',
    sort: 'disclosureRate', order: 'desc' });

  // the distribution of a rate, as the server binned it, with its median; another rate on choice
  const spread = panel.getByRole('region', { name: '指标分布' });
  await expect(spread).toContainText('中位数');
  const chart = spread.getByRole('img', { name: /的分布/ });
  await expect(chart).toHaveAttribute('aria-label', /公开率/);
  await spread.getByRole('combobox', { name: '选择指标' }).click();
  // antd draws its own option list beside the hidden accessible one: click the drawn item
  await page.locator('.ant-select-item-option[title="不予公开占比"]').click();
  await expect(chart).toHaveAttribute('aria-label', /不予公开占比/);

  // a click on a column header asks the server for that order
  const before = urls.length;
  await panel.getByRole('columnheader', { name: /本年新收申请数/ }).click();
  await expect.poll(() => urls.length).toBeGreaterThan(before);
  expect(params(urls.at(-1))).toMatchObject({ sort: 'applications', order: 'asc', offset: '0' });
  await expect(panel.getByRole('link', { name: BODY_NAME })).toBeVisible();
  await panel.getByRole('columnheader', { name: /本年新收申请数/ }).click();
  await expect.poll(() => params(urls.at(-1)).order).toBe('desc');
  await expect(panel.getByRole('columnheader', { name: /本年新收申请数/ })).toHaveAttribute('aria-sort', 'descending');
});

test('indicators on the public page: a page of 20 from the server', async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const urls = asked(page);
  await page.goto(`/public?year=${YEAR}`);
  const table = page.locator('main .ant-table').last();
  await expect(table.getByRole('link', { name: BODY_NAME }).first()).toBeVisible();
  expect(params(urls.at(-1))).toMatchObject({ year: String(YEAR), limit: '20', offset: '0', sort: 'label' });
  await ctx.close();
});
