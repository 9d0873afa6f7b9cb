import { type APIRequestContext, expect, type Page } from '@playwright/test';

import { E2E_API_URL } from '../stack';

/** Demo accounts of the seed (apps/api/src/seed/demo-seed.ts) beyond those in ../stack. */
export const TEACHER = { phone: '0911000003', password: 'hocvu2026' };
export const COMMUNE_ADMIN = { phone: '0911000002', password: 'hocvu2026' };

/** Fills in and sends the sign-in form; does not wait for the result (tests check it themselves). */
export async function submitSignIn(page: Page, phone: string, password: string): Promise<void> {
  await page.goto('/auth/sign-in');
  await page.getByLabel('Số điện thoại hoặc email').fill(phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** Signs in and waits for the greeting on the home page. */
export async function signIn(page: Page, phone: string, password: string): Promise<void> {
  await submitSignIn(page, phone, password);
  await expect(page.getByRole('heading', { level: 1, name: /^Xin chào/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(nav(page).getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
}

export function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

export type Call = <T>(method: string, path: string, data?: unknown) => Promise<T>;

/** Signs in through the API and returns a caller with the bearer token (test data made as a user would). */
export async function apiAs(
  request: APIRequestContext,
  account: { phone: string; password: string },
): Promise<Call> {
  const login = await request.post(`${E2E_API_URL}/api/auth/login`, {
    data: { identifier: account.phone, password: account.password },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const response = await request.fetch(`${E2E_API_URL}${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}` },
      ...(data === undefined ? {} : { data }),
    });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}
