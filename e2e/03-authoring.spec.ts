// Authoring journey: the body's editor creates a report, types an inconsistent table, sees the live finding
// (the engine's rules running in the browser), fixes it, and submits.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { EDITOR, YEAR } from './world';

test('editor: create, live check, fix, submit', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/author');
  // the year offered is one the body lacks (the latest from last year down), not one it has (a 409)
  const mine = await (await page.request.get('/api/reports?limit=100')).json() as { items: { year: number }[] };
  const have = new Set(mine.items.map((r) => r.year));
  let lacking = YEAR;
  while (have.has(lacking)) lacking--;
  await expect(page.getByLabel('报告年度')).toHaveValue(String(lacking));
  await page.getByLabel('报告年度').fill(String(YEAR + 1));
  await page.getByRole('button', { name: /新\s*建/ }).click();
  await expect(page).toHaveURL(/\/author\?report=\d+/);
  await expect(page.getByTestId('live-count')).toBeVisible();

  await page.getByLabel(/总体情况/).first().fill('本年度，本机关认真贯彻《条例》，主动公开政府信息。');
  await page.getByRole('button', { name: /未填写的单元格填 0/ }).click();
  await expect(page.getByTestId('live-count')).toContainText('0 个错误');

  // 本年新收 自然人 5 while the row total and the outcomes stay 0: the row total and the balance break
  const cell = page.locator('input[data-key="applications/newReceived/naturalPerson"]');
  await cell.fill('5');
  await expect(page.getByTestId('live-count')).not.toContainText('0 个错误');
  await expect(page.locator('[data-testid=live-finding][data-rule="row-total"]').first()).toBeVisible();
  await expect(cell).toHaveClass(/flag-error/);

  // fixed: back to 0, the finding goes away while typing
  await cell.fill('0');
  await expect(page.getByTestId('live-count')).toContainText('0 个错误');
  await expect(page.locator('[data-testid=live-finding][data-rule="row-total"]')).toHaveCount(0);

  await page.getByRole('button', { name: /保存草稿/ }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
  await page.getByRole('button', { name: /报送（备案）/ }).click();
  await expect(page).toHaveURL(/\/reports\/\d+/);
  await expect(page.locator('.ant-tag', { hasText: '已报送' }).first()).toBeVisible();
});
