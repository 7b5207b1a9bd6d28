// Public journey: without signing in, only published reports are listed or opened; no write control is shown,
// and writes sent anyway are refused.
import { expect, test } from '@playwright/test';
import { BODY_NAME, YEAR } from './world';

interface Row { id: number; status: string; year: number | null }

test('public: published reports only, no write control, writes refused', async ({ page, request }) => {
  const listed = (await (await request.get('/api/reports?limit=100')).json()) as { items: Row[] };
  expect(listed.items.length).toBeGreaterThan(0);
  expect(listed.items.every((r) => r.status === 'published')).toBe(true);
  const published = listed.items.find((r) => r.year === YEAR)!;
  expect(published).toBeTruthy();

  await page.goto(`/public?year=${YEAR}`);
  await expect(page.getByRole('link', { name: new RegExp(BODY_NAME) }).first()).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: '上传' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '填报' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: '管理' })).toHaveCount(0);

  // the published report: readable, nothing to press that writes
  await page.goto(`/reports/${published.id}`);
  await expect(page.getByTestId('report-title')).toBeVisible();
  await expect(page.locator('[data-action]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /重新检查|确认\/排除/ })).toHaveCount(0);
  await page.locator('td[data-key="applications/newReceived/total"] button').click();
  await expect(page.getByTestId('cell-panel')).toBeVisible();
  await expect(page.getByRole('button', { name: /更\s*正/ })).toHaveCount(0);

  // an unpublished report is not there for the public: a readable message, not JSON
  const other = (await (await request.get('/api/reports?limit=1&status=submitted')).json()) as { items: Row[] };
  expect(other.items).toEqual([]);
  const missing = published.id + 1000;
  await page.goto(`/reports/${missing}`);
  await expect(page.getByRole('alert')).toContainText(/出错了/);
  await expect(page.getByRole('alert')).not.toContainText('{"error"');

  // writes sent anyway are refused
  const { csrfToken } = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const writes = [
    request.post(`/api/reports/${published.id}/return`, { data: { note: 'x', findingIds: [] }, headers }),
    request.post(`/api/reports/${published.id}/recheck`, { data: {}, headers }),
    request.patch(`/api/reports/${published.id}/cells`,
      { data: { changes: [{ key: 'applications/newReceived/total', value: 1, reason: 'x' }] }, headers }),
    request.post('/api/reports', { data: { bodyId: 1, year: YEAR + 3, template: '2021' }, headers }),
    request.post('/api/findings/1/decision', { data: { decision: 'dismissed', reason: 'x' }, headers }),
  ];
  for (const res of await Promise.all(writes)) expect([401, 403]).toContain(res.status());
});
