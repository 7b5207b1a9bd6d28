// The header's shared filters (region tree, year) are shown on the pages they filter and not above one report:
// there the list's year — this season's by default — stood above an older report as if it were the report's
// (「年度 2025」 over a 2023 report). The header keeps its height either way, so the page does not move.
import { expect, test } from '@playwright/test';
import { reportIdOf, signIn } from './helpers';
import { ADMIN, YEAR } from './world';

test('the year filter is on the report list, not on a report page, and the header keeps its height',
  async ({ page }) => {
    await signIn(page, ADMIN);
    const older = YEAR - 1;
    const id = await reportIdOf(page.request, older);
    const year = page.getByRole('spinbutton', { name: '年度' });
    const header = page.locator('header, .header').first();

    await page.goto(`/reports?year=${older}`);
    await expect(year).toHaveValue(String(older));
    const listHeight = (await header.boundingBox())!.height;

    await page.goto(`/reports/${id}`);
    await expect(page.getByRole('heading', { name: new RegExp(`${older}年`) })).toBeVisible();
    await expect(year).toHaveCount(0);
    expect((await header.boundingBox())!.height).toBe(listHeight);

    // back on a list through the menu, the filter is there again
    await page.getByRole('link', { name: '报告列表' }).click();
    await expect(year).toBeVisible();
  });
