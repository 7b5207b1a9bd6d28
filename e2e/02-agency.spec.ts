// Agency journey: the body's editor sees the returned report, corrects a cell, re-submits; the supervisor accepts
// and publishes; compare with last year; roll-up (its bodies paged); export XLSX (the file opens and holds the
// numbers).
import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Download } from '@playwright/test';
import { apiAs, reportIdOf, signIn } from './helpers';
import { ADMIN, BODY_NAME, EDITOR, SUPERVISOR, YEAR, injectedFix } from './world';

async function bytesOf(d: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function numbersIn(xlsx: Buffer): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx);
  const out: number[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'number') out.push(c.value); })));
  return out;
}

/** Bodies without a report in another city of the province: the roll-up's list of bodies takes two pages. */
const EXTRA = 11;
async function addBodies(request: APIRequestContext): Promise<void> {
  const admin = await apiAs(request, ADMIN);
  for (let i = 1; i <= EXTRA; i++) {
    const res = await admin.post('/bodies', { name: `无锡市测试单位${String(i).padStart(2, '0')}`, aliases: [],
      level: 'department', regionCode: '320200', parentId: null, dueDate: '01-31', scope: 'own' });
    expect([201, 409]).toContain(res.status()); // 409: there already (a server kept between runs)
  }
}

test('agency: fix the returned report; supervisor accepts, publishes, compares, rolls up, exports',
  async ({ browser, request }) => {
  const id = await (async () => {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, SUPERVISOR);
    const r = await reportIdOf(p.request, YEAR);
    await ctx.close();
    return r;
  })();
  const fix = injectedFix(YEAR);

  // the editor: the returned report is on the to-do list with the note
  const clerkCtx = await browser.newContext();
  const clerk = await clerkCtx.newPage();
  await signIn(clerk, EDITOR);
  await clerk.goto('/tasks');
  const task = clerk.getByTestId('task').filter({ hasText: '退回' }).first();
  await expect(task).toContainText('表三第一项与第三项不平衡');
  await task.getByRole('link', { name: '处理' }).click();
  await expect(clerk.getByTestId('return-note')).toContainText('表三第一项与第三项不平衡');

  // corrects the broken cell on the report page, with a reason
  await clerk.goto(`/reports/${id}`);
  await clerk.locator(`td[data-key="${fix.key}"] button`).click();
  const panel = clerk.getByTestId('cell-panel');
  await panel.getByLabel('更正为').fill(String(fix.value));
  await panel.getByLabel('理由').fill('录入错误，按原始台账更正');
  await panel.getByRole('button', { name: /更\s*正/ }).click();
  await expect(clerk.getByText('已更正，并已重新检查')).toBeVisible();
  await expect(clerk.locator(`td[data-key="${fix.key}"]`)).toHaveText(String(fix.value));
  await expect(clerk.locator(`td[data-key="${fix.key}"]`)).not.toHaveClass(/flag-error/);
  await clerk.locator('[data-action=submit]').click();
  await expect(clerk.locator('.ant-tag', { hasText: '已报送' }).first()).toBeVisible();
  await clerkCtx.close();

  // the supervisor accepts and publishes
  const page = await browser.newPage();
  await signIn(page, SUPERVISOR);
  await page.goto(`/reports/${id}`);
  await page.locator('[data-action=accept]').click();
  await expect(page.locator('.ant-tag', { hasText: '已通过' }).first()).toBeVisible();
  await page.locator('[data-action=publish]').click();
  const dlg = page.getByRole('dialog');
  await dlg.getByLabel('发布网址').fill('https://www.example.gov.cn/xxgk/ndbg/2025.html');
  await dlg.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.locator('.ant-tag', { hasText: '已发布' }).first()).toBeVisible();
  const total = await page.locator('td[data-key="applications/newReceived/total"]').innerText();

  // compare with last year
  await page.getByRole('link', { name: '与上年对比' }).click();
  await expect(page.getByTestId('overall-rate')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ant-table-row').first()).toBeVisible();

  // roll-up of the province: the body's numbers are in the sums, and its XLSX export holds them
  await addBodies(request);
  await page.goto(`/rollup?region=320000&year=${YEAR}`);
  await expect(page.locator('td[data-key="applications/newReceived/total"]')).toHaveText(total);
  // the bodies expected, ten a page: the first page came with the roll-up, the second is asked when opened
  const { counts } = (await (await page.request.get(`/api/analysis/rollup?region=320000&year=${YEAR}&limit=1`))
    .json()) as { counts: { bodies: number; missing: number } };
  expect(counts.missing).toBeGreaterThanOrEqual(EXTRA);
  await expect(page.getByTestId('rollup-counts')).toContainText(`未报送 ${counts.missing}`);
  const rows = page.getByTestId('rollup-bodies').locator('.ant-table-row');
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: BODY_NAME })).toContainText('计入');
  const first = await rows.allInnerTexts();
  await page.getByTestId('rollup-bodies').locator('.ant-pagination-item-2').click();
  await expect(rows).toHaveCount(Math.min(10, counts.bodies - 10));
  const second = await rows.allInnerTexts();
  expect(second.some((r) => first.includes(r))).toBe(false);
  await expect(rows.filter({ hasText: '未报送' }).first()).toBeVisible();
  // drill-down: opening the cell asks the server for each summed body's value of it
  await page.locator('td[data-key="applications/newReceived/total"] button').click();
  const drill = page.getByTestId('drill');
  await expect(drill.locator('.ant-table-row').first()).toBeVisible();
  // the largest first: the server sorts and pages the contributions (blanks, shown as 空白, come last)
  const [sorted] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/analysis/rollup/contributors')
      && r.url().includes('sort=value')),
    drill.getByText('按数值').click(),
  ]);
  expect(sorted.status()).toBe(200);
  const asked = (await sorted.json()) as { byContributor: Record<string, [number, number | null][]> };
  const want = asked.byContributor['applications/newReceived/total'].map(([, v]) => (v === null ? '空白' : String(v)));
  expect(want.length).toBeGreaterThan(0);
  await expect(drill.locator('.ant-table-row td:nth-child(2)')).toHaveText(want);
  const drilled = want.filter((v) => v !== '空白').map(Number);
  expect(drilled).toEqual([...drilled].sort((a, b) => b - a));
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('link', { name: /导出汇总表/ }).click()]);
  const numbers = await numbersIn(await bytesOf(download));
  expect(numbers).toContain(Number(total));

  // the report's own XLSX rendering opens and holds the corrected value
  const xlsx = await request.get(`/api/reports/${id}/render/xlsx`);
  expect(xlsx.ok()).toBeTruthy();
  expect(await numbersIn(await xlsx.body())).toContain(fix.value);
});
