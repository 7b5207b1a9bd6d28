// Supervisor journey: upload two reports of one body (consecutive years) → see the findings → dismiss one with a
// reason → re-check keeps the decision → return the report with a note.
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';
import { SUPERVISOR, YEAR, reportFile } from './world';

test('supervisor: upload, review, dismiss, re-check, return', async ({ page }) => {
  await signIn(page, SUPERVISOR);
  await page.goto('/upload');
  await page.locator('input[type=file]').first().setInputFiles([reportFile(YEAR - 1, false), reportFile(YEAR, true)]);
  const results = page.getByTestId('import-result');
  await expect(results).toHaveCount(2, { timeout: 60_000 });
  await expect(results.nth(0)).toHaveText(/已导入/);
  await expect(results.nth(1)).toHaveText(/已导入/);

  // the later year's report, from the list
  await page.goto(`/reports?year=${YEAR}`);
  await page.getByRole('link', { name: /测试交通运输局/ }).first().click();
  await expect(page.getByTestId('report-title')).toContainText(String(YEAR));
  const findings = page.getByTestId('finding');
  await expect(findings.first()).toBeVisible();
  expect(await page.locator('td.flag-error').count()).toBeGreaterThan(0);

  // a flagged cell shows where it was read
  await page.locator('td.flag-error button').first().click();
  await expect(page.getByTestId('cell-panel')).toBeVisible();
  await expect(page.getByTestId('source-hit')).toBeVisible();

  // the text tab has an address of its own; choosing a finding brings back the tables, where its cells are
  await page.getByRole('tab', { name: '正文' }).click();
  await expect(page).toHaveURL(/[?&]tab=text/);
  await expect(page.getByTestId('section-text').first()).toBeVisible();
  await page.locator('[data-testid=finding]:not([data-cells="0"]) .ant-btn-link').first().click();
  await expect(page.getByRole('tab', { name: '表格' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).not.toHaveURL(/tab=/);

  // dismiss the first finding with a reason
  const first = findings.first();
  const rule = await first.getAttribute('data-rule');
  await first.getByRole('button', { name: /确认\/排除/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/排除/).check();
  await dialog.getByLabel(/理由/).fill('原文如此，经电话核实无误');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.locator(`[data-testid=finding][data-rule="${rule}"][data-status=dismissed]`).first()).toBeVisible();

  // re-check keeps the decision
  await page.getByRole('button', { name: /重新检查/ }).click();
  await expect(page.getByText('已重新检查')).toBeVisible();
  await page.reload();
  await expect(page.locator(`[data-testid=finding][data-rule="${rule}"][data-status=dismissed]`).first()).toBeVisible();
  await expect(page.getByText('原文如此，经电话核实无误').first()).toBeVisible();

  // return with a note
  await page.locator('[data-action=return]').click();
  const ret = page.getByRole('dialog');
  await ret.getByLabel(/退回意见/).fill('表三第一项与第三项不平衡，请核实后重新报送');
  await ret.getByRole('button', { name: /确\s*定/ }).click();
  await expect(page.getByText('已退回')).toBeVisible();
  await expect(page.locator('.ant-tag', { hasText: '退回' }).first()).toBeVisible();

  // the audit trail: the return, field by field (the note it added, the state it left)
  await page.getByRole('tab', { name: '操作记录' }).click();
  const entry = page.getByRole('row').filter({ hasText: '状态：退回' });
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('.audit-change li').filter({ hasText: /^status submitted → returned$/ })).toHaveCount(1);
  await expect(entry.locator('.audit-change li').filter({ hasText: '表三第一项与第三项不平衡' })).toHaveCount(1);
});
