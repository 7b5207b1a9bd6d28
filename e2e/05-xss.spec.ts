// Untrusted report text is never interpreted as HTML: <script>, onerror= and onload= payloads in a report's title,
// file name and section text (an uploaded file, and text typed into a draft) go through every page that shows
// report text; no payload runs and each is shown as the literal text it is.
import { expect, test, type Page } from '@playwright/test';
import { apiAs, signIn } from './helpers';
import { ADMIN, CITY, EDITOR, PAYLOADS, SUPERVISOR, YEAR, hostileFile } from './world';

async function noScriptRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('main script, main img[src="x"], main svg[onload]').count()).toBe(0);
}

test('XSS payloads are shown as text on every page', async ({ browser, request }) => {
  // a draft whose section text is hostile, typed by the editor
  const ed = await apiAs(request, EDITOR);
  const me = await ed.get<{ user: { bodyId: number } }>('/session');
  const created = await ed.post('/reports', { bodyId: me.user.bodyId, year: YEAR - 3, template: '2021' });
  expect(created.ok()).toBeTruthy();
  const draft = (await created.json()) as { id: number };
  const put = await request.put(`/api/reports/${draft.id}/content`, {
    data: { sections: [{ key: 'overview', text: PAYLOADS.join('\n') }],
      cells: { 'applications/newReceived/total': 1 } },
    headers: {
      'x-csrf-token': ((await (await request.get('/api/session')).json()) as { csrfToken: string }).csrfToken,
    },
  });
  expect(put.ok()).toBeTruthy();

  const page = await browser.newPage();
  const alerts: string[] = [];
  page.on('dialog', (d) => { alerts.push(d.message()); void d.dismiss(); });
  await signIn(page, SUPERVISOR);

  // an uploaded file whose name, title and text carry payloads
  await page.goto('/upload');
  await page.locator('input[type=file]').first().setInputFiles([hostileFile()]);
  await expect(page.getByTestId('import-result')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByText('<img src=x onerror=window.__xss=4>.txt')).toBeVisible();
  await noScriptRan(page);

  const listed = await page.request.get(`/api/reports?year=${YEAR - 2}&limit=5`);
  const hostile = (await listed.json()) as { items: { id: number }[] };
  const ids = [hostile.items[0]?.id, draft.id].filter((x): x is number => typeof x === 'number');
  expect(ids.length).toBe(2);

  await page.goto('/reports?year=');
  await noScriptRan(page);
  for (const id of ids) {
    await page.goto(`/reports/${id}`);
    await expect(page.getByTestId('report-title')).toBeVisible();
    await page.getByRole('tab', { name: '正文' }).click();
    for (const p of PAYLOADS)
      await expect(page.getByTestId('section-text').filter({ hasText: p }).first()).toBeVisible();
    await noScriptRan(page);
  }
  // the server's preview in the report page's first HTML (src/server/report-preview.ts) shows the title (else the
  // body's name) and the body's name: a body named with the payloads, and its draft (no title of its own)
  const adminCtx = await browser.newContext();
  const admin = await apiAs(adminCtx.request, ADMIN);
  const named = await admin.post('/bodies', { name: `测试${PAYLOADS.join('')}局`, aliases: [], level: 'department',
    regionCode: CITY, parentId: null, dueDate: '01-31', scope: 'own' });
  const hostileBody = (named.status() === 409
    ? (await admin.get<{ items: { id: number; name: string }[] }>('/bodies?q=onerror')).items[0]
    : await named.json()) as { id: number; name: string };
  const drafted = await admin.post('/reports', { bodyId: hostileBody.id, year: YEAR - 9, template: '2021' });
  const shown = drafted.ok() ? ((await drafted.json()) as { id: number }).id
    : (await admin.get<{ items: { id: number }[] }>(`/reports?body=${hostileBody.id}&limit=1`)).items[0].id;
  await adminCtx.close();
  const first = await (await page.request.get(`/reports/${shown}`)).text();
  expect(first).toContain('id="report-preview"');
  for (const p of PAYLOADS) expect(first).not.toContain(p);
  const still = await browser.newContext({ javaScriptEnabled: false,
    storageState: await page.context().storageState() });
  const bare = await still.newPage();
  await bare.goto(`/reports/${shown}`);
  await expect(bare.locator('#report-preview h1')).toContainText(hostileBody.name); // the title names the body
  await expect(bare.locator('#report-preview .preview-meta')).toContainText(hostileBody.name);
  expect(await bare.locator('#report-preview script, #report-preview img, #report-preview svg').count()).toBe(0);
  await still.close();
  await page.goto(`/reports/${shown}`);
  await expect(page.getByTestId('report-title')).toContainText(hostileBody.name);
  await noScriptRan(page);

  await page.goto(`/compare?a=${ids[0]}&b=${ids[1]}`);
  await expect(page.getByTestId('overall-rate')).toBeVisible({ timeout: 30_000 });
  await noScriptRan(page);
  await page.goto(`/public?q=${encodeURIComponent('<script>')}`);
  await noScriptRan(page);

  // the editor's form shows the typed payloads as text in the editors
  const clerk = await browser.newPage();
  clerk.on('dialog', (d) => { alerts.push(d.message()); void d.dismiss(); });
  await signIn(clerk, EDITOR);
  await clerk.goto(`/author?report=${draft.id}`);
  await expect(clerk.getByLabel(/总体情况/).first()).toHaveValue(PAYLOADS.join('\n'));
  await noScriptRan(clerk);
  await clerk.goto('/tasks');
  await noScriptRan(clerk);
  expect(alerts).toEqual([]);
});
