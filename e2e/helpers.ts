// Shared steps: sign in through the form, wait for the shell, a report id by body and year through the API.
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export async function signIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名/).fill(user.username);
  await page.getByLabel(/密码/).fill(user.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('user')).toBeVisible();
}

/** The API as a signed-in user (cookie + CSRF header). */
export async function apiAs(request: APIRequestContext, user: { username: string; password: string }) {
  const login = await request.post('/api/session', { data: user });
  expect(login.ok()).toBeTruthy();
  const { csrfToken } = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return {
    get: async <T>(path: string): Promise<T> => {
      const r = await request.get(`/api${path}`);
      expect(r.ok(), `${path}: ${r.status()}`).toBeTruthy();
      return (await r.json()) as T;
    },
    post: (path: string, data: unknown) => request.post(`/api${path}`,
      { data, headers: { 'x-csrf-token': csrfToken } }),
  };
}

export async function reportIdOf(request: APIRequestContext, year: number): Promise<number> {
  const r = await request.get(`/api/reports?year=${year}&limit=50`);
  const page = (await r.json()) as { items: { id: number; year: number | null; bodyName: string | null }[] };
  const hit = page.items.find((x) => x.year === year);
  expect(hit, `a report for ${year}`).toBeTruthy();
  return hit!.id;
}
